import type { Deps } from './deps.ts';
import type { App } from './http/types.ts';

/**
 * A vertical slice of the product. `app.ts` registers every module's routes;
 * modules add their scheduler jobs and attachment entity types the same way.
 */
export type HouqinModule = {
  name: string;
  routes(app: App, deps: Deps): void | Promise<void>;
};
