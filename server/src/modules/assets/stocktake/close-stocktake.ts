import type { Transaction } from 'kysely';
import { recordAudit } from '../../../platform/audit/record-audit.ts';
import type { Actor } from '../../../platform/context.ts';
import type { Database } from '../../../platform/db/database.ts';
import { readJson, writeJson } from '../../../platform/db/dialect.ts';
import type { Deps } from '../../../platform/deps.ts';
import { AppError, conflict, forbidden } from '../../../platform/errors.ts';
import {
  assetNetValue,
  createOperationInTx,
  insertOperation,
  loadSettings,
  localToday,
  needsApproval,
  orgTimeZone,
  recordAssetEvents,
  updateAssetVersioned,
} from '../operations/index.ts';
import { loadStocktake, mayManage, type StocktakeRow } from './access.ts';
import type { CloseInput } from './schema.ts';
import { registerSurplus } from './register-surplus.ts';

/*
 * Closing a campaign: whatever was not counted is missing; the differences
 * become asset operations, one per kind, so the register changes only the
 * way it always does (with the organisation's approval rules):
 *   missing → loss (报失), damaged → damage (报损), found but recorded lost →
 *   recover (找回), found elsewhere → adjust (盘点调整, the place is corrected),
 *   surplus the manager accepts → register (盘盈入账, new cards).
 * The campaign waits in 'closing' while an operation waits for an approver,
 * and is 'closed' once none does.
 */

type Tx = Transaction<Database>;
const WAITING = ['pending_approval', 'pending_receipt'];

async function versioned(tx: Tx, st: StocktakeRow, patch: Record<string, unknown>, at: string) {
  const res = await tx
    .updateTable('ast_stocktakes')
    .set({ ...patch, version: st.version + 1, updated_at: at })
    .where('id', '=', st.id)
    .where('version', '=', st.version)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1)
    throw conflict({
      zh: '该盘点刚被其他人处理，请刷新后再操作',
      en: 'Someone else just acted on this stock-take; reload it and try again',
    });
}

export async function closeStocktake(
  deps: Pick<Deps, 'db' | 'config'>,
  actor: Actor,
  id: string,
  input: CloseInput,
  now = new Date(),
): Promise<void> {
  const note = input.note || undefined;
  await deps.db.transaction().execute(async (tx) => {
    const st = await loadStocktake(tx, actor, id);
    if (!mayManage(actor, st.site_id))
      throw forbidden({ zh: '您不能结束该盘点', en: 'You may not close this stock-take' });
    if (st.status !== 'counting')
      throw conflict({ zh: '该盘点已不在盘点中', en: 'This stock-take is no longer counting' });
    const at = now.toISOString();
    await tx
      .updateTable('ast_stocktake_lines')
      .set({ result: 'missing' })
      .where('stocktake_id', '=', id)
      .where('result', '=', 'pending')
      .execute();
    const lines = await tx
      .selectFrom('ast_stocktake_lines as l')
      .innerJoin('ast_assets as a', 'a.id', 'l.asset_id')
      .select(['l.asset_id', 'l.result', 'l.found_location_id', 'a.status', 'a.open_operation_id'])
      .where('l.stocktake_id', '=', id)
      .where('l.result', '<>', 'found')
      .execute();
    const recovered = await tx
      .selectFrom('ast_stocktake_lines as l')
      .innerJoin('ast_assets as a', 'a.id', 'l.asset_id')
      .select('l.asset_id')
      .where('l.stocktake_id', '=', id)
      .where('l.result', 'in', ['found', 'wrong_place', 'damaged'])
      .where('a.status', '=', 'lost')
      .execute();
    const reason = `盘点 ${st.number} ${st.name}${note ? `：${note}` : ''}`;
    const ops: string[] = [];
    const run = async (kind: 'loss' | 'damage' | 'recover', assetIds: string[]) => {
      if (!assetIds.length) return;
      ops.push(
        await createOperationInTx(
          deps,
          tx,
          actor,
          { kind, assetIds, reason, ...(kind === 'damage' && { condition: 'damaged' as const }) },
          now,
        ),
      );
    };
    const lostAlready = new Set(['lost', 'disposed']);
    await run(
      'loss',
      lines
        .filter((l) => l.result === 'missing' && !lostAlready.has(l.status))
        .map((l) => l.asset_id),
    );
    await run(
      'damage',
      lines.filter((l) => l.result === 'damaged' && l.status !== 'lost').map((l) => l.asset_id),
    );
    await run(
      'recover',
      recovered.map((r) => r.asset_id),
    );
    const moved = lines.filter(
      (l) => l.result === 'wrong_place' && l.status !== 'lost' && !l.open_operation_id,
    );
    if (moved.length) ops.push(await startAdjust(tx, actor, st, moved, reason, now));
    const registered = await registerSurplus(
      tx,
      actor,
      st,
      input.registerSurplus ?? [],
      reason,
      now,
    );
    if (registered) ops.push(registered);
    await versioned(
      tx,
      st,
      { status: 'closing', operation_ids: writeJson(ops), adjust_operation_id: ops[0] ?? null },
      at,
    );
    await recordAudit(tx, actor, {
      action: 'close',
      entityType: 'asset_stocktake',
      entityId: id,
      siteId: st.site_id,
      after: {
        operations: ops,
        note: note ?? null,
        registeredSurplus: (input.registerSurplus ?? []).map((r) => r.surplusId),
      },
    });
    await settle(
      tx,
      actor,
      { ...st, status: 'closing', version: st.version + 1, operation_ids: writeJson(ops) },
      now,
    );
  });
}

