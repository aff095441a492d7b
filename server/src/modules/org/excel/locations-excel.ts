import type { Actor } from '../../../platform/context.ts';
import type { Db, DialectName } from '../../../platform/db/connect.ts';
import { LocationP } from '../policy.ts';
import {
  iterateInBatches,
  listLocationRows,
  listSites,
  locationCodesByIds,
  locationPaths,
  type LocationRowType,
} from '../repository.ts';
import type { Location, LocationListFilter } from '../schema.ts';
import type { ExportSheet, ExportValue } from '../../../platform/excel/export-stream.ts';
import type { TemplateSpec } from '../../../platform/excel/template.ts';
import type { ExportColumn, SheetColumn } from '../../../platform/excel/workbook.ts';

/** The words a logistics office uses for each location type. */
export const LOCATION_TYPE_LABELS: Record<Location['type'], string> = {
  building: '楼栋',
  floor: '楼层',
  room: '房间',
  area: '区域',
};

export const LOCATION_COLUMNS = [
  {
    key: 'siteCode',
    header: '院区编码',
    required: true,
    width: 12,
    text: true,
    note: '位置所属院区的编码（见“组织设置 › 院区”）；只能导入您有权管理的院区。',
    example: 'EAST',
  },
  {
    key: 'code',
    header: '位置编码',
    required: true,
    width: 16,
    text: true,
    note: '在院区内唯一，只能包含字母、数字和 _ . -。该院区已有此编码时更新该位置，否则新建。',
    example: 'MZ-3F',
  },
  {
    key: 'name',
    header: '名称',
    required: true,
    width: 20,
    note: '最多 100 字',
    example: '门诊楼3层',
  },
  {
    key: 'type',
    header: '类型',
    required: true,
    width: 10,
    note: '楼栋、楼层、房间 或 区域（对应 building/floor/room/area）。楼栋直接在院区下；楼层在楼栋下；房间在楼层、楼栋或区域下；区域在院区、楼栋、楼层或区域下。已有位置的类型不能通过导入修改。',
    example: '楼层',
    choices: Object.values(LOCATION_TYPE_LABELS),
  },
  {
    key: 'parentCode',
    header: '上级位置编码',
    width: 16,
    text: true,
    note: '同一院区内已有的位置，或本文件中任意一行（上下顺序不限）的位置编码；楼栋留空。',
    example: 'MZ',
  },
  {
    key: 'areaM2',
    header: '面积(m²)',
    width: 12,
    note: '建筑面积，单位平方米，可带小数；可留空。',
    example: 1200,
  },
] as const satisfies readonly SheetColumn[];

export type LocationColumnKey = (typeof LOCATION_COLUMNS)[number]['key'];

const EXPORT_COLUMNS: readonly ExportColumn[] = [
  ...LOCATION_COLUMNS,
  { key: 'path', header: '完整路径', width: 36 },
  { key: 'status', header: '状态', width: 10 },
];

export const LOCATIONS_TEMPLATE: TemplateSpec = {
  sheetName: '位置',
  columns: LOCATION_COLUMNS,
  rules: [
    '按“院区编码 + 位置编码”匹配：已有的位置会更新名称、上级位置和面积，新编码则新建位置。',
    '上级位置可以写在下级之后（例如先写房间、后写楼层），导入时会先建上级；上级须在同一院区。',
    '新建的位置会自动生成二维码，可在位置列表中打印标签。',
  ],
};

function locationValues(
  r: LocationRowType,
  path: string,
  parentCodes: ReadonlyMap<string, string>,
  siteCodes: ReadonlyMap<string, string>,
): ExportValue[] {
  return [
    siteCodes.get(r.site_id) ?? null,
    r.code,
    r.name,
    LOCATION_TYPE_LABELS[r.type as Location['type']] ?? r.type,
    r.parent_id ? (parentCodes.get(r.parent_id) ?? null) : null,
    r.area_m2 === null ? null : Number(r.area_m2),
    path,
    r.active === 1 ? '启用' : '停用',
  ];
}

/**
 * Every location the list filter matches at the sites the actor may read
 * (the same site scope as the list), as an export sheet read in batches.
 */
export function locationsExport(
  db: Db,
  dialect: DialectName,
  actor: Actor,
  filter: Omit<LocationListFilter, 'page' | 'pageSize'>,
): ExportSheet {
  const scope = actor.access.siteScope(LocationP.read);
  async function* batches() {
    const sites = new Map((await listSites(db, actor.orgId, scope)).map((s) => [s.id, s.code]));
    const pages = iterateInBatches(async (page, pageSize) => {
      const { rows } = await listLocationRows(db, dialect, actor.orgId, scope, {
        ...filter,
        page,
        pageSize,
      });
      return rows;
    });
    for await (const rows of pages) {
      const parentIds = rows.map((r) => r.parent_id).filter((id): id is string => !!id);
      const [parents, paths] = await Promise.all([
        locationCodesByIds(db, actor.orgId, parentIds),
        locationPaths(db, actor.orgId, rows),
      ]);
      yield rows.map((r) => locationValues(r, paths.get(r.id) ?? r.name, parents, sites));
    }
  }
  return {
    fileName: { zh: '位置', ascii: 'locations' },
    sheetName: '位置',
    columns: EXPORT_COLUMNS,
    batches: batches(),
  };
}
