import { definePermissions } from '../../platform/access/permissions.ts';

/**
 * Who may do what with property. Assets belong to a site: each grant may be
 * held at one site only. Built-in roles pick these up by pattern: staff
 * `*:request`, dept_head `*:request` + `*:sign`, manager `*:read` `*:manage`
 * `*:approve` `*:export`, leader `*:read` `*:approve`, technician `*:work`.
 */
export const AssetsP = definePermissions('assets', {
  request: {
    zh: '查看本人保管的资产并确认领用',
    en: 'See assets in own custody and confirm receipt',
  },
  sign: {
    zh: '查看本部门资产、确认部门接收、申请调用闲置资产（科室负责人）',
    en: "See the department's assets, confirm receipt, request idle assets (department head)",
  },
  read: { zh: '查看资产台账与报表', en: 'View the asset register and reports' },
  manage: {
    zh: '资产登记与业务（领用、调拨、借用、送修、报损、处置、盘点）',
    en: 'Register assets and run operations (assign, transfer, lend, repair, damage, dispose, stock-take)',
  },
  count: { zh: '扫码盘点', en: 'Count assets in a stock-take' },
  approve: { zh: '审批资产业务与赔偿', en: 'Approve asset operations and compensation' },
  export: { zh: '导出资产数据', en: 'Export asset data' },
});

/** Consumables and spare parts (物资/备件) in stores. */
export const StoresP = definePermissions('stores', {
  request: { zh: '提交物资领用申请', en: 'Request consumables' },
  work: { zh: '维修领料（工单用料）', en: 'Draw spare parts for a work order' },
  read: { zh: '查看库存与出入库', en: 'View stock and movements' },
  manage: {
    zh: '物资、仓库、入库、调拨、盘点',
    en: 'Items, stores, stock in, transfers, stock-takes',
  },
  approve: { zh: '审批物资领用', en: 'Approve requisitions' },
  export: { zh: '导出库存数据', en: 'Export stock data' },
});
