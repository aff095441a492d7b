import { ALLOWED_PARENTS } from '../locations.ts';
import type { LocationRowType } from '../repository.ts';
import { LocationCreateSchema, type Location } from '../schema.ts';
import { rowValidator, type ImportErrors } from '../../../platform/excel/import-errors.ts';
import {
  LOCATION_COLUMNS,
  LOCATION_TYPE_LABELS,
  type LocationColumnKey,
} from './locations-excel.ts';
import type { SheetRow } from '../../../platform/excel/read-sheet.ts';
import { closesLoop } from './tree-order.ts';

type LocationType = Location['type'];

/** A checked row. `parentCode`/`areaM2` are undefined when the file has no such column. */
export type LocationRow = {
  row: number;
  siteId: string;
  siteCode: string;
  code: string;
  name: string;
  type: LocationType;
  parentCode: string | null | undefined;
  areaM2: number | null | undefined;
};

/** Rows are keyed by site and code: location codes are unique per site only. */
export const keyOf = (siteId: string, code: string) => `${siteId}\u0000${code}`;

const TYPE_NAMES: Record<LocationType | 'site', string> = { site: '院区', ...LOCATION_TYPE_LABELS };
const TYPE_BY_WORD = new Map<string, LocationType>(
  Object.entries(LOCATION_TYPE_LABELS).flatMap(([type, label]) => [
    [label, type as LocationType],
    [type, type as LocationType],
  ]),
);
const HEADERS: Record<string, string> = Object.fromEntries(
  LOCATION_COLUMNS.map((c) => [c.key, c.header]),
);
const headerOf = (path: string) => HEADERS[path] ?? path;

// Site, type and parent come by code or word and are checked here.
const validate = rowValidator(LocationCreateSchema.pick({ code: true, name: true, areaM2: true }));

/**
 * Checks one row on its own: required cells, site (known and manageable),
 * type word, area number, and the Create schema. Returns the row when its
 * site, type and code are usable, so children can find it even if, say, its
 * name is wrong; the caller tells valid rows apart with `errors.hasRow`.
 */
export function checkLocationRow(
  r: SheetRow<LocationColumnKey>,
  errors: ImportErrors,
  site: { id: string; manageable: boolean } | undefined,
): LocationRow | undefined {
  const c = r.cells;
  const blank = errors.requireCells(r.row, c, LOCATION_COLUMNS);
  if (c.siteCode && !site?.manageable) {
    errors.add(r.row, '院区编码', {
      zh: `院区编码 ${c.siteCode} 不存在，或您无权管理该院区的位置`,
      en: `Site ${c.siteCode} does not exist or you may not manage its locations`,
    });
  }
  const type = c.type ? TYPE_BY_WORD.get(c.type.toLowerCase()) : undefined;
  if (c.type && !type) {
    errors.add(r.row, '类型', {
      zh: `类型「${c.type}」无效，只能填写：${Object.values(LOCATION_TYPE_LABELS).join('、')}`,
      en: `Type "${c.type}" is invalid; use one of ${Object.values(LOCATION_TYPE_LABELS).join(', ')}`,
    });
  }
  const data: Record<string, unknown> = { code: c.code, name: c.name };
  if (c.areaM2 !== undefined) {
    // People write 1,200 for 1200.
    const area = c.areaM2 === '' ? null : Number(c.areaM2.replace(/,/g, ''));
    if (area !== null && !Number.isFinite(area)) {
      errors.add(r.row, '面积(m²)', {
        zh: `面积「${c.areaM2}」必须是数字（平方米）`,
        en: `Area "${c.areaM2}" must be a number (m²)`,
      });
    } else data.areaM2 = area;
  }
  const parsed = validate(data);
  if (!parsed.ok) errors.addIssues(r.row, parsed.error, headerOf, blank);
  const codeOk = parsed.ok || !parsed.error.issues.some((i) => i.path[0] === 'code');
  if (!site?.manageable || !type || !codeOk || !c.code) return undefined;
  return {
    row: r.row,
    siteId: site.id,
    siteCode: c.siteCode ?? '',
    code: c.code,
    name: parsed.ok ? parsed.value.name : '',
    type,
    parentCode: c.parentCode === undefined ? undefined : c.parentCode || null,
    areaM2: parsed.ok ? parsed.value.areaM2 : undefined,
  };
}

/**
 * Checks the rows against the tree as it will be after the import: a
 * stored location keeps its type, a parent exists in the same site (stored
 * or in the file), the parent's type fits, and no parent chain loops.
 * `fetchById` reads stored ancestors the file does not mention.
 */
export async function checkLocationTree(
  rows: readonly LocationRow[],
  inFile: ReadonlyMap<string, LocationRow>,
  stored: ReadonlyMap<string, LocationRowType>,
  errors: ImportErrors,
  fetchById: (id: string) => Promise<LocationRowType | undefined>,
): Promise<void> {
  const byId = new Map([...stored.values()].map((r) => [r.id, r]));
  const byKey = new Map(stored);
  const parentAfter = async (key: string): Promise<string | null> => {
    const f = inFile.get(key);
    if (f && f.parentCode !== undefined) return f.parentCode ? keyOf(f.siteId, f.parentCode) : null;
    const s = byKey.get(key);
    if (!s?.parent_id) return null;
    let parent = byId.get(s.parent_id);
    if (!parent) {
      parent = await fetchById(s.parent_id);
      if (parent) {
        byId.set(parent.id, parent);
        byKey.set(keyOf(parent.site_id, parent.code), parent);
      }
    }
    return parent ? keyOf(parent.site_id, parent.code) : null;
  };

  for (const l of rows) {
    const key = keyOf(l.siteId, l.code);
    const before = stored.get(key);
    if (before && before.type !== l.type) {
      errors.add(l.row, '类型', {
        zh: `位置 ${l.code} 已是${TYPE_NAMES[before.type as LocationType]}，不能通过导入修改类型`,
        en: `Location ${l.code} is a ${before.type}; an import cannot change its type`,
      });
      continue;
    }
    // No parent column: a stored location stays where it is, a new one sits at the site.
    if (l.parentCode === undefined && before) continue;
    let parentType: LocationType | null = null;
    const parentKey = l.parentCode ? keyOf(l.siteId, l.parentCode) : null;
    if (parentKey) {
      const parent = inFile.get(parentKey) ?? stored.get(parentKey);
      if (l.parentCode === l.code || !parent) {
        errors.add(l.row, '上级位置编码', {
          zh:
            l.parentCode === l.code
              ? '上级位置不能是它自己'
              : `上级位置编码 ${l.parentCode} 在院区 ${l.siteCode} 中不存在（系统中和本文件中都没有）`,
          en:
            l.parentCode === l.code
              ? 'A location cannot be its own parent'
              : `Parent ${l.parentCode} exists at site ${l.siteCode} neither in the system nor in this file`,
        });
        continue;
      }
      parentType = parent.type as LocationType;
    }
    if (!ALLOWED_PARENTS[l.type].includes(parentType)) {
      errors.add(l.row, parentKey ? '上级位置编码' : '类型', {
        zh: `${TYPE_NAMES[l.type]}不能放在${TYPE_NAMES[parentType ?? 'site']}下`,
        en: `A ${l.type} cannot be placed under a ${parentType ?? 'site'}`,
      });
    } else if (parentKey && (await closesLoop(key, parentKey, parentAfter))) {
      errors.add(l.row, '上级位置编码', {
        zh: `上级位置 ${l.parentCode} 会使位置层级形成循环`,
        en: `Parent ${l.parentCode} would make the location tree loop`,
      });
    }
  }
}
