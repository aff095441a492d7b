import type { ColumnType } from 'kysely';

/** A JSON column: jsonb on PostgreSQL (read back parsed), text on SQLite; always written as a string. */
export type JsonColumn = ColumnType<unknown, string, string>;
/** A nullable JSON column. */
export type NullableJsonColumn = ColumnType<unknown, string | null, string | null>;
