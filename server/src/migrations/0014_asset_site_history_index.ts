import { sql, type Kysely } from 'kysely';

/**
 * The register on a past date (资产台账汇总, register/reports.ts) counts each
 * card at the site it was at then, as 0012 did for its department: per card,
 * the last timeline event before the date that changed its site and the
 * first one after it (register/history.ts `siteAt`). Site changes are rarer
 * still than department changes (transfers between campuses, idle requests
 * from another campus), so without this index each seek would read the
 * card's whole timeline for nothing. It also lists the cards that ever
 * changed site, which a campus's report adds to the cards at the campus now.
 *
 * The predicate is written exactly as the report's WHERE term, as in 0012.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('ast_events_site_ix')
    .on('ast_events')
    .columns(['org_id', 'asset_id', 'at'])
    .where(sql<boolean>`(data -> 'site_id') is not null`)
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Houqin migrations are forward-only; restore a backup to go back.');
}
