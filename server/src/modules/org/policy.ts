import { definePermissions } from '../../platform/access/permissions.ts';

/**
 * Organisation structure. Locations are site-scoped (a grant at one site lets
 * a user see or edit that site's tree only); departments and people belong to
 * the whole organisation.
 */
export const OrgP = definePermissions('org', {
  read: { zh: '查看组织与院区', en: 'View organisation and sites' },
  manage: { zh: '管理组织设置与院区', en: 'Manage organisation settings and sites' },
});
export const LocationP = definePermissions('locations', {
  read: { zh: '查看位置', en: 'View locations' },
  manage: { zh: '管理位置', en: 'Manage locations' },
});
export const DepartmentP = definePermissions('departments', {
  read: { zh: '查看部门', en: 'View departments' },
  manage: { zh: '管理部门', en: 'Manage departments' },
});
export const PeopleP = definePermissions('people', {
  read: { zh: '查看人员', en: 'View people' },
  manage: { zh: '管理人员', en: 'Manage people' },
  export: { zh: '导出人员', en: 'Export people' },
});
