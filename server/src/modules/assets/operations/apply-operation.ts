import type { Transaction, Updateable } from 'kysely';
import type { Actor } from '../../../platform/context.ts';
import type { Database } from '../../../platform/db/database.ts';
import { readJson } from '../../../platform/db/dialect.ts';
import type { Deps } from '../../../platform/deps.ts';
import { conflict } from '../../../platform/errors.ts';
import { KIND_RULES, type AssetStatus, type OperationKind } from '../operation-kinds.ts';
import type { AstAssetsTable, AstOperationsTable } from '../tables.ts';
import { assetLabel, recordAssetEvents, updateAssetVersioned, type AssetEvent } from './core.ts';
import { loadAssets, loadLines, loadOperations, type AssetRow } from './load.ts';
import { tellReceivers } from './notify-operation.ts';
import type { OperationRow } from './operation-rules.ts';
import { raiseRepairOrder, type RepairRequest } from './repair-work-order.ts';

export type ApplyContext = {
  deps: Pick<Deps, 'config'>;
  tx: Transaction<Database>;
  actor: Actor;
  now: Date;
};

/** What the request carried beyond the columns (kept in ast_operations.data). */
export type OperationData = {
  condition?: string;
  workOrder?: RepairRequest;
  idleRequest?: boolean;
  /** Shared by the transfers of one idle request split across sites (counted once as a reuse). */
  idleRequestId?: string;
  onBehalfNote?: string;
};

/**
 * Changes an operation only if nobody changed it since it was read: of two
 * approvers pressing at once, one wins and the other gets a 409. The row in
 * hand is brought up to date so the caller can go on with it.
 */
export async function updateOperationVersioned(
  ctx: Pick<ApplyContext, 'tx' | 'actor'>,
  op: OperationRow,
  patch: Updateable<AstOperationsTable>,
  at: string,
): Promise<void> {
  const result = await ctx.tx
    .updateTable('ast_operations')
    .set({ ...patch, version: op.version + 1, updated_at: at })
    .where('org_id', '=', ctx.actor.orgId)
    .where('id', '=', op.id)
    .where('version', '=', op.version)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1)
    throw conflict({
      zh: '该业务单刚被其他人处理，请刷新后再操作',
      en: 'Someone else just acted on this operation; reload it and try again',
    });
  Object.assign(op, patch, { version: op.version + 1, updated_at: at });
}

/** Frees the assets an operation held (rejected, cancelled). */
export async function releaseLocks(
  ctx: Pick<ApplyContext, 'tx' | 'actor'>,
  op: OperationRow,
  at: string,
) {
  const held = await ctx.tx
    .selectFrom('ast_assets')
    .select(['id', 'version', 'status'])
    .where('org_id', '=', ctx.actor.orgId)
    .where('open_operation_id', '=', op.id)
    .execute();
  // A registration refused or withdrawn: its cards waited as 'pending' and were never on
  // the register. They become 'void' (作废) — kept, with their timeline, so the refused
  // request can still be read, but no operation starts from them and no report counts them.
  const voiding = op.kind === 'register';
  const events: AssetEvent[] = [];
  for (const a of held) {
    const voided = voiding && a.status === 'pending';
    await updateAssetVersioned(
      ctx.tx,
      ctx.actor.orgId,
      a,
      { open_operation_id: null, ...(voided && { status: 'void' }) },
      at,
    );
    if (voided)
      events.push({
        assetId: a.id,
        operationId: op.id,
        action: 'void',
        from: a.status,
        to: 'void',
        note: op.approval_note,
        at,
      });
  }
  await recordAssetEvents(ctx.tx, ctx.actor, events);
}

/**
 * Moves an operation on once it may go ahead (no approval needed, or
 * approved). An assignment or transfer to a custodian or department then
 * waits for the receiver to sign, and only their confirmation changes the
 * register: until someone has signed for a desk, the one who had it still
 * answers for it (谁使用谁负责), so the card must not yet name the new holder.
 * Everything else takes effect now.
 */
