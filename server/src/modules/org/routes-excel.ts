import { z } from 'zod';
import type { Actor } from '../../platform/context.ts';
import type { Deps } from '../../platform/deps.ts';
import { actorOf } from '../../platform/http/actor.ts';
import { contentDisposition } from '../../platform/http/content-disposition.ts';
import { ErrorSchema } from '../../platform/http/schemas.ts';
import type { App, RouteAuth } from '../../platform/http/types.ts';
import { departmentsExport, DEPARTMENTS_TEMPLATE } from './excel/departments-excel.ts';
import { importDepartments } from './excel/departments-import.ts';
import { sendXlsxStream, type ExportSheet } from '../../platform/excel/export-stream.ts';
import type { ImportResult } from '../../platform/excel/import-run.ts';
import { locationsExport, LOCATIONS_TEMPLATE } from './excel/locations-excel.ts';
import { importLocations } from './excel/locations-import.ts';
import { peopleExport, PEOPLE_TEMPLATE } from './excel/people-excel.ts';
import { importPeople } from './excel/people-import.ts';
import { buildTemplate, type TemplateSpec } from '../../platform/excel/template.ts';
import { readXlsxUpload } from '../../platform/excel/upload.ts';
import { todayIn, XLSX_MIME } from '../../platform/excel/workbook.ts';
import { getOrganization } from './organization.ts';
import { DepartmentP, LocationP, PeopleP } from './policy.ts';
import { DepartmentListQuery, LocationListQuery, PeopleListQuery } from './schema.ts';

const ImportResultSchema = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int().describe('Rows equal to what is stored: nothing written'),
  total: z.number().int().describe('Data rows in the file'),
});

/** What differs between the three Excel-enabled lists. */
type ExcelEntity<Q extends z.ZodType> = {
  path: string;
  label: { zh: string; en: string; ascii: string };
  exportAuth: RouteAuth;
  manageAuth: RouteAuth;
  /** Locations live at sites: a site-level grant exports and imports that site's rows only. */
  siteScoped?: boolean;
  /** The list endpoint's filters, without paging: an export covers every matching row. */
  query: Q;
  exportSheet(actor: Actor, filter: z.output<Q>): ExportSheet;
  template: TemplateSpec;
  importFile(actor: Actor, file: Buffer): Promise<ImportResult>;
};

function register<Q extends z.ZodType>(app: App, { db }: Deps, e: ExcelEntity<Q>): void {
  const tags = [e.path];
  app.get(
    `/api/${e.path}/export.xlsx`,
    {
      config: { auth: e.exportAuth, ...(e.siteScoped && { scope: 'site' as const }) },
      schema: {
        tags,
        summary: `导出${e.label.zh} Export ${e.label.en} (.xlsx, same filters as the list)`,
        querystring: e.query,
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const date = todayIn((await getOrganization(db, actor.orgId)).timezone);
      return sendXlsxStream(reply, e.exportSheet(actor, req.query as z.output<Q>), date);
    },
  );
  app.get(
    `/api/${e.path}/import-template.xlsx`,
    {
      config: { auth: e.manageAuth, ...(e.siteScoped && { scope: 'site' as const }) },
      schema: { tags, summary: `${e.label.zh}导入模板 Import template for ${e.label.en}` },
    },
    async (_req, reply) =>
      reply
        .header('content-type', XLSX_MIME)
        .header(
          'content-disposition',
          contentDisposition(
            'attachment',
            `${e.label.zh}导入模板.xlsx`,
            `${e.label.ascii}-import-template.xlsx`,
          ),
        )
        .send(await buildTemplate(e.template)),
  );
  app.post(
    `/api/${e.path}/import`,
    {
      config: { auth: e.manageAuth, ...(e.siteScoped && { scope: 'site' as const }) },
      schema: {
        tags,
        summary: `导入${e.label.zh} Import ${e.label.en} from .xlsx (all rows or none)`,
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
    async (req) => e.importFile(actorOf(req), await readXlsxUpload(req)),
  );
}

/** Excel export, import template and import for people, departments and locations. */
export function excelRoutes(app: App, deps: Deps): void {
  const { db, dialect } = deps;
  register(app, deps, {
    path: 'people',
    label: { zh: '人员', en: 'people', ascii: 'people' },
    exportAuth: PeopleP.export,
    manageAuth: PeopleP.manage,
    query: PeopleListQuery.omit({ page: true, pageSize: true }),
    exportSheet: (actor, filter) => peopleExport(db, dialect, actor, filter),
    template: PEOPLE_TEMPLATE,
    importFile: (actor, file) => importPeople(db, actor, file),
  });
  register(app, deps, {
    path: 'departments',
    label: { zh: '部门', en: 'departments', ascii: 'departments' },
    exportAuth: DepartmentP.read,
    manageAuth: DepartmentP.manage,
    query: DepartmentListQuery.omit({ page: true, pageSize: true }),
    exportSheet: (actor, filter) => departmentsExport(db, dialect, actor, filter),
    template: DEPARTMENTS_TEMPLATE,
    importFile: (actor, file) => importDepartments(db, actor, file),
  });
  register(app, deps, {
    path: 'locations',
    label: { zh: '位置', en: 'locations', ascii: 'locations' },
    exportAuth: LocationP.read,
    manageAuth: LocationP.manage,
    siteScoped: true,
    query: LocationListQuery.omit({ page: true, pageSize: true }),
    exportSheet: (actor, filter) => locationsExport(db, dialect, actor, filter),
    template: LOCATIONS_TEMPLATE,
    importFile: (actor, file) => importLocations(db, actor, file),
  });
}
