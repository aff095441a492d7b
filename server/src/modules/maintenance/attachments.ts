import { registerAttachmentEntity } from '../../platform/files/registry.ts';
import { MaintP } from './policy.ts';
import { visibleTo } from './repository.ts';
import { rolesOf } from './transition-work-order.ts';
import { visibilityOf } from './visibility.ts';

/**
 * Photos of a work order (the fault before, the repair after): whoever sees
 * the order sees them; its requester, technician and the site's dispatchers
 * add them, until the order is closed or cancelled.
 */
export function registerWorkOrderAttachments(): void {
  registerAttachmentEntity('work_order', {
    readPermission: MaintP.request,
    writePermission: MaintP.request,
    async locate(db, orgId, id) {
      const row = await db
        .selectFrom('mnt_work_orders')
        .select('site_id')
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? { siteId: row.site_id } : null;
    },
    async authorize(db, actor, id, mode) {
      const visibility = await visibilityOf(db, actor);
      const row = await db
        .selectFrom('mnt_work_orders as wo')
        .selectAll('wo')
        .where('wo.org_id', '=', actor.orgId)
        .where('wo.id', '=', id)
        .where(visibleTo(visibility))
        .executeTakeFirst();
      if (!row) return null;
      if (mode === 'read') return { siteId: row.site_id };
      if (row.status === 'closed' || row.status === 'cancelled') return null;
      const roles = await rolesOf(db, actor, row, visibility.departmentId);
      return roles.size > 0 ? { siteId: row.site_id } : null;
    },
  });
}