export async function advance(
  ctx: ApplyContext,
  op: OperationRow,
  checked?: AssetRow[],
): Promise<void> {
  const rule = KIND_RULES[op.kind as OperationKind];
  if (rule.receipt && (op.to_department_id || op.to_custodian_person_id)) {
    const at = ctx.now.toISOString();
    await updateOperationVersioned(ctx, op, { status: 'pending_receipt' }, at);
    await lockLines(ctx, op, at, checked);
    await tellReceivers(ctx.tx, ctx.deps, ctx.actor, op);
    return;
  }
  await takeEffect(ctx, op, {}, checked);
}

/**
 * The assets an operation acts on, as they must be: either the rows its
 * creation checked (their versions make any change since a 409), or, for a
 * later step, rows still held by this operation or by the loan or repair
 * they are out on — anything else means someone got there first.
 */
async function assetsOf(ctx: ApplyContext, op: OperationRow, checked?: AssetRow[]) {
  if (checked) return checked;
  const lines = await loadLines(ctx.tx, ctx.actor.orgId, op.id);
  const assets = await loadAssets(
    ctx.tx,
    ctx.actor.orgId,
    lines.map((l) => l.assetId),
  );
  const holders = await loadOperations(
    ctx.tx,
    ctx.actor.orgId,
    assets.map((a) => a.open_operation_id).filter((id): id is string => !!id && id !== op.id),
  );
  for (const a of assets) {
    const held = a.open_operation_id === op.id;
    const out = !!a.open_operation_id && holders.get(a.open_operation_id)?.status === 'open';
    if (!held && !out)
      throw conflict({
        zh: `资产「${assetLabel(a)}」已被其他业务占用，请刷新后再操作`,
        en: `Asset "${assetLabel(a)}" was taken by another operation; reload and try again`,
      });
  }
  return assets;
}

/** Assets of the operation that are free become held by it (until received). */
async function lockLines(ctx: ApplyContext, op: OperationRow, at: string, checked?: AssetRow[]) {
  const assets = await assetsOf(ctx, op, checked);
  for (const a of assets) {
    if (a.open_operation_id === op.id) continue;
    await updateAssetVersioned(ctx.tx, ctx.actor.orgId, a, { open_operation_id: op.id }, at);
  }
}

function placeAndCustody(
  op: OperationRow,
  a: AssetRow,
  data: OperationData,
): Updateable<AstAssetsTable> {
  switch (op.kind) {
    case 'assign':
    case 'transfer': {
      const siteId = op.to_site_id ?? a.site_id;
      const departmentId = op.to_department_id ?? a.department_id;
      return {
        site_id: siteId,
        location_id: op.to_location_id ?? (siteId === a.site_id ? a.location_id : null),
        department_id: departmentId,
        // A new department without a named custodian: the old custodian no longer answers for it.
        custodian_person_id:
          op.to_custodian_person_id ??
          (departmentId === a.department_id ? a.custodian_person_id : null),
      };
    }
    case 'release':
      return {
        department_id: null,
        custodian_person_id: null,
        location_id: op.to_location_id ?? a.location_id,
        condition: data.condition ?? a.condition,
      };
    case 'return':
      return { condition: data.condition ?? a.condition };
    case 'repaired':
      return { condition: data.condition ?? 'good' };
    case 'damage':
      return { condition: data.condition ?? 'damaged' };
    case 'recover':
      return {
        condition: data.condition ?? a.condition,
        location_id: op.to_location_id ?? a.location_id,
      };
    default:
      return {};
  }
}

/** Kinds that end the loan or repair holding the asset (its line there is closed). */
const ENDS_HOLDER = new Set(['return', 'repaired', 'loss', 'dispose']);

/**
 * Applies the operation to every asset of its lines by KIND_RULES (status,
 * place, custody, condition), records each asset's timeline step, closes the
 * loan or repair lines it ends, and marks the operation done (or open, for a
 * loan or repair that waits for its return).
 */
