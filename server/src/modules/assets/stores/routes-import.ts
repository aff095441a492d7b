import { z } from 'zod';
import type { Deps } from '../../../platform/deps.ts';
import { buildTemplate } from '../../../platform/excel/template.ts';
import { readXlsxUpload } from '../../../platform/excel/upload.ts';
import { XLSX_MIME } from '../../../platform/excel/workbook.ts';
import { actorOf } from '../../../platform/http/actor.ts';
import { contentDisposition } from '../../../platform/http/content-disposition.ts';
import { ErrorSchema } from '../../../platform/http/schemas.ts';
import type { App } from '../../../platform/http/types.ts';
import { StoresP } from '../policy.ts';
import { importItems, ITEMS_TEMPLATE } from './items-import.ts';

const tags = ['stores'];
const ImportResultSchema = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  total: z.number().int(),
});

/** The item catalogue from Excel: a template and an all-or-nothing import. */
export function importRoutes(app: App, { db }: Deps): void {
  app.get(
    '/api/stores/items/import-template.xlsx',
    {
      config: { auth: StoresP.manage, scope: 'site' },
      schema: { tags, summary: '物资导入模板 Import template for items' },
    },
    async (_req, reply) =>
      reply
        .header('content-type', XLSX_MIME)
        .header(
          'content-disposition',
          contentDisposition('attachment', '物资导入模板.xlsx', 'stock-items-import-template.xlsx'),
        )
        .send(await buildTemplate(ITEMS_TEMPLATE)),
  );
  app.post(
    '/api/stores/items/import',
    {
      config: { auth: StoresP.manage, scope: 'site' },
      schema: {
        tags,
        summary: '导入物资 Import items from .xlsx (all rows or none; known codes are updated)',
        description:
          'multipart/form-data with one .xlsx file. Any invalid row: 422 IMPORT_INVALID with details.rows [{row, column, message}] and nothing written.',
        consumes: ['multipart/form-data'],
        response: {
          200: ImportResultSchema,
          400: ErrorSchema,
          413: ErrorSchema,
          415: ErrorSchema,
          422: ErrorSchema,
        },
      },
    },
    async (req) => importItems(db, actorOf(req), await readXlsxUpload(req)),
  );
}
