/**
 * Journey: the dispatcher's desk and the manager's figures. The administrator
 * (through the API) opens a site with a building and a room, a technician
 * and three repair requests; on 派工调度 filters by category and sees the
 * export carry the filter, assigns one order in the dialog and finds it in
 * the board's 已派工 column. One order is then worked to the end and rated
 * (API), and 维修统计 for the site shows the category count and the rating,
 * draws its charts, exports the workbook, and a category's bar opens its
 * orders in the dispatch list. Then the dispatch list and the dashboard on a phone.
 */
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { ADMIN, signIn } from './accounts.ts';
import { chooseOption, expectAccessible, snap, submitDialog } from './support.ts';

test.describe.configure({ mode: 'serial' });

const TAG = `MM${Date.now().toString(36).toUpperCase()}`;
const SITE = { code: TAG, name: `调度测试院区 ${TAG}` };
const TECH = {
  username: `e2e-mm-${TAG.toLowerCase()}`,
  name: `调度测试维修工${TAG}`,
  password: 'mm-tech-pass-1',
};

let siteId = '';
const orders: { id: string; number: string }[] = [];

async function created<T>(res: Awaited<ReturnType<APIRequestContext['post']>>): Promise<T> {
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as T;
}

/** Site, building, room, technician and three orders (two 灯具, one 水), all through the API. */
async function seed(page: Page) {
  const r = page.request;
  siteId = (await created<{ id: string }>(await r.post('/api/sites', { data: SITE }))).id;
  const building = await created<{ id: string }>(
    await r.post('/api/locations', {
      data: { siteId, type: 'building', code: `${TAG}-B`, name: '调度测试楼' },
    }),
  );
  const room = await created<{ id: string }>(
    await r.post('/api/locations', {
      data: { siteId, parentId: building.id, type: 'room', code: `${TAG}-101`, name: '101 诊室' },
    }),
  );
  const roles = (await (await r.get('/api/roles')).json()) as { id: string; key: string }[];
  await created(
    await r.post('/api/users', {
      data: {
        username: TECH.username,
        password: TECH.password,
        displayName: TECH.name,
        mustChangePassword: false,
        grants: [{ roleId: roles.find((x) => x.key === 'technician')!.id, siteId }],
      },
    }),
  );
  const cats = (await (await r.get('/api/maintenance/categories')).json()) as {
    id: string;
    code: string;
  }[];
  const cat = (code: string) => cats.find((c) => c.code === code)!.id;
  for (const [code, description] of [
    ['lighting', '诊室顶灯不亮'],
    ['lighting', '走廊灯闪烁'],
    ['water', '洗手池漏水'],
  ] as const) {
    const o = await created<{ id: string; number: string }>(
      await r.post('/api/maintenance/work-orders', {
        data: { locationId: room.id, categoryId: cat(code), description: `${description} ${TAG}` },
      }),
    );
    orders.push({ id: o.id, number: o.number });
  }
}

test('dispatch: filter, export link, assign in the dialog, the board', async ({
  page,
}, testInfo) => {
  await signIn(page, ADMIN);
  await seed(page);

  await page.goto(`/maintenance/dispatch?siteId=${siteId}`);
  await expect(page.getByRole('heading', { name: '派工调度' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: orders[2]!.number })).toBeVisible();
  await chooseOption(page, page, '类别', '灯具');
  await expect(page).toHaveURL(/categoryId=/);
  await expect(page.getByRole('row').filter({ hasText: orders[2]!.number })).toHaveCount(0);
  await expect(page.getByRole('row').filter({ hasText: orders[0]!.number })).toBeVisible();
  const exportLink = page.getByRole('link', { name: /导出/ });
  await expect(exportLink).toHaveAttribute(
    'href',
    new RegExp(`^/api/maintenance/work-orders/export\\.xlsx\\?.*categoryId=.*`),
  );
  await expect(exportLink).toHaveAttribute('href', new RegExp(`siteId=${siteId}`));
  await snap(page, testInfo, '01-dispatch-filtered');
  await expectAccessible(page, testInfo, 'dispatch');

  // 派工 in the dialog.
  await page.getByRole('button', { name: `派工：${orders[0]!.number}` }).click();
  const dialog = page.getByRole('dialog', { name: `派工 ${orders[0]!.number}` });
  await chooseOption(page, dialog, '维修人', TECH.name);
  await snap(page, testInfo, '02-assign-dialog');
  await expectAccessible(page, testInfo, 'assign-dialog');
  await submitDialog(dialog, '确认派工');
  await expect(page.getByText(`已派工：${orders[0]!.number} → ${TECH.name}`)).toBeVisible();
  const assigned = page.getByRole('row').filter({ hasText: orders[0]!.number });
  await expect(assigned).toContainText('已派工');
  await expect(assigned).toContainText(TECH.name);

  // The board: the order now sits in 已派工.
  await page.getByText('看板', { exact: true }).click();
  await expect(page).toHaveURL(/view=board/);
  const column = page.getByRole('region', { name: '已派工' });
  await expect(column.getByText(orders[0]!.number)).toBeVisible();
  await expect(
    page.getByRole('region', { name: '待派工' }).getByText(orders[1]!.number),
  ).toBeVisible();
  // axe would catch the 已派工 message half faded out (its text then lacks contrast).
  await expect(page.locator('.ant-message-notice')).toHaveCount(0);
  await snap(page, testInfo, '03-board');
  await expectAccessible(page, testInfo, 'board');
});

