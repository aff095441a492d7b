import type { DbOrTx } from '../db/connect.ts';
import {
  createSender,
  type DeliveryDeps,
  type DeliveryRow,
  type Outcome,
} from './send-delivery.ts';
import type { DeliveryStatus } from './tables.ts';

export const MAX_ATTEMPTS = 5;
/** Waits after the 1st…4th failed attempt; the 5th failure is final. */
export const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3600_000] as const;
/**
 * A claimed delivery is pushed this far into the future while it is being
 * sent: if the sending process dies mid-send, the delivery becomes due again
 * (at-least-once), and no other process picks it up meanwhile.
 */
export const CLAIM_MS = 2 * 60_000;
const BATCH_SIZE = 100;
const PARALLEL_SENDS = 4;

export type DeliverySummary = { sent: number; retrying: number; failed: number };

/**
 * Claims a due delivery by bumping its attempt counter from the value we read:
 * of two senders that read the same row, only one update matches.
 */
async function claim(db: DbOrTx, row: DeliveryRow, now: Date): Promise<boolean> {
  const res = await db
    .updateTable('notification_deliveries')
    .set({
      attempts: row.attempts + 1,
      next_attempt_at: new Date(now.getTime() + CLAIM_MS).toISOString(),
    })
    .where('id', '=', row.id)
    .where('status', '=', 'pending')
    .where('attempts', '=', row.attempts)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/**
 * Writes the result of attempt number `attempts`: sent; or failed for good
 * (permanent, `final`, or out of attempts); or pending again after a backoff.
 */
export async function recordOutcome(
  db: DbOrTx,
  id: string,
  attempts: number,
  outcome: Outcome,
  now: Date,
  final = false,
): Promise<DeliveryStatus> {
  if (outcome.ok) {
    await db
      .updateTable('notification_deliveries')
      .set({ status: 'sent', sent_at: now.toISOString(), next_attempt_at: null, last_error: null })
      .where('id', '=', id)
      .execute();
    return 'sent';
  }
  const giveUp = outcome.permanent || final || attempts >= MAX_ATTEMPTS;
  const delay = RETRY_DELAYS_MS[Math.min(attempts, RETRY_DELAYS_MS.length) - 1] ?? 0;
  const status: DeliveryStatus = giveUp ? 'failed' : 'pending';
  await db
    .updateTable('notification_deliveries')
    .set({
      status,
      last_error: outcome.error.slice(0, 1000),
      next_attempt_at: giveUp ? null : new Date(now.getTime() + delay).toISOString(),
    })
    .where('id', '=', id)
    .execute();
  return status;
}

async function forEachLimited<T>(items: T[], limit: number, fn: (item: T) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/**
 * Sends the deliveries due at `now` (up to one batch), each once, and records
 * the outcome with backoff. Safe to run in several processes at once.
 */
export async function deliverPending(
  deps: DeliveryDeps,
  now: Date = new Date(),
): Promise<DeliverySummary> {
  const due = await deps.db
    .selectFrom('notification_deliveries')
    .selectAll()
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', now.toISOString())
    .orderBy('next_attempt_at')
    .limit(BATCH_SIZE)
    .execute();
  const summary: DeliverySummary = { sent: 0, retrying: 0, failed: 0 };
  if (due.length === 0) return summary;
  const sender = createSender(deps);
  try {
    await forEachLimited(due, PARALLEL_SENDS, async (row) => {
      if (!(await claim(deps.db, row, now))) return;
      // A sender that died during the last allowed attempt leaves attempts at the maximum.
      const outcome: Outcome =
        row.attempts >= MAX_ATTEMPTS
          ? { ok: false, error: 'the sender stopped during the last attempt', permanent: true }
          : await sender.attempt(row, now);
      const status = await recordOutcome(deps.db, row.id, row.attempts + 1, outcome, now);
      summary[status === 'pending' ? 'retrying' : status] += 1;
    });
  } finally {
    sender.close();
  }
  return summary;
}
