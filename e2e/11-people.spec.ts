/**
 * Journey: departments, people and the organisation settings. The
 * administrator builds a small department tree, adds a person through the
 * form (the API's own phone rule first), finds, edits and audits them, tries
 * an import with a broken file, and changes the fiscal year and holidays.
 */
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { ADMIN, signIn } from './accounts.ts';
import { chooseOption, expectAccessible, snap, submitDialog, untilChosen } from './support.ts';

test.describe.configure({ mode: 'serial' });

// Names unlikely to clash with other journeys' data.
const PARENT = { code: 'PPL-MED', name: '医务处（人员测试）' };
const CHILD = { code: 'PPL-EQP', name: '设备科（人员测试）' };
const PERSON = { no: 'PPL-0001', name: '林晓岚' };

async function openDialog(page: Page, button: string, title = button) {
  await page.getByRole('button', { name: button }).first().click();
  const dialog = page.getByRole('dialog', { name: title });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** axe with the pointer out of the way (a hovered button is lighter than at rest). */
async function axe(page: Page, testInfo: TestInfo, name: string) {
  await page.mouse.move(0, 0);
  await expectAccessible(page, testInfo, name);
}

test('departments: a parent and a child, tree and list', async ({ page }, testInfo) => {
  await signIn(page, ADMIN);
  await page.goto('/departments');
  await expect(page.getByRole('heading', { name: '部门', exact: true })).toBeVisible();

  let dialog = await openDialog(page, '新建部门');
  await dialog.getByLabel('部门编码').fill(PARENT.code);
  await dialog.getByLabel('部门名称').fill(PARENT.name);
  await submitDialog(dialog, '新建部门');
  await expect(page.getByText(`已创建部门“${PARENT.name}”`)).toBeVisible();

  // The new department opens in the drawer; add a child from there.
  const drawer = page.locator('.ant-drawer-section');
  await expect(drawer.getByText(PARENT.code, { exact: true })).toBeVisible();
  dialog = await openDialog(page, '新建下级部门', '新建部门');
  await dialog.getByLabel('部门编码').fill(CHILD.code);
  await dialog.getByLabel('部门名称').fill(CHILD.name);
  await submitDialog(dialog, '新建部门');
  await expect(page.getByText(`已创建部门“${CHILD.name}”`)).toBeVisible();
  await expect(drawer.getByText(CHILD.code, { exact: true })).toBeVisible();
  await expect(drawer.getByRole('cell', { name: PARENT.name })).toBeVisible(); // its parent
  await snap(page, testInfo, '11-01-department-drawer');

  // Its parent cannot move under it: the picker refuses its own subtree.
  await page.keyboard.press('Escape');
  await page.getByRole('tree').getByText(PARENT.name).click();
  await page.getByRole('button', { name: '编辑' }).click();
  await expect(page.getByText('不能选它自己或它的下级部门')).toBeVisible();
  await page.getByRole('button', { name: '取消' }).click();
  await page.keyboard.press('Escape');

  const tree = page.getByRole('tree');
  await expect(tree.getByText(PARENT.name)).toBeVisible();
  await expect(tree.getByText(CHILD.name)).toBeVisible();
  await snap(page, testInfo, '11-02-department-tree');
  await axe(page, testInfo, 'departments-tree');

  await page.getByText('列表', { exact: true }).click();
  await expect(page).toHaveURL(/view=list/);
  await expect(page.getByRole('cell', { name: CHILD.code })).toBeVisible();
  await snap(page, testInfo, '11-03-department-list');
  await axe(page, testInfo, 'departments-list');
});

test('people: create, search, edit, audit, export, import', async ({ page }, testInfo) => {
  await signIn(page, ADMIN);
  await page.goto('/people');
  await expect(page.getByRole('heading', { name: '人员', exact: true })).toBeVisible();

  const dialog = await openDialog(page, '新建人员');
  await dialog.getByLabel('工号').fill(PERSON.no);
  await dialog.getByLabel('姓名').fill(PERSON.name);
  await dialog.getByLabel('电话').fill('call me');
  await dialog.getByRole('button', { name: '新建人员' }).click();
  await expect(dialog.getByText('电话号码格式不正确')).toBeVisible(); // the API schema's words
  await snap(page, testInfo, '11-04-person-bad-phone');
  await dialog.getByLabel('电话').fill('0571-8888 6666');
  await dialog.getByLabel('邮箱').fill('lin@example.org');
  await untilChosen(dialog, CHILD.name, async () => {
    await dialog.getByLabel('部门').click();
    await dialog.getByLabel('部门').fill('设备科');
    await page.getByRole('tree').last().getByText(CHILD.name).click({ timeout: 5_000 });
  });
  await submitDialog(dialog, '新建人员');
  await expect(page.getByText(`已添加人员“${PERSON.name}”`)).toBeVisible();

  await page.getByRole('searchbox', { name: '姓名、工号或电话' }).fill('林晓');
  await page.getByRole('searchbox', { name: '姓名、工号或电话' }).press('Enter');
  await expect(page).toHaveURL(/q=%E6%9E%97/);
  const row = page.getByRole('row', { name: new RegExp(PERSON.no) });
  await expect(row).toContainText(CHILD.name);
  const exportLink = page.getByRole('link', { name: /导出 Excel/ });
  await expect(exportLink).toHaveAttribute('href', /\/api\/people\/export\.xlsx\?q=%E6%9E%97/);
  await snap(page, testInfo, '11-05-people-search');
  await axe(page, testInfo, 'people');

  await row.click();
  const drawer = page.locator('.ant-drawer-section');
  await expect(drawer.getByText('lin@example.org')).toBeVisible();
  await drawer.getByRole('button', { name: '编辑' }).click();
  await drawer.getByLabel('职务').fill('护士长');
  await drawer.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已保存')).toBeVisible();
  await expect(drawer.getByRole('cell', { name: '护士长' })).toBeVisible();
  await drawer.getByRole('tab', { name: '动态' }).click();
  await expect(drawer.getByText(/职务：— → 护士长/)).toBeVisible();
  await snap(page, testInfo, '11-06-person-audit');
  await axe(page, testInfo, 'person-drawer');
  await page.keyboard.press('Escape');

  const importer = await openDialog(page, '导入', '导入人员');
  await importer.locator('input[type=file]').setInputFiles({
    name: 'people.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from('this is not a workbook'),
  });
  await expect(importer.getByRole('alert')).toBeVisible();
  await snap(page, testInfo, '11-07-import-bad-file');
});

test('organisation settings: fiscal year and a holiday week are kept', async ({
  page,
}, testInfo) => {
  await signIn(page, ADMIN);
  await page.goto('/settings/organization');
  await expect(page.getByRole('heading', { name: '组织设置' })).toBeVisible();

  // The form fills in once the organisation has loaded; choose only after that.
  await expect(page.getByLabel('时区')).toBeVisible();
  const fiscal = page.locator('.ant-form-item').filter({ hasText: '财年起始月份' });
  await expect(fiscal).toContainText('1 月');
  await chooseOption(page, page, '财年起始月份', '4 月');
  await expect(fiscal).toContainText('4 月');
  // National Day week as one range: start and end typed, as a keyboard user would.
  const holidayRange = page.getByRole('textbox', { name: '法定节假日：选择日期或日期段' });
  const start = holidayRange.nth(0);
  const end = holidayRange.nth(1);
  await start.click();
  await start.fill('2026-10-01');
  await start.press('Enter');
  await end.fill('2026-10-07');
  await end.press('Enter');
  await page.getByRole('button', { name: '加入' }).first().click();
  await expect(page.getByText('2026 年 · 7 天')).toBeVisible();
  await snap(page, testInfo, '11-08-settings-edited');
  await page.getByRole('button', { name: '保存设置' }).click();
  await expect(page.getByText('已保存')).toBeVisible();

  await page.reload();
  await expect(fiscal).toContainText('4 月');
  // The settings' history names the field and both values.
  await expect(page.getByText(/财年起始月份：1 月 → 4 月/)).toBeVisible();
  await expect(page.getByText('2026 年 · 7 天')).toBeVisible();
  await expect(page.getByText('10-01 周四')).toBeVisible();
  await snap(page, testInfo, '11-09-settings-kept');
  await axe(page, testInfo, 'org-settings');
});

test.describe('phone, 375×812', () => {
  test.use({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });

  test('the people list as cards, nothing sideways', async ({ page }, testInfo) => {
    await signIn(page, ADMIN);
    await page.goto('/people');
    const card = page.getByRole('listitem').filter({ hasText: PERSON.name });
    await expect(card).toBeVisible();
    await expect(card).toContainText(PERSON.no);
    const width = await page.evaluate<number>('document.documentElement.scrollWidth');
    expect(width).toBeLessThanOrEqual(375);
    await snap(page, testInfo, '11-10-phone-people');
    await axe(page, testInfo, 'phone-people');
  });
});
