import type { Kysely } from 'kysely';

/**
 * Work-order list filters at a million orders (docs/benchmarks.md).
 *
 * The board filters by state, usually with category and site, and the states
 * are very unevenly spread: a few hundred orders are open, hundreds of
 * thousands closed. Without statistics (SQLite's planner has none unless
 * ANALYZE runs) the planner took the category index and read every lamp
 * repair of ten years to find the 100 open ones (0.4 s). With one index on
 * all three, ahead of the date, the planner seeks straight to them, and the
 * capped count of a history search reads the index alone.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('mnt_wo_filter_ix')
    .on('mnt_work_orders')
    .columns(['org_id', 'status', 'category_id', 'site_id', 'submitted_at'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Houqin migrations are forward-only; restore a backup to go back.');
}
