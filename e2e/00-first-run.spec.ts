/**
 * Journey: a fresh installation. The first visitor sets up the organisation
 * and its administrator, signs in, sees the first steps, switches language
 * and back, signs out; then the same sign-in on a phone-sized screen.
 */
import { expect, test } from '@playwright/test';
import { ADMIN, ORG } from './accounts.ts';
import { expectAccessible, recordScripts, snap } from './support.ts';

test.describe.configure({ mode: 'serial' });

test('first run: set up, sign in, first steps, language, sign out', async ({ page }, testInfo) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole('heading', { name: '初始化后勤平台' })).toBeVisible();
  await expect(page.getByLabel('初始化口令')).toHaveCount(0); // same computer: no token asked
  await snap(page, testInfo, '01-setup');

  await page.getByLabel('单位名称').fill(ORG);
  await expect(page.getByText('Asia/Shanghai')).toBeVisible(); // time zone default
  await page.getByLabel('姓名').fill(ADMIN.name);
  await page.getByLabel('用户名').fill(ADMIN.username);
  await page.getByLabel('密码', { exact: true }).fill(ADMIN.password);
  await page.getByLabel('确认新密码').fill('something-else');
  await page.getByRole('button', { name: '完成初始化' }).click();
  await expect(page.getByText('两次输入的新密码不一致')).toBeVisible();
  await snap(page, testInfo, '02-setup-validation');
  await page.getByLabel('确认新密码').fill(ADMIN.password);
  await page.getByRole('button', { name: '完成初始化' }).click();

  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByText('初始化完成，请使用刚创建的管理员账号登录')).toBeVisible();
  await expect(page.getByLabel('用户名')).toHaveValue(ADMIN.username);
  await snap(page, testInfo, '03-login-after-setup');
  await expectAccessible(page, testInfo, 'login');

  await page.getByLabel('密码', { exact: true }).fill('wrong-password');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await snap(page, testInfo, '04-login-wrong-password');

  await page.getByLabel('密码', { exact: true }).fill(ADMIN.password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('heading', { name: `您好，${ADMIN.name}` })).toBeVisible();
  await expect(page.getByText('开始使用：建议按以下顺序完成基础设置')).toBeVisible();
  for (const step of ['建立院区和位置', '建立部门', '录入人员', '创建用户账号并授权']) {
    await expect(page.getByText(step, { exact: true })).toBeVisible();
  }
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible();
  await expect(page.getByRole('banner').getByText(ORG)).toBeVisible();
  await snap(page, testInfo, '05-home');
  await expectAccessible(page, testInfo, 'home');

  await page.getByRole('button', { name: /English/ }).click();
  await expect(page.getByRole('heading', { name: `Hello, ${ADMIN.name}` })).toBeVisible();
  await expect(page.getByText('Getting started: set up the basics in this order')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await snap(page, testInfo, '06-home-english');
  await page.reload(); // remembered in this browser
  await expect(page.getByRole('heading', { name: `Hello, ${ADMIN.name}` })).toBeVisible();
  // …and on the account: another device (a fresh browser context) signs in
  // in Chinese and turns English once the account is known.
  const phone = await page.context().browser()!.newContext({ locale: 'zh-CN' });
  const other = await phone.newPage();
  await other.goto('/login');
  await other.getByLabel('用户名').fill(ADMIN.username);
  await other.getByLabel('密码', { exact: true }).fill(ADMIN.password);
  await other.getByRole('button', { name: '登录' }).click();
  await expect(other.getByRole('heading', { name: `Hello, ${ADMIN.name}` })).toBeVisible();
  await phone.close();
  await page.getByRole('button', { name: /中文/ }).click();
  await expect(page.getByRole('heading', { name: `您好，${ADMIN.name}` })).toBeVisible();

  await page.getByRole('link', { name: '通知', exact: true }).click();
  await expect(page.getByRole('heading', { name: '通知' })).toBeVisible();
  await expect(page.getByText('暂无通知')).toBeVisible();
  await snap(page, testInfo, '07-notifications');

  await page.goto('/no-such-page');
  await expect(page.getByText('页面不存在', { exact: true })).toBeVisible();
  await snap(page, testInfo, '08-not-found');

  await page.getByRole('button', { name: `用户菜单：${ADMIN.name}` }).click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await snap(page, testInfo, '09-signed-out');

  // Signed out, a deep link leads through the login page and back to it.
  await page.goto('/notifications');
  await expect(page).toHaveURL(/\/login\?next=%2Fnotifications$/);
  await page.getByLabel('用户名').fill(ADMIN.username);
  await page.getByLabel('密码', { exact: true }).fill(ADMIN.password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page).toHaveURL(/\/notifications$/);
  await expect(page.getByRole('heading', { name: '通知' })).toBeVisible();
});

