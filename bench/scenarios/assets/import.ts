/**
 * Importing the new campus's register: the file is uploaded as the
 * administrator would from the import dialog (multipart, one .xlsx) and the
 * clock runs from the first byte sent to the answer, since the import runs
 * inside the request (validated, then written in one transaction). The count
 * of cards at the campus is then read back through the API to confirm that
 * every row landed.
 */
import { apiOf } from '../../lib/api.ts';
import type { Houqin } from '../../lib/server.ts';
import type { Fixtures } from './fixtures.ts';
import type { ImportFile } from './workbook.ts';

export type Imported = {
  seconds: number;
  created: number;
  /** Cards at the campus counted afterwards through the API. */
  registered: number;
  operationNumber: string | null;
};

type ImportAnswer = { created: number; total: number; operationNumber: string | null };

export async function importRegister(h: Houqin, fx: Fixtures, file: ImportFile): Promise<Imported> {
  const form = new FormData();
  form.append(
    'file',
    new Blob([file.buffer], {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    }),
    '新院区资产.xlsx',
  );
  const started = performance.now();
  const res = await fetch(`${h.base}/api/assets/import?siteId=${fx.importSite.id}`, {
    method: 'POST',
    headers: { cookie: h.cookie, origin: h.base },
    body: form,
  });
  const text = await res.text();
  const seconds = (performance.now() - started) / 1000;
  if (res.status !== 200) throw new Error(`import: ${res.status} ${text.slice(0, 2000)}`);
  const answer = JSON.parse(text) as ImportAnswer;
  return {
    seconds,
    created: answer.created,
    registered: await countAtSite(h, fx.importSite.id),
    operationNumber: answer.operationNumber,
  };
}

/**
 * The campus's card count from the API: the category list counts each
 * category's live cards exactly (the register's list stops counting at
 * 10,000), and the import site holds the only cards registered so far.
 */
async function countAtSite(h: Houqin, siteId: string): Promise<number> {
  const api = apiOf(h);
  const page = await api<{ total: number; totalCapped: boolean }>(
    'GET',
    `/api/assets?siteId=${siteId}&pageSize=1`,
  );
  if (!page.totalCapped) return page.total;
  const categories = await api<{ assetCount: number }[]>('GET', '/api/assets/categories');
  return categories.reduce((sum, c) => sum + c.assetCount, 0);
}
