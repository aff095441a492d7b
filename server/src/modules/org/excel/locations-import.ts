import type { Actor } from '../../../platform/context.ts';
import type { Db, DbOrTx } from '../../../platform/db/connect.ts';
import { applyLocationUpdate, insertLocation } from '../locations.ts';
import { LocationP } from '../policy.ts';
import {
  findLocationRow,
  findLocationRowsByCodes,
  listSites,
  type LocationRowType,
} from '../repository.ts';
import { ImportErrors } from '../../../platform/excel/import-errors.ts';
import {
  runImport,
  type ImportResult,
  type PlannedRow,
} from '../../../platform/excel/import-run.ts';
import { LOCATION_COLUMNS, type LocationColumnKey } from './locations-excel.ts';
import { checkLocationRow, checkLocationTree, keyOf, type LocationRow } from './locations-rules.ts';
import { readImportSheet, type SheetRow } from '../../../platform/excel/read-sheet.ts';
import { parentsFirst } from './tree-order.ts';

/**
 * Imports locations from an .xlsx. Existing codes (per site) are UPDATED:
 * name, parent and area, as a facilities office refreshes its room list after
 * a renovation; a location's type cannot change by import (as in the UI).
 * Only sites where the actor may manage locations are accepted. A parent may
 * be stored or anywhere in the file; rows are written parents first.
 * Nothing is written unless every row is valid.
 */
export async function importLocations(db: Db, actor: Actor, buffer: Buffer): Promise<ImportResult> {
  const errors = new ImportErrors(actor.lang);
  const sheet = await readImportSheet(buffer, LOCATION_COLUMNS, errors);
  return runImport(db, actor, 'location', (tx) =>
    planLocations(tx, actor, sheet.rows, new ImportErrors(actor.lang)),
  );
}

/**
 * Checks every row and plans its write, against the sites and locations
 * stored now: read inside the import's transaction, so each location read
 * here is the "before" its update is applied to and audited with (see runImport).
 */
async function planLocations(
  tx: DbOrTx,
  actor: Actor,
  rows: readonly SheetRow<LocationColumnKey>[],
  errors: ImportErrors,
): Promise<PlannedRow[]> {
  const sites = new Map((await listSites(tx, actor.orgId, 'all')).map((s) => [s.code, s]));

  // Pass 1: each row alone, and duplicates within a site.
  const inFile = new Map<string, LocationRow>();
  const checked: LocationRow[] = [];
  const check = (r: SheetRow<LocationColumnKey>) => {
    const c = r.cells;
    const site = c.siteCode ? sites.get(c.siteCode) : undefined;
    const row = checkLocationRow(
      r,
      errors,
      site && {
        id: site.id,
        manageable: actor.access.hasAt(LocationP.manage, site.id),
      },
    );
    if (!row) return;
    const key = keyOf(row.siteId, row.code);
    const first = inFile.get(key);
    if (first) {
      errors.add(r.row, '位置编码', {
        zh: `院区 ${c.siteCode} 的位置编码 ${row.code} 与第 ${first.row} 行重复`,
        en: `Location code ${row.code} at site ${c.siteCode} repeats row ${first.row}`,
      });
      return;
    }
    inFile.set(key, row);
    if (!errors.hasRow(r.row)) checked.push(row);
  };
  rows.forEach(check);

  // Stored locations the file names (as rows or as parents), site by site.
  const stored = new Map<string, LocationRowType>();
  const codesBySite = new Map<string, Set<string>>();
  for (const row of inFile.values()) {
    const codes = codesBySite.get(row.siteId) ?? new Set<string>();
    codes.add(row.code);
    if (row.parentCode) codes.add(row.parentCode);
    codesBySite.set(row.siteId, codes);
  }
  for (const [siteId, codes] of codesBySite) {
    for (const r of await findLocationRowsByCodes(tx, actor.orgId, siteId, [...codes])) {
      stored.set(keyOf(r.site_id, r.code), r);
    }
  }
  // Pass 2: types, parents and loops against the tree as it will be.
  // Rows with other errors are checked too: the report should be complete.
  await checkLocationTree([...inFile.values()], inFile, stored, errors, (id) =>
    findLocationRow(tx, actor.orgId, id),
  );
  errors.throwIfAny(rows.length);

  const idOf = new Map([...stored].map(([key, r]) => [key, r.id]));
  const parentKey = (l: LocationRow) => (l.parentCode ? keyOf(l.siteId, l.parentCode) : null);
  const parentId = (l: LocationRow) => {
    const key = parentKey(l);
    return key ? idOf.get(key)! : null;
  };
  return parentsFirst(checked, (l) => keyOf(l.siteId, l.code), parentKey).map((l): PlannedRow => {
    const before = stored.get(keyOf(l.siteId, l.code));
    if (!before) {
      return {
        row: l.row,
        kind: 'create',
        apply: async (tx) => {
          const id = await insertLocation(tx, actor, {
            siteId: l.siteId,
            parentId: parentId(l),
            type: l.type,
            code: l.code,
            name: l.name,
            areaM2: l.areaM2 ?? null,
          });
          idOf.set(keyOf(l.siteId, l.code), id);
        },
      };
    }
    // A parent created by this file is new, so it cannot be the stored one.
    const key = parentKey(l);
    const newParent = key ? stored.get(key)?.id : null;
    const parentChanged =
      l.parentCode !== undefined && (newParent === undefined || newParent !== before.parent_id);
    const areaChanged = l.areaM2 !== undefined && l.areaM2 !== before.area_m2;
    if (l.name === before.name && !parentChanged && !areaChanged) {
      return { row: l.row, kind: 'unchanged' };
    }
    return {
      row: l.row,
      kind: 'update',
      apply: (tx) =>
        applyLocationUpdate(tx, actor, before, {
          ...(l.name !== before.name && { name: l.name }),
          ...(parentChanged && { parentId: parentId(l) }),
          ...(areaChanged && { areaM2: l.areaM2 ?? null }),
        }),
    };
  });
}
