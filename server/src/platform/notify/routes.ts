import type { Deps } from '../deps.ts';
import type { App } from '../http/types.ts';
import { channelRoutes } from './channel-routes.ts';
import { inboxRoutes } from './inbox-routes.ts';

/** Notification endpoints: my inbox, channels, the delivery log. */
export function notifyRoutes(app: App, deps: Deps): void {
  inboxRoutes(app, deps);
  channelRoutes(app, deps);
}
