import type { LocalizedText } from '../i18n.ts';

/**
 * The roles of product.md, as data. Their permission patterns are expanded
 * against the catalogue and written to each organisation's `roles` rows at
 * start-up, so a new module's permissions reach the built-in roles without a
 * data migration. Organisations add custom roles beside these.
 */
export type BuiltinRole = { key: string; name: LocalizedText; patterns: string[] };

const READ_PLACES = ['org:read', 'locations:read', 'departments:read', 'people:read'];

export const BUILTIN_ROLES: BuiltinRole[] = [
  { key: 'admin', name: { zh: '系统管理员', en: 'Administrator' }, patterns: ['*'] },
  {
    key: 'manager',
    name: { zh: '后勤主管', en: 'Logistics manager' },
    patterns: [
      '*:read',
      '*:manage',
      '*:approve',
      '*:assign',
      '*:export',
      '!users:manage',
      '!system:manage',
    ],
  },
  {
    key: 'dispatcher',
    name: { zh: '调度员', en: 'Dispatcher' },
    patterns: [...READ_PLACES, '*:dispatch'],
  },
  {
    key: 'technician',
    name: { zh: '维修工', en: 'Technician' },
    patterns: [...READ_PLACES, '*:work'],
  },
  {
    key: 'staff',
    name: { zh: '职工', en: 'Staff' },
    patterns: ['org:read', 'locations:read', 'departments:read', '*:request'],
  },
  {
    key: 'dept_head',
    name: { zh: '科室负责人', en: 'Department head' },
    patterns: [...READ_PLACES, '*:request', '*:sign'],
  },
  {
    // Counts property on a phone at their site(s): the campaigns to count and the places to stand in.
    key: 'asset_counter',
    name: { zh: '盘点员', en: 'Stock-take counter' },
    patterns: [...READ_PLACES, 'assets:count'],
  },
  {
    key: 'safety_officer',
    name: { zh: '安全员', en: 'Safety officer' },
    patterns: [...READ_PLACES, 'safety:*'],
  },
  {
    key: 'canteen_manager',
    name: { zh: '食堂管理员', en: 'Canteen manager' },
    patterns: [...READ_PLACES, 'canteen:*'],
  },
  {
    key: 'dorm_manager',
    name: { zh: '宿舍管理员', en: 'Dormitory manager' },
    patterns: [...READ_PLACES, 'dormitory:*'],
  },
  {
    key: 'purchaser',
    name: { zh: '采购员', en: 'Purchaser' },
    patterns: [...READ_PLACES, 'procurement:*', 'assets:read'],
  },
  {
    key: 'finance',
    name: { zh: '财务', en: 'Finance' },
    patterns: [...READ_PLACES, 'procurement:read', 'procurement:pay', '*:export'],
  },
  {
    key: 'leader',
    name: { zh: '领导', en: 'Leader' },
    patterns: ['*:read', '*:approve', '*:export', '!audit:read'],
  },
  { key: 'driver', name: { zh: '驾驶员', en: 'Driver' }, patterns: ['org:read', 'fleet:drive'] },
  { key: 'vendor', name: { zh: '外包单位', en: 'Vendor' }, patterns: ['vendors:self'] },
  { key: 'auditor', name: { zh: '审计', en: 'Auditor' }, patterns: ['*:read', 'audit:read'] },
];
