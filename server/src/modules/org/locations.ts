import type { Actor } from '../../platform/context.ts';
import type { Db, DbOrTx, DialectName } from '../../platform/db/connect.ts';
import { recordAudit } from '../../platform/audit/record-audit.ts';
import { badRequest, conflict, isUniqueViolation, notFound } from '../../platform/errors.ts';
import { newId, newToken } from '../../platform/ids.ts';
import { LocationP } from './policy.ts';
import * as repo from './repository.ts';
import { ALLOWED_PARENTS } from './schema.ts';
import type { Location, LocationCreate, LocationListFilter, LocationUpdate } from './schema.ts';

const LOCATION = { zh: '位置', en: 'Location' };
const SITE = { zh: '院区', en: 'Site' };

// The rule lives in schema.ts so the web app can follow it too.
export { ALLOWED_PARENTS };
const TYPE_NAMES: Record<Location['type'] | 'site', string> = {
  site: '院区',
  building: '楼栋',
  floor: '楼层',
  room: '房间',
  area: '区域',
};

/** A stored row in the API's field names: an audit entry's before and after compare key by key. */
function auditView(r: repo.LocationRowType) {
  return {
    parentId: r.parent_id,
    type: r.type,
    code: r.code,
    name: r.name,
    areaM2: r.area_m2 === null ? null : Number(r.area_m2),
    sortOrder: r.sort_order,
    active: r.active === 1,
  };
}

async function present(db: DbOrTx, orgId: string, row: repo.LocationRowType): Promise<Location> {
  const paths = await repo.locationPaths(db, orgId, [row]);
  return repo.locationFromRow(row, paths.get(row.id) ?? row.name);
}

/** A location the actor may see, or 404 (also for another site's or org's). */
async function visibleRow(
  db: DbOrTx,
  actor: Actor,
  id: string,
  permission: string = LocationP.read,
) {
  const row = await repo.findLocationRow(db, actor.orgId, id);
  if (!row || !actor.access.hasAt(permission, row.site_id)) throw notFound(LOCATION);
  return row;
}

export async function getLocation(db: Db, actor: Actor, id: string): Promise<Location> {
  return present(db, actor.orgId, await visibleRow(db, actor, id));
}

export async function findLocationByQrToken(
  db: Db,
  actor: Actor,
  token: string,
): Promise<Location> {
  const row = await db
    .selectFrom('locations')
    .selectAll()
    .where('org_id', '=', actor.orgId)
    .where('qr_token', '=', token)
    .executeTakeFirst();
  if (!row || !actor.access.hasAt(LocationP.read, row.site_id)) throw notFound(LOCATION);
  return present(db, actor.orgId, row);
}

export async function listLocations(
  db: Db,
  dialect: DialectName,
  actor: Actor,
  filter: LocationListFilter,
) {
  const { rows, total } = await repo.listLocationRows(
    db,
    dialect,
    actor.orgId,
    actor.access.siteScope(LocationP.read),
    filter,
  );
  const paths = await repo.locationPaths(db, actor.orgId, rows);
  return {
    items: rows.map((r) => repo.locationFromRow(r, paths.get(r.id) ?? r.name)),
    total,
    page: filter.page,
    pageSize: filter.pageSize,
  };
}

async function checkParent(
  tx: DbOrTx,
  actor: Actor,
  siteId: string,
  type: Location['type'],
  parentId: string | null,
  selfId?: string,
) {
  let parentType: Location['type'] | null = null;
  if (parentId) {
    const parent = await repo.findLocationRow(tx, actor.orgId, parentId);
    if (!parent || parent.site_id !== siteId)
      throw notFound({ zh: '上级位置', en: 'Parent location' });
    parentType = parent.type as Location['type'];
    // Moving a node under its own descendant would make a loop.
    for (let cur: string | null = parent.id, i = 0; cur && i < 50; i++) {
      if (cur === selfId)
        throw badRequest({
          zh: '不能把位置移到它自己的下级',
          en: 'A location cannot move under its own descendant',
        });
      cur = (await repo.findLocationRow(tx, actor.orgId, cur))?.parent_id ?? null;
    }
  }
  if (!ALLOWED_PARENTS[type].includes(parentType)) {
    throw badRequest({
      zh: `${TYPE_NAMES[type]}不能放在${TYPE_NAMES[parentType ?? 'site']}下`,
      en: `A ${type} cannot be placed under a ${parentType ?? 'site'}`,
    });
  }
}

function codeTaken(code: string) {
  return conflict({
    zh: `该院区已有编码为 ${code} 的位置`,
    en: `Location code ${code} already exists at this site`,
  });
}

