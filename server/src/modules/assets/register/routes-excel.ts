import { z } from 'zod';
import type { Deps } from '../../../platform/deps.ts';
import { sendXlsxStream } from '../../../platform/excel/export-stream.ts';
import { buildTemplate } from '../../../platform/excel/template.ts';
import { MAX_IMPORT_BYTES, readXlsxUpload } from '../../../platform/excel/upload.ts';
import { XLSX_MIME } from '../../../platform/excel/workbook.ts';
import { actorOf } from '../../../platform/http/actor.ts';
import { contentDisposition } from '../../../platform/http/content-disposition.ts';
import { ErrorSchema } from '../../../platform/http/schemas.ts';
import type { App } from '../../../platform/http/types.ts';
import { AssetsP } from '../policy.ts';
import { assetExport, ASSETS_TEMPLATE } from './asset-excel.ts';
import { importAssets } from './import-assets.ts';
import { orgToday } from './read-assets.ts';
import { AssetExportQuery } from './schema.ts';

const tags = ['assets'];

const ImportQuery = z.strictObject({ siteId: z.uuid() });
const ImportResultSchema = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  total: z.number().int().describe('Data rows in the file'),
  operationId: z
    .string()
    .nullable()
    .describe(
      "The register operation of the import: its cards' labels are /api/assets/labels?operationId=",
    ),
  operationNumber: z.string().nullable().describe('The register operation of the import'),
  warnings: z
    .array(z.string())
    .describe("Columns left out: custom fields of none of the imported rows' categories"),
});

/** A whole register (100,000 cards) as .xlsx is some 6–8 MB; leave room for styled files. */
const MAX_ASSET_IMPORT_BYTES = MAX_IMPORT_BYTES * 3;

/** Excel export of the register, the import template and the import. */
export function registerExcelRoutes(app: App, { db, dialect }: Deps): void {
  app.get(
    '/api/assets/export.xlsx',
    {
      config: { auth: AssetsP.export, scope: 'site' },
      schema: {
        tags,
        summary:
          '导出资产台账 Export the register (.xlsx, same filters and visibility as the list, 100,000 rows at most)',
        querystring: AssetExportQuery,
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const today = await orgToday(db, actor.orgId);
      return sendXlsxStream(reply, await assetExport(db, dialect, actor, today, req.query), today);
    },
  );
  app.get(
    '/api/assets/import/template.xlsx',
    {
      config: { auth: AssetsP.manage, scope: 'site' },
      schema: { tags, summary: '资产导入模板 Import template for asset cards' },
    },
    async (_req, reply) =>
      reply
        .header('content-type', XLSX_MIME)
        .header(
          'content-disposition',
          contentDisposition('attachment', '资产导入模板.xlsx', 'assets-import-template.xlsx'),
        )
        .send(await buildTemplate(ASSETS_TEMPLATE)),
  );
  app.post(
    '/api/assets/import',
    {
      config: { auth: AssetsP.manage, scope: 'site' },
      schema: {
        tags,
        summary:
          '导入资产 Import asset cards at a site from .xlsx (all rows or none; one register operation)',
        description:
          "multipart/form-data with one .xlsx file; ?siteId= the site. Category by code or name, department by code or name, place by code (of the site), custodian by employee number. Custom fields: a column headed by the field label, checked against the row's category. Any invalid row: 422 IMPORT_INVALID with details.rows [{row, column, message}] and nothing written.",
        consumes: ['multipart/form-data'],
        querystring: ImportQuery,
        response: {
          200: ImportResultSchema,
          400: ErrorSchema,
          413: ErrorSchema,
          415: ErrorSchema,
          422: ErrorSchema,
        },
      },
    },
    async (req) =>
      importAssets(
        db,
        actorOf(req),
        req.query.siteId,
        await readXlsxUpload(req, MAX_ASSET_IMPORT_BYTES),
      ),
  );
}
