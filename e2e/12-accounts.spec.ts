/**
 * Journey: the administrator opens an account for a technician at one site,
 * resets its password, issues and revokes an API token, builds a custom
 * role, and meets a refusal of the server; the technician then signs in,
 * must change the password, and finds no administration pages.
 */
import { expect, test, type Page } from '@playwright/test';
import { ADMIN, signIn } from './accounts.ts';
import { chooseOption, expectAccessible, snap, submitDialog } from './support.ts';

test.describe.configure({ mode: 'serial' });

const TECH = {
  username: 'e2e-acc-tech',
  name: '账号测试维修工',
  initial: 'acc-initial-1',
  temporary: 'acc-temporary-2',
  own: 'acc-own-pass-3',
};
const SITE = { code: 'ACC-E2E', name: '账号测试院区' };

/** The journey's own site, created through the API unless an earlier run left it. */
async function ensureSite(page: Page): Promise<void> {
  const sites = (await (await page.request.get('/api/sites')).json()) as { code: string }[];
  if (sites.some((s) => s.code === SITE.code)) return;
  const res = await page.request.post('/api/sites', { data: SITE });
  expect(res.status()).toBe(201);
}

const scrollWidth = (page: Page) => page.evaluate<number>('document.documentElement.scrollWidth');

test('an account with a role at one site: reset, API token, a refusal', async ({
  page,
}, testInfo) => {
  await signIn(page, ADMIN);
  await ensureSite(page);

  await page.getByRole('navigation', { name: '主导航' }).getByText('用户与授权').click();
  await expect(page.getByRole('heading', { name: '用户与授权' })).toBeVisible();
  await expect(page.getByRole('cell', { name: ADMIN.username, exact: true })).toBeVisible();
  await snap(page, testInfo, '01-users-list');
  await expectAccessible(page, testInfo, 'users');

  // A new account with a first role at one site.
  await page.getByRole('button', { name: '新建用户' }).click();
  const dialog = page.getByRole('dialog', { name: '新建用户' });
  await dialog.getByLabel('用户名').fill(TECH.username);
  await dialog.getByLabel('姓名').fill(TECH.name);
  await dialog.getByLabel('初始密码').fill(TECH.initial);
  await dialog.getByLabel('确认新密码').fill('mismatch-123');
  await expect(dialog.getByLabel('首次登录时须修改密码')).toBeChecked();
  await chooseOption(page, dialog, '初始角色（可选）', '维修工');
  await dialog.getByLabel('指定院区').check();
  await dialog.getByRole('button', { name: '新建用户' }).click();
  await expect(dialog.getByText('两次输入的新密码不一致')).toBeVisible();
  await expect(dialog.getByText('请选择院区')).toBeVisible();
  await dialog.getByLabel('确认新密码').fill(TECH.initial);
  await chooseOption(page, dialog, '院区', SITE.name);
  await snap(page, testInfo, '02-create-form');
  await submitDialog(dialog, '新建用户');
  await expect(page.getByText(`已创建用户 ${TECH.username}`)).toBeVisible();

  // The drawer opens on the new account, with its grant at the site.
  const drawer = page.getByRole('dialog', { name: TECH.name });
  await expect(drawer).toBeVisible();
  const grants = drawer.getByRole('region', { name: '角色授权' });
  await expect(grants.getByRole('cell', { name: '维修工', exact: true })).toBeVisible();
  await expect(grants.getByRole('cell', { name: SITE.name, exact: true })).toBeVisible();
  await snap(page, testInfo, '03-user-drawer');

  // Password reset: a temporary password the user must change.
  await drawer.getByRole('button', { name: '重置密码' }).click();
  const reset = page.getByRole('dialog', { name: `重置“${TECH.name}”的密码` });
  await expect(reset.getByText('下次登录时必须先修改')).toBeVisible();
  await expect(reset.getByText('API 令牌同时作废')).toBeVisible();
  await reset.getByLabel('临时密码').fill(TECH.temporary);
  await reset.getByLabel('确认新密码').fill(TECH.temporary);
  await reset.getByRole('button', { name: '重置密码' }).click();
  await expect(page.getByText(`已重置 ${TECH.name} 的密码`)).toBeVisible();
  await expect(drawer.getByText('待改密码')).toBeVisible();

  // An API token for this service account (no person linked): shown once.
  await drawer.getByRole('button', { name: '签发令牌' }).click();
  const issue = page.getByRole('dialog', { name: '签发 API 令牌' });
  await issue.getByLabel('名称').fill('能耗抄表');
  await issue.getByRole('button', { name: '签发令牌' }).click();
  const once = page.getByRole('dialog', { name: '请立即复制令牌' });
  await expect(once.getByText('令牌只显示这一次')).toBeVisible();
  const token = await once.getByLabel('API 令牌').inputValue();
  expect(token).toMatch(/^hq_/);
  await expect(once.getByRole('button', { name: '复制令牌' })).toBeVisible();
  await snap(page, testInfo, '04-token-once');
  await once.getByRole('button', { name: '我已保存' }).click();
  await expect(once).toBeHidden();
  const tokens = drawer.getByRole('region', { name: 'API 令牌' });
  await expect(tokens.getByText('能耗抄表', { exact: true })).toBeVisible();
  await expect(tokens.getByText('有效', { exact: true })).toBeVisible();
  await expect(page.getByText(token)).toHaveCount(0); // never shown again
  await tokens.getByRole('button', { name: '吊销令牌 能耗抄表' }).click();
  await page.getByRole('tooltip').getByRole('button', { name: '吊销' }).click();
  await expect(page.getByText('已吊销令牌')).toBeVisible();
  await expect(tokens.getByText('已吊销', { exact: true })).toBeVisible();
  await snap(page, testInfo, '05-token-revoked');
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();

  // The server refuses a taken username; its words show above the form.
  await page.getByRole('button', { name: '新建用户' }).click();
  await dialog.getByLabel('用户名').fill(ADMIN.username.toUpperCase());
  await dialog.getByLabel('姓名').fill('重名');
  await dialog.getByLabel('初始密码').fill(TECH.initial);
  await dialog.getByLabel('确认新密码').fill(TECH.initial);
  await dialog.getByRole('button', { name: '新建用户' }).click();
  await expect(dialog.getByRole('alert')).toContainText(`用户名 ${ADMIN.username} 已被使用`);
  await snap(page, testInfo, '06-refused');
  await dialog.getByRole('button', { name: '取消' }).click();

  // Filters live in the URL and reach the server.
  await chooseOption(page, page.getByRole('main'), '角色', '维修工');
  await expect(page).toHaveURL(/roleId=/);
  await expect(page.getByRole('cell', { name: TECH.username })).toBeVisible();
  await expect(page.getByRole('cell', { name: ADMIN.username, exact: true })).toHaveCount(0);
});

