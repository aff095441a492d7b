/** The installation the journeys build: set up by 00-first-run, used by every later journey. */
import { expect, type Page } from '@playwright/test';

export const ORG = '市第一人民医院';
export const ADMIN = { name: '张主任', username: 'zhang', password: 'houqin-e2e-1' };

/** Signs in through the login page and waits for the signed-in shell. */
export async function signIn(page: Page, user: { username: string; password: string }) {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(user.username);
  await page.getByLabel('密码', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('banner')).toBeVisible();
}

/** Signs the page's browser context in through the API (for journeys that start deep inside). */
export async function signInByApi(page: Page, user: { username: string; password: string }) {
  const { username, password } = user;
  const res = await page.request.post('/api/auth/login', { data: { username, password } });
  expect(res.ok()).toBe(true);
}
