import type { HouqinModule } from '../../platform/module.ts';
import { registerOrgAttachments } from './attachments.ts';
import { orgRoutes } from './routes.ts';
import { excelRoutes } from './routes-excel.ts';
import { placesRoutes } from './routes-places.ts';

/**
 * Module `org`: the organisation, its sites, the location tree, departments
 * and people. Other modules read places and people through these exports.
 */
export const orgModule: HouqinModule = {
  name: 'org',
  routes(app, deps) {
    orgRoutes(app, deps);
    placesRoutes(app, deps);
    excelRoutes(app, deps);
    registerOrgAttachments();
  },
};

export { getLocation, findLocationByQrToken } from './locations.ts';
export { getPerson } from './people.ts';
export { getDepartment } from './departments.ts';
export { getOrganization } from './organization.ts';
export { listOrganizationIds } from './repository.ts';
export { createOrganization } from './setup.ts';
// Inserts inside a caller's transaction, for seeds and imports.
export { insertDepartment } from './departments.ts';
export { insertLocation } from './locations.ts';
export { insertPerson } from './people.ts';
export { insertSite } from './organization.ts';
export { DepartmentP, LocationP, OrgP, PeopleP } from './policy.ts';
export type { Department, Location, Person, Site } from './schema.ts';