test('roles: built-in ones are read-only, a custom one is built', async ({ page }, testInfo) => {
  await signIn(page, ADMIN);
  await page.getByRole('navigation', { name: '主导航' }).getByText('角色', { exact: true }).click();
  await expect(page.getByRole('heading', { name: '角色' })).toBeVisible();
  await expect(page.getByRole('cell', { name: '系统管理员' })).toBeVisible();
  await expectAccessible(page, testInfo, 'roles');
  await page.getByRole('cell', { name: '维修工' }).click();
  const builtin = page.getByRole('dialog', { name: '维修工' });
  await expect(builtin.getByText('内置角色由系统维护')).toBeVisible();
  await expect(builtin.getByRole('button', { name: '删除' })).toHaveCount(0);
  await snap(page, testInfo, '07-builtin-role');
  await page.keyboard.press('Escape');
  await expect(builtin).toBeHidden();

  await page.getByRole('button', { name: '新建角色' }).click();
  const roleDialog = page.getByRole('dialog', { name: '新建自定义角色' });
  await roleDialog.getByLabel('标识').fill('e2e_acc_role');
  await roleDialog.getByLabel('名称').fill('账号测试角色');
  await roleDialog.getByRole('checkbox', { name: /people:read/ }).check();
  await roleDialog.getByRole('checkbox', { name: /departments:read/ }).check();
  await snap(page, testInfo, '08-role-form');
  await roleDialog.getByRole('button', { name: '新建角色' }).click();
  await expect(page.getByText('已创建角色 账号测试角色')).toBeVisible();
  const custom = page.getByRole('dialog', { name: '账号测试角色' });
  await expect(custom.getByText('2 项权限')).toBeVisible();
  await expect(custom.getByText('查看人员')).toBeVisible();
  await expect(custom.getByText('查看部门')).toBeVisible();
  await snap(page, testInfo, '09-custom-role');
});

test('the technician changes the password first and sees no administration', async ({
  browser,
}, testInfo) => {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const tech = await context.newPage();
  await tech.goto('/login');
  await tech.getByLabel('用户名').fill(TECH.username);
  await tech.getByLabel('密码', { exact: true }).fill(TECH.temporary);
  await tech.getByRole('button', { name: '登录' }).click();
  await expect(tech.getByRole('heading', { name: '修改密码' })).toBeVisible();
  await tech.getByLabel('当前密码').fill(TECH.temporary);
  await tech.getByLabel('新密码', { exact: true }).fill(TECH.own);
  await tech.getByLabel('确认新密码').fill(TECH.own);
  await tech.getByRole('button', { name: '保存新密码' }).click();
  const nav = tech.getByRole('navigation', { name: '主导航' });
  await expect(nav).toBeVisible();
  await expect(nav.getByText('系统管理')).toHaveCount(0);
  await expect(nav.getByText('用户与授权')).toHaveCount(0);
  await tech.goto('/users');
  await expect(tech.getByText('没有访问权限')).toBeVisible();
  await snap(tech, testInfo, '10-tech-no-access');
  expect((await tech.request.get('/api/users')).status()).toBe(403);
  await context.close();
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });

  test('the users list fits a phone', async ({ page }, testInfo) => {
    await signIn(page, ADMIN);
    await page.goto('/users');
    await expect(page.getByRole('heading', { name: '用户与授权' })).toBeVisible();
    await expect(page.getByRole('listitem').filter({ hasText: TECH.name })).toBeVisible();
    expect(await scrollWidth(page)).toBeLessThanOrEqual(375);
    await snap(page, testInfo, '11-phone-users');
    await page.getByRole('listitem').filter({ hasText: TECH.name }).click();
    const drawer = page.getByRole('dialog', { name: TECH.name });
    await expect(drawer.getByText('角色授权')).toBeVisible();
    expect(await scrollWidth(page)).toBeLessThanOrEqual(375);
    await snap(page, testInfo, '12-phone-user-drawer');
  });
});
