import type { DbOrTx } from '../db/connect.ts';

/** One lease for all jobs: the simplest rule that keeps every job on one process. */
export const LEASE_NAME = 'main';

/**
 * Takes or renews the scheduler lease. The update succeeds when we hold the
 * lease already or it has expired; a first run inserts the row (a concurrent
 * insert by another process simply wins). Instants come from each process's
 * clock, so hosts sharing PostgreSQL must keep their clocks synchronised to
 * well within the lease length (NTP does).
 */
export async function acquireLease(
  db: DbOrTx,
  holder: string,
  now: Date,
  leaseMs: number,
): Promise<boolean> {
  const expiresAt = new Date(now.getTime() + leaseMs).toISOString();
  const renewed = await db
    .updateTable('scheduler_lease')
    .set({ holder, expires_at: expiresAt })
    .where('name', '=', LEASE_NAME)
    .where((eb) => eb.or([eb('holder', '=', holder), eb('expires_at', '<', now.toISOString())]))
    .executeTakeFirst();
  if (Number(renewed.numUpdatedRows) === 1) return true;
  const inserted = await db
    .insertInto('scheduler_lease')
    .values({ name: LEASE_NAME, holder, expires_at: expiresAt })
    .onConflict((oc) => oc.column('name').doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
}

/**
 * Gives the lease up (on shutdown) so another process takes over at its next
 * tick. The row is deleted rather than expired "now", so the hand-over does
 * not depend on the two processes' clocks agreeing.
 */
export async function releaseLease(db: DbOrTx, holder: string): Promise<void> {
  await db
    .deleteFrom('scheduler_lease')
    .where('name', '=', LEASE_NAME)
    .where('holder', '=', holder)
    .execute();
}

/** Who holds the lease and until when, for the jobs page. */
export async function readLease(db: DbOrTx) {
  return db
    .selectFrom('scheduler_lease')
    .selectAll()
    .where('name', '=', LEASE_NAME)
    .executeTakeFirst();
}
