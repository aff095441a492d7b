import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../platform/db/dialect.ts';

/**
 * - locations.area_m2 was `real`: 4-byte on PostgreSQL (1234567.89 came back
 *   as 1234567.9) while SQLite's REAL is 8-byte. Both are now 8-byte floats.
 * - Indexes for the hourly clean-up of expired sessions and old sign-in
 *   attempts, which filter on these columns alone.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    await sql`alter table locations alter column area_m2 type double precision`.execute(db);
  }
  await db.schema.createIndex('sessions_expires_ix').on('sessions').column('expires_at').execute();
  await db.schema
    .createIndex('sessions_last_seen_ix')
    .on('sessions')
    .column('last_seen_at')
    .execute();
  await db.schema.createIndex('login_attempts_at_ix').on('login_attempts').column('at').execute();
}

export async function down(): Promise<void> {
  throw new Error('Houqin migrations are forward-only; restore a backup to go back.');
}
