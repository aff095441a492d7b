import type { Kysely } from 'kysely';

/**
 * The audit log is the largest table: every change of every module writes a
 * row, several million over a large hospital's ten years. Its page filters
 * by record type and by action, newest first, and offers the types and
 * actions that occur. With only (org, at) to go on, a filter whose rows are
 * old or rare walked the whole log: measured on 3,000,000 rows in SQLite, the
 * first page of action "setup" 0.78 s, its count 5.9 s, and the distinct
 * actions for the drop-down 7.4 s. With the first two indexes each is under a
 * millisecond: the page seeks its type or action and reads newest first, the
 * count stops at its cap inside the index, and the drop-downs are a loose
 * index scan (one seek per distinct value; platform/audit/repository.ts).
 *
 * Type and action together (all completions of work orders) read one of
 * those and tested the other column row by row until the count's cap:
 * 16.5 ms on SQLite, 23.6 ms on PostgreSQL (docs/benchmarks.md, audit). The
 * third index answers it from the index alone, and gives the action
 * drop-down the actions of the chosen record type by the same loose scan.
 * It keeps (org, type, at): without it SQLite reads a rare type's page by
 * walking (org, at) from the newest row (0.73 s for the oldest type).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('audit_type_at_ix')
    .on('audit_log')
    .columns(['org_id', 'entity_type', 'at'])
    .execute();
  await db.schema
    .createIndex('audit_action_ix')
    .on('audit_log')
    .columns(['org_id', 'action', 'at'])
    .execute();
  await db.schema
    .createIndex('audit_type_action_ix')
    .on('audit_log')
    .columns(['org_id', 'entity_type', 'action', 'at'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Houqin migrations are forward-only; restore a backup to go back.');
}
