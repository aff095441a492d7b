import { sql, type SelectQueryBuilder } from 'kysely';
import type { Database } from '../../platform/db/database.ts';

/** Orders of one organisation, date range and sites, nothing selected yet. */
export type OrdersInRange = SelectQueryBuilder<Database, 'mnt_work_orders', object>;

/**
 * The statistics of past months, kept between requests.
 *
 * A year's figures at a large hospital aggregate ~110,000 orders (0.7 s of
 * CPU on SQLite, docs/benchmarks.md), yet most of a year does not change from
 * one request to the next: orders are reported, worked and rated within days.
 * So the aggregation is done per calendar month and each month's partial
 * result is kept with a fingerprint of that month's orders — how many there
 * are, the sum of their versions (every change of an order bumps its version)
 * and the sums of the breach flags (the SLA job sets those without a version).
 * A range scan of a covering index (mnt_wo_stats_ix) gives each month's
 * fingerprint; only months whose fingerprint changed are aggregated again.
 * The figures are therefore always those of the records as they are now,
 * which the annual summary relies on; a cache that could be stale would not do.
 *
 * Partial results add up exactly: counts, sums and minute histograms.
 */

export type Chunk = { start: string; end: string };

/** The months of [fromIso, toIso), each cut to the range. */
export function monthChunks(monthStartIsos: string[], fromIso: string, toIso: string): Chunk[] {
  const bounds = [...monthStartIsos.filter((m) => m > fromIso && m < toIso)];
  const starts = [fromIso, ...bounds];
  return starts.map((start, i) => ({ start, end: bounds[i] ?? toIso }));
}

/** The fingerprint of a month without orders. */
export const EMPTY = '0';

/**
 * The fingerprint of each chunk's orders. `ordersIn` must apply the same
 * organisation and site filters as the aggregation does. One query per
 * month, each a range of the covering index: measured on a million orders,
 * cheaper than one scan grouped by month, which sorts the year's entries.
 */
export async function fingerprints(
  chunks: Chunk[],
  ordersIn: (from: string, to: string) => OrdersInRange,
): Promise<string[]> {
  return Promise.all(
    chunks.map(async (c) => {
      const r = await ordersIn(c.start, c.end)
        .select([
          sql<number>`count(*)`.as('n'),
          sql<number>`sum(version)`.as('v'),
          sql<number>`sum(response_breached)`.as('rb'),
          sql<number>`sum(completion_breached)`.as('cb'),
        ])
        .executeTakeFirstOrThrow();
      return Number(r.n) === 0 ? EMPTY : `${r.n}:${r.v}:${r.rb}:${r.cb}`;
    }),
  );
}

type Entry<T> = { fingerprint: string; value: T; size: number };

/**
 * A least-recently-used map bounded by the rows it holds (a month grouped by
 * technician holds more rows than one grouped by site).
 */
export class BoundedCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private size = 0;
  constructor(private readonly maxSize: number) {}

  /** The value kept for `key` if it was computed for the same fingerprint. */
  get(key: string, fingerprint: string): T | undefined {
    const e = this.entries.get(key);
    if (!e || e.fingerprint !== fingerprint) return undefined;
    // Most recently used goes last.
    this.entries.delete(key);
    this.entries.set(key, e);
    return e.value;
  }

  set(key: string, fingerprint: string, value: T, size: number): void {
    const old = this.entries.get(key);
    if (old) {
      this.size -= old.size;
      this.entries.delete(key);
    }
    if (size > this.maxSize) return;
    this.entries.set(key, { fingerprint, value, size });
    this.size += size;
    for (const [k, e] of this.entries) {
      if (this.size <= this.maxSize) break;
      this.entries.delete(k);
      this.size -= e.size;
    }
  }

  clear(): void {
    this.entries.clear();
    this.size = 0;
  }
}
