import type { Actor } from '../context.ts';
import type { DbOrTx } from '../db/connect.ts';

/**
 * How a module makes its records attachable: which permissions guard the
 * attachments, and how to find a record's site (null for records that belong
 * to the whole organisation). `locate` returns null for a record that does not
 * exist in that organisation, so its files stay hidden.
 */
export type AttachmentEntity = {
  readPermission: string;
  writePermission: string;
  locate(db: DbOrTx, orgId: string, id: string): Promise<{ siteId: string | null } | null>;
  /**
   * For records whose files depend on the person rather than a permission
   * (a work order's photos: its requester, its technician, the dispatcher):
   * the record's site when this actor may read / add files, else null. When
   * given, it replaces the permission check.
   */
  authorize?(
    db: DbOrTx,
    actor: Actor,
    id: string,
    mode: 'read' | 'write',
  ): Promise<{ siteId: string | null } | null>;
};

const entities = new Map<string, AttachmentEntity>();

/**
 * Registers (or replaces) an attachable entity type. Modules call it when
 * their routes are registered; platform code never imports modules, so this
 * is how it learns what a `location` or a `work_order` is.
 */
export function registerAttachmentEntity(type: string, entity: AttachmentEntity): void {
  entities.set(type, entity);
}

export function attachmentEntity(type: string): AttachmentEntity | undefined {
  return entities.get(type);
}

export function attachmentEntityTypes(): string[] {
  return [...entities.keys()].sort();
}
