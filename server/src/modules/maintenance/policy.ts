import { definePermissions } from '../../platform/access/permissions.ts';

/**
 * Who may do what with repair requests. Work orders belong to a site: every
 * grant below may be held at one site only (a dispatcher of the West campus).
 * Built-in roles pick these up by pattern: staff `*:request`, dept_head
 * `*:request` + `*:sign`, dispatcher `*:dispatch`, technician `*:work`,
 * manager `*:read` `*:manage` `*:export`, leader and auditor `*:read`.
 */
export const MaintP = definePermissions('maintenance', {
  request: { zh: '报修并查看自己的报修', en: 'Report faults and see own requests' },
  sign: {
    zh: '查看并确认本部门的报修（科室负责人）',
    en: "See and confirm the department's requests (department head)",
  },
  work: { zh: '接单维修（维修工）', en: 'Work on assigned orders (technician)' },
  dispatch: { zh: '受理、派工、回访（调度）', en: 'Take requests, dispatch, call back' },
  read: { zh: '查看全部工单与统计', en: 'View all work orders and statistics' },
  export: { zh: '导出工单', en: 'Export work orders' },
  manage: {
    zh: '维修设置（类别、时限、班组、排班、派工规则）',
    en: 'Maintenance settings (categories, SLA, teams, roster, rules)',
  },
});
