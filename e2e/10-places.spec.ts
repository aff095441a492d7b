/**
 * Journey: sites and the location tree. The administrator creates a site,
 * a building, two floors and rooms through the UI, drags a room to the
 * other floor, filters and exports the list, tries an invalid import, prints
 * QR labels for ticked rooms and for a whole building, and opens a label's
 * QR landing page on a phone.
 */
import { expect, test, type Page } from '@playwright/test';
import { ADMIN, signIn } from './accounts.ts';
import { chooseOption, expectAccessible, snap, submitDialog } from './support.ts';

test.describe.configure({ mode: 'serial' });

// Codes unlikely to clash with other journeys' data.
const TAG = `PL${Date.now().toString(36).slice(-4).toUpperCase()}`;
const SITE = { code: `${TAG}-S`, name: `${TAG}东院区` };
const LONG_NAME = '超长名称的多功能综合会议室（含远程会诊与示教设备）';
let roomToken = '';
let siteId = '';

type Loc = { id: string; code: string; name: string; parentId: string | null; qrToken: string };

async function findLocation(page: Page, code: string): Promise<Loc> {
  const res = await page.request.get(`/api/locations?q=${encodeURIComponent(code)}`);
  const body = (await res.json()) as { items: Loc[] };
  const found = body.items.find((l) => l.code === code);
  if (!found) throw new Error(`no location ${code}`);
  return found;
}

/** Signs the browser context in through the API (the journeys below start deep inside). */
async function apiSignIn(page: Page) {
  const res = await page.request.post('/api/auth/login', {
    data: { username: ADMIN.username, password: ADMIN.password },
  });
  expect(res.ok(), `${res.status()} ${await res.text()}`).toBe(true);
}

const treeNode = (page: Page, name: string) =>
  page
    .getByRole('tree')
    .locator('.ant-tree-treenode')
    .filter({ has: page.getByText(name, { exact: true }) });

/** Fills and submits the "new location" dialog (type left at its default unless given). */
async function createLocation(page: Page, code: string, name: string) {
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('编码', { exact: true }).fill(code);
  await dialog.getByLabel('名称', { exact: true }).fill(name);
  await submitDialog(dialog, '创建');
  await expect(page.getByText(`已创建“${name}”`)).toBeVisible();
  await expect(dialog).toBeHidden();
}

/** Selects a tree node (clicking a selected node would unselect it). */
async function selectNode(page: Page, name: string) {
  const actions = page.getByRole('group', { name: `${name}的操作` });
  if (!(await actions.isVisible())) await treeNode(page, name).click();
  await expect(actions).toBeVisible();
  return actions;
}

async function addChild(page: Page, parent: string, code: string, name: string, title: RegExp) {
  await (await selectNode(page, parent)).getByRole('button', { name: '添加下级' }).click();
  await expect(page.getByRole('dialog').getByText(title)).toBeVisible();
  await createLocation(page, code, name);
}

test('a site and its tree by hand; a room dragged to the other floor', async ({
  page,
}, testInfo) => {
  await signIn(page, ADMIN);
  await page
    .getByRole('navigation', { name: '主导航' })
    .getByRole('link', { name: '位置管理' })
    .click();
  await expect(page.getByRole('heading', { name: '位置管理' })).toBeVisible();

  // A site (the first one of a fresh installation shows the empty state's button).
  await page.getByRole('button', { name: '新建院区' }).click();
  const siteDialog = page.getByRole('dialog');
  await siteDialog.getByRole('button', { name: '保存' }).click();
  await expect(siteDialog.getByText('请填写院区编码')).toBeVisible();
  await siteDialog.getByLabel('院区编码').fill('bad code!');
  await expect(siteDialog.getByText('编码只能包含字母、数字和 _ . -')).toBeVisible();
  await siteDialog.getByLabel('院区编码').fill(SITE.code);
  await siteDialog.getByLabel('院区名称').fill(SITE.name);
  await siteDialog.getByLabel('地址').fill('东湖路 1 号');
  await siteDialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText(`院区“${SITE.name}”已创建`)).toBeVisible();
  await expect(page.getByRole('combobox', { name: '选择院区' })).toBeVisible();
  await expect(page).toHaveURL(/siteId=/);
  siteId = new URL(page.url()).searchParams.get('siteId')!;
  await expect(page.getByText('这个院区还没有位置。')).toBeVisible();

  // Building, two floors, rooms.
  await page.getByRole('button', { name: '新建楼栋' }).click();
  await expect(page.getByRole('dialog').getByText('新建楼栋')).toBeVisible();
  await createLocation(page, `${TAG}-MZ`, '门诊楼');
  await expect(treeNode(page, '门诊楼')).toBeVisible();
  await addChild(page, '门诊楼', `${TAG}-1F`, '1F', /在“门诊楼”下新建楼层/);
  await addChild(page, '门诊楼', `${TAG}-2F`, '2F', /在“门诊楼”下新建楼层/);
  await expect(treeNode(page, '1F')).toBeVisible();
  await expect(treeNode(page, '2F')).toBeVisible();
  await addChild(page, '1F', `${TAG}-101`, '101', /在“1F”下新建房间/);
  await addChild(page, '1F', `${TAG}-102`, '102', /在“1F”下新建房间/);
  await addChild(page, '2F', `${TAG}-201`, LONG_NAME, /在“2F”下新建房间/);
  await expect(treeNode(page, '102')).toBeVisible();
  await snap(page, testInfo, '01-tree');

  // Drag 102 onto 2F: moved under it.
  await treeNode(page, '102')
    .locator('.ant-tree-node-content-wrapper')
    .dragTo(treeNode(page, '2F').locator('.ant-tree-node-content-wrapper'));
  await expect(page.getByText('已移动“102”')).toBeVisible();
  const floor2 = await findLocation(page, `${TAG}-2F`);
  expect((await findLocation(page, `${TAG}-102`)).parentId).toBe(floor2.id);
  await expect(
    page
      .getByRole('row')
      .filter({ hasText: `${TAG}-102` })
      .getByText('门诊楼 / 2F / 102'),
  ).toBeVisible();
  // A floor dropped into a room is not offered; a room into a room neither. The server refuses
  // what the tree would not offer, e.g. moving a floor to the top of the site:
  const refused = await page.request.patch(`/api/locations/${floor2.id}`, {
    data: { parentId: null },
  });
  expect(refused.status()).toBe(400);
  // The selected node limits the list to what is below it.
  await selectNode(page, '2F');
  await expect(page.getByText('范围：门诊楼 / 2F 下')).toBeVisible();
  await expect(page).toHaveURL(/under=/);
  await expect(page.getByText('共 2 条')).toBeVisible();
  await snap(page, testInfo, '02-after-drag');
  await page.getByRole('button', { name: '清除范围' }).click();
  await expect(page).not.toHaveURL(/under=/);
});

