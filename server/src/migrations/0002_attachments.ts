import type { Kysely } from 'kysely';
import { columnTypes, dialectOf } from '../platform/db/dialect.ts';

/**
 * Attachments: files linked to any record (a location's photo, a contract PDF,
 * an inspection sheet). The bytes live under DATA_DIR/files; the row holds
 * what the file is and where it belongs. `site_id` copies the owning record's
 * site so site-scoped queries need no join; `entity_id` is text because the
 * owner may be any table.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(dialectOf(db));

  await db.schema
    .createTable('attachments')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('site_id', t.id, (c) => c.references('sites.id'))
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'bigint', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull().unique())
    .addColumn('created_by', t.id, (c) => c.references('users.id'))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('deleted_at', t.instant)
    .execute();
  await db.schema
    .createIndex('attachments_entity_ix')
    .on('attachments')
    .columns(['org_id', 'entity_type', 'entity_id'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Houqin migrations are forward-only; restore a backup to go back.');
}
