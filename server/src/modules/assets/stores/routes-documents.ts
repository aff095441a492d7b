import type { z } from 'zod';
import type { Actor } from '../../../platform/context.ts';
import type { Deps } from '../../../platform/deps.ts';
import { actorOf } from '../../../platform/http/actor.ts';
import { IdParams } from '../../../platform/http/schemas.ts';
import type { App, RouteAuth } from '../../../platform/http/types.ts';
import { StoresP } from '../policy.ts';
import {
  createRequisition,
  createStockIn,
  createStocktake,
  createTransfer,
} from './create-documents.ts';
import { decideDocument, type Decision } from './decide-document.ts';
import { getDocument, listDocuments } from './document-reads.ts';
import {
  DecisionSchema,
  DocumentDetailSchema,
  DocumentListQuery,
  DocumentPageSchema,
  RequisitionSchema,
  StockInSchema,
  StocktakeSchema,
  TransferSchema,
} from './schema.ts';

const tags = ['stores'];

type Creator<S extends z.ZodType> = {
  path: string;
  auth: RouteAuth;
  summary: string;
  body: S;
  run(deps: Deps, actor: Actor, body: z.output<S>): Promise<{ id: string }>;
};

const CREATORS = [
  {
    path: 'stock-in',
    auth: StoresP.manage,
    summary: '入库 Stock in (unit cost in 分; moves the moving average)',
    body: StockInSchema,
    run: createStockIn,
  } satisfies Creator<typeof StockInSchema>,
  {
    path: 'requisitions',
    // stores:request waits for approval; stores:manage hands out at once. Checked at the store's site.
    auth: 'user',
    summary:
      '领用 Requisition for a department (stores:manage: done at once; stores:request: waits for approval)',
    body: RequisitionSchema,
    run: createRequisition,
  } satisfies Creator<typeof RequisitionSchema>,
  {
    path: 'transfers',
    auth: StoresP.manage,
    summary: '调拨 Transfer between stores (out at the average, in at the same value)',
    body: TransferSchema,
    run: createTransfer,
  } satisfies Creator<typeof TransferSchema>,
  {
    path: 'stocktakes',
    auth: StoresP.manage,
    summary: '盘点 Stock-take: counted quantities; the adjustment waits for stores:approve',
    body: StocktakeSchema,
    run: createStocktake,
  } satisfies Creator<typeof StocktakeSchema>,
] as const;

const DECISIONS: { decision: Decision; summary: string }[] = [
  { decision: 'approve', summary: '审批通过 Approve (the stock moves now; 409 when short)' },
  { decision: 'reject', summary: '驳回 Reject' },
  { decision: 'cancel', summary: '撤销 Cancel (the requester, or a storekeeper)' },
];

/** Stock documents: create each kind, list, read one, and decide pending ones. */
export function documentRoutes(app: App, deps: Deps): void {
  const { db } = deps;
  for (const c of CREATORS) {
    app.post(
      `/api/stores/documents/${c.path}`,
      {
        config: { auth: c.auth, ...(c.auth !== 'user' && { scope: 'site' as const }) },
        schema: { tags, summary: c.summary, body: c.body, response: { 201: DocumentDetailSchema } },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        const { id } = await (c.run as Creator<z.ZodType>['run'])(deps, actor, req.body);
        return reply.status(201).send(await getDocument(db, actor, id));
      },
    );
  }
  app.get(
    '/api/stores/documents',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary:
          '出入库单 Stock documents (sites where the user reads/keeps/approves, and own requests)',
        querystring: DocumentListQuery,
        response: { 200: DocumentPageSchema },
      },
    },
    async (req) => listDocuments(db, actorOf(req), req.query),
  );
  app.get(
    '/api/stores/documents/:id',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary: '单据详情 A stock document with its lines',
        params: IdParams,
        response: { 200: DocumentDetailSchema },
      },
    },
    async (req) => getDocument(db, actorOf(req), req.params.id),
  );
  for (const d of DECISIONS) {
    app.post(
      `/api/stores/documents/:id/${d.decision}`,
      {
        config: { auth: 'user' },
        schema: {
          tags,
          summary: d.summary,
          params: IdParams,
          body: DecisionSchema,
          response: { 200: DocumentDetailSchema },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        await decideDocument(deps, actor, req.params.id, d.decision, req.body.note);
        return getDocument(db, actor, req.params.id);
      },
    );
  }
}
