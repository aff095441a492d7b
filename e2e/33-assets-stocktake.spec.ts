/**
 * Journey: an asset stock-take (盘点). Six chairs stand in room A. The
 * manager starts a stock-take of the building; on a phone a counter (the
 * built-in 盘点员 role, at this site only) finds the 盘点 menu entry, types
 * five tags — four in room A, one found in room B (wrong place) — and records
 * a filing cabinet nobody registered (盘盈). The variance shows one missing
 * chair; closing registers the cabinet as an asset card and turns the missing
 * chair into a loss operation that an approver approves: the chair is lost.
 */
import { expect, request, test, type APIRequestContext, type Page } from '@playwright/test';
import { ADMIN, signIn } from './accounts.ts';
import { expectAccessible, snap } from './support.ts';

test.describe.configure({ mode: 'serial' });

// Codes unlikely to clash with other journeys' data.
const TAG = `ST${Date.now().toString(36).slice(-4).toUpperCase()}`;
const APPROVER = { username: `${TAG.toLowerCase()}-leader`, password: 'houqin-e2e-approve-1' };
const COUNTER = { username: `${TAG.toLowerCase()}-counter`, password: 'houqin-e2e-count-1' };
const CABINET = `${TAG} 无账文件柜`;
const ROOM_A = `${TAG} 201 库房`;
const ROOM_B = `${TAG} 202 办公室`;
const CAMPAIGN = `${TAG} 年度盘点`;
const tags = Array.from({ length: 6 }, (_, i) => `${TAG}-${String(i + 1).padStart(4, '0')}`);

let stocktakeId = '';

async function created<T>(res: Awaited<ReturnType<APIRequestContext['post']>>): Promise<T> {
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as T;
}

/** The site, its building with two rooms, a category, six chairs in room A and an approver. */
async function prepare(page: Page) {
  const r = page.request;
  const site = await created<{ id: string }>(
    await r.post('/api/sites', { data: { code: `${TAG}-S`, name: `${TAG} 北院` } }),
  );
  const building = await created<{ id: string }>(
    await r.post('/api/locations', {
      data: { siteId: site.id, type: 'building', code: `${TAG}-B`, name: `${TAG} 行政楼` },
    }),
  );
  const room = (code: string, name: string) =>
    r.post('/api/locations', {
      data: { siteId: site.id, parentId: building.id, type: 'room', code, name },
    });
  const roomA = await created<{ id: string }>(await room(`${TAG}-201`, ROOM_A));
  await created(await room(`${TAG}-202`, ROOM_B));
  const category = await created<{ id: string }>(
    await r.post('/api/assets/categories', {
      data: { code: `${TAG}-YZ`, name: `${TAG} 办公椅`, unit: '把', lifeMonths: 96 },
    }),
  );
  await created(
    await r.post('/api/assets/batch', {
      data: {
        siteId: site.id,
        categoryId: category.id,
        locationId: roomA.id,
        name: '办公椅',
        unitPriceFen: 45_000,
        count: 6,
        tagPrefix: `${TAG}-`,
      },
    }),
  );
  const roles = (await (await r.get('/api/roles')).json()) as { id: string; key: string }[];
  const user = (who: { username: string; password: string }, name: string, role: string) =>
    r.post('/api/users', {
      data: {
        username: who.username,
        password: who.password,
        displayName: `${TAG} ${name}`,
        mustChangePassword: false,
        grants: [{ roleId: roles.find((x) => x.key === role)!.id, siteId: site.id }],
      },
    });
  await created(await user(APPROVER, '审批人', 'leader'));
  await created(await user(COUNTER, '盘点员', 'asset_counter'));
  return { siteId: site.id };
}

async function pick(page: Page, label: string, option: string) {
  // Typed, so the place is searched for rather than looked for among those already loaded;
  // and opened again if the dropdown's opening swallowed the click on a busy machine.
  const select = page.getByLabel(label, { exact: true });
  await expect(async () => {
    await select.click();
    await select.fill(option);
    await page.locator('.ant-select-dropdown:visible').getByTitle(option).click({ timeout: 5_000 });
  }).toPass({ timeout: 30_000 });
}

