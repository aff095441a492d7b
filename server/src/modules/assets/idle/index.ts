export { findReusable, type Reusable, type ReusableAsset } from './find-reusable.ts';
export { requestIdleAssets } from './request-idle.ts';
export { idleRoutes } from './routes.ts';
