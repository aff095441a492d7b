import type { Actor } from '../../../platform/context.ts';
import type { DbOrTx } from '../../../platform/db/connect.ts';
import type { Deps } from '../../../platform/deps.ts';
import { usersHolding } from '../../../platform/access/holders.ts';
import { notify } from '../../../platform/notify/index.ts';
import { KIND_LABELS, type OperationKind } from '../operation-kinds.ts';
import { AssetsP } from '../policy.ts';
import { departmentHeads, usersOfPerson } from './parties.ts';
import { receivingSite, type OperationRow } from './operation-rules.ts';

const link = (op: OperationRow) => `/assets/operations/${op.id}`;
const title = (op: OperationRow, what: string) =>
  `${KIND_LABELS[op.kind as OperationKind].zh}${what} ${op.number}`;

async function send(
  tx: DbOrTx,
  deps: Pick<Deps, 'config'>,
  actor: Actor,
  userIds: string[],
  op: OperationRow,
  what: string,
  body: string,
) {
  const to = [...new Set(userIds)].filter((u) => u !== actor.userId);
  if (to.length === 0) return;
  await notify(tx, deps.config, {
    orgId: actor.orgId,
    userIds: to,
    title: title(op, what),
    body,
    link: link(op),
    category: 'assets',
  });
}

/** The site's approvers hear that an operation waits for them (not the one who asked). */
export async function tellApprovers(
  tx: DbOrTx,
  deps: Pick<Deps, 'config'>,
  actor: Actor,
  op: OperationRow,
) {
  const approvers = await usersHolding(tx, actor.orgId, AssetsP.approve, op.site_id);
  const others = approvers.filter((u) => u !== op.requested_by);
  await send(tx, deps, actor, others, op, '待审批', op.reason ?? `${actor.name} 提交`);
}

/** The receiving custodian (or the department's heads) are asked to sign for the assets. */
export async function tellReceivers(
  tx: DbOrTx,
  deps: Pick<Deps, 'config'>,
  actor: Actor,
  op: OperationRow,
) {
  const users = op.to_custodian_person_id
    ? await usersOfPerson(tx, actor.orgId, op.to_custodian_person_id)
    : op.to_department_id
      ? await departmentHeads(tx, actor.orgId, op.to_department_id, receivingSite(op))
      : [];
  await send(tx, deps, actor, users, op, '待确认接收', '请核对资产后确认接收（责任到人）');
}

/** The one who asked hears the decision. */
export async function tellRequester(
  tx: DbOrTx,
  deps: Pick<Deps, 'config'>,
  actor: Actor,
  op: OperationRow,
  outcome: 'approved' | 'rejected',
  note: string | null,
) {
  if (!op.requested_by) return;
  const what = outcome === 'approved' ? '已批准' : '被驳回';
  await send(tx, deps, actor, [op.requested_by], op, what, note ?? `${actor.name} ${what}`);
}