/** Inserts one location in the caller's transaction (used by create and by Excel import). */
export async function insertLocation(
  tx: DbOrTx,
  actor: Actor,
  input: LocationCreate,
): Promise<string> {
  const site = await tx
    .selectFrom('sites')
    .select('id')
    .where('org_id', '=', actor.orgId)
    .where('id', '=', input.siteId)
    .executeTakeFirst();
  if (!site || !actor.access.hasAt(LocationP.manage, input.siteId)) throw notFound(SITE);
  await checkParent(tx, actor, input.siteId, input.type, input.parentId ?? null);
  const id = newId();
  const now = new Date().toISOString();
  const row = {
    id,
    org_id: actor.orgId,
    site_id: input.siteId,
    parent_id: input.parentId ?? null,
    type: input.type,
    code: input.code,
    name: input.name,
    area_m2: input.areaM2 ?? null,
    qr_token: newToken(),
    sort_order: input.sortOrder ?? 0,
    active: 1,
    created_at: now,
    updated_at: now,
  };
  try {
    await tx.insertInto('locations').values(row).execute();
  } catch (err) {
    if (isUniqueViolation(err)) throw codeTaken(input.code);
    throw err;
  }
  await recordAudit(tx, actor, {
    action: 'create',
    entityType: 'location',
    entityId: id,
    siteId: input.siteId,
    after: row,
  });
  return id;
}

export async function createLocation(
  db: Db,
  actor: Actor,
  input: LocationCreate,
): Promise<Location> {
  const id = await db.transaction().execute((tx) => insertLocation(tx, actor, input));
  return getLocation(db, actor, id);
}

/** Applies a change to a location in the caller's transaction (PATCH and Excel import), audited. */
export async function applyLocationUpdate(
  tx: DbOrTx,
  actor: Actor,
  before: repo.LocationRowType,
  patch: LocationUpdate,
): Promise<void> {
  if (patch.parentId !== undefined && patch.parentId !== before.parent_id) {
    const type = before.type as Location['type'];
    await checkParent(tx, actor, before.site_id, type, patch.parentId, before.id);
  }
  if (patch.active === false) {
    const activeChild = await tx
      .selectFrom('locations')
      .select('id')
      .where('org_id', '=', actor.orgId)
      .where('parent_id', '=', before.id)
      .where('active', '=', 1)
      .executeTakeFirst();
    if (activeChild)
      throw conflict({ zh: '请先停用其下级位置', en: 'Deactivate its child locations first' });
  }
  try {
    await tx
      .updateTable('locations')
      .set({
        ...(patch.parentId !== undefined && { parent_id: patch.parentId }),
        ...(patch.code !== undefined && { code: patch.code }),
        ...(patch.name !== undefined && { name: patch.name }),
        ...(patch.areaM2 !== undefined && { area_m2: patch.areaM2 }),
        ...(patch.sortOrder !== undefined && { sort_order: patch.sortOrder }),
        ...(patch.active !== undefined && { active: patch.active ? 1 : 0 }),
        updated_at: new Date().toISOString(),
      })
      .where('org_id', '=', actor.orgId)
      .where('id', '=', before.id)
      .execute();
  } catch (err) {
    if (isUniqueViolation(err)) throw codeTaken(patch.code ?? '');
    throw err;
  }
  await recordAudit(tx, actor, {
    action: 'update',
    entityType: 'location',
    entityId: before.id,
    siteId: before.site_id,
    before: auditView(before),
    after: patch,
  });
}

export async function updateLocation(
  db: Db,
  actor: Actor,
  id: string,
  patch: LocationUpdate,
): Promise<Location> {
  await db.transaction().execute(async (tx) => {
    await applyLocationUpdate(tx, actor, await visibleRow(tx, actor, id, LocationP.manage), patch);
  });
  return getLocation(db, actor, id);
}

/** Issues a new QR token: old printed labels stop working (e.g. after a label was copied). */
export async function regenerateQrToken(db: Db, actor: Actor, id: string): Promise<Location> {
  await db.transaction().execute(async (tx) => {
    const before = await visibleRow(tx, actor, id, LocationP.manage);
    const token = newToken();
    await tx
      .updateTable('locations')
      .set({ qr_token: token, updated_at: new Date().toISOString() })
      .where('id', '=', id)
      .execute();
    await recordAudit(tx, actor, {
      action: 'regenerate_qr',
      entityType: 'location',
      entityId: id,
      siteId: before.site_id,
    });
  });
  return getLocation(db, actor, id);
}
