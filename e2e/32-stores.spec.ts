/**
 * Journey: the stores manager adds an item (LED 灯管) and stocks it in twice
 * (10 at ¥20, 10 at ¥30: average ¥25); a technician completes a work order
 * on a phone taking 2 from the store (stock 18, value ¥450; the order's
 * materials ¥50); a member of staff asks for 3, the approver approves, and
 * the consumption report shows the department.
 */
import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { ADMIN, signIn } from './accounts.ts';
import { chooseOption, expectAccessible, snap, submitDialog } from './support.ts';

test.describe.configure({ mode: 'serial' });

const PHONE = { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true };
const TAG = `ST${Date.now().toString(36).slice(-5).toUpperCase()}`;
const lower = TAG.toLowerCase();
const TECH = { username: `st-tech-${lower}`, password: 'st-tech-pass-1' };
const STAFF = { username: `st-staff-${lower}`, password: 'st-staff-pass-1' };
const ITEM_CODE = `${TAG}-LED`;
const ITEM_NAME = `LED 灯管${TAG}`;
const DEPT = `物资测试科${TAG}`;

type Ctx = { siteId: string; storeId: string; deptId: string; orderId: string };
const ctx: Ctx = { siteId: '', storeId: '', deptId: '', orderId: '' };

async function created<T>(res: Awaited<ReturnType<APIRequestContext['post']>>): Promise<T> {
  expect(res.status(), `${res.url()}: ${await res.text()}`).toBeLessThan(300);
  return (await res.json()) as T;
}

