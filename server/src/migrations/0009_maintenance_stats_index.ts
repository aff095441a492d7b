import type { Kysely } from 'kysely';

/**
 * The statistics keep each month's figures between requests and check them
 * against a fingerprint of the month's orders (count, sum of versions, sums
 * of the breach flags: modules/maintenance/stats-cache.ts). This index holds
 * all of those columns after the date, so that a year's fingerprints are one
 * scan of the index alone (~110,000 entries at a large hospital) instead of
 * the table. It replaces the (org, submitted_at) index, which it covers.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('mnt_wo_stats_ix')
    .on('mnt_work_orders')
    .columns([
      'org_id',
      'submitted_at',
      'site_id',
      'version',
      'response_breached',
      'completion_breached',
    ])
    .execute();
  await db.schema.dropIndex('mnt_wo_submitted_ix').execute();
}

export async function down(): Promise<void> {
  throw new Error('Houqin migrations are forward-only; restore a backup to go back.');
}
