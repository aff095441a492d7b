// The stock-take area as the rest of the code sees it: the module's routes
// and the demo seed (a campaign under way, partly counted). Areas meet at an
// index.ts; the area's own files import each other directly.
export { stocktakeRoutes } from './routes.ts';
export { createStocktake } from './create-stocktake.ts';
export { scanAsset } from './count.ts';
export type { ScanInput, ScanResult, StocktakeCreate } from './schema.ts';
