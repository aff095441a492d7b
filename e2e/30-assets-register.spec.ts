/**
 * Journey: the asset register. The administrator creates a category, batch-
 * registers 40 desks with consecutive tags, prints their labels (40 labels on
 * 2 sheets), filters the register by the tag prefix, opens one desk's card,
 * and a phone opens the register, the card and a desk's QR landing page. A
 * department head (no assets:read) opens the department's custody agreement
 * from the menu and attaches the signed scan.
 */
import { expect, test, type Page } from '@playwright/test';
import { ADMIN, signIn, signInByApi } from './accounts.ts';
import { expectAccessible, snap, submitDialog } from './support.ts';

test.describe.configure({ mode: 'serial' });

// Codes unlikely to clash with other journeys' data.
const TAG = `AR${Date.now().toString(36).slice(-4).toUpperCase()}`;
const PREFIX = `${TAG}-ZY-`;
const CATEGORY = { code: `${TAG}-KZY`, name: `${TAG}学生课桌椅` };
const DESK = '学生课桌';

type AssetRow = { id: string; tagNo: string; qrToken: string; status: string };

const scrollWidth = (page: Page) => page.evaluate<number>('document.documentElement.scrollWidth');

async function findAsset(page: Page, tag: string): Promise<AssetRow> {
  const res = await page.request.get(`/api/assets?q=${encodeURIComponent(tag)}`);
  expect(res.ok(), await res.text()).toBe(true);
  const found = ((await res.json()) as { items: AssetRow[] }).items.find((a) => a.tagNo === tag);
  if (!found) throw new Error(`no asset ${tag}`);
  return found;
}

/** Picks a node of an antd TreeSelect by typing part of its title. */
async function pickTree(page: Page, label: string, text: string) {
  const box = page.getByRole('dialog').getByRole('combobox', { name: label });
  await box.click();
  await box.fill(text);
  await page
    .locator('.ant-select-dropdown:visible .ant-select-tree-node-content-wrapper')
    .filter({ hasText: text })
    .first()
    .click();
}

