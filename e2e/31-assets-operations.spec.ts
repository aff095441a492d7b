/**
 * Journey: 责任到人 and 按比例赔偿, issue 5's chain on one batch. The
 * administrator (through the API) opens a site with a classroom, the class
 * 初二(3)班, a teacher who is the custodian (with a staff account), a leader
 * who approves and a stock-take counter, and registers 40 desks in one batch
 * standing in the classroom; their 40 labels print. In the register three
 * desks are assigned to the class with the teacher as custodian; the teacher
 * confirms receipt on a phone. One desk is lent (API) and returned from
 * 借用管理. A stock-take of the class's desks is counted on a phone and finds
 * one missing. Damage is reported on another (API); the leader approves with
 * a 50% share for the teacher and sees the amount computed as he types;
 * 资产赔偿 shows 50% of the desk's net value, the payment is recorded and the
 * row is settled. Last, the class asks for an idle desk from the pool.
 */
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { ADMIN, signIn } from './accounts.ts';
import { chooseOption, expectAccessible, snap, submitDialog } from './support.ts';

test.describe.configure({ mode: 'serial' });

const TAG = `AO${Date.now().toString(36).toUpperCase()}`;
const CLASS = `初二(3)班 ${TAG}`;
const TEACHER = {
  username: `e2e-ao-t-${TAG.toLowerCase()}`,
  password: 'ao-teacher-pass-1',
  name: `李老师${TAG}`,
};
const COUNTER = {
  username: `e2e-ao-c-${TAG.toLowerCase()}`,
  password: 'ao-counter-pass-1',
  name: `盘点员${TAG}`,
};
const ROOM = `${TAG} 初二(3)班教室`;
const LEADER = {
  username: `e2e-ao-l-${TAG.toLowerCase()}`,
  password: 'ao-leader-pass-1',
  name: `王校长${TAG}`,
};

const seeded = {
  siteId: '',
  personId: '',
  classId: '',
  batchId: '',
  assets: [] as { id: string; tagNo: string }[],
};
let assignNumber = '';
let damageId = '';
let stocktakeId = '';

async function created<T>(res: Awaited<ReturnType<APIRequestContext['post']>>): Promise<T> {
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as T;
}

/** Site, classroom, class, teacher (person + staff account), leader, counter, a desk category and 40 desks. */
async function seed(page: Page) {
  const r = page.request;
  const site = await created<{ id: string }>(
    await r.post('/api/sites', { data: { code: TAG, name: `资产业务测试校区 ${TAG}` } }),
  );
  seeded.siteId = site.id;
  const building = await created<{ id: string }>(
    await r.post('/api/locations', {
      data: { siteId: site.id, type: 'building', code: `${TAG}-B`, name: `${TAG} 教学楼` },
    }),
  );
  const room = await created<{ id: string }>(
    await r.post('/api/locations', {
      data: {
        siteId: site.id,
        parentId: building.id,
        type: 'room',
        code: `${TAG}-203`,
        name: ROOM,
      },
    }),
  );
  const dept = await created<{ id: string }>(
    await r.post('/api/departments', {
      data: { code: `${TAG}-C23`, name: CLASS, siteId: site.id },
    }),
  );
  seeded.classId = dept.id;
  const person = await created<{ id: string }>(
    await r.post('/api/people', {
      data: { employeeNo: `${TAG}-T1`, name: TEACHER.name, departmentId: dept.id },
    }),
  );
  seeded.personId = person.id;
  const roles = (await (await r.get('/api/roles')).json()) as { id: string; key: string }[];
  const role = (key: string) => roles.find((x) => x.key === key)!.id;
  await created(
    await r.post('/api/users', {
      data: {
        username: TEACHER.username,
        password: TEACHER.password,
        displayName: TEACHER.name,
        personId: person.id,
        mustChangePassword: false,
        grants: [{ roleId: role('staff'), siteId: site.id }],
      },
    }),
  );
  await created(
    await r.post('/api/users', {
      data: {
        username: COUNTER.username,
        password: COUNTER.password,
        displayName: COUNTER.name,
        mustChangePassword: false,
        grants: [{ roleId: role('asset_counter'), siteId: site.id }],
      },
    }),
  );
  await created(
    await r.post('/api/users', {
      data: {
        username: LEADER.username,
        password: LEADER.password,
        displayName: LEADER.name,
        mustChangePassword: false,
        grants: [{ roleId: role('leader'), siteId: site.id }],
      },
    }),
  );
  const category = await created<{ id: string }>(
    await r.post('/api/assets/categories', {
      data: { code: `${TAG}-DESK`, name: `学生课桌 ${TAG}`, lifeMonths: 180 },
    }),
  );
  const batch = await created<{
    operation: { id: string };
    assets: { id: string; tagNo: string }[];
  }>(
    await r.post('/api/assets/batch', {
      data: {
        siteId: site.id,
        categoryId: category.id,
        locationId: room.id,
        name: '学生课桌',
        unitPriceFen: 32_000,
        purchaseDate: '2024-09-01',
        count: 40,
        tagPrefix: `${TAG}-`,
      },
    }),
  );
  seeded.batchId = batch.operation.id;
  seeded.assets = batch.assets;
}

