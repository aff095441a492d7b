/**
 * For a row that missed its target: the statements its endpoint runs, found
 * by running the server's own service (listAssets, varianceReport,
 * registerReport) on a recording connection, each timed alone with its plan
 * (bench/lib/query-profile.ts).
 * The actor is built here with the assets permissions the benchmark's user
 * holds (organisation-wide for the administrator, one campus for the manager).
 */
import type { Kysely } from 'kysely';
import { Access } from '../../../server/src/platform/access/access.ts';
import type { Actor } from '../../../server/src/platform/context.ts';
// For its side effect too: PostgreSQL rows parsed into the shapes the services expect.
import '../../../server/src/platform/db/connect.ts';
import type { Database } from '../../../server/src/platform/db/database.ts';
import { ImportErrors } from '../../../server/src/platform/excel/import-errors.ts';
import { readImportSheet } from '../../../server/src/platform/excel/read-sheet.ts';
import { MAX_UNZIPPED_BYTES } from '../../../server/src/platform/excel/upload.ts';
import { AssetsP } from '../../../server/src/modules/assets/policy.ts';
import {
  IMPORT_COLUMNS,
  MAX_ASSET_IMPORT_ROWS,
} from '../../../server/src/modules/assets/register/asset-excel.ts';
import { listAssets } from '../../../server/src/modules/assets/register/read-assets.ts';
import { registerReport } from '../../../server/src/modules/assets/register/reports.ts';
import { AssetListQuery } from '../../../server/src/modules/assets/register/schema.ts';
import { VarianceQuery } from '../../../server/src/modules/assets/stocktake/schema.ts';
import { varianceReport } from '../../../server/src/modules/assets/stocktake/variance.ts';
import { openProbe, profileMarkdown } from '../../lib/query-profile.ts';
import type { Houqin } from '../../lib/server.ts';

/** What to explain: a list, variance or register report URL as the row requested it, and whose view. */
export type Explained = { scenario: string; url: string; sites: 'all' | string[] };

function actorFor(orgId: string, sites: 'all' | string[]): Actor {
  const grant =
    sites === 'all'
      ? { orgWide: true, sites: new Set<string>() }
      : { orgWide: false, sites: new Set(sites) };
  return {
    orgId,
    userId: null,
    name: 'bench',
    access: new Access(new Map(Object.values(AssetsP).map((p) => [p, grant]))),
    requestId: null,
    ip: null,
    lang: 'zh',
    audit: { count: 0 },
  };
}

/**
 * The register report reads through `withoutJit` (register/on-books.ts): on
 * PostgreSQL a transaction whose first statement turns JIT off. The probe
 * would record and explain its `begin` and `set local` too, so the report
 * runs here on its own probe whose connections start with JIT off, through a
 * view of it that says it is already in a transaction (withoutJit then reads
 * as it is): the same statements, timed as the server runs them.
 */
function reportProbe(h: Houqin) {
  const url = h.databaseUrl ? new URL(h.databaseUrl) : undefined;
  url?.searchParams.set('options', '-c jit=off');
  const probe = openProbe<Database>({ dataDir: h.dataDir, databaseUrl: url?.toString() });
  const inTransaction = (db: Kysely<Database>) =>
    new Proxy(db, {
      get(target, key) {
        if (key === 'isTransaction') return true;
        const value: unknown = Reflect.get(target, key, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  return { probe, inTransaction };
}

/** Markdown `<details>` blocks, one per row, with its statements' times and the slowest plan. */
export async function explainRows(h: Houqin, orgId: string, rows: Explained[]): Promise<string> {
  const probe = openProbe<Database>(h);
  const reports = reportProbe(h);
  const out: string[] = [];
  try {
    for (const row of rows) {
      const url = new URL(row.url, h.base);
      const query = Object.fromEntries(url.searchParams);
      const actor = actorFor(orgId, row.sites);
      const variance = /\/stocktakes\/([^/]+)\/variance$/.exec(url.pathname);
      const profiled =
        url.pathname === '/api/assets/reports/register'
          ? await reports.probe.profile((db) =>
              registerReport(reports.inTransaction(db), actor, {
                asOf: query.asOf!,
                siteId: query.siteId,
              }),
            )
          : await probe.profile((db) =>
              variance
                ? varianceReport(db, actor, variance[1]!, VarianceQuery.parse(query))
                : listAssets(db, probe.dialect, actor, AssetListQuery.parse(query)),
            );
      out.push(profileMarkdown(`${h.engine}, ${row.scenario}`, profiled));
    }
  } finally {
    await probe.close();
    await reports.probe.close();
  }
  return out.join('\n\n');
}

/**
 * For a missed import: how long the server's own sheet reader
 * (readImportSheet, platform/excel/xlsx-rows.ts, with the import's limits) takes over the same
 * file in this process. The rest of the import is checking the rows and
 * writing the cards, their operation lines, events and audit.
 */
export async function timeSheetRead(buffer: Buffer): Promise<{ seconds: number; rows: number }> {
  const started = performance.now();
  const sheet = await readImportSheet(buffer, IMPORT_COLUMNS, new ImportErrors('zh'), {
    maxRows: MAX_ASSET_IMPORT_ROWS,
    // import-assets.ts's own limit (not exported there).
    maxUnzippedBytes: MAX_UNZIPPED_BYTES * 4,
  });
  return { seconds: (performance.now() - started) / 1000, rows: sheet.rows.length };
}
