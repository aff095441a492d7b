/**
 * Journey: the maintenance manager sets the module up. The administrator
 * (through the API) opens a site and a technician's account; then on
 * 维修设置 adds a category, overrides its urgent targets in the SLA matrix,
 * makes a team with the technician as leader, puts them on a night shift on
 * the roster, adds a dispatch rule for the category at the site and changes
 * a general setting. Reloaded, every tab shows what was saved; each tab
 * passes axe. Then the roster and the categories on a phone.
 */
import { expect, test, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { ADMIN, signIn } from './accounts.ts';
import { chooseOption, expectAccessible, snap, submitDialog } from './support.ts';

test.describe.configure({ mode: 'serial' });

const TAG = `MS${Date.now().toString(36).toUpperCase()}`;
const SITE = { code: TAG, name: `设置测试院区 ${TAG}` };
const CATEGORY = { code: `ms-${TAG.toLowerCase()}`, name: `设置测试类别${TAG}` };
const TEAM = `设置测试班组${TAG}`;
const TECH = {
  username: `e2e-ms-${TAG.toLowerCase()}`,
  name: `设置测试维修工${TAG}`,
  password: 'ms-tech-pass-1',
};

/** The roster tab's address once the team is chosen (team and week in it), for the later checks. */
let rosterUrl = '';
/** The organisation's auto-confirm days before the journey, put back at its end. */
let autoConfirmBefore = '3';

async function created<T>(res: Awaited<ReturnType<APIRequestContext['post']>>): Promise<T> {
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as T;
}

/** A site and a technician granted there, through the API. */
async function seed(page: Page) {
  const r = page.request;
  const site = await created<{ id: string }>(await r.post('/api/sites', { data: SITE }));
  const roles = (await (await r.get('/api/roles')).json()) as { id: string; key: string }[];
  await created(
    await r.post('/api/users', {
      data: {
        username: TECH.username,
        password: TECH.password,
        displayName: TECH.name,
        mustChangePassword: false,
        grants: [{ roleId: roles.find((x) => x.key === 'technician')!.id, siteId: site.id }],
      },
    }),
  );
}

async function openTab(page: Page, name: string) {
  // Back to the top first: scrolled into view, the tabs would sit under the sticky header.
  await page.evaluate('window.scrollTo(0, 0)');
  await page.getByRole('tab', { name, exact: true }).click();
  await expect(page.getByRole('tab', { name, exact: true })).toHaveAttribute(
    'aria-selected',
    'true',
  );
}

test('categories: a new one goes last', async ({ page }, testInfo) => {
  await signIn(page, ADMIN);
  await seed(page);

  // 报修类别: a new category goes last.
  await page.goto('/maintenance/settings');
  await expect(page.getByRole('heading', { name: '维修设置' })).toBeVisible();
  await page.getByRole('button', { name: '新建类别' }).click();
  const dialog = page.getByRole('dialog', { name: '新建报修类别' });
  await dialog.getByLabel('编码').fill(CATEGORY.code);
  await dialog.getByLabel('名称').fill(CATEGORY.name);
  await submitDialog(dialog, '保存');
  await expect(page.getByText(`已新建类别 ${CATEGORY.name}`)).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: CATEGORY.name })).toContainText('启用');
  await snap(page, testInfo, '01-categories');
  await expectAccessible(page, testInfo, 'categories');
});

test('SLA: the new category’s urgent targets overridden', async ({ page }, testInfo) => {
  await signIn(page, ADMIN);
  await page.goto('/maintenance/settings?tab=sla');
  const cell = page.getByRole('button', { name: new RegExp(`^${CATEGORY.name} × 紧急：`) });
  await expect(cell).toHaveAccessibleName(/（默认）/);
  await cell.click();
  const dialog = page.getByRole('dialog', { name: `时限：${CATEGORY.name} × 紧急` });
  await dialog.getByLabel('响应时限（数值）').fill('10');
  await dialog.getByLabel('完成时限（数值）').fill('2');
  await snap(page, testInfo, '02-sla-cell');
  await expectAccessible(page, testInfo, 'sla-cell');
  await submitDialog(dialog, '保存');
  await expect(page.getByText(`已设置 ${CATEGORY.name} × 紧急 的时限`)).toBeVisible();
  await expect(cell).toHaveAccessibleName(/响应 10 分钟 · 完成 2 小时（已调整）/);
  await snap(page, testInfo, '03-sla');
  await expectAccessible(page, testInfo, 'sla');
});

test('teams: a team for the site, the technician its leader', async ({ page }, testInfo) => {
  // Two dialogs, a server search and two accessibility scans: past 60 s on a busy CI machine.
  test.setTimeout(180_000);
  await signIn(page, ADMIN);
  await page.goto('/maintenance/settings?tab=teams');
  let dialog: Locator;

  await page.getByRole('button', { name: '新建班组' }).click();
  dialog = page.getByRole('dialog', { name: '新建班组' });
  await dialog.getByLabel('名称').fill(TEAM);
  await chooseOption(page, dialog, '负责院区', SITE.name);
  await submitDialog(dialog, '保存');
  await expect(page.getByText(`已新建班组 ${TEAM}`)).toBeVisible();
  await page.getByRole('button', { name: `设置 ${TEAM} 的成员` }).click();
  dialog = page.getByRole('dialog', { name: `成员：${TEAM}` });
  const search = dialog.getByLabel('添加成员');
  await search.click();
  await search.fill(TECH.username);
  // Found by the server's search; picked with the keyboard (Enter takes the first match).
  const options = page.locator('.ant-select-dropdown .ant-select-item-option');
  await expect(options).toHaveCount(1);
  await expect(options).toContainText(TECH.name);
  await search.press('Enter');
  await expect(dialog.getByRole('listitem').filter({ hasText: TECH.name })).toBeVisible();
  await dialog.getByLabel(`${TECH.name} 是组长`).check();
  await snap(page, testInfo, '04-members');
  await expectAccessible(page, testInfo, 'members');
  await submitDialog(dialog, '保存');
  await expect(page.getByText(`已保存 ${TEAM} 的成员`)).toBeVisible();
  const teamRow = page.getByRole('row').filter({ hasText: TEAM });
  await expect(teamRow).toContainText(TECH.name);
  await expect(teamRow).toContainText(SITE.name);
  await snap(page, testInfo, '05-teams');
  await expectAccessible(page, testInfo, 'teams');
});