test('assign three desks to the class with a custodian', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  await signIn(page, ADMIN);
  await seed(page);

  // The batch's 40 labels, two A4 sheets.
  await page.goto(`/assets/labels?operationId=${seeded.batchId}`);
  await expect(page.getByTestId('label')).toHaveCount(40);
  await expect(page.getByTestId('label').first()).toContainText(seeded.assets[0]!.tagNo);

  // The settings say what waits for approval: damage does, assignment does not.
  await page.goto('/assets/settings');
  await expect(page.getByRole('checkbox', { name: '报损' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: '领用' })).not.toBeChecked();
  await snap(page, testInfo, '01-settings');

  await page.goto(`/assets?q=${TAG}&siteId=${seeded.siteId}`);
  for (const a of seeded.assets.slice(0, 3))
    await page.getByRole('row').filter({ hasText: a.tagNo }).getByRole('checkbox').check();
  await page.getByRole('button', { name: /办理业务/ }).click();
  await page.getByRole('menuitem', { name: '领用', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: /领用（3 件资产）/ });
  await expect(dialog.getByText('提交后立即生效')).toBeVisible();
  await chooseOption(page, dialog, '使用部门', CLASS);
  await chooseOption(page, dialog, '保管人', TEACHER.name);
  await snap(page, testInfo, '02-assign-dialog');
  await submitDialog(dialog, '提交');

  await expect(page).toHaveURL(/\/assets\/operations\/[0-9a-f-]{36}$/);
  await expect(page.getByText('待接收').first()).toBeVisible();
  await expect(page.getByText(CLASS)).toBeVisible();
  assignNumber = (await page.getByRole('heading', { level: 1 }).textContent()) ?? '';
  expect(assignNumber).not.toBe('');
  await snap(page, testInfo, '03-assign-pending-receipt');
  await expectAccessible(page, testInfo, 'operation-page');
});

test.describe('the custodian on a phone', () => {
  test.use({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });

  test('confirms receipt from 待我处理', async ({ page }, testInfo) => {
    test.setTimeout(180_000);
    await signIn(page, TEACHER);
    await page.goto('/assets/operations?waitingForMe=true');
    const card = page.getByRole('listitem').filter({ hasText: assignNumber });
    await expect(card).toBeVisible();
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
      375,
    );
    await snap(page, testInfo, '04-phone-waiting');
    await card.click();
    await page.getByRole('button', { name: '确认接收' }).click();
    await submitDialog(page.getByRole('dialog', { name: /确认接收/ }), '确认接收');
    await expect(page.getByText('已确认接收')).toBeVisible();
    await expect(page.getByText('已完成').first()).toBeVisible();
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
      375,
    );
    await snap(page, testInfo, '05-phone-confirmed');
  });
});

test('lend and return one desk', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  await signIn(page, ADMIN);
  const r = page.request;
  const lent = seeded.assets[3]!;
  await created(
    await r.post('/api/assets/operations', {
      data: { kind: 'lend', assetIds: [lent.id], borrowerPersonId: seeded.personId },
    }),
  );
  await page.goto(`/assets/loans?siteId=${seeded.siteId}`);
  const row = page.getByRole('row').filter({ hasText: lent.tagNo });
  await expect(row).toContainText(TEACHER.name);
  await snap(page, testInfo, '06-loans');
  await row.getByRole('button', { name: `归还：${lent.tagNo}` }).click();
  const dialog = page.getByRole('dialog', { name: /归还/ });
  await expect(dialog.getByText('提交后立即生效')).toBeVisible();
  await submitDialog(dialog, '提交');
  await expect(page.getByText(/已提交：/)).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: lent.tagNo })).toHaveCount(0);

  // A stock-take of the class's desks (the three in its custody).
  const stocktake = await created<{ id: string; expected: number }>(
    await r.post('/api/assets/stocktakes', {
      data: {
        name: `${TAG} 初二(3)班期中盘点`,
        siteId: seeded.siteId,
        scope: { departmentId: seeded.classId },
      },
    }),
  );
  stocktakeId = stocktake.id;
});

test.describe('the counter on a phone', () => {
  test.use({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });

  test("counts two of the class's three desks", async ({ page }, testInfo) => {
    test.setTimeout(180_000);
    await signIn(page, COUNTER);
    await page.goto(`/assets/stocktakes/${stocktakeId}/count`);
    await chooseOption(page, page, '我所在的位置', ROOM);
    await expect(page.getByText('本位置待盘 3 件')).toBeVisible();
    const tagBox = page.getByLabel('资产标签号');
    const feedback = page.getByTestId('scan-feedback');
    for (const desk of seeded.assets.slice(0, 2)) {
      await tagBox.fill(desk.tagNo);
      await tagBox.press('Enter');
      await expect(feedback).toContainText(desk.tagNo);
      await expect(feedback).toContainText('已盘到');
    }
    await expect(page.getByText('本位置待盘 1 件')).toBeVisible();
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
      375,
    );
    await snap(page, testInfo, '06a-phone-count');
  });
});

