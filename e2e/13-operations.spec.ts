/**
 * Journey: operations. The administrator adds a group robot (a refused
 * internal address first), sends a test and reads the exact failure, edits
 * and deletes the channel; finds those changes in the audit log, opens one
 * field by field and exports the filter; on the system page reads the
 * database kind, downloads a backup and runs a job now. Then the audit log
 * on a phone.
 */
import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { ADMIN, signIn } from './accounts.ts';
import { chooseOption, expectAccessible, snap } from './support.ts';

test.describe.configure({ mode: 'serial' });

const CHANNEL = `ops-e2e 机器人 ${Date.now().toString(36)}`;
const RENAMED = `${CHANNEL}（改）`;

/** Today in the browser's time zone (playwright.config: Asia/Shanghai), as the date filter keeps it. */
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

const menu = (page: Page) => page.getByRole('navigation', { name: '主导航' });

function row(page: Page, name: string) {
  return page.getByRole('row').filter({ hasText: name });
}

async function confirmPopup(page: Page, button: string) {
  await page.locator('.ant-popconfirm').getByRole('button', { name: button }).click();
}

test('notification channels: refused address, test, edit, delete; delivery log', async ({
  page,
}, testInfo) => {
  await signIn(page, ADMIN);
  await menu(page).getByRole('link', { name: '通知渠道' }).click();
  await expect(page.getByRole('heading', { name: '通知渠道' })).toBeVisible();
  await expectAccessible(page, testInfo, 'channels');

  await page.getByRole('button', { name: '新建渠道' }).click();
  const drawer = page.getByRole('dialog');
  await expect(drawer.getByText('新建通知渠道')).toBeVisible();
  await drawer.getByLabel('名称').fill(CHANNEL);
  // An internal address is refused when the channel is saved, under its field.
  await drawer.getByLabel('Webhook 地址').fill('http://127.0.0.1:9/hook');
  await drawer.getByRole('button', { name: '新建' }).click();
  await expect(drawer.getByText(/不允许的 Webhook 地址/)).toBeVisible();
  await snap(page, testInfo, '01-channel-refused-host');
  await expectAccessible(page, testInfo, 'channel-form');

  await drawer
    .getByLabel('Webhook 地址')
    .fill('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=ops-e2e-not-a-real-key');
  await drawer.getByRole('button', { name: '新建' }).click();
  await expect(page.getByText(`已创建通知渠道「${CHANNEL}」`)).toBeVisible();
  await expect(row(page, CHANNEL)).toContainText('https://qyapi.weixin.qq.com');
  await expect(row(page, CHANNEL)).not.toContainText('not-a-real-key'); // the key is masked

  // The test goes out now; this fake key (or no internet) fails, and the exact reason shows.
  await row(page, CHANNEL).getByRole('button', { name: '发送测试' }).click();
  const alert = page.getByRole('alert').filter({ hasText: `「${CHANNEL}」测试发送失败` });
  await expect(alert).toBeVisible({ timeout: 20_000 });
  await expect(alert).toContainText(/发送到 https:\/\/qyapi\.weixin\.qq\.com.*：.+/);
  await snap(page, testInfo, '02-channel-test-failed');

  await row(page, CHANNEL).getByRole('button', { name: '编辑' }).click();
  await expect(drawer.getByText(`编辑通知渠道「${CHANNEL}」`)).toBeVisible();
  await expect(drawer.getByText(/当前地址：https:\/\/qyapi\.weixin\.qq\.com/)).toBeVisible();
  await drawer.getByLabel('名称').fill(RENAMED);
  await drawer.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已保存')).toBeVisible();
  await expect(row(page, RENAMED)).toBeVisible();

  await page.getByRole('tab', { name: '发送记录' }).click();
  await expect(page).toHaveURL(/tab=deliveries/);
  const delivery = page.getByRole('row').filter({ hasText: 'Houqin 测试消息' }).first();
  await expect(delivery).toContainText(RENAMED);
  await expect(delivery).toContainText('失败');
  await snap(page, testInfo, '03-delivery-log');
  await expectAccessible(page, testInfo, 'delivery-log');

  await page.getByRole('tab', { name: '渠道' }).click();
  await row(page, RENAMED).getByRole('button', { name: '删除' }).click();
  await expect(page.getByText(`删除通知渠道「${RENAMED}」？`)).toBeVisible();
  await confirmPopup(page, '删除');
  await expect(page.getByText(`已删除通知渠道「${RENAMED}」`)).toBeVisible();
  await expect(row(page, RENAMED)).toHaveCount(0);
});

