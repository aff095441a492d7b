/**
 * Journey: a member of staff scans the label at a room's door on a phone and
 * reports a broken light with a photo; the dispatcher assigns it on the work
 * order page; the technician accepts, starts and completes it on a phone with
 * a material line and a photo of the repair; the member of staff confirms and
 * rates it 5; the dispatcher records the call-back. Then the dispatcher takes
 * a phone-in request for a caller, and the dashboard counts the light.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { ADMIN, signIn } from './accounts.ts';
import { expectAccessible, snap, submitDialog, untilChosen } from './support.ts';

// Each step of the story is ~25 s on a quiet machine; the margin is for a busy one.
test.describe.configure({ mode: 'serial', timeout: 120_000 });

const PHONE = { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true };
const DESKTOP = { viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false };
test.use(PHONE);

// Unique per run: the journeys share one installation.
const TAG = `MW${Date.now().toString(36).slice(-5).toUpperCase()}`;
const lower = TAG.toLowerCase();
const STAFF = { username: `mw-staff-${lower}`, password: 'mw-staff-pass-1' };
const TECH = { username: `mw-tech-${lower}`, password: 'mw-tech-pass-1' };
const DISPATCHER = { username: `mw-disp-${lower}`, password: 'mw-disp-pass-1' };
const SITE_NAME = `维修测试院区${TAG}`;
/** The caller of the phone-in request: a staff record without an account. */
const CALLER = `来电${TAG}`;

type Ctx = { siteId: string; qrToken: string };
let ctx: Ctx = { siteId: '', qrToken: '' };
/** The order the phone journey reports, followed from test to test. */
let orderId = '';
let number = '';

async function post<T>(page: Page, url: string, data: unknown, status = 201): Promise<T> {
  const res = await page.request.post(url, { data });
  expect(res.status(), `${url}: ${await res.text()}`).toBe(status);
  return (await res.json()) as T;
}

/** Site, building, floor, room; staff, technician and dispatcher at the site; a caller. */
async function setUp(page: Page): Promise<Ctx> {
  const login = await page.request.post('/api/auth/login', {
    data: { username: ADMIN.username, password: ADMIN.password },
  });
  expect(login.status(), await login.text()).toBe(200);
  const site = await post<{ id: string }>(page, '/api/sites', {
    code: `${TAG}-S`,
    name: SITE_NAME,
  });
  const building = await post<{ id: string }>(page, '/api/locations', {
    siteId: site.id,
    type: 'building',
    code: `${TAG}-B`,
    name: '住院楼',
  });
  const floor = await post<{ id: string }>(page, '/api/locations', {
    siteId: site.id,
    parentId: building.id,
    type: 'floor',
    code: `${TAG}-3F`,
    name: '3F',
  });
  const room = await post<{ id: string }>(page, '/api/locations', {
    siteId: site.id,
    parentId: floor.id,
    type: 'room',
    code: `${TAG}-301`,
    name: '301 护士站',
  });
  const { qrToken } = (await (await page.request.get(`/api/locations/${room.id}`)).json()) as {
    qrToken: string;
  };
  const roles = (await (await page.request.get('/api/roles')).json()) as {
    id: string;
    key: string;
  }[];
  const role = (key: string) => roles.find((r) => r.key === key)!.id;
  const account = (user: typeof STAFF, displayName: string, roleKey: string) =>
    post(page, '/api/users', {
      ...user,
      displayName,
      mustChangePassword: false,
      grants: [{ roleId: role(roleKey), siteId: site.id }],
    });
  await account(STAFF, '王护士', 'staff');
  await account(TECH, `刘师傅${TAG}`, 'technician');
  await account(DISPATCHER, '赵调度', 'dispatcher');
  await post(page, '/api/people', {
    employeeNo: `${TAG}-P1`,
    name: CALLER,
    phone: '13800138000',
  });
  return { siteId: site.id, qrToken };
}

