import { z } from 'zod';
import type { Deps } from '../../../platform/deps.ts';
import { actorOf } from '../../../platform/http/actor.ts';
import { IdParams } from '../../../platform/http/schemas.ts';
import type { App } from '../../../platform/http/types.ts';
import { provideStockDraw } from '../../maintenance/index.ts';
import { StoresP } from '../policy.ts';
import {
  createItem,
  createStore,
  listItems,
  listStores,
  updateItem,
  updateStore,
} from './catalog.ts';
import { documentRoutes } from './routes-documents.ts';
import { importRoutes } from './routes-import.ts';
import { reportRoutes } from './routes-reports.ts';
import {
  ItemCreateSchema,
  ItemListQuery,
  ItemPageSchema,
  ItemPatchSchema,
  ItemSchema,
  MovementPageSchema,
  MovementQuery,
  PickableQuery,
  StockPageSchema,
  StockQuery,
  StoreCreateSchema,
  StoreListQuery,
  StorePatchSchema,
  StoreSchema,
} from './schema.ts';
import { requireAnyStoresRole } from './scope.ts';
import { listMovements, listStock, pickableStock } from './stock-reads.ts';
import { drawStockForWorkOrder } from './work-order-draw.ts';

const tags = ['stores'];

const PickableSchema = z.object({
  storeId: z.string(),
  storeName: z.string(),
  itemId: z.string(),
  code: z.string(),
  name: z.string(),
  spec: z.string().nullable(),
  unit: z.string(),
  quantity: z.number().int(),
  averageCostFen: z.number().int(),
});

/**
 * Consumables and spare parts (物资/备件): items, stores, stock on hand, the
 * ledger, documents and reports under /api/stores. Stores belong to sites:
 * site-level grants see and act on their sites' stores only.
 */
export function storesRoutes(app: App, deps: Deps): void {
  const { db, dialect } = deps;
  // Completing a work order draws its spare parts through this (maintenance/stock-hook.ts).
  provideStockDraw((tx, actor, input) => drawStockForWorkOrder(deps, tx, actor, input));

  app.get(
    '/api/stores/items',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary: '物资目录 Items (any stores role)',
        querystring: ItemListQuery,
        response: { 200: ItemPageSchema },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      requireAnyStoresRole(actor);
      return listItems(db, dialect, actor.orgId, req.query);
    },
  );
  app.post(
    '/api/stores/items',
    {
      config: { auth: StoresP.manage, scope: 'site' },
      schema: {
        tags,
        summary: '新增物资 Create an item',
        body: ItemCreateSchema,
        response: { 201: ItemSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await createItem(db, actorOf(req), req.body)),
  );
  app.patch(
    '/api/stores/items/:id',
    {
      // The catalogue is the organisation's: an item changed at one site changes at all of
      // them, so changing one needs stores:manage org-wide (a site's keeper may add items).
      config: { auth: StoresP.manage },
      schema: {
        tags,
        summary: '修改物资 Update an item (stop it with active=false; stores:manage org-wide)',
        params: IdParams,
        body: ItemPatchSchema,
        response: { 200: ItemSchema },
      },
    },
    async (req) => updateItem(db, actorOf(req), req.params.id, req.body),
  );
  app.get(
    '/api/stores/stores',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary: '仓库 Stores of the sites where the user has a stores role',
        querystring: StoreListQuery,
        response: { 200: z.array(StoreSchema) },
      },
    },
    async (req) => listStores(db, actorOf(req), req.query),
  );
  app.post(
    '/api/stores/stores',
    {
      config: { auth: StoresP.manage, scope: 'site' },
      schema: {
        tags,
        summary: '新增仓库 Create a store',
        body: StoreCreateSchema,
        response: { 201: StoreSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await createStore(deps, actorOf(req), req.body)),
  );
  app.patch(
    '/api/stores/stores/:id',
    {
      config: { auth: StoresP.manage, scope: 'site' },
      schema: {
        tags,
        summary: '修改仓库 Update a store (keeper, close with active=false)',
        params: IdParams,
        body: StorePatchSchema,
        response: { 200: StoreSchema },
      },
    },
    async (req) => updateStore(deps, actorOf(req), req.params.id, req.body),
  );
  app.get(
    '/api/stores/stock',
    {
      config: { auth: StoresP.read, scope: 'site' },
      schema: {
        tags,
        summary: '库存 Stock on hand per store × item (value, average cost, below minimum)',
        querystring: StockQuery,
        response: { 200: StockPageSchema },
      },
    },
    async (req) => listStock(db, dialect, actorOf(req), req.query),
  );
  app.get(
    '/api/stores/stock/pickable',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary: '可领物资 Items on hand at a site, for a work order (stores:work or :read there)',
        querystring: PickableQuery,
        response: { 200: z.array(PickableSchema) },
      },
    },
    async (req) => pickableStock(db, dialect, actorOf(req), req.query),
  );
  app.get(
    '/api/stores/movements',
    {
      config: { auth: StoresP.read, scope: 'site' },
      schema: {
        tags,
        summary: '出入库流水 The stock ledger, newest first',
        querystring: MovementQuery,
        response: { 200: MovementPageSchema },
      },
    },
    async (req) => listMovements(db, actorOf(req), req.query),
  );
  documentRoutes(app, deps);
  importRoutes(app, deps);
  reportRoutes(app, deps);
}
