import type { Transaction } from 'kysely';
import { recordAudit } from '../../../platform/audit/record-audit.ts';
import type { Actor } from '../../../platform/context.ts';
import type { Database } from '../../../platform/db/database.ts';
import type { Deps } from '../../../platform/deps.ts';
import { badRequest, conflict, forbidden, notFound } from '../../../platform/errors.ts';
import { KIND_LABELS } from '../operation-kinds.ts';
import { AssetsP } from '../policy.ts';
import { decideCompensations } from './decide-compensation.ts';
import { advance, type OperationData } from './apply-operation.ts';
import {
  assetLabel,
  insertOperation,
  loadSettings,
  needsApproval,
  updateAssetVersioned,
} from './core.ts';
import { assetNetValue } from './net-value.ts';
import { seesSite } from './operation-rules.ts';
import { checkAssets, checkTargets } from './check-operation.ts';
import { loadAssets, loadOperation, type AssetRow } from './load.ts';
import { tellApprovers } from './notify-operation.ts';
import { addDays, localToday, orgTimeZone } from './org-calendar.ts';
import { whoAmI, type Me } from './parties.ts';
import type { OperationCreate } from './schema.ts';

const ASSET = { zh: '资产', en: 'Asset' };
// Closing steps of a loan or a repair: the asset is already held by that record.
const CLOSING = new Set(['return', 'repaired']);

/**
 * Who starts which kind: a manager of the site any kind; a department head
 * hands their own department's assets back to the pool (release); a member
 * of staff asks to borrow for themselves, which always waits for an approver.
 */
function starter(
  actor: Actor,
  me: Me,
  input: OperationCreate,
  assets: AssetRow[],
  siteId: string,
  idle: IdleRequest | undefined,
): { forcedApproval: boolean; borrowerPersonId?: string } {
  if (actor.access.hasAt(AssetsP.manage, siteId)) return { forcedApproval: false };
  // A department head asks for idle assets for their own department (checked by the idle service).
  if (idle && input.kind === 'transfer' && actor.access.hasAt(AssetsP.sign, siteId))
    return { forcedApproval: false };
  if (
    input.kind === 'release' &&
    actor.access.hasAt(AssetsP.sign, siteId) &&
    me.departmentId &&
    assets.every((a) => a.department_id === me.departmentId)
  )
    return { forcedApproval: false };
  if (input.kind === 'lend' && actor.access.hasAt(AssetsP.request, siteId) && me.personId) {
    if (input.borrowerName || (input.borrowerPersonId && input.borrowerPersonId !== me.personId))
      throw forbidden({ zh: '只能为自己申请借用', en: 'You may ask to borrow for yourself only' });
    return { forcedApproval: true, borrowerPersonId: me.personId };
  }
  throw forbidden({
    zh: `您不能对这些资产办理「${KIND_LABELS[input.kind].zh}」`,
    en: `You may not start "${KIND_LABELS[input.kind].en}" on these assets`,
  });
}

/**
 * Starts an operation on one or more assets of one site, in one transaction:
 * checks every asset against the kind's rules and locks, numbers the record,
 * and either waits for an approver (the assets are held meanwhile) or takes
 * effect at once.
 */
/**
 * A department's request for idle assets (reuse before buying): a transfer of
 * idle assets only. A request whose assets lie at several sites becomes one
 * transfer per site; `requestValueFen` is then the whole request's net value,
 * and approval is decided on it, so splitting cannot slip a request under
 * the approval threshold.
 */
export type IdleRequest = {
  requestingDepartmentId: string;
  requestValueFen?: number;
  /** Set when the request became several transfers: one id on all of them. */
  requestId?: string;
};

export async function createOperation(
  deps: Pick<Deps, 'db' | 'config'>,
  actor: Actor,
  input: OperationCreate,
  now = new Date(),
  idle?: IdleRequest,
): Promise<string> {
  return deps.db
    .transaction()
    .execute((tx) => createOperationInTx(deps, tx, actor, input, now, idle));
}

/**
 * The same in the caller's transaction: a stock-take's closing writes the
 * campaign and every operation it starts together, or nothing.
 */