async function pageFor(
  browser: Browser,
  user: { username: string; password: string },
  device: typeof PHONE | typeof DESKTOP,
) {
  const context = await browser.newContext({
    ...device,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const page = await context.newPage();
  await signIn(page, user);
  return page;
}

const noSidewaysScroll = async (page: Page) =>
  expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
    375,
  );

/** A small PNG drawn by the browser: the "photo" a phone camera would give. */
async function photo(page: Page, colour: string, name: string) {
  // A string, evaluated in the page: the e2e project has no DOM types.
  const dataUrl = await page.evaluate<string>(`(() => {
    const c = document.createElement('canvas');
    c.width = 160;
    c.height = 120;
    const g = c.getContext('2d');
    g.fillStyle = '${colour}';
    g.fillRect(0, 0, 160, 120);
    g.fillStyle = '#fff';
    g.fillRect(60, 20, 40, 80);
    return c.toDataURL('image/png');
  })()`);
  return {
    name,
    mimeType: 'image/png',
    buffer: Buffer.from(dataUrl.split(',')[1]!, 'base64'),
  };
}

test('staff report with a photo on a phone; the dispatcher assigns it', async ({
  page,
  browser,
}, testInfo) => {
  ctx = await setUp(page);

  // Staff: scan the label, report a broken light with a photo.
  const staff = await pageFor(browser, STAFF, PHONE);
  await staff.goto(`/r/${ctx.qrToken}`);
  await staff.getByRole('button', { name: '为此位置报修' }).click();
  await expect(staff.getByRole('heading', { name: '报修', exact: true })).toBeVisible();
  await expect(staff.getByText('住院楼 / 3F / 301 护士站')).toBeVisible();
  // A member of staff is not offered the phone-in switch.
  await expect(staff.getByText('代他人报修（电话报修）')).toBeHidden();
  await staff.getByRole('button', { name: '提交报修' }).click();
  await expect(staff.getByText('请填写报修类别')).toBeVisible();
  await staff.getByText('灯具', { exact: true }).click();
  await staff.getByLabel('故障描述').fill('护士站顶灯不亮，闪了两天后彻底灭了');
  await staff.getByLabel('联系电话').fill('0571-8888 1234');
  await staff
    .locator('input[type=file][capture]')
    .setInputFiles(await photo(staff, '#d4380d', 'fault.png'));
  await expect(staff.getByRole('img', { name: '照片 1' })).toBeVisible();
  await noSidewaysScroll(staff);
  await snap(staff, testInfo, '01-report-form');
  await expectAccessible(staff, testInfo, 'report');
  await staff.getByRole('button', { name: '提交报修' }).click();
  await expect(staff.getByRole('heading', { name: '报修已提交' })).toBeVisible();
  await expect(staff.getByText('已上传 1 张照片')).toBeVisible();
  number = (await staff.getByText(/^WX-/).first().textContent())!.trim();
  expect(number).toMatch(/^WX-/);
  await snap(staff, testInfo, '02-report-done');
  await staff.getByRole('button', { name: '查看工单' }).click();
  await expect(staff.getByRole('heading', { name: number })).toBeVisible();
  await expect(staff.getByTestId('photos-before').getByRole('img')).toHaveCount(1);
  orderId = staff.url().split('/').pop()!;

  // A second report of the same light is warned about, with a link to the open one.
  // This time through the place pickers: site → building → floor → room.
  await staff.goto('/maintenance/report');
  await staff.getByText('灯具', { exact: true }).click();
  for (const [label, option] of [
    ['院区', SITE_NAME],
    ['楼栋', '住院楼'],
    ['楼层', '3F'],
    ['房间', '301 护士站'],
  ] as const) {
    await untilChosen(staff.locator('form').first(), option, async () => {
      await staff.getByLabel(label, { exact: true }).click();
      await staff
        .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option })
        .click({ timeout: 5_000 });
    });
  }
  await staff.getByLabel('故障描述').fill('顶灯又不亮');
  await staff.getByRole('button', { name: '提交报修' }).click();
  const warning = staff.getByRole('alert').filter({ hasText: '同一位置同类报修已有 1 单未完成' });
  await expect(warning).toBeVisible();
  await expect(warning.getByRole('link', { name: number })).toBeVisible();
  await warning.getByRole('button', { name: '返回修改' }).click();
  await expect(warning).toBeHidden();

  // My requests, as cards on the phone.
  await staff.goto('/maintenance/my-requests');
  await expect(staff.getByRole('listitem').filter({ hasText: number })).toBeVisible();
  await noSidewaysScroll(staff);
  await snap(staff, testInfo, '03-my-requests');

  // Dispatcher, at a desk: assign it on the work order page.
  const dispatcher = await pageFor(browser, DISPATCHER, DESKTOP);
  await dispatcher.goto(`/maintenance/work-orders/${orderId}`);
  await expect(dispatcher.getByRole('heading', { name: number })).toBeVisible();
  await dispatcher.getByRole('button', { name: '派工', exact: true }).click();
  const assign = dispatcher.getByRole('dialog', { name: `派工 ${number}` });
  const technician = `刘师傅${TAG}（在办 0 单）`;
  await untilChosen(assign, technician, async () => {
    await assign.getByLabel('维修人').click();
    await dispatcher
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: technician })
      .click({ timeout: 5_000 });
  });
  await snap(dispatcher, testInfo, '04-assign');
  await assign.getByRole('button', { name: '确认派工' }).click();
  await expect(assign).toBeHidden();
  await expect(dispatcher.getByText('已派工').first()).toBeVisible();
  await expect(dispatcher.getByRole('button', { name: '改派' })).toBeVisible();
  await snap(dispatcher, testInfo, '05-assigned');
});

