import { sql, type Kysely } from 'kysely';

/**
 * The register by department on a past date (资产台账汇总, register/reports.ts)
 * counts each card under the department it had then, read from the timeline
 * events that changed a department (their data holds `department_id`): per
 * card, the last such event before the date and the first one after it.
 * Through (asset_id, at) each of those seeks read every event of the card up
 * to the one it wanted and looked into its JSON, though a department change
 * is a small share of a timeline (registrations, edits, loans, repairs are
 * the rest). This partial index holds only the changes, by organisation,
 * card and instant, so each seek lands on the event it wants or on nothing.
 *
 * The predicate is written exactly as the report's WHERE term: SQLite uses a
 * partial index only for a query repeating its expression. `->` on JSON text
 * is SQLite 3.38+ (better-sqlite3 ships a newer one) and on jsonb in
 * PostgreSQL; neither is NULL for a present key.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('ast_events_department_ix')
    .on('ast_events')
    .columns(['org_id', 'asset_id', 'at'])
    .where(sql<boolean>`(data -> 'department_id') is not null`)
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Houqin migrations are forward-only; restore a backup to go back.');
}
