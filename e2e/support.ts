/** Helpers shared by the journeys: step screenshots, the accessibility check, bundle sizes. */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Locator, type Page, type TestInfo } from '@playwright/test';

const DIST =
  process.env.HOUQIN_E2E_WEB_DIR ??
  path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../web/dist');

/** Saves a full-page screenshot of this step and attaches it to the test report. */
export async function snap(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  // Let antd's motion (fades, drawer slides) settle so the picture shows the end state.
  await page.waitForTimeout(350);
  const file = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
}

/** axe-core on the current page: no serious or critical WCAG 2.1 A/AA violation. */
export async function expectAccessible(page: Page, testInfo: TestInfo, name: string) {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  await testInfo.attach(`axe-${name}.json`, {
    body: JSON.stringify(result.violations, null, 2),
    contentType: 'application/json',
  });
  expect(
    bad.map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(' | ')})`),
  ).toEqual([]);
}

/** Records the JavaScript files a page loads, to report their gzip size. */
export function recordScripts(page: Page): () => { files: string[]; gzipBytes: number } {
  const seen = new Set<string>();
  page.on('response', (res) => {
    const url = new URL(res.url());
    if (url.pathname.endsWith('.js')) seen.add(url.pathname);
  });
  return () => {
    const files = [...seen];
    const gzipBytes = files
      .map((f) => path.join(DIST, f))
      .filter((f) => fs.existsSync(f))
      .reduce((sum, f) => sum + zlib.gzipSync(fs.readFileSync(f)).length, 0);
    return { files, gzipBytes };
  };
}

/**
 * Makes a choice in an antd Select or TreeSelect until it shows in `scope`. The dropdown's
 * opening motion, or options re-rendering as their data arrives, can swallow a click on a busy
 * machine, so `pick` is tried again until `text` is visible in the field. In a dialog the
 * dropdown lives outside the dialog, so visible text inside it is the chosen value.
 */
export async function untilChosen(scope: Page | Locator, text: string, pick: () => Promise<void>) {
  await expect(async () => {
    await pick();
    await expect(scope.getByText(text).filter({ visible: true }).first()).toBeVisible({
      timeout: 3_000,
    });
  }).toPass({ timeout: 30_000 });
}

/**
 * Picks the option showing `text` in the antd Select or TreeSelect labelled `label` inside
 * `scope`, typing `text` first when the field is searchable (long lists are virtual: only what
 * is in view exists). Retried until the field itself shows the choice, for the reasons
 * `untilChosen` gives.
 */
export async function chooseOption(
  page: Page,
  scope: Page | Locator,
  label: string,
  text: string,
): Promise<void> {
  // A required field's name starts with antd's "* " mark.
  const name = new RegExp(`^(\\* )?${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  const select = scope.getByRole('combobox', { name });
  // The whole field around the search input, which holds the chosen label.
  const field = select.locator(
    'xpath=ancestor::*[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]',
  );
  await expect(async () => {
    await select.click();
    if (await select.isEditable()) await select.fill(text);
    await page
      .locator('.ant-select-dropdown:visible')
      .locator('.ant-select-item-option, .ant-select-tree-node-content-wrapper')
      .filter({ hasText: text })
      .first()
      .click({ timeout: 5_000 });
    // The chosen label is the field's text (an input's typed value is not); the dropdown closed.
    await expect(field).toContainText(text, { timeout: 3_000 });
    await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0, { timeout: 3_000 });
  }).toPass({ timeout: 30_000 });
}

/**
 * Presses a dialog's button until the dialog closes. On a busy machine a
 * click can land while antd's modal is still zooming in and be lost (the
 * dialog then simply stays open); a click that did submit closes it, and a
 * button busy with the request refuses further clicks, so nothing is sent twice.
 */
export async function submitDialog(
  dialog: Locator,
  button: string | RegExp,
  timeout = 30_000,
): Promise<void> {
  await expect(async () => {
    if (await dialog.isVisible())
      await dialog.getByRole('button', { name: button }).click({ timeout: 5_000 });
    await expect(dialog).toBeHidden({ timeout: 5_000 });
  }).toPass({ timeout });
}