test('a category, 40 desks in one batch, their labels, the filtered register and a card', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  await signIn(page, ADMIN);
  const site = await page.request.post('/api/sites', {
    data: { code: `${TAG}-S`, name: `${TAG}东校区` },
  });
  expect(site.status(), await site.text()).toBe(201);
  const siteId = ((await site.json()) as { id: string }).id;
  // The header's site choice: the registration form starts from it.
  await page.evaluate(`localStorage.setItem('houqin.site', '${siteId}')`);

  // A category with a 15-year life (furniture) and an extra field.
  await page.goto('/assets/categories');
  await page.getByRole('button', { name: '新建分类' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('分类编码').fill(CATEGORY.code);
  await dialog.getByLabel('分类名称').fill(CATEGORY.name);
  await dialog.getByLabel('计量单位').fill('套');
  await dialog.getByLabel('使用年限（月）').fill('180');
  await dialog.getByRole('button', { name: '添加字段' }).click();
  await dialog.getByLabel('字段键').fill('seatNo');
  await dialog.getByLabel('显示名称').fill('座位号');
  // antd spaces out two-character Chinese button texts (保 存).
  await dialog.getByRole('button', { name: /^保\s?存$/ }).click();
  await expect(page.getByText(`已创建分类“${CATEGORY.name}”`)).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: CATEGORY.name })).toBeVisible();
  await snap(page, testInfo, '01-categories');
  await expectAccessible(page, testInfo, 'categories');

  // Batch registration: 40 desks, tags PREFIX0001 … PREFIX0040.
  await page.goto('/assets');
  await page.getByRole('button', { name: '登记资产' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.getByRole('dialog').getByText('批量登记', { exact: true }).click();
  await pickTree(page, '资产分类', CATEGORY.code);
  await dialog.getByLabel('资产名称').fill(DESK);
  await dialog.getByLabel('规格型号').fill('1200×600 可升降');
  await dialog.getByLabel('数量（张）').fill('40');
  await dialog.getByLabel('标签前缀').fill(PREFIX);
  await dialog.getByLabel('单价（元）').fill('450');
  await expect(dialog.getByTestId('tag-preview')).toContainText(
    `${PREFIX}0001 … ${PREFIX}0040（共 40 张）`,
  );
  await snap(page, testInfo, '02-batch-form');
  // The form's dialog closes once the batch is registered (a lost click is pressed again).
  await submitDialog(dialog.filter({ hasText: '标签前缀' }), '登记 40 张', 60_000);

  // Offered at once: the labels of exactly these 40 cards.
  const after = page.getByRole('dialog').filter({ hasText: '批量登记完成' });
  await expect(after).toBeVisible({ timeout: 60_000 });
  await after.getByRole('button', { name: '打印标签' }).click();
  // By the registration's number: a 2,000-desk batch fits no address as ids.
  await expect(page).toHaveURL(/\/assets\/labels\?operationId=/);
  await expect(page.getByTestId('label-count')).toHaveText('共 40 个标签，2 张 A4');
  await expect(page.getByTestId('label')).toHaveCount(40);
  await expect(page.getByTestId('label-sheet')).toHaveCount(2);
  await expect(page.getByTestId('label').first()).toContainText(`${PREFIX}0001`);
  await snap(page, testInfo, '03-labels');

  // The register filtered by the tag prefix: all 40, and nothing else.
  await page.goto(`/assets?q=${encodeURIComponent(PREFIX)}`);
  await expect(page.getByText('共 40 条')).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: `${PREFIX}0001` })).toBeVisible();
  await expectAccessible(page, testInfo, 'register');

  // Ticked idle desks: labels, or the operations an idle asset may take (no 归还 for it).
  await page
    .getByRole('row')
    .filter({ hasText: `${PREFIX}0001` })
    .getByRole('checkbox')
    .check();
  await page
    .getByRole('row')
    .filter({ hasText: `${PREFIX}0002` })
    .getByRole('checkbox')
    .check();
  await expect(page.getByRole('region', { name: '已选 2 项' })).toBeVisible();
  await page.getByRole('button', { name: '办理业务' }).click();
  await expect(page.getByRole('menuitem', { name: '领用', exact: true })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: '归还', exact: true })).toHaveCount(0);
  await snap(page, testInfo, '04-register');
  await page.keyboard.press('Escape');

  // One desk's card.
  const search = page.getByLabel('搜索编码、标签号、名称或型号');
  await search.fill(`${PREFIX}0007`);
  await search.press('Enter');
  await expect(page.getByText('共 1 条')).toBeVisible();
  await page.getByRole('link', { name: DESK }).click();
  await expect(page).toHaveURL(/\/assets\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { name: new RegExp(DESK) })).toBeVisible();
  await expect(page.getByText(`${PREFIX}0007`)).toBeVisible();
  await expect(page.getByText('¥450.00').first()).toBeVisible();
  await snap(page, testInfo, '05-asset');
  await expectAccessible(page, testInfo, 'asset');

  // The register by department: the new desks wait in the idle pool.
  await page.goto('/assets/reports');
  await expect(page.getByRole('row').filter({ hasText: '（未分配·闲置）' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: '合计' })).toBeVisible();
  await page.getByRole('tab', { name: '折旧明细表' }).click();
  await expect(page.getByRole('columnheader', { name: '12月' })).toBeVisible();
  await snap(page, testInfo, '05b-depreciation');
  // This year's changes by category: the 40 desks came onto the books (40 × ¥450).
  await page.getByRole('tab', { name: '资产增减变动表' }).click();
  const added = page.getByRole('row').filter({ hasText: CATEGORY.name });
  // 期初, 本期增加, 本期减少, 期末: cards and original value each.
  await expect(added.getByRole('cell')).toHaveText([
    CATEGORY.name,
    ...['0', '¥0.00', '40', '¥18,000.00', '0', '¥0.00', '40', '¥18,000.00'],
  ]);
  await expect(page.getByText(/本期增加中：采购 \d+ 张/)).toBeVisible();
  await snap(page, testInfo, '05c-changes');

  // A classroom's custody agreement, ready to print and sign.
  const dept = await page.request.post('/api/departments', {
    data: { code: `${TAG}-C1`, name: `${TAG}初一(1)班` },
  });
  expect(dept.status(), await dept.text()).toBe(201);
  const departmentId = ((await dept.json()) as { id: string }).id;
  const cats = (await (await page.request.get('/api/assets/categories')).json()) as {
    id: string;
    code: string;
  }[];
  const categoryId = cats.find((c) => c.code === CATEGORY.code)?.id;
  const lectern = await page.request.post('/api/assets', {
    data: { siteId, categoryId, departmentId, name: '讲台', unitPriceFen: 120000 },
  });
  expect(lectern.status(), await lectern.text()).toBe(201);
  await page.goto(`/assets/custody/${departmentId}?year=2026`);
  const sheet = page.getByRole('article', { name: '财物管理责任书' });
  await expect(sheet.getByRole('row').filter({ hasText: '讲台' })).toBeVisible();
  await expect(sheet).toContainText('¥1,200.00');
  await expect(sheet).toContainText('部门负责人');
  await expect(page.getByText('签字扫描件')).toBeVisible();
  await snap(page, testInfo, '05c-custody');
});

// A 1×1 PNG: the "signed scan" of the agreement.
const SCAN = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

