import type { Transaction } from 'kysely';
import type { Actor } from '../../../platform/context.ts';
import type { Database } from '../../../platform/db/database.ts';
import { badRequest, conflict } from '../../../platform/errors.ts';
import { registerFoundItems } from '../register/index.ts';
import type { StocktakeRow } from './access.ts';
import type { SurplusRegister } from './schema.ts';

/*
 * 盘盈入账: on closing, the surplus entries the manager accepts become asset
 * cards through the register's own write path (one 'register' operation,
 * approved when the organisation's settings say so), with the name, tag and
 * place the counter recorded and the category (and department, value) the
 * manager gives. Each entry then points at its card. Runs in the closing's
 * transaction: a refused card leaves the whole stock-take counting.
 */

type Tx = Transaction<Database>;

/** The 'register' operation's id, or null when nothing was accepted. */
export async function registerSurplus(
  tx: Tx,
  actor: Actor,
  st: StocktakeRow,
  accepted: SurplusRegister[],
  reason: string,
  now: Date,
): Promise<string | null> {
  if (!accepted.length) return null;
  const entries = await tx
    .selectFrom('ast_stocktake_surplus')
    .select(['id', 'name', 'tag_no', 'location_id', 'asset_id'])
    .where('org_id', '=', actor.orgId)
    .where('stocktake_id', '=', st.id)
    .where(
      'id',
      'in',
      accepted.map((a) => a.surplusId),
    )
    .execute();
  const byId = new Map(entries.map((e) => [e.id, e]));
  const items = accepted.map((a) => {
    const e = byId.get(a.surplusId);
    if (!e)
      throw badRequest({
        zh: '盘盈记录不存在或不属于本次盘点',
        en: 'A surplus entry does not exist or belongs to another stock-take',
      });
    if (e.asset_id)
      throw conflict({
        zh: `「${e.name}」已有资产卡片，无需再登记`,
        en: `"${e.name}" already has an asset card`,
      });
    return {
      name: e.name,
      tagNo: e.tag_no,
      categoryId: a.categoryId,
      locationId: e.location_id,
      departmentId: a.departmentId ?? null,
      unitPriceFen: a.unitPriceFen,
    };
  });
  const done = await registerFoundItems(tx, actor, st.site_id, items, now, `${reason}（盘盈入账）`);
  for (const [i, a] of accepted.entries())
    await tx
      .updateTable('ast_stocktake_surplus')
      .set({ asset_id: done.assets[i]!.id })
      .where('id', '=', a.surplusId)
      .execute();
  return done.operation.id;
}
