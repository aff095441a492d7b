export { findReusable, type Reusable, type ReusableAsset } from './find-reusable.ts';
export { requestIdleTransfers } from './request-idle.ts';
export { idleRoutes } from './routes.ts';
