import { sql } from 'kysely';
import { recordAudit } from '../../../platform/audit/record-audit.ts';
import type { Actor } from '../../../platform/context.ts';
import type { DialectName } from '../../../platform/db/connect.ts';
import { columnTypes, writeJson } from '../../../platform/db/dialect.ts';
import type { Deps } from '../../../platform/deps.ts';
import { badRequest, forbidden, notFound } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { nextNumber } from '../../../platform/numbering/next-number.ts';
import { categorySubtree, locationSubtree } from '../register/index.ts';
import { mayManage } from './access.ts';
import type { StocktakeCreate } from './schema.ts';

export const STOCKTAKE_NUMBERING = {
  docType: 'asset_stocktake',
  format: { prefix: 'PD', digits: 5 },
};

/** A bound value typed for Postgres (an untyped parameter in INSERT … SELECT is text there). */
const typed = (dialect: DialectName, value: string, type: 'id' | 'instant') =>
  sql<string>`cast(${value} as ${sql.raw(columnTypes(dialect)[type])})`;

/**
 * Starts a campaign: the expected list is every asset of the scope that has
 * not been disposed of, copied with its place and department as they stand
 * now, in one INSERT … SELECT (100,000 desks take well under a second).
 */
export async function createStocktake(
  deps: Pick<Deps, 'db' | 'dialect'>,
  actor: Actor,
  input: StocktakeCreate,
  now = new Date(),
): Promise<string> {
  const { db, dialect } = deps;
  if (!mayManage(actor, input.siteId))
    throw forbidden({
      zh: '您不能在该院区发起盘点',
      en: 'You may not start a stock-take at that site',
    });
  const { scope } = input;
  if (scope.buildingId && scope.locationId)
    throw badRequest({ zh: '请选择楼宇或位置之一', en: 'Choose a building or a place, not both' });
  return db.transaction().execute(async (tx) => {
    const site = await tx
      .selectFrom('sites')
      .select('id')
      .where('org_id', '=', actor.orgId)
      .where('id', '=', input.siteId)
      .executeTakeFirst();
    if (!site) throw notFound({ zh: '院区', en: 'Site' });
    const placeId = scope.buildingId ?? scope.locationId;
    if (placeId) {
      const place = await tx
        .selectFrom('locations')
        .select('site_id')
        .where('org_id', '=', actor.orgId)
        .where('id', '=', placeId)
        .executeTakeFirst();
      if (!place) throw notFound({ zh: '位置', en: 'Location' });
      if (place.site_id !== input.siteId)
        throw badRequest({ zh: '位置不在所选院区', en: 'The place is not at the chosen site' });
    }
    const at = now.toISOString();
    const id = newId();
    const number = await nextNumber(tx, {
      orgId: actor.orgId,
      docType: STOCKTAKE_NUMBERING.docType,
      defaultFormat: STOCKTAKE_NUMBERING.format,
      at: now,
    });
    await tx
      .insertInto('ast_stocktakes')
      .values({
        id,
        org_id: actor.orgId,
        site_id: input.siteId,
        number,
        name: input.name,
        scope: writeJson(scope),
        status: 'counting',
        expected_count: 0,
        created_by: actor.userId,
        started_at: at,
        closed_at: null,
        adjust_operation_id: null,
        operation_ids: null,
        version: 1,
        created_at: at,
        updated_at: at,
      })
      .execute();
    let expected = tx
      .selectFrom('ast_assets as a')
      .where('a.org_id', '=', actor.orgId)
      .where('a.site_id', '=', input.siteId)
      .where('a.status', 'not in', ['disposed', 'void']);
    if (placeId)
      expected = expected.where('a.location_id', 'in', locationSubtree(tx, actor.orgId, placeId));
    if (scope.departmentId) expected = expected.where('a.department_id', '=', scope.departmentId);
    if (scope.categoryId)
      expected = expected.where(
        'a.category_id',
        'in',
        categorySubtree(tx, actor.orgId, scope.categoryId),
      );
    const inserted = await tx
      .insertInto('ast_stocktake_lines')
      .columns([
        'stocktake_id',
        'asset_id',
        'org_id',
        'expected_location_id',
        'expected_department_id',
        'result',
        'value_fen',
      ])
      .expression(
        expected.select([
          typed(dialect, id, 'id').as('stocktake_id'),
          'a.id',
          'a.org_id',
          'a.location_id',
          'a.department_id',
          sql.lit('pending').as('result'),
          'a.original_value_fen',
        ]),
      )
      .executeTakeFirst();
    const count = Number(inserted.numInsertedOrUpdatedRows ?? 0);
    await tx
      .updateTable('ast_stocktakes')
      .set({ expected_count: count })
      .where('id', '=', id)
      .execute();
    await recordAudit(tx, actor, {
      action: 'create',
      entityType: 'asset_stocktake',
      entityId: id,
      siteId: input.siteId,
      after: { number, name: input.name, scope, expectedCount: count },
    });
    return id;
  });
}