test('an account made by the administrator changes its password first', async ({
  page,
}, testInfo) => {
  // The administrator creates the account through the API (the users page comes later).
  const signIn = await page.request.post('/api/auth/login', {
    data: { username: ADMIN.username, password: ADMIN.password },
  });
  expect(signIn.ok()).toBe(true);
  const created = await page.request.post('/api/users', {
    data: {
      username: 'li',
      password: 'first-pass-1',
      displayName: '李师傅',
      mustChangePassword: true,
    },
  });
  expect(created.status()).toBe(201);
  await page.context().clearCookies();

  await page.goto('/login');
  await page.getByLabel('用户名').fill('li');
  await page.getByLabel('密码', { exact: true }).fill('first-pass-1');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page).toHaveURL(/\/change-password$/);
  await expect(page.getByText('继续使用前，请设置一个只有您知道的新密码')).toBeVisible();
  await page.getByLabel('当前密码').fill('first-pass-1');
  await page.getByLabel('新密码', { exact: true }).fill('second-pass-2');
  await page.getByLabel('确认新密码').fill('second-pass-2');
  await snap(page, testInfo, '10-forced-password-change');
  await page.getByRole('button', { name: '保存新密码' }).click();

  await expect(page.getByRole('heading', { name: '您好，李师傅' })).toBeVisible();
  // No role yet: no first steps, and the page says whom to ask.
  await expect(page.getByText('开始使用：建议按以下顺序完成基础设置')).toHaveCount(0);
  await expect(page.getByText('请联系管理员授权')).toBeVisible();
  await snap(page, testInfo, '10b-home-without-roles');
});

test('JavaScript loaded by the login and home pages', async ({ page }, testInfo) => {
  const loginScripts = recordScripts(page);
  await page.goto('/login');
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
  const login = loginScripts();
  await page.getByLabel('用户名').fill(ADMIN.username);
  await page.getByLabel('密码', { exact: true }).fill(ADMIN.password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByText('开始使用：建议按以下顺序完成基础设置')).toBeVisible();
  const all = loginScripts();

  // Home opened directly by a signed-in user (what a returning user loads).
  const homePage = await page.context().newPage();
  const homeScripts = recordScripts(homePage);
  await homePage.goto('/');
  await expect(homePage.getByText('开始使用：建议按以下顺序完成基础设置')).toBeVisible();
  const home = homeScripts();
  const report = {
    loginGzipBytes: login.gzipBytes,
    loginThenHomeGzipBytes: all.gzipBytes,
    homeGzipBytes: home.gzipBytes,
    loginFiles: login.files,
    homeFiles: home.files,
  };
  console.log(
    `JS gzip: login ${(login.gzipBytes / 1024).toFixed(1)} KB, home ${(home.gzipBytes / 1024).toFixed(1)} KB`,
  );
  await testInfo.attach('bundle-sizes.json', {
    body: JSON.stringify(report, null, 2),
    contentType: 'application/json',
  });
});

test.describe('phone, 375×812', () => {
  test.use({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });

  test('sign in, home, menu in a drawer', async ({ page }, testInfo) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/login$/);
    await page.getByLabel('用户名').fill(ADMIN.username);
    await page.getByLabel('密码', { exact: true }).fill(ADMIN.password);
    await snap(page, testInfo, '11-phone-login');
    await page.getByRole('button', { name: '登录' }).click();

    await expect(page.getByRole('heading', { name: `您好，${ADMIN.name}` })).toBeVisible();
    await expect(page.getByRole('navigation', { name: '主导航' })).toHaveCount(0);
    const width = await page.evaluate<number>('document.documentElement.scrollWidth');
    expect(width).toBeLessThanOrEqual(375); // nothing sticks out sideways
    await snap(page, testInfo, '12-phone-home');
    await expectAccessible(page, testInfo, 'phone-home');

    await page.getByRole('button', { name: '打开导航菜单' }).click();
    const nav = page.getByRole('navigation', { name: '主导航' });
    await expect(nav).toBeVisible();
    await snap(page, testInfo, '13-phone-menu');
    await nav.getByRole('link', { name: '通知', exact: true }).click();
    await expect(page.getByRole('heading', { name: '通知' })).toBeVisible();
    await expect(nav).toBeHidden();
    await snap(page, testInfo, '14-phone-notifications');
  });
});