test('statistics: the worked order counts and its rating shows', async ({
  page,
  playwright,
}, testInfo) => {
  await signIn(page, ADMIN);
  const done = orders[1]!;
  const act = async (r: APIRequestContext, action: string, data: object = {}) => {
    const res = await r.post(`/api/maintenance/work-orders/${done.id}/${action}`, { data });
    expect(res.status(), `${action}: ${await res.text()}`).toBe(200);
  };
  const me = (await (
    await page.request.get('/api/users', { params: { q: TECH.username } })
  ).json()) as {
    items: { id: string }[];
  };
  await act(page.request, 'assign', { assigneeUserId: me.items[0]!.id });
  const tech = await playwright.request.newContext({ baseURL: testInfo.project.use.baseURL });
  expect(
    (
      await tech.post('/api/auth/login', {
        data: { username: TECH.username, password: TECH.password },
      })
    ).ok(),
  ).toBe(true);
  await act(tech, 'accept');
  await act(tech, 'start');
  await act(tech, 'complete', { actionTaken: '更换灯管' });
  await tech.dispose();
  await act(page.request, 'rate', { rating: 5 });

  // The dashboard starts from the site chosen in the header (remembered in the browser).
  await page.evaluate(`localStorage.setItem('houqin.site', '${siteId}')`);
  await page.goto('/maintenance/dashboard');
  await expect(page.getByRole('heading', { name: '维修统计' })).toBeVisible();
  await expect(page.getByTestId('kpi-total')).toContainText('3');
  await expect(page.getByTestId('kpi-completed')).toContainText('1');
  await expect(page.getByTestId('kpi-rating')).toContainText('5 分（1 条评价）');
  await expect(page.getByTestId('kpi-satisfied')).toContainText('100%');
  const byCategory = page
    .locator('.ant-card')
    .filter({ has: page.getByRole('heading', { name: '按类别' }) });
  await expect(byCategory.getByRole('row').filter({ hasText: '灯具' })).toContainText('2');
  await expect(byCategory.getByRole('row').filter({ hasText: '水' })).toContainText('1');

  // The charts: each one picture whose label carries its figures.
  const year = new Date().getFullYear();
  const categoryChart = page.getByRole('img', { name: /各类别工单数/ });
  await expect(categoryChart).toHaveAttribute('aria-label', /灯具 2，水 1/);
  await expect(categoryChart.locator('canvas')).toHaveCount(1);
  await expect(page.getByRole('img', { name: /每月工单数及上年同月/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /90% 工单的响应与完成用时：灯具/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /每月时限达标率/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /平均评分.*灯具 5 分（1 条）/ })).toBeVisible();
  await expect(
    page.getByRole('img', { name: new RegExp(`${TECH.name} 2 张、完成 1 张`) }),
  ).toBeVisible();
  // Nothing a year ago on this fresh installation: said once, not on every card.
  await expect(page.getByText('去年同期没有工单，暂无同比')).toBeVisible();
  await snap(page, testInfo, '04-dashboard');
  await expectAccessible(page, testInfo, 'dashboard');

  // 导出 Excel: the year and the site of the page, as a workbook.
  const exportLink = page.getByRole('link', { name: /导出 Excel/ });
  const href = `/api/maintenance/stats/export.xlsx?from=${year}-01-01&to=${year}-12-31&siteId=${siteId}`;
  await expect(exportLink).toHaveAttribute('href', href);
  const file = await page.request.get(href);
  expect(file.status()).toBe(200);
  expect(file.headers()['content-type']).toContain('spreadsheetml');

  // A category's bar (or its name in the table) opens its orders of the year.
  const box = (await categoryChart.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 4);
  await expect(page).toHaveURL(/\/maintenance\/dispatch\?categoryId=.*&from=\d{4}-01-01&to=/);
  await expect(page.getByRole('row').filter({ hasText: orders[0]!.number })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: orders[2]!.number })).toHaveCount(0);
  await page.goBack();
  await byCategory.getByRole('link', { name: '查看“水”的工单' }).click();
  await expect(page).toHaveURL(new RegExp(`siteId=${siteId}`));
  await expect(page.getByRole('row').filter({ hasText: orders[2]!.number })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: orders[0]!.number })).toHaveCount(0);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });

  test('the dispatch list becomes cards without sideways scrolling', async ({ page }, testInfo) => {
    await signIn(page, ADMIN);
    await page.goto(`/maintenance/dispatch?siteId=${siteId}`);
    await expect(page.getByRole('heading', { name: '派工调度' })).toBeVisible();
    await expect(page.getByRole('listitem').filter({ hasText: orders[2]!.number })).toBeVisible();
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
      375,
    );
    await snap(page, testInfo, '05-phone-dispatch');
    await page.getByText('看板', { exact: true }).click();
    await expect(page.getByRole('region', { name: '待派工' })).toBeVisible();
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
      375,
    );
    await snap(page, testInfo, '06-phone-board');
  });

  test('the dashboard fits a phone: charts, then tables that scroll inside', async ({
    page,
  }, testInfo) => {
    await signIn(page, ADMIN);
    await page.goto(`/maintenance/dashboard?siteId=${siteId}`);
    await expect(page.getByRole('heading', { name: '维修统计' })).toBeVisible();
    await expect(page.getByTestId('kpi-total')).toContainText('3');
    await expect(page.getByRole('img', { name: /各类别工单数/ }).locator('canvas')).toHaveCount(1);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
      375,
    );
    await snap(page, testInfo, '07-phone-dashboard');
  });
});
