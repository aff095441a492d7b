import type { Deps } from '../../platform/deps.ts';
import type { App } from '../../platform/http/types.ts';
import { registerRoutes } from './register/routes.ts';
import { operationRoutes } from './operations/routes.ts';
import { storesRoutes } from './stores/index.ts';
import { stocktakeRoutes } from './stocktake/index.ts';

/** Every route of the assets module; each area keeps its own routes file. */
export function assetsRoutes(app: App, deps: Deps): void {
  registerRoutes(app, deps);
  operationRoutes(app, deps);
  storesRoutes(app, deps);
  stocktakeRoutes(app, deps);
}