test("a department head opens the department's custody agreement from the menu", async ({
  page,
}, testInfo) => {
  test.setTimeout(90_000);
  // The administrator sets the head up through the API: a site, a department,
  // the head's staff record and account (built-in role 科室负责人 at the site).
  await signInByApi(page, ADMIN);
  const post = async (url: string, data: object) => {
    const res = await page.request.post(url, { data });
    expect(res.status(), await res.text()).toBe(201);
    return (await res.json()) as { id: string };
  };
  const site = await post('/api/sites', { code: `${TAG}-H`, name: `${TAG}北校区` });
  const dept = await post('/api/departments', {
    code: `${TAG}-D2`,
    name: `${TAG}初二(2)班`,
    siteId: site.id,
  });
  const other = await post('/api/departments', { code: `${TAG}-D3`, name: `${TAG}初二(3)班` });
  const category = await post('/api/assets/categories', {
    code: `${TAG}-HB`,
    name: `${TAG}黑板`,
    lifeMonths: 120,
  });
  const person = await post('/api/people', {
    employeeNo: `${TAG}-T1`,
    name: `${TAG}王老师`,
    departmentId: dept.id,
  });
  const roles = (await (await page.request.get('/api/roles')).json()) as {
    id: string;
    key: string;
  }[];
  const head = { username: `${TAG.toLowerCase()}.head`, password: 'head-pass-123' };
  await post('/api/users', {
    ...head,
    displayName: `${TAG}王老师`,
    personId: person.id,
    grants: [{ roleId: roles.find((r) => r.key === 'dept_head')!.id, siteId: site.id }],
  });
  for (const [departmentId, name] of [
    [dept.id, '多媒体黑板'],
    [other.id, '别班讲台'],
  ] as const) {
    await post('/api/assets', {
      siteId: site.id,
      categoryId: category.id,
      departmentId,
      name,
      unitPriceFen: 880000,
    });
  }

  await page.context().clearCookies();
  await signIn(page, head);
  const nav = page.getByRole('navigation', { name: '主导航' });
  // What a head may do shows; what needs assets:read or assets:manage does not.
  for (const item of ['资产台账', '资产业务', '闲置资产', '本部门责任书'])
    await expect(nav.getByRole('link', { name: item, exact: true })).toBeVisible();
  for (const item of ['借用管理', '资产赔偿', '资产设置', '资产盘点'])
    await expect(nav.getByRole('link', { name: item, exact: true })).toHaveCount(0);
  await snap(page, testInfo, '05d-head-menu');

  await nav.getByRole('link', { name: '本部门责任书', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/assets/custody/${dept.id}$`));
  const sheet = page.getByRole('article', { name: '财物管理责任书' });
  await expect(sheet).toContainText(`${TAG}初二(2)班`);
  await expect(sheet.getByRole('row').filter({ hasText: '多媒体黑板' })).toBeVisible();
  await expect(sheet).not.toContainText('别班讲台');

  // The signed scan goes up beside it.
  await page.locator('input[type=file]').setInputFiles({
    name: `${TAG}责任书签字.png`,
    mimeType: 'image/png',
    buffer: SCAN,
  });
  await expect(page.getByText(`${TAG}责任书签字.png`)).toBeVisible();
  await snap(page, testInfo, '05e-head-custody');
  await expectAccessible(page, testInfo, 'head-custody');

  // Another department's agreement is not theirs to see.
  await page.goto(`/assets/custody/${other.id}`);
  await expect(page.getByRole('alert')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('request-id')).toBeVisible();
  await expect(page.getByRole('article', { name: '财物管理责任书' })).toHaveCount(0);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });

  test('the register, a card and a desk label scanned', async ({ page }, testInfo) => {
    test.setTimeout(180_000);
    await signInByApi(page, ADMIN);
    const desk = await findAsset(page, `${PREFIX}0012`);

    await page.goto(`/assets?q=${encodeURIComponent(PREFIX)}`);
    await expect(page.getByRole('listitem').first()).toContainText(DESK);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(375);
    await snap(page, testInfo, '06-phone-register');

    await page.goto(`/assets/${desk.id}`);
    await expect(page.getByText(`${PREFIX}0012`).first()).toBeVisible();
    expect(await scrollWidth(page)).toBeLessThanOrEqual(375);
    await snap(page, testInfo, '07-phone-asset');

    // What the QR code on the desk opens.
    await page.goto(`/a/${desk.qrToken}`);
    await expect(page.getByRole('heading', { name: DESK })).toBeVisible();
    await expect(page.getByText(`${PREFIX}0012`)).toBeVisible();
    await expect(page.getByRole('button', { name: /^报\s?修$/ })).toBeVisible();
    expect(await scrollWidth(page)).toBeLessThanOrEqual(375);
    await snap(page, testInfo, '08-phone-qr');
    await expectAccessible(page, testInfo, 'qr-landing');
  });
});
