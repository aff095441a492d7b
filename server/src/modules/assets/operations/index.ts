// The operations area as the other areas of the assets module see it
// (compensation, idle pool, jobs, register): areas meet at an index.ts.
export {
  assetLabel,
  beforeOf,
  insertOperation,
  loadSettings,
  needsApproval,
  OPERATION_NUMBERING,
  recordAssetEvents,
  updateAssetVersioned,
  type AssetBefore,
  type AssetEvent,
  type AssetPlace,
  type AssetSettings,
  type NewOperation,
} from './core.ts';
export { actOnOperation, type ActionBody } from './act-on-operation.ts';
export { compensationFromRow, joinedCompensations } from './compensation-rows.ts';
export { createOperation, createOperationInTx, type IdleRequest } from './create-operation.ts';
export { compensationAmount } from './decide-compensation.ts';
export { assetNetValue } from './net-value.ts';
export { fullSites, seesSite } from './operation-rules.ts';
export { addDays, daysBetween, localToday, orgTimeZone, startOfLocalDay } from './org-calendar.ts';
export { checkDepartment, usersOfPerson, whoAmI } from './parties.ts';
export { getOperationDetail } from './read-operations.ts';
export { CompensationSchema, OperationDetailSchema, type Compensation } from './schema.ts';
