import { createHash } from 'node:crypto';
import type { Actor } from '../../../platform/context.ts';
import type { DbOrTx } from '../../../platform/db/connect.ts';
import { registerAttachmentEntity } from '../../../platform/files/registry.ts';
import { AssetsP } from '../policy.ts';
import { findVisibleAsset } from './repository.ts';
import { assetVisibility, seesNothing } from './visibility.ts';

/**
 * The attachment key of a department's custody agreement (财物管理责任书)
 * for a year: a UUID derived from organisation, department and year, so the
 * signed scan of 2026 and that of 2027 are kept apart without a table of
 * agreements. Version nibble 8 (RFC 9562 custom UUID).
 */
export function custodyKey(orgId: string, departmentId: string, year: number): string {
  const h = createHash('sha256')
    .update(`asset_custody:${orgId}:${departmentId}:${year}`)
    .digest('hex');
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Years a custody key is looked for in: agreements are signed for the current year or a recent one. */
const FIRST_YEAR = 2000;

/** The department and year a custody key stands for, found among the organisation's departments. */
export async function custodyTarget(
  db: DbOrTx,
  orgId: string,
  key: string,
): Promise<{ departmentId: string; year: number } | null> {
  const departments = await db
    .selectFrom('departments')
    .select('id')
    .where('org_id', '=', orgId)
    .execute();
  const last = new Date().getUTCFullYear() + 1;
  for (let year = last; year >= FIRST_YEAR; year--) {
    for (const d of departments) {
      if (custodyKey(orgId, d.id, year) === key) return { departmentId: d.id, year };
    }
  }
  return null;
}

/** Who may see a department's custody list: site readers, and the department's own head. */
async function mayReadDepartment(db: DbOrTx, actor: Actor, departmentId: string) {
  const v = await assetVisibility(db, actor);
  return v.sites === 'all' || v.sites.length > 0 || v.departmentId === departmentId;
}

/**
 * Photos of an asset (whoever sees the card sees them; assets:manage at its
 * site adds them), and the signed scan of a department's custody agreement
 * (keyed by custodyKey; the department head or an asset manager adds it).
 */
export function registerAssetAttachments(): void {
  registerAttachmentEntity('asset', {
    readPermission: AssetsP.read,
    writePermission: AssetsP.manage,
    async locate(db, orgId, id) {
      const row = await db
        .selectFrom('ast_assets')
        .select('site_id')
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? { siteId: row.site_id } : null;
    },
    async authorize(db, actor, id, mode) {
      const visibility = await assetVisibility(db, actor);
      if (seesNothing(visibility)) return null;
      const row = await findVisibleAsset(db, actor.orgId, visibility, {
        column: 'a.id',
        value: id,
      });
      if (!row) return null;
      if (mode === 'write' && !actor.access.hasAt(AssetsP.manage, row.site_id)) return null;
      return { siteId: row.site_id };
    },
  });
  registerAttachmentEntity('asset_custody', {
    readPermission: AssetsP.read,
    writePermission: AssetsP.manage,
    async locate(db, orgId, id) {
      return (await custodyTarget(db, orgId, id)) ? { siteId: null } : null;
    },
    async authorize(db, actor, id, mode) {
      const target = await custodyTarget(db, actor.orgId, id);
      if (!target || !(await mayReadDepartment(db, actor, target.departmentId))) return null;
      if (mode === 'write') {
        const v = await assetVisibility(db, actor);
        const manager = actor.access.has(AssetsP.manage);
        const head = actor.access.has(AssetsP.sign) && v.departmentId === target.departmentId;
        if (!manager && !head) return null;
      }
      return { siteId: null };
    },
  });
}
