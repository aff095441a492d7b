import { PostgresAdapter, sql, type RawBuilder } from 'kysely';
import type { DialectName } from './connect.ts';

/**
 * Everything that differs between SQLite and PostgreSQL lives here, so that
 * migrations and repositories are written once.
 */
export function dialectOf(db: { getExecutor(): { adapter: unknown } }): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/** Column types per dialect. Booleans are 0/1 integers on both (see ARCHITECTURE.md). */
export function columnTypes(dialect: DialectName) {
  const pgd = dialect === 'postgres';
  return {
    id: pgd ? 'uuid' : 'text',
    instant: pgd ? 'timestamptz' : 'text',
    date: pgd ? 'date' : 'text',
    json: pgd ? 'jsonb' : 'text',
    money: 'bigint',
    /** 8-byte floating point (measurements such as m²; never money). */
    float: pgd ? 'double precision' : 'real',
    bool: 'integer',
  } as const;
}

/** JSON columns come back parsed from PostgreSQL (jsonb) and as text from SQLite. */
export function readJson<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

export function writeJson(value: unknown): string {
  return JSON.stringify(value);
}

/** Case-insensitive substring match (SQLite LIKE is already case-insensitive for ASCII). */
export function containsText(
  dialect: DialectName,
  column: string,
  text: string,
): RawBuilder<boolean> {
  const pattern = `%${text.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
  return dialect === 'postgres'
    ? sql<boolean>`${sql.ref(column)} ilike ${pattern} escape '\\'`
    : sql<boolean>`${sql.ref(column)} like ${pattern} escape '\\'`;
}