test('the list: filters, export, import errors, details', async ({ page }, testInfo) => {
  await apiSignIn(page);
  await page.goto(`/locations?siteId=${siteId}`);
  await expect(page.getByText('共 6 条')).toBeVisible();
  await chooseOption(page, page, '类型', '房间');
  await expect(page).toHaveURL(/type=room/);
  await expect(page.getByText('共 3 条')).toBeVisible();
  const search = page
    .getByRole('searchbox', { name: '搜索名称或编码' })
    .or(page.getByLabel('搜索名称或编码'));
  await search.first().fill('10');
  await search.first().press('Enter');
  await expect(page).toHaveURL(/q=10/);
  await expect(page.getByText('共 2 条')).toBeVisible();
  const exportHref = await page.getByRole('link', { name: /导出 Excel/ }).getAttribute('href');
  expect(exportHref).toContain('/api/locations/export.xlsx?');
  expect(exportHref).toContain('type=room');
  expect(exportHref).toContain('q=10');
  expect(exportHref).toMatch(/siteId=[0-9a-f-]{36}/);
  const xlsx = await page.request.get(exportHref!);
  expect(xlsx.status()).toBe(200);
  await snap(page, testInfo, '03-list-filtered');
  await expectAccessible(page, testInfo, 'locations');

  // Import: a file that is not a spreadsheet is refused with a message.
  await page.getByRole('button', { name: '导入' }).click();
  const importDialog = page.getByRole('dialog', { name: '导入位置' });
  await expect(importDialog.getByRole('link', { name: '下载导入模板' })).toHaveAttribute(
    'href',
    '/api/locations/import-template.xlsx',
  );
  await importDialog.locator('input[type=file]').setInputFiles({
    name: 'rooms.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from('not really a spreadsheet'),
  });
  await expect(importDialog.getByRole('alert')).toBeVisible();
  await snap(page, testInfo, '04-import-error');
  await page.keyboard.press('Escape');
  await expect(importDialog).toBeHidden();

  // Details drawer: edit the name with the API's rules.
  await page
    .getByRole('row')
    .filter({ hasText: `${TAG}-101` })
    .click();
  const drawer = page.locator('.ant-drawer-section');
  await expect(drawer.getByText('门诊楼 / 1F / 101')).toBeVisible();
  await drawer.getByRole('button', { name: '编辑' }).click();
  await drawer.getByLabel('名称', { exact: true }).fill('101 护士站');
  await drawer.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已保存')).toBeVisible();
  await expect(drawer.getByText('门诊楼 / 1F / 101 护士站')).toBeVisible();
  await drawer.getByRole('tab', { name: '动态' }).click();
  await expect(drawer.getByText('修改').first()).toBeVisible();
  await snap(page, testInfo, '05-drawer');
  await page.keyboard.press('Escape');
});

