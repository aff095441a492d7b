import type { Deps } from '../../../platform/deps.ts';
import type { App } from '../../../platform/http/types.ts';

/** Routes of this area (being built). */
export function operationRoutes(_app: App, _deps: Deps): void {}