test('roster: a night shift next week, saved', async ({ page }, testInfo) => {
  await signIn(page, ADMIN);
  await page.goto('/maintenance/settings?tab=roster');

  await chooseOption(page, page, '班组', TEAM);
  await page.getByRole('button', { name: '下一周' }).click();
  await expect(page).toHaveURL(/team=.*week=/);
  await page
    .getByRole('button', { name: new RegExp(`^给 ${TECH.name} 添加 .* 的班次$`) })
    .first()
    .click();
  const dialog = page.getByRole('dialog', { name: '添加班次' });
  await dialog.getByRole('button', { name: '夜班 17:30–08:00' }).click();
  await submitDialog(dialog, '添加班次');
  await expect(page.getByText('有未保存的修改')).toBeVisible();
  await page.getByRole('button', { name: '保存排班' }).click();
  await expect(page.getByText('排班已保存')).toBeVisible();
  await expect(page.getByText('有未保存的修改')).toHaveCount(0);
  const techRow = page.getByRole('row').filter({ hasText: TECH.name });
  await expect(techRow).toContainText('17:30–次日 08:00');
  rosterUrl = page.url();
  await snap(page, testInfo, '06-roster');
  await expectAccessible(page, testInfo, 'roster');
});

test('dispatch rule and a general setting', async ({ page }, testInfo) => {
  await signIn(page, ADMIN);
  await page.goto('/maintenance/settings?tab=rules');
  await expect(page.getByText('最具体的规则优先')).toBeVisible();
  await page.getByRole('button', { name: '新建规则' }).click();
  const dialog = page.getByRole('dialog', { name: '新建派工规则' });
  await chooseOption(page, dialog, '类别', CATEGORY.name);
  await chooseOption(page, dialog, '院区', SITE.name);
  await chooseOption(page, dialog, '交给班组', TEAM);
  await expect(dialog.getByLabel('自动派工')).toBeChecked();
  await submitDialog(dialog, '保存');
  await expect(page.getByText('已新建派工规则')).toBeVisible();
  const ruleRow = page.getByRole('row').filter({ hasText: CATEGORY.name });
  await expect(ruleRow).toContainText('类别 + 院区');
  await expect(ruleRow).toContainText(TEAM);
  await snap(page, testInfo, '07-rules');
  await expectAccessible(page, testInfo, 'rules');

  // 通用设置: auto-confirm after 5 days instead of the default.
  await openTab(page, '通用设置');
  const days = page.getByLabel('自动验收天数');
  autoConfirmBefore = await days.inputValue();
  await days.fill('5');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已保存', { exact: true })).toBeVisible();
  // The pointer off the button: antd's lighter hover blue is not what is being checked.
  await page.mouse.move(0, 0);
  await snap(page, testInfo, '08-general');
  await expectAccessible(page, testInfo, 'general');
});

test('reloaded, every tab shows what was saved', async ({ page }) => {
  await signIn(page, ADMIN);
  await page.goto('/maintenance/settings?tab=general');
  await expect(page.getByLabel('自动验收天数')).toHaveValue('5');
  await openTab(page, '报修类别');
  await expect(page.getByRole('row').filter({ hasText: CATEGORY.name })).toContainText(
    CATEGORY.code,
  );
  await openTab(page, '优先级与时限');
  await expect(
    page.getByRole('button', { name: new RegExp(`^${CATEGORY.name} × 紧急：`) }),
  ).toHaveAccessibleName(/响应 10 分钟 · 完成 2 小时（已调整）/);
  await openTab(page, '维修班组');
  await expect(page.getByRole('row').filter({ hasText: TEAM })).toContainText(TECH.name);
  await openTab(page, '派工规则');
  await expect(page.getByRole('row').filter({ hasText: CATEGORY.name })).toContainText(TEAM);
  await page.goto(rosterUrl);
  await expect(page.getByRole('row').filter({ hasText: TECH.name })).toContainText(
    '17:30–次日 08:00',
  );

  // Put the organisation's setting back for the journeys that follow.
  const restore = await page.request.patch('/api/maintenance/settings', {
    data: { autoConfirmDays: Number(autoConfirmBefore) },
  });
  expect(restore.ok()).toBe(true);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });

  test('the roster is a list of days, without sideways scrolling', async ({ page }, testInfo) => {
    await signIn(page, ADMIN);
    await page.goto(rosterUrl);
    const card = page.locator('.ant-card').filter({ hasText: TECH.name });
    await expect(card).toContainText('17:30–次日 08:00');
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
      375,
    );
    await snap(page, testInfo, '09-phone-roster');
    await expectAccessible(page, testInfo, 'phone-roster');

    await page.goto('/maintenance/settings?tab=categories');
    await expect(page.getByRole('row').filter({ hasText: CATEGORY.name })).toBeVisible();
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
      375,
    );
    await snap(page, testInfo, '10-phone-categories');
  });
});
