import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/test-db.ts';

/**
 * SQLite plans without statistics: an equality on `org_id` looks as selective
 * as one on any other column. A query "this organisation's rows of one work
 * order" could then take an (org_id, …) index and read every row of the
 * organisation (it happened: mnt_labour, 6.5 ms per work-order detail on the
 * demo data; migration 0011). For every index led by a column other than
 * org_id, "org_id = ? and <column> = ?" must search by that column.
 * PostgreSQL keeps statistics and plans this from the data, so SQLite only.
 */
// Scans across organisations by design (the SLA job): no org_id in their queries.
const CROSS_ORG = new Set(['mnt_wo_response_due_ix', 'mnt_wo_completion_due_ix']);

describe.runIf(!process.env.TEST_DATABASE_URL)('SQLite index choice', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.drop());

  it('a lookup by org and a referenced row uses the referenced row’s index', async () => {
    const db = t.handle.db;
    const indexes = await sql<{ tbl: string; name: string; col: string }>`
      select m.name as tbl, il.name as name, ii.name as col
      from sqlite_master m
      join pragma_index_list(m.name) il
      join pragma_index_info(il.name) ii on ii.seqno = 0
      where m.type = 'table' and m.name not like 'sqlite_%'
        and exists (select 1 from pragma_table_info(m.name) c where c.name = 'org_id')
    `.execute(db);
    const wrong: string[] = [];
    for (const { tbl, name, col } of indexes.rows) {
      if (col === 'org_id' || col === 'id' || CROSS_ORG.has(name)) continue;
      const plan = await sql<{ detail: string }>`
        explain query plan select * from ${sql.table(tbl)}
        where org_id = 'o' and ${sql.ref(col)} = 'x'
      `.execute(db);
      const detail = plan.rows.map((r) => r.detail).join(' | ');
      if (!new RegExp(`\\b${col}=\\?`).test(detail))
        wrong.push(`${tbl}.${col} (${name}): ${detail}`);
    }
    expect(indexes.rows.length).toBeGreaterThan(20);
    expect(wrong).toEqual([]);
  });
});
