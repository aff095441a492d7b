import { registerAttachmentEntity } from '../../platform/files/registry.ts';
import { DepartmentP, LocationP, OrgP, PeopleP } from './policy.ts';
import * as repo from './repository.ts';

/**
 * Makes the org module's records attachable (a room's floor plan, a site's
 * fire certificate, a person's licence scan). Locations and sites are
 * site-scoped like their own routes; departments and people belong to the
 * whole organisation, so their files follow the org-wide rule (siteId null).
 */
export function registerOrgAttachments(): void {
  registerAttachmentEntity('location', {
    readPermission: LocationP.read,
    writePermission: LocationP.manage,
    async locate(db, orgId, id) {
      const row = await repo.findLocationRow(db, orgId, id);
      return row ? { siteId: row.site_id } : null;
    },
  });
  registerAttachmentEntity('site', {
    readPermission: OrgP.read,
    writePermission: OrgP.manage,
    async locate(db, orgId, id) {
      return (await repo.findSite(db, orgId, id)) ? { siteId: id } : null;
    },
  });
  registerAttachmentEntity('department', {
    readPermission: DepartmentP.read,
    writePermission: DepartmentP.manage,
    async locate(db, orgId, id) {
      return (await repo.findDepartmentRow(db, orgId, id)) ? { siteId: null } : null;
    },
  });
  registerAttachmentEntity('person', {
    readPermission: PeopleP.read,
    writePermission: PeopleP.manage,
    async locate(db, orgId, id) {
      return (await repo.findPerson(db, orgId, id)) ? { siteId: null } : null;
    },
  });
}
