import type { HouqinModule } from '../../platform/module.ts';
import { onOrganizationPrepared } from '../../platform/org-lifecycle.ts';
import { prepareAssets } from './defaults.ts';
import { loansReminderJob } from './jobs/index.ts';
import { assetsRoutes } from './routes.ts';

// Every organisation gets its asset settings (once).
onOrganizationPrepared('assets', prepareAssets);

/**
 * Module `assets` (资产/财物/物资): the property register, operations that
 * alone change an asset's status and custody (with approval), compensation
 * for damage and loss, the idle pool (reuse before buying), stock-takes, and
 * consumables/spare parts in stores. The stores hand maintenance their
 * spare-part draw when the routes are registered (ADR 0006).
 */
export const assetsModule: HouqinModule = {
  name: 'assets',
  routes: assetsRoutes,
  jobs: [loansReminderJob],
};

export { AssetsP, StoresP } from './policy.ts';
export { findReusable, type Reusable, type ReusableAsset } from './idle/index.ts';
export {
  getAssetDetail,
  listAssets,
  AssetSchema,
  AssetDetailSchema,
  type Asset,
  type AssetDetail,
} from './register/index.ts';
export {
  drawStockForWorkOrder,
  returnStockForWorkOrder,
  type WorkOrderDrawInput,
  type WorkOrderDrawn,
} from './stores/index.ts';
