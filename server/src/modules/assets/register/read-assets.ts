import type { Actor } from '../../../platform/context.ts';
import type { DbOrTx, DialectName } from '../../../platform/db/connect.ts';
import { readJson } from '../../../platform/db/dialect.ts';
import { notFound } from '../../../platform/errors.ts';
import { todayIn } from '../../../platform/excel/workbook.ts';
import { getOrganization } from '../../org/index.ts';
import { accumulatedDepreciation, monthlyCharge } from '../depreciation.ts';
import { AssetsP } from '../policy.ts';
import { findCategoryRow } from './categories.ts';
import {
  assetFromRow,
  depreciableOf,
  findVisibleAsset,
  listAssetRows,
  type JoinedAsset,
} from './repository.ts';
import type { AssetDetail, AssetListFilter, FieldDef } from './schema.ts';
import { ASSET } from './update-asset.ts';
import { assetVisibility, seesNothing } from './visibility.ts';

/** Today (YYYY-MM-DD) in the organisation's time zone: the date net values are shown at. */
export async function orgToday(db: DbOrTx, orgId: string): Promise<string> {
  return todayIn((await getOrganization(db, orgId)).timezone);
}

/** One page of the register, as the viewer may see it. */
export async function listAssets(
  db: DbOrTx,
  dialect: DialectName,
  actor: Actor,
  f: AssetListFilter,
) {
  const visibility = await assetVisibility(db, actor);
  const empty = { items: [], total: 0, totalCapped: false, page: f.page, pageSize: f.pageSize };
  if (seesNothing(visibility)) return empty;
  const [today, { rows, total, capped }] = await Promise.all([
    orgToday(db, actor.orgId),
    listAssetRows(db, dialect, actor.orgId, visibility, f, {
      limit: f.pageSize,
      offset: (f.page - 1) * f.pageSize,
      count: true,
    }),
  ]);
  return {
    items: rows.map((r) => assetFromRow(r, today)),
    total,
    totalCapped: capped,
    page: f.page,
    pageSize: f.pageSize,
  };
}

async function detailOf(db: DbOrTx, actor: Actor, row: JoinedAsset): Promise<AssetDetail> {
  const [today, category, events, operations] = await Promise.all([
    orgToday(db, actor.orgId),
    findCategoryRow(db, actor.orgId, row.category_id),
    db
      .selectFrom('ast_events')
      .selectAll()
      .where('org_id', '=', actor.orgId)
      .where('asset_id', '=', row.id)
      .orderBy('at', 'asc')
      .orderBy('id', 'asc')
      .execute(),
    db
      .selectFrom('ast_operation_lines as ol')
      .innerJoin('ast_operations as o', 'o.id', 'ol.operation_id')
      .select([
        'o.id',
        'o.number',
        'o.kind',
        'o.status',
        'o.requested_at',
        'o.completed_at',
        'ol.value_fen',
      ])
      .where('ol.org_id', '=', actor.orgId)
      .where('ol.asset_id', '=', row.id)
      .orderBy('o.requested_at', 'desc')
      .execute(),
  ]);
  const dep = depreciableOf(row);
  return {
    ...assetFromRow(row, today),
    accumulatedDepreciationFen: accumulatedDepreciation(dep, today),
    monthlyDepreciationFen: monthlyCharge(dep, today.slice(0, 7)),
    categoryFields: category ? (readJson<FieldDef[]>(category.fields) ?? []) : [],
    events: events.map((e) => ({
      id: e.id,
      action: e.action,
      operationId: e.operation_id,
      fromStatus: e.from_status,
      toStatus: e.to_status,
      actorName: e.actor_name,
      note: e.note,
      data: readJson(e.data),
      at: e.at,
    })),
    operations: operations.map((o) => ({
      id: o.id,
      number: o.number,
      kind: o.kind,
      status: o.status,
      requestedAt: o.requested_at,
      completedAt: o.completed_at,
      valueFen: Number(o.value_fen),
    })),
    canManage: actor.access.hasAt(AssetsP.manage, row.site_id),
  };
}

/**
 * A card with its net value, accumulated depreciation, timeline and
 * operations, found by id, by the number on its label, or by its QR token
 * (a phone scanning the label). A card the viewer may not see is a 404.
 */
export async function getAssetDetail(
  db: DbOrTx,
  actor: Actor,
  by: { column: 'a.id' | 'a.tag_no' | 'a.qr_token'; value: string },
): Promise<AssetDetail> {
  const visibility = await assetVisibility(db, actor);
  const row = seesNothing(visibility)
    ? undefined
    : await findVisibleAsset(db, actor.orgId, visibility, by);
  if (!row) throw notFound(ASSET);
  return detailOf(db, actor, row);
}
