import type { Selectable } from 'kysely';
import type { DbOrTx } from '../../../platform/db/connect.ts';
import { readJson } from '../../../platform/db/dialect.ts';
import { notFound } from '../../../platform/errors.ts';
import type { AstAssetsTable } from '../tables.ts';
import type { AssetBefore } from './core.ts';
import type { OperationRow } from './operation-rules.ts';

export type AssetRow = Selectable<AstAssetsTable>;
export const OPERATION = { zh: '资产业务单', en: 'Asset operation' };

export async function loadOperation(db: DbOrTx, orgId: string, id: string): Promise<OperationRow> {
  const op = await db
    .selectFrom('ast_operations')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!op) throw notFound(OPERATION);
  return op;
}

/** Assets by id, in the caller's order (chunked: SQLite caps bound parameters). */
export async function loadAssets(db: DbOrTx, orgId: string, ids: readonly string[]) {
  const rows: AssetRow[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    rows.push(
      ...(await db
        .selectFrom('ast_assets')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('id', 'in', ids.slice(i, i + 500))
        .execute()),
    );
  }
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is AssetRow => !!r);
}

export type LineRow = {
  assetId: string;
  before: AssetBefore;
  valueFen: number;
  returnedAt: string | null;
};

export async function loadLines(
  db: DbOrTx,
  orgId: string,
  operationId: string,
): Promise<LineRow[]> {
  const rows = await db
    .selectFrom('ast_operation_lines')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('operation_id', '=', operationId)
    .execute();
  return rows.map((r) => ({
    assetId: r.asset_id,
    before: readJson<AssetBefore>(r.before),
    valueFen: Number(r.value_fen),
    returnedAt: r.returned_at,
  }));
}

/** Operations by id (the ones holding some assets). */
export async function loadOperations(db: DbOrTx, orgId: string, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, OperationRow>();
  const rows = await db
    .selectFrom('ast_operations')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}