export async function takeEffect(
  ctx: ApplyContext,
  op: OperationRow,
  extra: Updateable<AstOperationsTable>,
  checked?: AssetRow[],
): Promise<void> {
  const { tx, actor } = ctx;
  const at = ctx.now.toISOString();
  const kind = op.kind as OperationKind;
  const rule = KIND_RULES[kind];
  const data = readJson<OperationData>(op.data);
  const assets = await assetsOf(ctx, op, checked);
  const holderIds = assets
    .map((a) => a.open_operation_id)
    .filter((id): id is string => !!id && id !== op.id);
  const holders = await loadOperations(tx, actor.orgId, holderIds);
  const holderLines = holderIds.length
    ? await tx
        .selectFrom('ast_operation_lines')
        .select(['operation_id', 'asset_id', 'before'])
        .where('org_id', '=', actor.orgId)
        .where('operation_id', 'in', [...new Set(holderIds)])
        .where('returned_at', 'is', null)
        .execute()
    : [];
  const heldBefore = new Map(
    holderLines.map((l) => [
      `${l.operation_id}/${l.asset_id}`,
      readJson<{ status: string }>(l.before),
    ]),
  );
  const touched = new Set<string>();
  const events: AssetEvent[] = [];
  for (const a of assets) {
    const holder =
      a.open_operation_id && a.open_operation_id !== op.id
        ? holders.get(a.open_operation_id)
        : undefined;
    let status: string = a.status;
    if (rule.to === 'restore') {
      status = (holder && heldBefore.get(`${holder.id}/${a.id}`)?.status) ?? 'idle';
    } else if (kind === 'register') {
      // An approved registration: in use where it was registered to a department.
      status = a.department_id ? 'in_use' : 'idle';
    } else if (rule.to !== 'same') status = rule.to as AssetStatus;
    const endsHolder = !!holder && ENDS_HOLDER.has(kind);
    const keepsHolder = !!holder && !endsHolder;
    const patch: Updateable<AstAssetsTable> = {
      ...placeAndCustody(op, a, data),
      status,
      open_operation_id: rule.staysOpen ? op.id : keepsHolder ? a.open_operation_id : null,
      ...(kind === 'dispose' && { disposed_at: at }),
    };
    await updateAssetVersioned(tx, actor.orgId, a, patch, at);
    if (endsHolder) {
      await tx
        .updateTable('ast_operation_lines')
        .set({ returned_at: at })
        .where('org_id', '=', actor.orgId)
        .where('operation_id', '=', holder.id)
        .where('asset_id', '=', a.id)
        .execute();
      touched.add(holder.id);
    }
    events.push({
      assetId: a.id,
      operationId: op.id,
      action: kind,
      from: a.status,
      to: status,
      note: op.reason,
      data: changes(a, patch),
      at,
    });
  }
  await recordAssetEvents(tx, actor, events);
  for (const id of touched) await closeHolderIfDone(ctx, holders.get(id)!, at);
  let workOrderId: string | null = op.work_order_id;
  if (kind === 'repair' && data.workOrder && !workOrderId)
    workOrderId = await raiseRepairOrder(
      ctx.deps,
      tx,
      actor,
      assets[0]!,
      data.workOrder,
      op.number,
      ctx.now,
    );
  await updateOperationVersioned(
    ctx,
    op,
    {
      ...extra,
      status: rule.staysOpen ? 'open' : 'done',
      completed_at: rule.staysOpen ? null : at,
      work_order_id: workOrderId,
    },
    at,
  );
}

/** A loan (or repair) is done when its last asset is back. */
async function closeHolderIfDone(ctx: ApplyContext, holder: OperationRow, at: string) {
  const open = await ctx.tx
    .selectFrom('ast_operation_lines')
    .select('asset_id')
    .where('org_id', '=', ctx.actor.orgId)
    .where('operation_id', '=', holder.id)
    .where('returned_at', 'is', null)
    .executeTakeFirst();
  if (!open) await updateOperationVersioned(ctx, holder, { status: 'done', completed_at: at }, at);
}

/** The fields an operation changed on an asset, for its timeline. */
function changes(a: AssetRow, patch: Updateable<AstAssetsTable>) {
  const out: Record<string, { from: unknown; to: unknown }> = {};
  for (const [k, v] of Object.entries(patch)) {
    if (k === 'open_operation_id' || k === 'status') continue;
    const from = (a as Record<string, unknown>)[k];
    if (from !== v) out[k] = { from, to: v };
  }
  return out;
}
