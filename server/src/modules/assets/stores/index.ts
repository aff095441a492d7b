// The stores area as the rest of the code sees it: the module's routes and
// index.ts (maintenance's spare-part draw and its undoing, ADR 0006) and the
// demo seed, which writes a year of stock history through these services.
// Areas meet at an index.ts; the area's own files import each other directly.
export { storesRoutes } from './routes.ts';
export { createItem, createStore } from './catalog.ts';
export { createRequisition, createStockIn } from './create-documents.ts';
export { decideDocument, type Decision } from './decide-document.ts';
export {
  drawStockForWorkOrder,
  type WorkOrderDrawInput,
  type WorkOrderDrawn,
} from './work-order-draw.ts';
export { returnStockForWorkOrder } from './work-order-return.ts';
export type { Item, Requisition, StockIn, Store } from './schema.ts';
