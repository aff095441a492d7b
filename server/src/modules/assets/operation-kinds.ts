/**
 * Asset statuses and the operations that alone change them, as data: which
 * statuses an operation starts from, where it leaves the asset, whether the
 * new custodian confirms receipt (责任到人) and whether it may raise a
 * compensation. The service checks every line against this table inside the
 * transaction that applies it; anything else is a 409 with a sentence.
 */

export const ASSET_STATUSES = [
  'pending',
  'in_use',
  'idle',
  'lent',
  'under_repair',
  'lost',
  'disposed',
  /** A registration refused or withdrawn before it took effect: never on the register. */
  'void',
] as const;
export type AssetStatus = (typeof ASSET_STATUSES)[number];

export const CONDITIONS = ['good', 'fair', 'poor', 'damaged'] as const;
export type Condition = (typeof CONDITIONS)[number];

export const OPERATION_KINDS = [
  'register',
  'assign',
  'transfer',
  'release',
  'lend',
  'return',
  'repair',
  'repaired',
  'damage',
  'loss',
  'recover',
  'dispose',
  'adjust',
] as const;
export type OperationKind = (typeof OPERATION_KINDS)[number];

export const OPERATION_STATUSES = [
  'pending_approval',
  'pending_receipt',
  'open',
  'done',
  'rejected',
  'cancelled',
] as const;
export type OperationStatus = (typeof OPERATION_STATUSES)[number];

type KindRule = {
  /** Statuses an asset may be in for this operation. */
  from: readonly AssetStatus[];
  /**
   * Where the asset ends: a status, 'restore' (back to the status before the
   * loan or the repair), or 'same' (damage: only the condition changes).
   */
  to: AssetStatus | 'restore' | 'same';
  /** The receiving custodian (or department head) confirms before it is done. */
  receipt?: boolean;
  /** Stays open after approval until a later step (a loan until its return). */
  staysOpen?: boolean;
  /** The approver may decide a compensation (net value × share). */
  compensation?: boolean;
};

export const KIND_RULES: Record<OperationKind, KindRule> = {
  // A new card: idle until assigned, or in use at once when registered to a department.
  register: { from: [], to: 'idle' },
  // 领用/分配: from the pool to a department or person.
  assign: { from: ['idle'], to: 'in_use', receipt: true },
  // 调拨: between departments, places or sites.
  transfer: { from: ['in_use', 'idle'], to: 'in_use', receipt: true },
  // 交回: a department hands an asset back to the idle pool.
  release: { from: ['in_use'], to: 'idle' },
  // 借用 … 归还.
  lend: { from: ['idle', 'in_use'], to: 'lent', staysOpen: true },
  return: { from: ['lent'], to: 'restore' },
  // 送修 (a maintenance work order) … 修复.
  repair: { from: ['in_use', 'idle'], to: 'under_repair', staysOpen: true },
  repaired: { from: ['under_repair'], to: 'restore' },
  // 报损: damaged but still here; 报失: gone. Both may cost someone.
  damage: { from: ['in_use', 'idle', 'lent', 'under_repair'], to: 'same', compensation: true },
  loss: { from: ['in_use', 'idle', 'lent', 'under_repair'], to: 'lost', compensation: true },
  // A lost asset turns up (stock-take or by chance).
  recover: { from: ['lost'], to: 'idle' },
  // 报废/处置. Never while lent: it must come back first.
  dispose: { from: ['idle', 'in_use', 'lost', 'under_repair'], to: 'disposed' },
  // Stock-take corrections (place, department) applied when a campaign closes.
  adjust: { from: ['in_use', 'idle', 'lent', 'under_repair', 'lost'], to: 'same' },
};

export const STATUS_LABELS: Record<AssetStatus, { zh: string; en: string }> = {
  pending: { zh: '待入账', en: 'Pending' },
  in_use: { zh: '在用', en: 'In use' },
  idle: { zh: '闲置', en: 'Idle' },
  lent: { zh: '借出', en: 'Lent' },
  under_repair: { zh: '维修中', en: 'Under repair' },
  lost: { zh: '丢失', en: 'Lost' },
  disposed: { zh: '已处置', en: 'Disposed' },
  void: { zh: '作废', en: 'Void' },
};

export const KIND_LABELS: Record<OperationKind, { zh: string; en: string }> = {
  register: { zh: '登记入账', en: 'Register' },
  assign: { zh: '领用', en: 'Assign' },
  transfer: { zh: '调拨', en: 'Transfer' },
  release: { zh: '交回闲置', en: 'Return to pool' },
  lend: { zh: '借用', en: 'Lend' },
  return: { zh: '归还', en: 'Return' },
  repair: { zh: '送修', en: 'Send to repair' },
  repaired: { zh: '修复', en: 'Repaired' },
  damage: { zh: '报损', en: 'Report damage' },
  loss: { zh: '报失', en: 'Report loss' },
  recover: { zh: '找回', en: 'Recovered' },
  dispose: { zh: '报废处置', en: 'Dispose' },
  adjust: { zh: '盘点调整', en: 'Stock-take adjustment' },
};

/** Why an asset cannot take an operation, in words a person understands. */
export function refusal(kind: OperationKind, status: AssetStatus, label: string) {
  const k = KIND_LABELS[kind];
  const s = STATUS_LABELS[status];
  return {
    zh: `资产「${label}」当前为「${s.zh}」，不能${k.zh}`,
    en: `Asset "${label}" is ${s.en.toLowerCase()}; it cannot take "${k.en}"`,
  };
}

/** Kinds that wait for an approver unless the organisation says otherwise. */
export const DEFAULT_APPROVAL_KINDS: readonly OperationKind[] = [
  'transfer',
  'damage',
  'loss',
  'dispose',
  'adjust',
];