async function signedIn(browser: Browser, user: typeof TECH, phone: boolean): Promise<Page> {
  const context = await browser.newContext({
    ...(phone ? PHONE : { viewport: { width: 1280, height: 800 } }),
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const page = await context.newPage();
  await signIn(page, user);
  return page;
}

test('stock in, a work order takes parts on a phone, a requisition is approved', async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(180_000);
  await signIn(page, ADMIN);
  const r = page.request;

  // The site, its store, a department and the people (through the API: not what is tested).
  const site = await created<{ id: string }>(
    await r.post('/api/sites', { data: { code: `${TAG}-S`, name: `物资院区${TAG}` } }),
  );
  ctx.siteId = site.id;
  const store = await created<{ id: string }>(
    await r.post('/api/stores/stores', {
      data: { siteId: site.id, code: `${TAG}-W`, name: `总库${TAG}` },
    }),
  );
  ctx.storeId = store.id;
  const dept = await created<{ id: string }>(
    await r.post('/api/departments', { data: { code: `${TAG}-D`, name: DEPT } }),
  );
  ctx.deptId = dept.id;
  const roles = (await (await r.get('/api/roles')).json()) as { id: string; key: string }[];
  // Staff organisation-wide: GET /api/departments (the requisition's department picker)
  // wants departments:read for the whole organisation, not at one site.
  for (const [user, name, role, siteId] of [
    [TECH, `刘师傅${TAG}`, 'technician', site.id],
    [STAFF, `王护士${TAG}`, 'staff', null],
  ] as const) {
    await created(
      await r.post('/api/users', {
        data: {
          ...user,
          displayName: name,
          mustChangePassword: false,
          grants: [{ roleId: roles.find((x) => x.key === role)!.id, siteId }],
        },
      }),
    );
  }

  // The item, through the page.
  await page.goto('/stores/items');
  await page.getByRole('button', { name: '新增物资' }).click();
  const itemDialog = page.getByRole('dialog');
  await itemDialog.getByLabel('编码').fill(ITEM_CODE);
  await itemDialog.getByLabel('名称').fill(ITEM_NAME);
  await itemDialog.getByLabel('规格').fill('T8 1.2m');
  await itemDialog.getByLabel('单位').fill('支');
  await itemDialog.getByLabel('最低库存').fill('5');
  await itemDialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已保存')).toBeVisible();
  const items = (await (
    await r.get(`/api/stores/items?q=${encodeURIComponent(ITEM_CODE)}`)
  ).json()) as { items: { id: string }[] };
  const itemId = items.items[0]!.id;

  // Stock in 10 at ¥20 on the page; the second delivery (10 at ¥30) through the API.
  await page.goto('/stores/documents/new/stock_in');
  await chooseOption(page, page, '仓库', `总库${TAG}`);
  await page.getByLabel('供应商').fill('光明照明');
  await chooseOption(page, page, '物资', ITEM_CODE);
  await page.getByLabel('数量').fill('10');
  await page.getByLabel('单价（元）').fill('20');
  await page.getByRole('button', { name: '提交' }).click();
  await expect(page.getByRole('heading', { name: /单据 WZ-/ })).toBeVisible();
  await expect(page.getByText('¥200.00').first()).toBeVisible();
  await snap(page, testInfo, '01-stock-in-document');
  await expectAccessible(page, testInfo, 'document');
  await created(
    await r.post('/api/stores/documents/stock-in', {
      data: { storeId: store.id, lines: [{ itemId, quantity: 10, unitCostFen: 3000 }] },
    }),
  );

  // A work order at the site, assigned to the technician, accepted and started.
  const cats = (await (await r.get('/api/maintenance/categories')).json()) as {
    id: string;
    code: string;
  }[];
  const order = await created<{ id: string }>(
    await r.post('/api/maintenance/work-orders', {
      data: {
        siteId: site.id,
        placeText: '3 号楼走廊',
        categoryId: cats.find((c) => c.code === 'lighting')?.id ?? cats[0]!.id,
        description: `走廊灯管不亮 ${TAG}`,
      },
    }),
  );
  ctx.orderId = order.id;
  const techs = (await (await r.get(`/api/users?q=${TECH.username}`)).json()) as {
    items: { id: string }[];
  };
  await created(
    await r.post(`/api/maintenance/work-orders/${order.id}/assign`, {
      data: { assigneeUserId: techs.items[0]!.id },
    }),
  );

  // The technician, on a phone, completes it taking 2 tubes from the store.
  const tech = await signedIn(browser, TECH, true);
  for (const action of ['accept', 'start']) {
    await created(
      await tech.request.post(`/api/maintenance/work-orders/${order.id}/${action}`, { data: {} }),
    );
  }
  await tech.goto(`/maintenance/work-orders/${order.id}`);
  await tech.getByRole('button', { name: '完工' }).click();
  const dialog = tech.getByRole('dialog');
  await dialog.getByLabel('处理措施').fill('更换 LED 灯管 2 支');
  await dialog.getByRole('button', { name: '添加领用' }).click();
  await chooseOption(tech, tech, '备件', ITEM_CODE);
  await expect(dialog.getByText(/在库 20支/).first()).toBeVisible();
  await dialog.getByLabel('数量（支）').fill('2');
  await snap(tech, testInfo, '02-complete-with-parts-phone');
  await submitDialog(dialog, '提交完工');
  await expect(dialog).toBeHidden();
  await expect(tech.getByText('¥50.00').first()).toBeVisible();
  await snap(tech, testInfo, '03-order-materials');
  await tech.context().close();

  // The stock: 18 left worth ¥450 (average ¥25), on the desk…
  await page.goto(`/stores/stock?storeId=${store.id}`);
  const row = page.getByRole('row', { name: new RegExp(ITEM_NAME) });
  await expect(row).toContainText('18 支');
  await expect(row).toContainText('¥450.00');
  await expect(row).toContainText('¥25.00');
  await snap(page, testInfo, '04-stock');
  await expectAccessible(page, testInfo, 'stock');

  // …and on a phone: cards, no sideways scroll.
  const phone = await signedIn(browser, ADMIN, true);
  await phone.goto(`/stores/stock?storeId=${store.id}`);
  await expect(phone.getByRole('listitem').filter({ hasText: ITEM_NAME })).toContainText('¥450.00');
  expect(await phone.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
    375,
  );
  await snap(phone, testInfo, '05-stock-phone');
  await phone.context().close();

  // A member of staff asks for 3 on a phone; it waits for approval.
  const staff = await signedIn(browser, STAFF, true);
  await staff.goto('/stores/requisitions');
  await staff.getByRole('button', { name: '领用申请' }).click();
  await chooseOption(staff, staff, '仓库', `总库${TAG}`);
  const deptSelect = staff.getByLabel('部门', { exact: true });
  await deptSelect.click();
  await deptSelect.fill(DEPT);
  await staff.locator('.ant-select-tree-node-content-wrapper', { hasText: DEPT }).first().click();
  await chooseOption(staff, staff, '物资', ITEM_CODE);
  await staff.getByLabel('数量').fill('3');
  await staff.getByRole('button', { name: '提交' }).click();
  await expect(staff.getByText('待审批').first()).toBeVisible();
  expect(await staff.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
    375,
  );
  await snap(staff, testInfo, '06-requisition-waiting-phone');
  const documentUrl = staff.url();
  await staff.context().close();

  // The approver approves; the stock leaves now.
  await page.goto(new URL(documentUrl).pathname);
  await page.getByRole('button', { name: '批准' }).click();
  await expect(page.getByText('已完成').first()).toBeVisible();
  await snap(page, testInfo, '07-requisition-approved');

  // The consumption report shows the department (3 × ¥25).
  await page.goto(`/stores/reports?tab=consumption&storeId=${store.id}`);
  const deptRow = page.getByRole('row', { name: new RegExp(DEPT) });
  await expect(deptRow).toContainText('¥75.00');
  await snap(page, testInfo, '08-consumption');
});