test('the manager starts a stock-take of the building', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  await signIn(page, ADMIN);
  const { siteId } = await prepare(page);
  await page.evaluate(`localStorage.setItem('houqin.site', ${JSON.stringify(siteId)})`);

  await page.goto('/assets/stocktakes');
  await page.getByRole('button', { name: '发起盘点' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('盘点名称').fill(CAMPAIGN);
  await pick(page, '楼宇', `${TAG} 行政楼`);
  await snap(page, testInfo, '01-create');
  await dialog.getByRole('button', { name: '开始盘点' }).click();
  await expect(page.getByText('已开始盘点，应盘 6 件')).toBeVisible();
  await expect(page.getByRole('heading', { name: CAMPAIGN })).toBeVisible();
  stocktakeId = /stocktakes\/([0-9a-f-]+)/.exec(page.url())![1]!;
  await expect(page.getByText('0/6').first()).toBeVisible();
  await snap(page, testInfo, '02-campaign');
  await expectAccessible(page, testInfo, 'campaign');
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });

  test('a counter types five tags; one chair stands in the wrong room', async ({
    page,
  }, testInfo) => {
    test.setTimeout(180_000);
    // The built-in counter role: assets:count at this site, no assets:read — the menu still leads here.
    await signIn(page, COUNTER);
    await page.getByRole('button', { name: '打开导航菜单' }).click();
    const entry = page.getByRole('navigation', { name: '主导航' }).getByRole('link', {
      name: '资产盘点',
    });
    await expect(entry).toBeVisible();
    await snap(page, testInfo, '03a-phone-counter-menu');
    await entry.click();
    await expect(page.getByText(CAMPAIGN)).toBeVisible();
    // A counter starts nothing.
    await expect(page.getByRole('button', { name: '发起盘点' })).toHaveCount(0);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
      375,
    );
    await snap(page, testInfo, '03-phone-list');

    await page.goto(`/assets/stocktakes/${stocktakeId}/count`);
    await expect(page.getByText('先选择您所在的位置，再扫码。')).toBeVisible();
    // The building's rooms are offered without typing, not only the room the chairs stand in:
    // the picker opens once the campaign's places are in (this counter has no say over places).
    const roomPicker = page.getByLabel('我所在的位置', { exact: true });
    await expect(roomPicker).toBeEnabled();
    await expect(async () => {
      await roomPicker.click();
      await expect(
        page.locator('.ant-select-dropdown:visible').getByTitle(ROOM_B, { exact: true }),
      ).toBeVisible({ timeout: 5_000 });
    }).toPass({ timeout: 30_000 });
    await page.keyboard.press('Escape');
    await pick(page, '我所在的位置', ROOM_A);
    await expect(page.getByText('本位置待盘 6 件')).toBeVisible();
    const tagBox = page.getByLabel('资产标签号');
    const feedback = page.getByTestId('scan-feedback');
    for (const tag of tags.slice(0, 4)) {
      await tagBox.fill(tag);
      await tagBox.press('Enter');
      await expect(feedback).toContainText(tag);
      await expect(feedback).toContainText('已盘到');
    }
    await expect(page.getByText('本位置待盘 2 件')).toBeVisible();
    await snap(page, testInfo, '04-phone-counted');
    await expectAccessible(page, testInfo, 'count');

    // The fifth chair is found next door.
    await pick(page, '我所在的位置', ROOM_B);
    await tagBox.fill(tags[4]!);
    await tagBox.press('Enter');
    await expect(feedback).toContainText('位置不符');
    await expect(feedback).toContainText(`账面位置：${ROOM_A}`);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
      375,
    );
    await snap(page, testInfo, '05-phone-wrong-place');

    // A filing cabinet nobody registered stands in room B: surplus (盘盈).
    await page.getByRole('button', { name: '登记盘盈' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('物品名称').fill(CABINET);
    await snap(page, testInfo, '05a-phone-surplus');
    await dialog.getByRole('button', { name: /保\s?存/ }).click();
    await expect(page.getByText('已登记盘盈')).toBeVisible();

    // The campaign page: progress for the counter, but no closing.
    await page.goto(`/assets/stocktakes/${stocktakeId}`);
    await expect(page.getByText('5/6').first()).toBeVisible();
    await expect(page.getByRole('button', { name: '结束盘点' })).toHaveCount(0);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
      375,
    );
    await snap(page, testInfo, '05b-phone-campaign');
  });
});

test('variance, closing, and the approver makes the missing chair lost', async ({
  page,
  baseURL,
}, testInfo) => {
  test.setTimeout(180_000);
  await signIn(page, ADMIN);
  await page.goto(`/assets/stocktakes/${stocktakeId}`);
  await expect(page.getByText('5/6').first()).toBeVisible();
  const variance = page.getByRole('table').last();
  await expect(variance.getByRole('row').filter({ hasText: tags[5]! })).toContainText('盘亏');
  await expect(variance.getByRole('row').filter({ hasText: tags[4]! })).toContainText('位置不符');
  await snap(page, testInfo, '06-variance');

  await page.getByRole('button', { name: '结束盘点' }).click();
  // The closing dialog: the cabinet becomes an asset card under the chairs' category.
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('checkbox', { name: `将「${CABINET}」登记为资产` }).check();
  // Typed into the searchable select and chosen with the keyboard; the choice must show.
  const category = dialog.getByLabel('资产分类', { exact: true });
  await category.click();
  await category.fill(`${TAG} 办公椅`);
  await page.locator('.ant-select-dropdown:visible').getByTitle(`${TAG} 办公椅`).waitFor();
  await category.press('Enter');
  await expect(dialog.getByTitle(`${TAG} 办公椅`)).toBeVisible();
  await dialog.getByLabel('单价（元，可选）').fill('1200');
  await snap(page, testInfo, '06a-close-dialog');
  await expectAccessible(page, testInfo, 'close-dialog');
  await dialog.getByRole('button', { name: '结束盘点' }).click();
  await expect(page.getByText('已结束盘点，1 件盘盈物品已登记为资产')).toBeVisible();
  await expect(page.getByRole('link', { name: /^已入账：/ })).toBeVisible();
  await expect(page.getByText('业务单审批通过后，盘点自动结束。')).toBeVisible();

  // The approver (another person) approves the loss operation.
  const detail = (await (
    await page.request.get(`/api/assets/stocktakes/${stocktakeId}`)
  ).json()) as {
    operations: { id: string; kind: string }[];
  };
  const loss = detail.operations.find((o) => o.kind === 'loss')!;
  const approver = await request.newContext({ baseURL });
  const login = await approver.post('/api/auth/login', { data: APPROVER });
  expect(login.ok(), await login.text()).toBe(true);
  const approved = await approver.post(`/api/assets/operations/${loss.id}/approve`, { data: {} });
  expect(approved.status(), await approved.text()).toBe(200);
  await approver.dispose();

  await page.reload();
  await expect(variance.getByRole('row').filter({ hasText: tags[5]! })).toContainText('丢失');
  await snap(page, testInfo, '07-closed');
  const assets = (await (await page.request.get(`/api/assets?q=${tags[5]}`)).json()) as {
    items: { tagNo: string; status: string }[];
  };
  expect(assets.items.find((a) => a.tagNo === tags[5])?.status).toBe('lost');
});