/**
 * Place corrections: an 'adjust' operation. The operations area applies no
 * place change for this kind, so the campaign moves the assets itself once the
 * operation is done (at once, or when settled after its approval).
 */
async function startAdjust(
  tx: Tx,
  actor: Actor,
  st: StocktakeRow,
  moved: { asset_id: string }[],
  reason: string,
  now: Date,
): Promise<string> {
  const assets = await tx
    .selectFrom('ast_assets')
    .selectAll()
    .where('org_id', '=', actor.orgId)
    .where(
      'id',
      'in',
      moved.map((m) => m.asset_id),
    )
    .execute();
  const today = localToday(await orgTimeZone(tx, actor.orgId), now);
  const lines = assets.map((a) => ({ asset: a, valueFen: assetNetValue(a, today) }));
  const total = lines.reduce((s, l) => s + l.valueFen, 0);
  const approval = needsApproval(await loadSettings(tx, actor.orgId), 'adjust', total);
  const at = now.toISOString();
  const { id } = await insertOperation(
    tx,
    actor,
    {
      kind: 'adjust',
      status: approval ? 'pending_approval' : 'done',
      siteId: st.site_id,
      reason,
      data: { stocktakeId: st.id },
      lines,
    },
    now,
  );
  // Held while it waits, like any operation; the approval then runs the operations' own step.
  if (approval)
    for (const a of assets)
      await updateAssetVersioned(tx, actor.orgId, a, { open_operation_id: id }, at);
  return id;
}

/** Corrects the place of each wrong-place asset of a done adjustment, on its timeline. */
async function applyPlaces(tx: Tx, actor: Actor, st: StocktakeRow, opId: string, at: string) {
  const rows = await tx
    .selectFrom('ast_stocktake_lines as l')
    .innerJoin('ast_operation_lines as ol', (j) =>
      j.onRef('ol.asset_id', '=', 'l.asset_id').on('ol.operation_id', '=', opId),
    )
    .innerJoin('ast_assets as a', 'a.id', 'l.asset_id')
    .select(['a.id', 'a.version', 'a.location_id', 'l.found_location_id'])
    .where('l.stocktake_id', '=', st.id)
    .where('l.result', '=', 'wrong_place')
    .execute();
  const events = [];
  for (const r of rows) {
    if (r.location_id === r.found_location_id) continue;
    await updateAssetVersioned(tx, actor.orgId, r, { location_id: r.found_location_id }, at);
    events.push({
      assetId: r.id,
      operationId: opId,
      action: 'adjust',
      from: null,
      to: null,
      data: { location_id: { from: r.location_id, to: r.found_location_id } },
      at,
    });
  }
  await recordAssetEvents(tx, actor, events);
}

/**
 * A closing campaign becomes closed once none of its operations waits for
 * an approver or a signature; the place corrections are applied then.
 */
export async function settle(tx: Tx, actor: Actor, st: StocktakeRow, now = new Date()) {
  if (st.status !== 'closing') return false;
  const ids = st.operation_ids ? readJson<string[]>(st.operation_ids) : [];
  const ops = ids.length
    ? await tx
        .selectFrom('ast_operations')
        .select(['id', 'kind', 'status'])
        .where('id', 'in', ids)
        .execute()
    : [];
  if (ops.some((o) => WAITING.includes(o.status))) return false;
  const at = now.toISOString();
  for (const o of ops)
    if (o.kind === 'adjust' && o.status === 'done') await applyPlaces(tx, actor, st, o.id, at);
  await versioned(tx, st, { status: 'closed', closed_at: at }, at);
  await recordAudit(tx, actor, {
    action: 'closed',
    entityType: 'asset_stocktake',
    entityId: st.id,
    siteId: st.site_id,
    after: { operations: ops.map((o) => ({ id: o.id, status: o.status })) },
  });
  return true;
}

/** Called when a closing campaign is read: it may have become closed since. */
export async function settleIfDue(deps: Pick<Deps, 'db'>, actor: Actor, id: string) {
  const st = await loadStocktake(deps.db, actor, id);
  if (st.status !== 'closing') return;
  // Two readers at once: one settles, the other's versioned update loses — harmless, it is settled.
  await deps.db
    .transaction()
    .execute(async (tx) => settle(tx, actor, await loadStocktake(tx, actor, id)))
    .catch((err: unknown) => {
      if (!(err instanceof AppError && err.status === 409)) throw err;
    });
}

export async function cancelStocktake(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  id: string,
  note: string | undefined,
  now = new Date(),
) {
  await deps.db.transaction().execute(async (tx) => {
    const st = await loadStocktake(tx, actor, id);
    if (!mayManage(actor, st.site_id))
      throw forbidden({ zh: '您不能撤销该盘点', en: 'You may not cancel this stock-take' });
    if (st.status !== 'counting')
      throw conflict({
        zh: '只能撤销盘点中的盘点',
        en: 'Only a stock-take still counting can be cancelled',
      });
    const at = now.toISOString();
    await versioned(tx, st, { status: 'cancelled', closed_at: at }, at);
    await recordAudit(tx, actor, {
      action: 'cancel',
      entityType: 'asset_stocktake',
      entityId: id,
      siteId: st.site_id,
      after: { note: note ?? null },
    });
  });
}
