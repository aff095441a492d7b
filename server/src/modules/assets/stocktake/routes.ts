import type { Deps } from '../../../platform/deps.ts';
import { sendXlsxStream } from '../../../platform/excel/export-stream.ts';
import { todayIn } from '../../../platform/excel/workbook.ts';
import { actorOf } from '../../../platform/http/actor.ts';
import { IdParams, OkSchema } from '../../../platform/http/schemas.ts';
import type { App } from '../../../platform/http/types.ts';
import { getOrganization } from '../../org/index.ts';
import { AssetsP } from '../policy.ts';
import { closeStocktake, cancelStocktake, settleIfDue } from './close-stocktake.ts';
import { addSurplus, markLine, scanAsset } from './count.ts';
import { createStocktake } from './create-stocktake.ts';
import { getStocktakeDetail, listLines, listStocktakes } from './read-stocktakes.ts';
import { stocktakeRoomsRoute } from './rooms.ts';
import {
  CancelSchema,
  CloseSchema,
  LineMarkSchema,
  LinePageSchema,
  LineParams,
  LineQuery,
  ScanResultSchema,
  ScanSchema,
  StocktakeCreateSchema,
  StocktakeDetailSchema,
  StocktakeListQuery,
  StocktakePageSchema,
  SurplusCreateSchema,
  SurplusSchema,
  VarianceQuery,
  VarianceSchema,
} from './schema.ts';
import { varianceExport, varianceReport } from './variance.ts';

const tags = ['assets-stocktake'];
// Readers, managers and counters alike: each service checks the campaign's site.
const seen = { auth: 'user' as const };

/** Stock-take campaigns (盘点): start, count on a phone, variance, close through operations. */
export function stocktakeRoutes(app: App, deps: Deps): void {
  const { db } = deps;
  stocktakeRoomsRoute(app, deps);
  app.get(
    '/api/assets/stocktakes',
    {
      config: seen,
      schema: {
        tags,
        summary: '盘点列表 Stock-takes of the sites the user sees',
        querystring: StocktakeListQuery,
        response: { 200: StocktakePageSchema },
      },
    },
    async (req) => listStocktakes(db, actorOf(req), req.query),
  );
  app.post(
    '/api/assets/stocktakes',
    {
      config: { auth: AssetsP.manage, scope: 'site' },
      schema: {
        tags,
        summary: '发起盘点 Start a stock-take: snapshots the non-disposed assets of the scope',
        body: StocktakeCreateSchema,
        response: { 201: StocktakeDetailSchema },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const id = await createStocktake(deps, actor, req.body);
      return reply.status(201).send(await getStocktakeDetail(db, actor, id));
    },
  );
  app.get(
    '/api/assets/stocktakes/:id',
    {
      config: seen,
      schema: {
        tags,
        summary:
          '盘点详情 A stock-take with its progress per room and the operations of its closing',
        params: IdParams,
        response: { 200: StocktakeDetailSchema },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await settleIfDue(deps, actor, req.params.id);
      return getStocktakeDetail(db, actor, req.params.id);
    },
  );
  app.get(
    '/api/assets/stocktakes/:id/lines',
    {
      config: seen,
      schema: {
        tags,
        summary: '盘点明细 Expected assets, by room and result',
        params: IdParams,
        querystring: LineQuery,
        response: { 200: LinePageSchema },
      },
    },
    async (req) => listLines(db, actorOf(req), req.params.id, req.query),
  );
  app.post(
    '/api/assets/stocktakes/:id/scan',
    {
      // Thousands of scans a day: the line itself records who counted it, where and when.
      config: {
        ...seen,
        noAudit: 'the stock-take line records counted_by, counted_at and the place',
      },
      schema: {
        tags,
        summary:
          '扫码盘点 Count one asset where the counter stands (idempotent; assets:count or manage)',
        params: IdParams,
        body: ScanSchema,
        response: { 200: ScanResultSchema },
      },
    },
    async (req) => scanAsset(db, actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/assets/stocktakes/:id/lines/:assetId',
    {
      config: seen,
      schema: {
        tags,
        summary: '标记盘点结果 Mark a line by hand: missing, damaged, found, or not counted',
        params: LineParams,
        body: LineMarkSchema,
        response: { 200: OkSchema },
      },
    },
    async (req) => markLine(deps, actorOf(req), req.params.id, req.params.assetId, req.body),
  );
  app.post(
    '/api/assets/stocktakes/:id/surplus',
    {
      config: seen,
      schema: {
        tags,
        summary: '登记盘盈 Record an item found that is not on the list',
        params: IdParams,
        body: SurplusCreateSchema,
        response: { 201: SurplusSchema },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await addSurplus(db, actorOf(req), req.params.id, req.body)),
  );
  app.get(
    '/api/assets/stocktakes/:id/variance',
    {
      config: seen,
      schema: {
        tags,
        summary: '盘点差异 Missing, wrong place, damaged (count, original value) and surplus',
        params: IdParams,
        querystring: VarianceQuery,
        response: { 200: VarianceSchema },
      },
    },
    async (req) => varianceReport(db, actorOf(req), req.params.id, req.query),
  );
  app.get(
    '/api/assets/stocktakes/:id/variance/export.xlsx',
    {
      config: { auth: AssetsP.export, scope: 'site' },
      schema: { tags, summary: '导出盘点差异 The variance report (.xlsx)', params: IdParams },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const { timezone } = await getOrganization(db, actor.orgId);
      const sheet = await varianceExport(db, actor, req.params.id);
      return sendXlsxStream(reply, sheet, todayIn(timezone));
    },
  );
  for (const action of ['close', 'cancel'] as const)
    app.post(
      `/api/assets/stocktakes/:id/${action}`,
      {
        config: { auth: AssetsP.manage, scope: 'site' },
        schema: {
          tags,
          summary:
            action === 'close'
              ? '结束盘点 Close: uncounted become missing; differences become operations, accepted surplus becomes cards (with approval)'
              : '撤销盘点 Cancel a stock-take still counting',
          params: IdParams,
          body: action === 'close' ? CloseSchema : CancelSchema,
          response: { 200: StocktakeDetailSchema },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        if (action === 'close') await closeStocktake(deps, actor, req.params.id, req.body);
        else await cancelStocktake(deps, actor, req.params.id, req.body.note || undefined);
        return getStocktakeDetail(db, actor, req.params.id);
      },
    );
}
