/**
 * The work-order life cycle (报修 → 派工 → 维修 → 验收评价) as data: which
 * action moves an order from which states to which, and who may take it.
 * The service checks an action against this table inside the transaction
 * that applies it; anything else is a 409 with a sentence saying why.
 */

export const STATUSES = [
  'submitted',
  'assigned',
  'accepted',
  'in_progress',
  'paused',
  'completed',
  'confirmed',
  'closed',
  'cancelled',
] as const;
export type Status = (typeof STATUSES)[number];

export const OPEN_STATUSES: readonly Status[] = [
  'submitted',
  'assigned',
  'accepted',
  'in_progress',
  'paused',
];

export const ACTIONS = [
  'assign',
  'accept',
  'reject',
  'start',
  'pause',
  'resume',
  'complete',
  'confirm',
  'reopen',
  'cancel',
  'rate',
] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * Who takes an action: the dispatcher (maintenance:dispatch at the order's
 * site), the assignee (the technician it is assigned to), the requester (or a
 * dispatcher on their behalf, e.g. a phone call), or the system (jobs).
 */
export type Role = 'dispatcher' | 'assignee' | 'requester';

type Transition = { from: readonly Status[]; to: Status | 'same'; by: readonly Role[] };

export const TRANSITIONS: Record<Action, Transition> = {
  // First assignment, or reassignment (with a reason) before the work is done.
  assign: {
    from: ['submitted', 'assigned', 'accepted', 'in_progress', 'paused'],
    to: 'assigned',
    by: ['dispatcher'],
  },
  // From `submitted` only for an order in the technician's team queue (抢单).
  accept: { from: ['assigned', 'submitted'], to: 'accepted', by: ['assignee'] },
  // The technician hands it back to dispatch (wrong trade, not their site…).
  reject: { from: ['assigned', 'accepted'], to: 'submitted', by: ['assignee'] },
  start: { from: ['accepted'], to: 'in_progress', by: ['assignee'] },
  pause: { from: ['in_progress'], to: 'paused', by: ['assignee'] },
  resume: { from: ['paused'], to: 'in_progress', by: ['assignee'] },
  complete: { from: ['in_progress'], to: 'completed', by: ['assignee'] },
  confirm: { from: ['completed'], to: 'confirmed', by: ['requester'] },
  // Not fixed after all: back to the same technician, who accepts again.
  reopen: { from: ['completed', 'confirmed'], to: 'assigned', by: ['requester'] },
  // The requester may withdraw until a technician accepted; dispatch any time before completion.
  cancel: {
    from: ['submitted', 'assigned', 'accepted', 'in_progress', 'paused'],
    to: 'cancelled',
    by: ['requester', 'dispatcher'],
  },
  // Rating closes the loop (a completed order is confirmed by rating it).
  rate: { from: ['completed', 'confirmed'], to: 'closed', by: ['requester'] },
};

/** Actions whose note is the reason and must be given. */
export const REASON_REQUIRED: ReadonlySet<Action> = new Set([
  'reject',
  'pause',
  'reopen',
  'cancel',
]);

export type Label = { zh: string; en: string };

export const STATUS_LABELS: Record<Status, Label> = {
  submitted: { zh: '待派工', en: 'Submitted' },
  assigned: { zh: '已派工', en: 'Assigned' },
  accepted: { zh: '已接单', en: 'Accepted' },
  in_progress: { zh: '维修中', en: 'In progress' },
  paused: { zh: '已暂停', en: 'Paused' },
  completed: { zh: '待验收', en: 'Completed' },
  confirmed: { zh: '已验收', en: 'Confirmed' },
  closed: { zh: '已关闭', en: 'Closed' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
};

export const ACTION_LABELS: Record<
  Action | 'create' | 'auto_confirm' | 'auto_close' | 'callback',
  Label
> = {
  create: { zh: '报修', en: 'Reported' },
  assign: { zh: '派工', en: 'Assigned' },
  accept: { zh: '接单', en: 'Accepted' },
  reject: { zh: '退回调度', en: 'Handed back' },
  start: { zh: '开始维修', en: 'Started' },
  pause: { zh: '暂停', en: 'Paused' },
  resume: { zh: '继续维修', en: 'Resumed' },
  complete: { zh: '完工', en: 'Completed' },
  confirm: { zh: '验收', en: 'Confirmed' },
  reopen: { zh: '返修', en: 'Reopened' },
  cancel: { zh: '取消', en: 'Cancelled' },
  rate: { zh: '评价', en: 'Rated' },
  auto_confirm: { zh: '超时自动验收', en: 'Confirmed automatically' },
  auto_close: { zh: '超时自动关闭', en: 'Closed automatically' },
  callback: { zh: '回访', en: 'Called back' },
};

/** Why an action cannot be taken now, or null when it can (status only; roles are checked apart). */
export function refusal(action: Action, status: Status): Label | null {
  if (TRANSITIONS[action].from.includes(status)) return null;
  const s = STATUS_LABELS[status];
  const a = ACTION_LABELS[action];
  return {
    zh: `工单当前状态为“${s.zh}”，不能${a.zh}`,
    en: `The work order is ${s.en.toLowerCase()}; it cannot be ${a.en.toLowerCase()} now`,
  };
}
