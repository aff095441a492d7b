import type { HouqinModule } from '../../platform/module.ts';
import { onOrganizationPrepared } from '../../platform/org-lifecycle.ts';
import { prepareAssets } from './defaults.ts';
import { assetsRoutes } from './routes.ts';

// Every organisation gets its asset settings (once).
onOrganizationPrepared('assets', prepareAssets);

/**
 * Module `assets` (资产/财物/物资): the property register, operations that
 * alone change an asset's status and custody (with approval), compensation
 * for damage and loss, the idle pool (reuse before buying), stock-takes, and
 * consumables/spare parts in stores.
 */
export const assetsModule: HouqinModule = {
  name: 'assets',
  routes: assetsRoutes,
};

export { AssetsP, StoresP } from './policy.ts';
