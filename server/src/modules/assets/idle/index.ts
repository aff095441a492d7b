export { findReusable, type Reusable, type ReusableAsset } from './find-reusable.ts';
export { idleRoutes } from './routes.ts';
