import type { Actor } from '../../../platform/context.ts';
import type { Db, DialectName } from '../../../platform/db/connect.ts';
import {
  departmentCodesByIds,
  iterateInBatches,
  listDepartments,
  listSites,
} from '../repository.ts';
import type { Department, DepartmentListFilter } from '../schema.ts';
import type { ExportSheet, ExportValue } from '../../../platform/excel/export-stream.ts';
import type { TemplateSpec } from '../../../platform/excel/template.ts';
import type { ExportColumn, SheetColumn } from '../../../platform/excel/workbook.ts';

export const DEPARTMENT_COLUMNS = [
  {
    key: 'code',
    header: '部门编码',
    required: true,
    width: 16,
    text: true,
    note: '部门的唯一编码，只能包含字母、数字和 _ . -。系统中已有该编码时更新该部门，否则新建。',
    example: 'ZWK',
  },
  {
    key: 'name',
    header: '部门名称',
    required: true,
    width: 20,
    note: '最多 100 字',
    example: '总务科',
  },
  {
    key: 'parentCode',
    header: '上级部门编码',
    width: 16,
    text: true,
    note: '系统中已有的部门，或本文件中任意一行（上下顺序不限）的部门编码；留空表示顶级部门。',
    example: 'HQBZB',
  },
  {
    key: 'siteCode',
    header: '院区编码',
    width: 14,
    text: true,
    note: '部门所在院区的编码（见“组织设置 › 院区”）；留空表示不限院区。',
    example: 'EAST',
  },
] as const satisfies readonly SheetColumn[];

export type DepartmentColumnKey = (typeof DEPARTMENT_COLUMNS)[number]['key'];

const EXPORT_COLUMNS: readonly ExportColumn[] = [
  ...DEPARTMENT_COLUMNS,
  { key: 'status', header: '状态', width: 10 },
];

export const DEPARTMENTS_TEMPLATE: TemplateSpec = {
  sheetName: '部门',
  columns: DEPARTMENT_COLUMNS,
  rules: [
    '按部门编码匹配：系统中已有的编码会更新该部门的名称、上级部门和院区，新编码则新建部门。',
    '上级部门可以写在下级之后，导入时会先建上级；上级关系不能形成循环。',
    '院区须先在“组织设置 › 院区”中建好。',
  ],
};

function departmentValues(
  d: Department,
  parentCodes: ReadonlyMap<string, string>,
  siteCodes: ReadonlyMap<string, string>,
): ExportValue[] {
  return [
    d.code,
    d.name,
    d.parentId ? (parentCodes.get(d.parentId) ?? null) : null,
    d.siteId ? (siteCodes.get(d.siteId) ?? null) : null,
    d.active ? '启用' : '停用',
  ];
}

/** Every department the list filter matches, as an export sheet read in batches. */
export function departmentsExport(
  db: Db,
  dialect: DialectName,
  actor: Actor,
  filter: Omit<DepartmentListFilter, 'page' | 'pageSize'>,
): ExportSheet {
  async function* batches() {
    // Sites are few (campuses); read once.
    const sites = new Map((await listSites(db, actor.orgId, 'all')).map((s) => [s.id, s.code]));
    const pages = iterateInBatches(async (page, pageSize) => {
      const { items } = await listDepartments(db, dialect, actor.orgId, {
        ...filter,
        page,
        pageSize,
      });
      return items;
    });
    for await (const departments of pages) {
      const parentIds = departments.map((d) => d.parentId).filter((id): id is string => !!id);
      const parents = await departmentCodesByIds(db, actor.orgId, parentIds);
      yield departments.map((d) => departmentValues(d, parents, sites));
    }
  }
  return {
    fileName: { zh: '部门', ascii: 'departments' },
    sheetName: '部门',
    columns: EXPORT_COLUMNS,
    batches: batches(),
  };
}
