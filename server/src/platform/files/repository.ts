import type { Insertable, Selectable } from 'kysely';
import type { DbOrTx } from '../db/connect.ts';
import type { Attachment } from './schema.ts';
import type { AttachmentsTable } from './tables.ts';

export type AttachmentRow = Selectable<AttachmentsTable> & { created_by_name: string | null };

export function attachmentFromRow(r: AttachmentRow): Attachment {
  return {
    id: r.id,
    entityType: r.entity_type,
    entityId: r.entity_id,
    siteId: r.site_id,
    filename: r.filename,
    mime: r.mime,
    sizeBytes: Number(r.size_bytes),
    sha256: r.sha256,
    createdBy: r.created_by,
    createdByName: r.created_by_name,
    createdAt: r.created_at,
    downloadUrl: `/api/attachments/${r.id}/download`,
  };
}

function base(db: DbOrTx, orgId: string) {
  return db
    .selectFrom('attachments')
    .leftJoin('users', (j) =>
      j.onRef('users.id', '=', 'attachments.created_by').on('users.org_id', '=', orgId),
    )
    .selectAll('attachments')
    .select('users.display_name as created_by_name')
    .where('attachments.org_id', '=', orgId)
    .where('attachments.deleted_at', 'is', null);
}

export async function insertAttachmentRow(
  tx: DbOrTx,
  row: Insertable<AttachmentsTable>,
): Promise<void> {
  await tx.insertInto('attachments').values(row).execute();
}

/** A live (not deleted) attachment of the organisation, or undefined. */
export async function findAttachmentRow(
  db: DbOrTx,
  orgId: string,
  id: string,
): Promise<AttachmentRow | undefined> {
  return base(db, orgId).where('attachments.id', '=', id).executeTakeFirst();
}

export async function listAttachmentRows(
  db: DbOrTx,
  orgId: string,
  entityType: string,
  entityId: string,
): Promise<AttachmentRow[]> {
  return base(db, orgId)
    .where('attachments.entity_type', '=', entityType)
    .where('attachments.entity_id', '=', entityId)
    .orderBy('attachments.created_at')
    .orderBy('attachments.id')
    .execute();
}

export async function findAttachmentRowsByIds(
  db: DbOrTx,
  orgId: string,
  ids: readonly string[],
): Promise<AttachmentRow[]> {
  if (ids.length === 0) return [];
  return base(db, orgId)
    .where('attachments.id', 'in', ids)
    .orderBy('attachments.created_at')
    .orderBy('attachments.id')
    .execute();
}

export async function markAttachmentDeleted(
  tx: DbOrTx,
  orgId: string,
  id: string,
  at: string,
): Promise<void> {
  await tx
    .updateTable('attachments')
    .set({ deleted_at: at })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}
