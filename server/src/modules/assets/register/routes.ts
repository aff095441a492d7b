import { z } from 'zod';
import type { Deps } from '../../../platform/deps.ts';
import { actorOf } from '../../../platform/http/actor.ts';
import { IdParams, OkSchema } from '../../../platform/http/schemas.ts';
import type { App } from '../../../platform/http/types.ts';
import { AssetsP } from '../policy.ts';
import { registerAssetAttachments } from './attachments.ts';
import { createCategory, listCategories, updateCategory } from './categories.ts';
import { createAsset, createBatch } from './create-assets.ts';
import { getAssetDetail, listAssets } from './read-assets.ts';
import { registerExcelRoutes } from './routes-excel.ts';
import { registerPeopleRoutes } from './routes-people.ts';
import { registerPrintRoutes } from './routes-print.ts';
import { changesReportRoutes } from './routes-changes-report.ts';
import { registerReportRoutes } from './routes-reports.ts';
import {
  AssetBatchSchema,
  AssetCreateSchema,
  AssetDetailSchema,
  AssetListQuery,
  AssetPageSchema,
  AssetUpdateSchema,
  CategoryCreateSchema,
  CategoryListQuery,
  CategorySchema,
  CategoryUpdateSchema,
  QrParams,
  RegisterResultSchema,
  StarterResultSchema,
  StarterSchema,
  TagParams,
} from './schema.ts';
import { addStarterCatalogue } from './starter.ts';
import { deleteAsset, updateAsset } from './update-asset.ts';

const tags = ['assets'];

/**
 * The asset register: categories, cards (one, a batch, by Excel), the list
 * and a card's detail, labels, custody agreements and register reports.
 * Reads are open to every signed-in user and scoped by the service (site
 * readers, department heads, custodians); writes need assets:manage at the
 * card's site (categories: organisation-wide).
 */
export function registerRoutes(app: App, deps: Deps): void {
  const { db, dialect } = deps;

  app.get(
    '/api/assets/categories',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary:
          '资产分类 Asset categories: all in tree order with depth, or one level (shape=flat&parentId=)',
        querystring: CategoryListQuery,
        response: { 200: z.array(CategorySchema) },
      },
    },
    async (req) => listCategories(db, actorOf(req).orgId, req.query),
  );
  app.post(
    '/api/assets/categories',
    {
      config: { auth: AssetsP.manage },
      schema: {
        tags,
        summary:
          '新建资产分类 Create a category (assets:manage organisation-wide; 409 on a taken code)',
        body: CategoryCreateSchema,
        response: { 201: CategorySchema },
      },
    },
    async (req, reply) => reply.status(201).send(await createCategory(db, actorOf(req), req.body)),
  );
  app.patch(
    '/api/assets/categories/:id',
    {
      config: { auth: AssetsP.manage },
      schema: {
        tags,
        summary:
          '修改资产分类 Update a category (no loops; deactivating needs no live assets and no active sub-categories)',
        params: IdParams,
        body: CategoryUpdateSchema,
        response: { 200: CategorySchema },
      },
    },
    async (req) => updateCategory(db, actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/assets/categories/starter',
    {
      config: { auth: AssetsP.manage },
      schema: {
        tags,
        summary:
          '添加预置分类 Add a starter category tree (hospital, school, office); codes that exist are skipped',
        body: StarterSchema,
        response: { 200: StarterResultSchema },
      },
    },
    async (req) => addStarterCatalogue(db, actorOf(req), req.body.catalogue),
  );

  app.get(
    '/api/assets',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary:
          '资产台账 The asset register (only the cards the user may see: sites read, own department, own custody)',
        querystring: AssetListQuery,
        response: { 200: AssetPageSchema },
      },
    },
    async (req) => listAssets(db, dialect, actorOf(req), req.query),
  );
  app.post(
    '/api/assets',
    {
      config: { auth: AssetsP.manage, scope: 'site' },
      schema: {
        tags,
        summary:
          '资产登记 Register one card (code from numbering when omitted; tag defaults to the code; 409 when either is taken)',
        description:
          'Writes a numbered register operation: done, or pending_approval (the card then waits as pending) when the organisation approves registrations.',
        body: AssetCreateSchema,
        response: { 201: RegisterResultSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await createAsset(db, actorOf(req), req.body)),
  );
  app.post(
    '/api/assets/batch',
    {
      config: { auth: AssetsP.manage, scope: 'site' },
      schema: {
        tags,
        summary:
          '批量登记 Register N identical cards with consecutive tags (prefix + start + digits: ZY-0001…ZY-0120), at most 2,000',
        description:
          'One register operation with one line per card, all or nothing. 409 naming the first tags already in use.',
        body: AssetBatchSchema,
        response: { 201: RegisterResultSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await createBatch(db, actorOf(req), req.body)),
  );
  app.get(
    '/api/assets/by-tag/:tag',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary: '按标签号查找 A card by the number on its label (typed when the camera fails)',
        params: TagParams,
        response: { 200: AssetDetailSchema },
      },
    },
    async (req) => getAssetDetail(db, actorOf(req), { column: 'a.tag_no', value: req.params.tag }),
  );
  app.get(
    '/api/assets/qr/:token',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary: '扫码查看 A card by the token of its QR label (/a/{token})',
        params: QrParams,
        response: { 200: AssetDetailSchema },
      },
    },
    async (req) =>
      getAssetDetail(db, actorOf(req), { column: 'a.qr_token', value: req.params.token }),
  );

  // Fixed paths (export.xlsx, labels, reports …) before /api/assets/:id.
  registerExcelRoutes(app, deps);
  registerPrintRoutes(app, deps);
  registerPeopleRoutes(app, deps);
  registerReportRoutes(app, deps);
  changesReportRoutes(app, deps);

  app.get(
    '/api/assets/:id',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary:
          '资产详情 A card with net value, accumulated depreciation, timeline and operations',
        params: IdParams,
        response: { 200: AssetDetailSchema },
      },
    },
    async (req) => getAssetDetail(db, actorOf(req), { column: 'a.id', value: req.params.id }),
  );
  app.patch(
    '/api/assets/:id',
    {
      config: { auth: AssetsP.manage, scope: 'site' },
      schema: {
        tags,
        summary:
          '修改资产卡片 Correct a card’s description (status, place, department, custodian change only through operations)',
        description: 'Send the version read; 409 when someone changed the card since.',
        params: IdParams,
        body: AssetUpdateSchema,
        response: { 200: AssetDetailSchema },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await updateAsset(db, actor, req.params.id, req.body);
      return getAssetDetail(db, actor, { column: 'a.id', value: req.params.id });
    },
  );
  app.delete(
    '/api/assets/:id',
    {
      config: { auth: AssetsP.manage, scope: 'site' },
      schema: {
        tags,
        summary:
          '删除误登记的资产 Delete a card registered by mistake (only while its registration is its only operation)',
        params: IdParams,
        response: { 200: OkSchema },
      },
    },
    async (req) => {
      await deleteAsset(db, actorOf(req), req.params.id);
      return { ok: true as const };
    },
  );
  registerAssetAttachments();
}