test('the stock-take finds one desk missing; damage is reported on another', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  await signIn(page, ADMIN);
  await page.goto(`/assets/stocktakes/${stocktakeId}`);
  await expect(page.getByText('2/3').first()).toBeVisible();
  const variance = page.getByRole('table').last();
  await expect(
    variance.getByRole('row').filter({ hasText: seeded.assets[2]!.tagNo }),
  ).toContainText('盘亏');
  await snap(page, testInfo, '06b-variance');

  const damage = await created<{ id: string; status: string }>(
    await page.request.post('/api/assets/operations', {
      data: {
        kind: 'damage',
        assetIds: [seeded.assets[0]!.id],
        reason: `桌面断裂 ${TAG}`,
        condition: 'damaged',
      },
    }),
  );
  expect(damage.status).toBe('pending_approval');
  damageId = damage.id;
});

test('the leader approves the damage with a 50% share', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  await signIn(page, LEADER);
  await page.goto(`/assets/operations/${damageId}`);
  await expect(page.getByText('待审批').first()).toBeVisible();
  await page.getByRole('button', { name: '审批通过' }).click();
  const dialog = page.getByRole('dialog', { name: /审批通过/ });
  await dialog.getByRole('button', { name: '添加赔偿方' }).click();
  await chooseOption(page, dialog, '赔偿人', TEACHER.name);
  await dialog.getByLabel('赔偿比例（%）').fill('50');
  await dialog.getByLabel('赔偿比例（%）').press('Tab');
  const detail = (await (await page.request.get(`/api/assets/operations/${damageId}`)).json()) as {
    lines: { valueFen: number }[];
  };
  const expected = Math.round(detail.lines[0]!.valueFen / 2);
  const yuan = `¥${(expected / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2 })}`;
  await expect(dialog.getByText(`应赔金额：${yuan}`)).toBeVisible();
  await snap(page, testInfo, '07-approve-share');
  await submitDialog(dialog, '审批通过');
  await expect(page.getByText('已审批通过')).toBeVisible();
  await expect(page.getByText('已完成').first()).toBeVisible();
  await expect(page.getByText(`${TEACHER.name}（个人）`)).toBeVisible();
  await snap(page, testInfo, '08-approved');
});

test('compensation shows 50% of the net value; payment settles it', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  await signIn(page, ADMIN);
  await page.goto(`/assets/compensations?party=${encodeURIComponent(TEACHER.name)}`);
  const row = page.getByRole('row').filter({ hasText: TEACHER.name });
  await expect(row).toContainText('50%');
  const comp = (await (
    await page.request.get(`/api/assets/compensations?party=${encodeURIComponent(TEACHER.name)}`)
  ).json()) as { items: { netValueFen: number; amountFen: number }[] };
  expect(comp.items[0]!.amountFen).toBe(Math.round(comp.items[0]!.netValueFen / 2));
  await snap(page, testInfo, '09-compensations');
  await expectAccessible(page, testInfo, 'compensations');

  await row.getByRole('button', { name: `登记收款：${TEACHER.name}` }).click();
  const dialog = page.getByRole('dialog', { name: /登记收款/ });
  await dialog.getByLabel('收据号').fill(`SJ-${TAG}`);
  await submitDialog(dialog, '登记收款');
  await expect(page.getByText('已登记收款')).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: TEACHER.name })).toContainText('已结清');

  await page.getByText('按部门统计', { exact: true }).click();
  await expect(page.getByText(/年赔偿统计/)).toBeVisible();
  await snap(page, testInfo, '10-settled-report');
});

test('the class asks for an idle desk instead of buying one', async ({ page }, testInfo) => {
  await signIn(page, ADMIN);
  await page.goto(`/assets/idle?siteId=${seeded.siteId}`);
  await page.getByRole('button', { name: `申请调用：学生课桌 ${TAG}（良好）` }).click();
  const dialog = page.getByRole('dialog', { name: `申请调用：学生课桌 ${TAG}` });
  await chooseOption(page, dialog, '调入部门', CLASS);
  await dialog.getByLabel('申请数量').fill('1');
  await dialog.getByLabel('申请理由').fill('新学期加座，使用闲置课桌');
  // Where the desk goes: the class's room (the place decides the site it is registered at).
  await chooseOption(page, dialog, '调入院区', `资产业务测试校区 ${TAG}`);
  await chooseOption(page, dialog, '存放位置', ROOM);
  await snap(page, testInfo, '06-idle-request-dialog');
  await submitDialog(dialog, '申请调用');
  // One site: the transfer it started opens, marked as the class's request.
  await expect(page).toHaveURL(/\/assets\/operations\/[0-9a-f-]{36}$/);
  await expect(page.getByText('新学期加座，使用闲置课桌')).toBeVisible();
  await expect(page.getByText(CLASS).first()).toBeVisible();
  await expect(page.getByText(ROOM).first()).toBeVisible();
  await snap(page, testInfo, '06-idle-request');
});