test('the technician repairs it with photos; staff confirm and rate; the dispatcher calls back', async ({
  browser,
}, testInfo) => {
  test.skip(!orderId, 'needs the report above');

  // Technician: my tasks, accept, start, complete with a material line and a photo.
  const tech = await pageFor(browser, TECH, PHONE);
  await tech.goto('/maintenance/my-tasks');
  const card = tech.getByRole('listitem').filter({ hasText: number });
  await expect(card).toBeVisible();
  await noSidewaysScroll(tech);
  await expectAccessible(tech, testInfo, 'my-tasks');
  await card.getByRole('button', { name: `接单 ${number}` }).click();
  await expect(tech.getByText('已接单').first()).toBeVisible();
  await tech.getByRole('tab', { name: /进行中/ }).click();
  await tech.getByRole('button', { name: `开始维修 ${number}` }).click();
  await tech.getByRole('button', { name: `完工 ${number}` }).click();
  await expect(tech.getByRole('heading', { name: number })).toBeVisible();
  await tech.getByRole('button', { name: '完工', exact: true }).click();
  const dialog = tech.getByRole('dialog', { name: '完工登记' });
  await dialog.getByLabel('处理措施').fill('更换 LED 灯管');
  await dialog.getByLabel('工时（分钟，可选）').fill('30');
  await dialog.getByRole('button', { name: '添加材料' }).click();
  await dialog.getByLabel('材料名称').fill('LED 灯管 T8 1.2m');
  await dialog.getByLabel('数量').fill('2');
  await dialog.getByLabel('单位').fill('支');
  await dialog.getByLabel('单价（元）').fill('25.5');
  await dialog
    .locator('input[type=file]:not([capture])')
    .setInputFiles(await photo(tech, '#389e0d', 'fixed.png'));
  await expect(dialog.getByRole('img', { name: '照片 1' })).toBeVisible();
  await snap(tech, testInfo, '06-complete-form');
  await submitDialog(dialog, '提交完工');
  await expect(dialog).toBeHidden();
  await expect(tech.getByText('待验收').first()).toBeVisible();
  await expect(tech.getByText('¥51.00').first()).toBeVisible();
  await expect(tech.getByTestId('photos-before').getByRole('img')).toHaveCount(1);
  await expect(tech.getByTestId('photos-after').getByRole('img')).toHaveCount(1);
  await noSidewaysScroll(tech);
  await snap(tech, testInfo, '07-completed');

  // Staff: the photos open full size; confirm and rate 5.
  const staff = await pageFor(browser, STAFF, PHONE);
  await staff.goto(`/maintenance/work-orders/${orderId}`);
  await staff.getByTestId('photos-after').getByRole('img').click();
  await expect(staff.locator('.ant-image-preview')).toBeVisible();
  await snap(staff, testInfo, '08-photo-preview');
  await staff.keyboard.press('Escape');
  await expect(staff.locator('.ant-image-preview')).toBeHidden();
  await staff.getByRole('button', { name: '验收通过' }).click();
  await expect(staff.getByText('已验收').first()).toBeVisible();
  await staff.locator('.ant-rate-star').nth(4).click();
  await staff.getByLabel('评价内容（可选）').fill('修得很快');
  await staff.getByRole('button', { name: '提交评价' }).click();
  await expect(staff.getByText('已关闭').first()).toBeVisible();
  await expect(staff.getByText('5 星 · 修得很快')).toBeVisible();

  // Dispatcher: the call-back.
  const dispatcher = await pageFor(browser, DISPATCHER, DESKTOP);
  await dispatcher.goto(`/maintenance/work-orders/${orderId}`);
  const callback = dispatcher.locator('.ant-card').filter({
    has: dispatcher.getByRole('heading', { name: '回访' }),
  });
  await expect(callback.getByText('还没有回访记录。')).toBeVisible();
  await callback.getByText('满意', { exact: true }).click();
  await callback.getByLabel('回访记录（可选）').fill('电话回访：灯已正常，王护士满意');
  await callback.getByRole('button', { name: '保存回访' }).click();
  await expect(dispatcher.getByText('已记录回访')).toBeVisible();
  await expect(callback.getByRole('listitem').filter({ hasText: '满意' })).toContainText('赵调度');
  await snap(dispatcher, testInfo, '09-callback');
  await expectAccessible(dispatcher, testInfo, 'detail-dispatcher');

  // The requester sees the whole history.
  await staff.reload();
  const history = staff.locator('.ant-timeline');
  for (const step of ['报修', '派工', '接单', '开始维修', '完工', '验收', '评价', '回访'])
    await expect(history.getByText(step, { exact: true }).first()).toBeVisible();
  await noSidewaysScroll(staff);
  await snap(staff, testInfo, '10-detail-closed');
  await expectAccessible(staff, testInfo, 'detail');
});

