/**
 * The JavaScript a person's browser downloads: the login page, the home page
 * of a signed-in user, and what each further page adds once home is loaded
 * (every page is its own chunk). Measured in Debian's Chromium against the
 * real server serving a fresh production build; sizes are gzip bytes, as a
 * browser receives them through the server's compression.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import { machineLine } from '../lib/report.ts';
import type { Section } from '../lib/section.ts';
import { startHouqin } from '../lib/server.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

type ManifestChunk = { file: string; imports?: string[]; isDynamicEntry?: boolean; src?: string };
type Manifest = Record<string, ManifestChunk>;

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function build(outDir: string): Manifest {
  const r = spawnSync(
    'npm',
    [
      'run',
      'build',
      '-w',
      'web',
      '--silent',
      '--',
      '--outDir',
      outDir,
      '--emptyOutDir',
      '--manifest',
    ],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  if (r.status !== 0) throw new Error('web build failed');
  return JSON.parse(fs.readFileSync(path.join(outDir, '.vite/manifest.json'), 'utf8')) as Manifest;
}

/** Records the .js files a page fetches (pathnames under /assets). */
function recordScripts(page: Page): () => Set<string> {
  const seen = new Set<string>();
  page.on('response', (res) => {
    const url = new URL(res.url());
    if (url.pathname.endsWith('.js')) seen.add(url.pathname.replace(/^\//, ''));
  });
  return () => new Set(seen);
}

export const web: Section = {
  id: 'web',
  async run(ctx) {
    const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'houqin-bench-web-'));
    const gz = new Map<string, number>();
    const gzipOf = (file: string) => {
      let n = gz.get(file);
      if (n === undefined) {
        n = zlib.gzipSync(fs.readFileSync(path.join(outDir, file)), { level: 6 }).length;
        gz.set(file, n);
      }
      return n;
    };
    const total = (files: Iterable<string>) => [...files].reduce((s, f) => s + gzipOf(f), 0);

    ctx.log('web: production build');
    const manifest = build(outDir);
    const houqin = await startHouqin({ name: 'SQLite' }, { WEB_DIR: outDir });
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
    });
    try {
      const context = await browser.newContext({ locale: 'zh-CN' });
      const loginPage = await context.newPage();
      const login = recordScripts(loginPage);
      await loginPage.goto(`${houqin.base}/login`);
      await loginPage.getByRole('button', { name: '登录' }).waitFor();
      const loginFiles = login();

      const [name, value] = houqin.cookie.split('=') as [string, string];
      await context.addCookies([{ name, value, url: houqin.base }]);
      const homePage = await context.newPage();
      const home = recordScripts(homePage);
      await homePage.goto(`${houqin.base}/`);
      await homePage.getByRole('navigation').first().waitFor();
      await homePage.waitForLoadState('networkidle');
      const homeFiles = home();

      // What opening each page adds to what home already loaded: the page's
      // chunk and its static imports, minus the files home fetched.
      const closure = (key: string, into = new Set<string>()) => {
        const chunk = manifest[key];
        if (!chunk || into.has(chunk.file)) return into;
        into.add(chunk.file);
        for (const dep of chunk.imports ?? []) closure(dep, into);
        return into;
      };
      const pages = Object.entries(manifest)
        .filter(([key, c]) => c.isDynamicEntry && /-page\.tsx$/.test(key))
        .map(([key]) => {
          const extra = [...closure(key)].filter((f) => !homeFiles.has(f));
          return { page: key.replace(/^src\//, ''), bytes: total(extra) };
        })
        .sort((a, b) => b.bytes - a.bytes);

      const rows = [
        `| Login page (first visit) | ${loginFiles.size} | ${kb(total(loginFiles))} |`,
        `| Home page, signed in (first visit) | ${homeFiles.size} | ${kb(total(homeFiles))} |`,
      ];
      ctx.log(`web: login ${kb(total(loginFiles))}, home ${kb(total(homeFiles))} (gzip)`);
      return [
        '## Web app: JavaScript downloaded (gzip)',
        '',
        machineLine(ctx.machine),
        '',
        'Measured in Chromium against the server serving a production build; gzip level 6.',
        '',
        '| What | Files | JavaScript (gzip) |',
        '| --- | --: | --: |',
        ...rows,
        '',
        'Opening a page after home adds only its own chunk and what it imports that home did not load:',
        '',
        '| Page (source) | Added JavaScript (gzip) |',
        '| --- | --: |',
        ...pages.map((p) => `| \`${p.page}\` | ${kb(p.bytes)} |`),
      ].join('\n');
    } finally {
      await browser.close();
      await houqin.stop();
      fs.rmSync(outDir, { recursive: true, force: true });
    }
  },
};