test('audit log: filter by type and day, field-by-field diff, export of the filter', async ({
  page,
}, testInfo) => {
  await signIn(page, ADMIN);
  await menu(page).getByRole('link', { name: '审计日志' }).click();
  await expect(page.getByRole('heading', { name: '审计日志' })).toBeVisible();

  await chooseOption(page, page, '对象类型', 'notification_channel');
  await expect(page).toHaveURL(/entityType=notification_channel/);
  for (const action of ['创建', '修改', '删除', '发送测试'])
    await expect(page.getByRole('button', { name: `通知渠道 · ${action}` }).first()).toBeVisible();

  // Today's range, as a person picks it, keeps the rows; the address holds days.
  await page.goto(`/audit?entityType=notification_channel&from=${today}&to=${today}`);
  await expect(page.getByRole('button', { name: '通知渠道 · 删除' }).first()).toBeVisible();
  await snap(page, testInfo, '04-audit-filtered');
  await expectAccessible(page, testInfo, 'audit');

  await page.getByRole('button', { name: '通知渠道 · 修改' }).first().click();
  const drawer = page.getByRole('dialog');
  await expect(drawer.getByText('2 个字段有变化')).toBeVisible(); // the name, and updatedAt
  await expect(drawer.locator('tr[data-changed]')).toHaveCount(2);
  const changed = drawer.locator('tr[data-changed]').filter({ hasText: 'name' });
  await expect(changed).toContainText('已修改');
  await expect(changed).toContainText(CHANNEL);
  await expect(changed).toContainText(RENAMED);
  await drawer.getByRole('button', { name: '原始数据（JSON）' }).click();
  await expect(drawer.locator('pre')).toContainText('"before"');
  await snap(page, testInfo, '05-audit-diff');
  await expectAccessible(page, testInfo, 'audit-diff');
  await page.keyboard.press('Escape');

  // The export takes the same filter, the day range as instants.
  const exportLink = page.getByRole('link', { name: '导出 Excel' });
  const href = await exportLink.getAttribute('href');
  expect(href).toMatch(/^\/api\/audit\/export\.xlsx\?/);
  const query = new URLSearchParams(href!.split('?')[1]);
  expect(query.get('entityType')).toBe('notification_channel');
  expect(query.get('from')).toMatch(/^\d{4}-\d{2}-\d{2}T16:00:00\.000Z$/); // Shanghai midnight
  const file = await page.request.get(href!);
  expect(file.status()).toBe(200);
  expect(file.headers()['content-type']).toContain('spreadsheetml');
  const body = await file.body();
  expect(body.subarray(0, 2).toString()).toBe('PK');
});

test('system page: database kind, backup download, run a job now', async ({ page }, testInfo) => {
  await signIn(page, ADMIN);
  await menu(page).getByRole('link', { name: '系统', exact: true }).click();
  await expect(page.getByRole('heading', { name: '系统', exact: true })).toBeVisible();
  await expect(page.getByText('SQLite', { exact: true })).toBeVisible();
  await expect(page.getByText('数据大小')).toBeVisible();
  await snap(page, testInfo, '06-system');
  await expectAccessible(page, testInfo, 'system');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '下载备份' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^houqin-.*\.tar\.gz$/);
  const saved = await download.path();
  expect(fs.statSync(saved).size).toBeGreaterThan(0);
  await expect(page.getByText('备份已开始下载')).toBeVisible();

  const job = page.getByRole('group', { name: '任务“清理过期的登录会话”的操作' });
  await job.getByRole('button', { name: '立即运行' }).click();
  await confirmPopup(page, '立即运行');
  await expect(page.getByText(/“清理过期的登录会话”运行完成/)).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'auth.cleanup' })).toContainText('成功');
  await job.getByRole('button', { name: '运行记录' }).click();
  const drawer = page.getByRole('dialog');
  await expect(drawer.getByText('运行记录：清理过期的登录会话')).toBeVisible();
  await expect(drawer.getByText('成功').first()).toBeVisible();
  await snap(page, testInfo, '07-job-runs');
  await expectAccessible(page, testInfo, 'job-runs');
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });

  test('the audit log fits the screen as cards', async ({ page }, testInfo) => {
    await signIn(page, ADMIN);
    await page.goto('/audit?entityType=notification_channel');
    await expect(page.getByRole('heading', { name: '审计日志' })).toBeVisible();
    await expect(page.getByRole('listitem').first()).toBeVisible();
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
      375,
    );
    await snap(page, testInfo, '08-audit-phone');
    await page.getByRole('button', { name: '通知渠道 · 修改' }).first().click();
    await expect(page.getByRole('dialog').locator('tr[data-changed]')).toHaveCount(2);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
      375,
    );
    await snap(page, testInfo, '09-audit-diff-phone');
  });
});