test.describe('at a desk', () => {
  test.use(DESKTOP);

  test('the dispatcher takes a request on the phone for a caller', async ({ page }, testInfo) => {
    test.skip(!ctx.siteId, 'needs the journey above');
    await signIn(page, DISPATCHER);
    await page.goto('/maintenance/report?channel=phone');
    await expect(page.getByRole('heading', { name: '电话报修' })).toBeVisible();
    await expect(page.getByRole('switch', { name: '代他人报修（电话报修）' })).toBeChecked();
    await page.getByRole('combobox', { name: /^来电人/ }).fill(TAG);
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: CALLER })
      .click();
    await expect(page.getByLabel('来电人姓名')).toHaveValue(CALLER);
    await expect(page.getByLabel('来电人电话')).toHaveValue('13800138000');
    await page.getByText('开关插座', { exact: true }).click();
    await page.getByRole('button', { name: '位置不在列表中？填写地点' }).click();
    await untilChosen(page.locator('form'), SITE_NAME, async () => {
      await page.getByLabel('院区', { exact: true }).click();
      await page
        .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: SITE_NAME })
        .click({ timeout: 5_000 });
    });
    await page.getByLabel('地点描述').fill('门诊楼 2 楼东侧走廊');
    await page.getByLabel('故障描述').fill('走廊插座冒火花，已断电');
    await snap(page, testInfo, '11-phone-in');
    // Off any button: axe would judge a hovered primary button's lighter blue.
    await page.mouse.move(0, 0);
    await expectAccessible(page, testInfo, 'phone-in');
    await page.getByRole('button', { name: '提交报修' }).click();
    await expect(page.getByRole('heading', { name: '报修已提交' })).toBeVisible();
    const number = (await page.getByText(/^WX-/).first().textContent())!.trim();

    // The dispatch list has it, with the caller as requester.
    await expect(page.getByRole('link', { name: '返回调度台' })).toBeVisible();
    await page.goto(`/maintenance/dispatch?siteId=${ctx.siteId}`);
    const row = page.getByRole('row').filter({ hasText: number });
    await expect(row).toBeVisible();
    await row.click();
    await expect(page.getByRole('heading', { name: number })).toBeVisible();
    await expect(page.getByText(CALLER)).toBeVisible();
    await snap(page, testInfo, '12-phone-in-order');
  });

  test('the dashboard counts the repaired light', async ({ page }, testInfo) => {
    test.skip(!orderId, 'needs the journey above');
    await signIn(page, ADMIN);
    const year = new Date().getFullYear();
    await page.goto(`/maintenance/dashboard?siteId=${ctx.siteId}&year=${year}`);
    await expect(page.getByRole('heading', { name: '维修统计' })).toBeVisible();
    await expect(page.getByTestId('kpi-total')).toContainText(/[1-9]/);
    const byCategory = page
      .locator('.ant-card')
      .filter({ has: page.getByRole('heading', { name: '按类别' }) });
    await expect(byCategory.getByRole('row').filter({ hasText: '灯具' })).toContainText('1');
    await snap(page, testInfo, '13-dashboard');
  });
});
