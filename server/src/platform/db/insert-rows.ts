import { CompiledQuery, sql, type Insertable } from 'kysely';
import type { DbOrTx } from './connect.ts';
import type { Database } from './database.ts';
import { dialectOf } from './dialect.ts';

/** Parameters per SQLite statement (SQLite allows 32,766): about 50 rows of a wide table. */
const SQLITE_PARAMS_PER_STATEMENT = 2_000;

/** Rows per PostgreSQL statement: one array parameter per column, so the SQL text stays small. */
const PG_ROWS_PER_STATEMENT = 5_000;

/**
 * Inserts many rows of one table, every row giving the same columns (`only`,
 * or those of the first row). For imports and batches of thousands of rows, where the
 * query builder's per-row work (compiling a multi-row VALUES with one
 * parameter per cell) costs more than the database does:
 * - SQLite runs in the process: one prepared statement of ~50 rows, run per
 *   chunk (the text repeats, so the driver's statement cache keeps it);
 * - PostgreSQL gets one statement per 5,000 rows, each column sent as one
 *   text array and cast to the column's own type, so a round trip carries
 *   thousands of rows and the server parses one short statement.
 */
export async function insertRows<T extends keyof Database & string>(
  tx: DbOrTx,
  table: T,
  rows: readonly Insertable<Database[T]>[],
  /** The columns to write; by default the first row's keys. */
  only?: readonly (keyof Insertable<Database[T]> & string)[],
): Promise<void> {
  if (rows.length === 0) return;
  const columns = only ?? (Object.keys(rows[0]!) as (keyof Insertable<Database[T]> & string)[]);
  const names = columns.map((c) => `"${c}"`).join(', ');
  if (dialectOf(tx) === 'sqlite') {
    // A fixed number of rows per statement keeps its text the same, so the
    // driver's statement cache prepares it once; the rows per await cut the
    // driver's per-call overhead.
    const tuple = `(${columns.map(() => '?').join(', ')})`;
    const textFor = (n: number) =>
      `insert into "${table}" (${names}) values ${Array(n).fill(tuple).join(', ')}`;
    const perStatement = Math.max(1, Math.floor(SQLITE_PARAMS_PER_STATEMENT / columns.length));
    const full = textFor(perStatement);
    for (let start = 0; start < rows.length; start += perStatement) {
      const chunk = rows.slice(start, start + perStatement);
      const params: unknown[] = [];
      for (const row of chunk) for (const c of columns) params.push(row[c]);
      await tx.executeQuery(
        CompiledQuery.raw(chunk.length === perStatement ? full : textFor(chunk.length), params),
      );
    }
    return;
  }
  const types = await columnTypesOf(tx, table);
  const casts = columns
    .map((c, i) => {
      const type = types.get(c);
      if (!type) throw new Error(`insertRows: ${table} has no column ${c}`);
      return `u.c${i}::${type}`;
    })
    .join(', ');
  const arrays = columns.map((_, i) => `$${i + 1}::text[]`).join(', ');
  const aliases = columns.map((_, i) => `c${i}`).join(', ');
  const text = `insert into "${table}" (${names}) select ${casts} from unnest(${arrays}) as u(${aliases})`;
  // Sent without waiting for the previous statement: the connection queues
  // them in order, so the next chunk's arrays are built while the server
  // writes this one (both are CPU work, on different cores).
  const sent: Promise<unknown>[] = [];
  for (let start = 0; start < rows.length; start += PG_ROWS_PER_STATEMENT) {
    const chunk = rows.slice(start, start + PG_ROWS_PER_STATEMENT);
    const params = columns.map((c) => chunk.map((row) => asText(row[c])));
    sent.push(tx.executeQuery(CompiledQuery.raw(text, params)));
    // Let the connection take the statement before the next chunk is built.
    await new Promise((resolve) => setImmediate(resolve));
  }
  // Every statement settles before the first failure is thrown: none is left unobserved.
  const settled = await Promise.allSettled(sent);
  const failed = settled.find((r) => r.status === 'rejected');
  if (failed) throw failed.reason;
}

/** A cell as text for the array parameter; PostgreSQL casts it back to the column's type. */
function asText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

// Column types never change while the server runs (migrations run before it serves).
const typeCache = new Map<string, Map<string, string>>();

async function columnTypesOf(tx: DbOrTx, table: string): Promise<Map<string, string>> {
  let types = typeCache.get(table);
  if (!types) {
    const rows = await sql<{ name: string; type: string }>`
      select a.attname as name, format_type(a.atttypid, a.atttypmod) as type
      from pg_attribute a
      where a.attrelid = to_regclass(${table}) and a.attnum > 0 and not a.attisdropped
    `.execute(tx);
    types = new Map(rows.rows.map((r) => [r.name, r.type]));
    typeCache.set(table, types);
  }
  return types;
}