export async function createOperationInTx(
  deps: Pick<Deps, 'config'>,
  tx: Transaction<Database>,
  actor: Actor,
  input: OperationCreate,
  now = new Date(),
  idle?: IdleRequest,
): Promise<string> {
  if (new Set(input.assetIds).size !== input.assetIds.length)
    throw badRequest({ zh: '资产重复选择', en: 'An asset is listed twice' });
  const me = await whoAmI(tx, actor);
  const assets = await loadAssets(tx, actor.orgId, input.assetIds);
  if (assets.length !== input.assetIds.length || assets.some((a) => !seesSite(actor, a.site_id)))
    throw notFound(ASSET);
  const siteId = assets[0]!.site_id;
  if (assets.some((a) => a.site_id !== siteId))
    throw badRequest({
      zh: '一张业务单只能包含同一院区的资产',
      en: 'One operation holds assets of one site',
    });
  const who = starter(actor, me, input, assets, siteId, idle);
  await checkAssets(tx, actor, input, assets);
  const busy = idle && assets.find((a) => a.status !== 'idle' || a.open_operation_id);
  if (busy)
    throw conflict({
      zh: `资产「${assetLabel(busy)}」已不在闲置库中`,
      en: `Asset "${assetLabel(busy)}" is no longer in the idle pool`,
    });
  const { toDepartmentId } = await checkTargets(tx, actor, input, siteId, !!idle);
  const settings = await loadSettings(tx, actor.orgId);
  const today = localToday(await orgTimeZone(tx, actor.orgId), now);
  const borrowerPersonId = who.borrowerPersonId ?? input.borrowerPersonId ?? null;
  if (input.kind === 'lend' && !borrowerPersonId && !input.borrowerName)
    throw badRequest({ zh: '请选择借用人或填写借用人姓名', en: 'Name the borrower' });
  if (input.dueDate && input.dueDate < today)
    throw badRequest({ zh: '归还日期不能早于今天', en: 'The due date cannot be in the past' });
  if (input.workOrder && assets.length !== 1)
    throw badRequest({
      zh: '生成维修工单时一次送修一件资产',
      en: 'Send one asset at a time when raising a work order',
    });
  const lines = assets.map((a) => ({ asset: a, valueFen: assetNetValue(a, today) }));
  const total = lines.reduce((s, l) => s + l.valueFen, 0);
  const approvalValue = Math.max(total, idle?.requestValueFen ?? 0);
  const approval =
    who.forcedApproval ||
    (!CLOSING.has(input.kind) && needsApproval(settings, input.kind, approvalValue));
  if (approval && input.compensations?.length)
    throw badRequest({
      zh: '赔偿由审批人在审批时确定',
      en: 'The approver decides the compensation when approving',
    });
  if (!approval && input.compensations?.length && !actor.access.hasAt(AssetsP.approve, siteId))
    throw forbidden({
      zh: '确定赔偿需要资产审批权限',
      en: 'Deciding a compensation needs assets:approve',
    });
  const data: OperationData = {
    ...(idle && { idleRequest: true }),
    ...(idle?.requestId && { idleRequestId: idle.requestId }),
    ...(input.condition && { condition: input.condition }),
    ...(input.workOrder && { workOrder: input.workOrder }),
  };
  const holders = [...new Set(assets.map((a) => a.open_operation_id))];
  // Provisionally waiting: takeEffect/advance below move it on within this transaction.
  const { id } = await insertOperation(
    tx,
    actor,
    {
      kind: input.kind,
      status: 'pending_approval',
      siteId,
      reason: input.reason ?? null,
      requestingDepartmentId: idle?.requestingDepartmentId ?? null,
      toSiteId: input.toSiteId ?? null,
      toLocationId: input.toLocationId ?? null,
      toDepartmentId,
      toCustodianPersonId: input.toCustodianPersonId ?? null,
      borrowerPersonId,
      borrowerName: borrowerPersonId ? null : (input.borrowerName ?? null),
      dueDate: input.kind === 'lend' ? (input.dueDate ?? addDays(today, settings.loanDays)) : null,
      lendOperationId: CLOSING.has(input.kind) && holders.length === 1 ? holders[0] : null,
      data,
      lines,
    },
    now,
  );
  const op = await loadOperation(tx, actor.orgId, id);
  const at = now.toISOString();
  const ctx = { deps, tx, actor, now };
  if (approval) {
    // Held until decided; an asset already held by its loan or repair stays so (its version still moves, so two reports at once cannot both pass).
    for (const a of assets)
      await updateAssetVersioned(
        tx,
        actor.orgId,
        a,
        { open_operation_id: a.open_operation_id ?? id },
        at,
      );
    await tellApprovers(tx, deps, actor, op);
  } else {
    await decideCompensations(tx, actor, op, input.compensations ?? [], at);
    await advance(ctx, op, assets);
  }
  await recordAudit(tx, actor, {
    action: 'create',
    entityType: 'asset_operation',
    entityId: id,
    siteId,
    after: { ...op, assetIds: input.assetIds },
  });
  return id;
}