test('QR labels for ticked rooms and for a whole building', async ({ page }, testInfo) => {
  await apiSignIn(page);
  await page.goto(`/locations?siteId=${siteId}&type=room&q=10`);
  await expect(page.getByText('共 2 条')).toBeVisible();

  // Tick both rooms of the filtered list → their label sheet.
  await page
    .getByRole('row')
    .filter({ hasText: `${TAG}-101` })
    .getByRole('checkbox')
    .check();
  await page
    .getByRole('row')
    .filter({ hasText: `${TAG}-102` })
    .getByRole('checkbox')
    .check();
  await page.getByRole('button', { name: '打印标签（2）' }).click();
  await expect(page).toHaveURL(/\/locations\/labels\?ids=/);
  await expect(page.getByTestId('label-count')).toHaveText('共 2 个标签，1 张 A4 纸');
  await expect(page.getByTestId('label')).toHaveCount(2);
  await expect(page.getByRole('img', { name: /的二维码$/ })).toHaveCount(2);
  await page.getByRole('button', { name: '返回' }).click();
  await expect(page).toHaveURL(/type=room/);

  // Every room under the building, from the tree: 25 rooms (22 more added through the API)
  // make one full A4 sheet of 24 and a second sheet.
  const floor1 = await findLocation(page, `${TAG}-1F`);
  for (let i = 1; i <= 22; i++) {
    const res = await page.request.post('/api/locations', {
      data: {
        siteId,
        parentId: floor1.id,
        type: 'room',
        code: `${TAG}-1${String(i + 10).padStart(2, '0')}`,
        name: i === 1 ? '中心供应室无菌物品存放间（一次性耗材与器械包专用）' : `诊室 ${i + 10}`,
      },
    });
    expect(res.status()).toBe(201);
  }
  await (await selectNode(page, '门诊楼')).getByRole('button', { name: '打印房间标签' }).click();
  await expect(page.getByTestId('label-count')).toHaveText('共 25 个标签，2 张 A4 纸');
  await expect(page.getByRole('img', { name: /的二维码$/ })).toHaveCount(25);
  await expect(page.getByTestId('label-sheet')).toHaveCount(2);
  await expect(page.getByTestId('label-sheet').first().getByTestId('label')).toHaveCount(24);
  await expect(page.getByTestId('label').filter({ hasText: '门诊楼 / 2F' })).toHaveCount(2);
  // The sheet is A4 at 1:1 (96 px per inch), its 24 labels inside it, and no label's text runs
  // out of its label.
  const first = page.getByTestId('label-sheet').first();
  const sheet = (await first.boundingBox())!;
  expect(Math.round(sheet.width)).toBe(794);
  expect(Math.round(sheet.height)).toBe(1123);
  const last = (await first.getByTestId('label').last().boundingBox())!;
  expect(last.y + last.height).toBeLessThanOrEqual(sheet.y + sheet.height + 0.5);
  const overflow = await page.getByTestId('label').evaluateAll(
    (labels) =>
      labels.filter((label) => {
        const box = label.getBoundingClientRect();
        return [...label.querySelectorAll('.label-text > *')].some((el) => {
          const r = el.getBoundingClientRect();
          return r.bottom > box.bottom + 0.5 || r.right > box.right + 0.5;
        });
      }).length,
  );
  expect(overflow).toBe(0);
  await snap(page, testInfo, '06-labels');
  await expectAccessible(page, testInfo, 'labels');

  roomToken = (await findLocation(page, `${TAG}-102`)).qrToken;
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });

  test('locations page and a scanned label', async ({ page }, testInfo) => {
    expect(roomToken).not.toBe('');
    // Scanned before signing in: the login page, then straight back to the place.
    await page.goto(`/r/${roomToken}`);
    await expect(page).toHaveURL(/\/login\?next=/);
    await page.getByLabel('用户名').fill(ADMIN.username);
    await page.getByLabel('密码', { exact: true }).fill(ADMIN.password);
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.getByRole('heading', { name: /102/ })).toBeVisible();

    await page.goto('/locations');
    await expect(page.getByRole('heading', { name: '位置管理' })).toBeVisible();
    await chooseOption(page, page, '选择院区', SITE.name);
    await expect(page.getByRole('tree').getByText('门诊楼')).toBeVisible();
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
      375,
    );
    await snap(page, testInfo, '07-phone-locations');

    await page.goto(`/r/${roomToken}`);
    await expect(page.getByRole('heading', { name: /102/ })).toBeVisible();
    await expect(page.getByText('门诊楼 / 2F', { exact: true })).toBeVisible();
    await expect(page.getByText(SITE.name)).toBeVisible();
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
      375,
    );
    await snap(page, testInfo, '08-phone-qr-landing');
    await expectAccessible(page, testInfo, 'qr-landing');

    await page.goto('/r/no-such-label-token');
    await expect(page.getByRole('heading', { name: '此标签已失效或不存在' })).toBeVisible();
    await snap(page, testInfo, '09-phone-qr-invalid');
  });
});
