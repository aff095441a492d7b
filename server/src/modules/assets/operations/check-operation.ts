import type { Transaction } from 'kysely';
import type { Actor } from '../../../platform/context.ts';
import type { Database } from '../../../platform/db/database.ts';
import { badRequest, conflict, forbidden } from '../../../platform/errors.ts';
import { KIND_RULES, refusal, type AssetStatus } from '../operation-kinds.ts';
import { AssetsP } from '../policy.ts';
import { assetLabel } from './core.ts';
import { loadOperations, type AssetRow } from './load.ts';
import { checkDepartment, checkLocation, checkSite, findPerson } from './parties.ts';
import type { OperationCreate } from './schema.ts';

/*
 * The checks a new operation passes before anything is written: each asset's
 * status and locks, and the destination, borrower and repair order its kind
 * needs. They run inside the creating transaction.
 */

/** Each asset may take this kind now: its status, and no other operation under way on it. */
export async function checkAssets(
  tx: Transaction<Database>,
  actor: Actor,
  input: OperationCreate,
  assets: AssetRow[],
) {
  const rule = KIND_RULES[input.kind];
  for (const a of assets)
    if (!(rule.from as readonly string[]).includes(a.status))
      throw conflict(refusal(input.kind, a.status as AssetStatus, assetLabel(a)));
  const holders = await loadOperations(
    tx,
    actor.orgId,
    assets.map((a) => a.open_operation_id).filter((id): id is string => !!id),
  );
  for (const a of assets) {
    const h = a.open_operation_id ? holders.get(a.open_operation_id) : undefined;
    const heldOpen = h?.status === 'open';
    const mustBeHeldBy =
      input.kind === 'return' ? 'lend' : input.kind === 'repaired' ? 'repair' : null;
    if (mustBeHeldBy && (!heldOpen || h.kind !== mustBeHeldBy))
      throw conflict({
        zh: `资产「${assetLabel(a)}」没有未结的${mustBeHeldBy === 'lend' ? '借用' : '送修'}记录`,
        en: `Asset "${assetLabel(a)}" has no open ${mustBeHeldBy === 'lend' ? 'loan' : 'repair'}`,
      });
    if (h && !heldOpen)
      throw conflict({
        zh: `资产「${assetLabel(a)}」正在办理 ${h.number}，请待其完成或撤销后再操作`,
        en: `Asset "${assetLabel(a)}" is on operation ${h.number} under way; finish or cancel it first`,
      });
  }
  // A loaned or repaired asset stays held by that record, so a second report on it
  // is caught by looking for operations still waiting for approval.
  const pending = await tx
    .selectFrom('ast_operation_lines as l')
    .innerJoin('ast_operations as o', 'o.id', 'l.operation_id')
    .select(['o.number', 'l.asset_id'])
    .where('l.org_id', '=', actor.orgId)
    .where(
      'l.asset_id',
      'in',
      assets.map((a) => a.id),
    )
    .where('o.status', 'in', ['pending_approval', 'pending_receipt'])
    .executeTakeFirst();
  if (pending) {
    const a = assets.find((x) => x.id === pending.asset_id)!;
    throw conflict({
      zh: `资产「${assetLabel(a)}」正在办理 ${pending.number}，请待其完成或撤销后再操作`,
      en: `Asset "${assetLabel(a)}" is on operation ${pending.number} under way; finish or cancel it first`,
    });
  }
}

/**
 * The destination, borrower and repair order each kind needs. Moving assets
 * to another site takes assets:manage there; a department head's idle
 * request (`idleRequest`) may bring them to a site where they sign for assets.
 */
export async function checkTargets(
  tx: Transaction<Database>,
  actor: Actor,
  input: OperationCreate,
  siteId: string,
  idleRequest = false,
) {
  const k = input.kind;
  const moves = k === 'assign' || k === 'transfer';
  if (input.toSiteId && k !== 'transfer')
    throw badRequest({
      zh: '只有调拨可以改变院区',
      en: 'Only a transfer moves assets to another site',
    });
  if ((input.toDepartmentId || input.toCustodianPersonId) && !moves)
    throw badRequest({
      zh: '只有领用、调拨可以改变使用部门或保管人',
      en: 'Only assign and transfer change the department or custodian',
    });
  if (k === 'assign' && !input.toDepartmentId && !input.toCustodianPersonId)
    throw badRequest({
      zh: '领用请选择使用部门或保管人',
      en: 'Assign to a department or a custodian',
    });
  if (
    k === 'transfer' &&
    !input.toSiteId &&
    !input.toLocationId &&
    !input.toDepartmentId &&
    !input.toCustodianPersonId
  )
    throw badRequest({
      zh: '调拨请选择调入院区、位置、部门或保管人',
      en: 'Transfer to a site, place, department or custodian',
    });
  if (input.toSiteId) {
    await checkSite(tx, actor.orgId, input.toSiteId);
    const may =
      actor.access.hasAt(AssetsP.manage, input.toSiteId) ||
      (idleRequest && actor.access.hasAt(AssetsP.sign, input.toSiteId));
    if (!may)
      throw forbidden({
        zh: '您不能向该院区调拨资产',
        en: 'You may not transfer assets to that site',
      });
  }
  if (input.toLocationId)
    await checkLocation(tx, actor.orgId, input.toLocationId, input.toSiteId ?? siteId);
  if (input.toDepartmentId) await checkDepartment(tx, actor.orgId, input.toDepartmentId);
  let toDepartmentId = input.toDepartmentId ?? null;
  if (input.toCustodianPersonId) {
    const p = await findPerson(tx, actor.orgId, input.toCustodianPersonId);
    // A custodian alone: the asset goes to their department.
    toDepartmentId ??= p.department_id;
  }
  if ((input.borrowerPersonId || input.borrowerName || input.dueDate) && k !== 'lend')
    throw badRequest({
      zh: '只有借用需要借用人和归还日期',
      en: 'Only a loan has a borrower and a due date',
    });
  if (input.borrowerPersonId) await findPerson(tx, actor.orgId, input.borrowerPersonId);
  if (input.workOrder && k !== 'repair')
    throw badRequest({ zh: '只有送修会生成维修工单', en: 'Only a repair raises a work order' });
  if (input.compensations && k !== 'damage' && k !== 'loss')
    throw badRequest({
      zh: '只有报损、报失可以确定赔偿',
      en: 'Only damage and loss reports carry a compensation',
    });
  return { toDepartmentId };
}
