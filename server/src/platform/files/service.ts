import type { ReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import { recordAudit } from '../audit/record-audit.ts';
import type { Actor } from '../context.ts';
import type { Db, DbOrTx } from '../db/connect.ts';
import { AppError, badRequest, notFound } from '../errors.ts';
import { newId } from '../ids.ts';
import type { FileKind } from './file-types.ts';
import { attachmentEntity, attachmentEntityTypes } from './registry.ts';
import * as repo from './repository.ts';
import type { Attachment, AttachmentTarget } from './schema.ts';
import {
  commitTemp,
  discardTemp,
  openStored,
  removeStored,
  storedPath,
  type TempFile,
} from './storage.ts';

const ATTACHMENT = { zh: '附件', en: 'Attachment' };
const RECORD = { zh: '记录', en: 'Record' };
const fileMissing = () =>
  new AppError(500, 'FILE_MISSING', {
    zh: '附件文件在服务器上缺失，请联系管理员从备份恢复',
    en: 'The attachment file is missing on the server; ask an administrator to restore it from a backup',
  });

/** A received file, checked, waiting to be committed. */
export type PendingFile = { temp: TempFile; filename: string; kind: FileKind };
/** A target record the actor may act on, with the site that scopes it. */
export type AuthorizedTarget = AttachmentTarget & { siteId: string | null };

/**
 * Checks the actor may read (list, download) or write (upload, delete) the
 * attachments of a record, and returns the record's site. A record of another
 * organisation or site, or a missing one, is the same 404, so ids leak
 * nothing. Records with no site belong to the whole organisation and follow
 * their module's rule: the permission held anywhere.
 */
export async function authorizeTarget(
  db: DbOrTx,
  actor: Actor,
  target: AttachmentTarget,
  mode: 'read' | 'write',
): Promise<AuthorizedTarget> {
  const entity = attachmentEntity(target.entityType);
  if (!entity) {
    const known = attachmentEntityTypes();
    throw badRequest(
      {
        zh: `不支持给「${target.entityType}」添加附件；可用类型：${known.join('、')}`,
        en: `Attachments are not supported on "${target.entityType}"; known types: ${known.join(', ')}`,
      },
      { known },
    );
  }
  if (entity.authorize) {
    const found = await entity.authorize(db, actor, target.entityId, mode);
    if (!found) throw notFound(RECORD);
    return { ...target, siteId: found.siteId };
  }
  const found = await entity.locate(db, actor.orgId, target.entityId);
  const permission = mode === 'read' ? entity.readPermission : entity.writePermission;
  const allowed =
    found &&
    (found.siteId === null
      ? actor.access.has(permission)
      : actor.access.hasAt(permission, found.siteId));
  if (!allowed) throw notFound(RECORD);
  return { ...target, siteId: found.siteId };
}

/**
 * Moves the received files into place and records them, one row and one
 * audit entry per file, in one transaction. Stored bytes whose rows did not
 * commit are removed again, so no file is left that nothing points at.
 */
export async function createAttachments(
  db: Db,
  dataDir: string,
  actor: Actor,
  target: AuthorizedTarget,
  files: readonly PendingFile[],
): Promise<Attachment[]> {
  const stored: string[] = [];
  const ids: string[] = [];
  try {
    const now = new Date();
    const planned: { id: string; key: string; f: PendingFile }[] = [];
    for (const f of files) {
      const id = newId();
      const key = await commitTemp(dataDir, f.temp.tempPath, actor.orgId, id, now);
      stored.push(key);
      planned.push({ id, key, f });
    }
    await db.transaction().execute(async (tx) => {
      for (const { id, key, f } of planned) {
        const row = {
          id,
          org_id: actor.orgId,
          site_id: target.siteId,
          entity_type: target.entityType,
          entity_id: target.entityId,
          filename: f.filename,
          mime: f.kind.mime,
          size_bytes: f.temp.size,
          sha256: f.temp.sha256,
          storage_key: key,
          created_by: actor.userId,
          created_at: now.toISOString(),
          deleted_at: null,
        };
        await repo.insertAttachmentRow(tx, row);
        // Audited on the owning record, so its history shows who attached what.
        await recordAudit(tx, actor, {
          action: 'attach',
          entityType: target.entityType,
          entityId: target.entityId,
          siteId: target.siteId,
          after: { attachmentId: id, filename: f.filename, mime: f.kind.mime, size: f.temp.size },
        });
        ids.push(id);
      }
    });
  } catch (err) {
    await Promise.all([
      ...stored.map((key) => removeStored(dataDir, key).catch(() => {})),
      ...files.map((f) => discardTemp(f.temp.tempPath)),
    ]);
    throw err;
  }
  return (await repo.findAttachmentRowsByIds(db, actor.orgId, ids)).map(repo.attachmentFromRow);
}

export async function listAttachments(
  db: Db,
  actor: Actor,
  target: AttachmentTarget,
): Promise<Attachment[]> {
  await authorizeTarget(db, actor, target, 'read');
  const rows = await repo.listAttachmentRows(db, actor.orgId, target.entityType, target.entityId);
  return rows.map(repo.attachmentFromRow);
}

async function visibleRow(db: DbOrTx, actor: Actor, id: string, mode: 'read' | 'write') {
  const row = await repo.findAttachmentRow(db, actor.orgId, id);
  if (!row || !attachmentEntity(row.entity_type)) throw notFound(ATTACHMENT);
  try {
    const target = { entityType: row.entity_type, entityId: row.entity_id };
    return { row, target: await authorizeTarget(db, actor, target, mode) };
  } catch (err) {
    // Say "attachment", not "record": the caller asked for a file by its id.
    if (err instanceof AppError) throw notFound(ATTACHMENT);
    throw err;
  }
}

/** An attachment's metadata and a stream of its bytes, for a reader of its record. */
export async function openAttachment(
  db: Db,
  dataDir: string,
  actor: Actor,
  id: string,
): Promise<{ attachment: Attachment; stream: ReadStream }> {
  const { row } = await visibleRow(db, actor, id, 'read');
  // Check before streaming: once headers are sent, a missing file can only cut the body short.
  const exists = await fs.stat(storedPath(dataDir, row.storage_key)).then(
    (s) => s.isFile(),
    () => false,
  );
  if (!exists) throw fileMissing();
  return { attachment: repo.attachmentFromRow(row), stream: openStored(dataDir, row.storage_key) };
}

/**
 * Soft delete: the row and the bytes stay for the record's history (and for
 * backups); the attachment disappears from lists and downloads.
 */
export async function deleteAttachment(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const { row, target } = await visibleRow(tx, actor, id, 'write');
    await repo.markAttachmentDeleted(tx, actor.orgId, id, new Date().toISOString());
    await recordAudit(tx, actor, {
      action: 'detach',
      entityType: row.entity_type,
      entityId: row.entity_id,
      siteId: target.siteId,
      before: { attachmentId: id, filename: row.filename, mime: row.mime, size: row.size_bytes },
    });
  });
}
