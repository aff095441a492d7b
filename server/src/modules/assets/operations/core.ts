import type { Updateable } from 'kysely';
import type { Actor } from '../../../platform/context.ts';
import type { DbOrTx } from '../../../platform/db/connect.ts';
import { readJson, writeJson } from '../../../platform/db/dialect.ts';
import { insertRows } from '../../../platform/db/insert-rows.ts';
import { conflict } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { nextNumber } from '../../../platform/numbering/next-number.ts';
import { DEFAULT_LOAN_DAYS } from '../defaults.ts';
import type { OperationKind, OperationStatus } from '../operation-kinds.ts';
import type { AstAssetsTable } from '../tables.ts';

/**
 * The pieces every asset operation is made of, shared by registration,
 * operations, stock-take and idle requests: a numbered record, its lines
 * with what each asset was before, an event on each asset's timeline, and
 * versioned updates of the asset row. All run in the caller's transaction.
 */

export const OPERATION_NUMBERING = {
  docType: 'asset_operation',
  format: { prefix: 'YW', digits: 6 },
};

export type AssetSettings = {
  approvalKinds: OperationKind[];
  approvalThresholdFen: number;
  loanDays: number;
};

export async function loadSettings(tx: DbOrTx, orgId: string): Promise<AssetSettings> {
  const row = await tx
    .selectFrom('ast_settings')
    .selectAll()
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  if (!row) return { approvalKinds: [], approvalThresholdFen: 0, loanDays: DEFAULT_LOAN_DAYS };
  return {
    approvalKinds: readJson<OperationKind[]>(row.approval_kinds),
    approvalThresholdFen: Number(row.approval_threshold_fen),
    loanDays: row.loan_days,
  };
}

/** Whether an operation of this kind and value waits for an approver. */
export function needsApproval(s: AssetSettings, kind: OperationKind, totalValueFen: number) {
  return s.approvalKinds.includes(kind) && totalValueFen >= s.approvalThresholdFen;
}

/** What an operation line remembers of the asset: shown on the record, restored by a return. */
export type AssetBefore = {
  status: string;
  condition: string;
  siteId: string;
  locationId: string | null;
  departmentId: string | null;
  custodianPersonId: string | null;
};

/** The columns an operation line remembers; rows as selected or as built for insertion both fit. */
export type AssetPlace = Pick<
  AstAssetsTable,
  | 'id'
  | 'status'
  | 'condition'
  | 'site_id'
  | 'location_id'
  | 'department_id'
  | 'custodian_person_id'
>;

export function beforeOf(a: AssetPlace): AssetBefore {
  return {
    status: a.status,
    condition: a.condition,
    siteId: a.site_id,
    locationId: a.location_id,
    departmentId: a.department_id,
    custodianPersonId: a.custodian_person_id,
  };
}

export type NewOperation = {
  kind: OperationKind;
  status: OperationStatus;
  siteId: string;
  reason?: string | null;
  requestingDepartmentId?: string | null;
  toSiteId?: string | null;
  toLocationId?: string | null;
  toDepartmentId?: string | null;
  toCustodianPersonId?: string | null;
  borrowerPersonId?: string | null;
  borrowerName?: string | null;
  dueDate?: string | null;
  lendOperationId?: string | null;
  workOrderId?: string | null;
  data?: unknown;
  /** Each asset with its value for this operation (net value, or original for a register). */
  lines: { asset: AssetPlace; valueFen: number }[];
};

/** Inserts the numbered operation and its lines; returns its id and number. */
export async function insertOperation(
  tx: DbOrTx,
  actor: Actor,
  op: NewOperation,
  now: Date,
): Promise<{ id: string; number: string }> {
  const at = now.toISOString();
  const id = newId();
  const number = await nextNumber(tx, {
    orgId: actor.orgId,
    docType: OPERATION_NUMBERING.docType,
    defaultFormat: OPERATION_NUMBERING.format,
    at: now,
  });
  const done = op.status === 'done';
  await tx
    .insertInto('ast_operations')
    .values({
      id,
      org_id: actor.orgId,
      site_id: op.siteId,
      number,
      kind: op.kind,
      status: op.status,
      reason: op.reason ?? null,
      requested_by: actor.userId,
      requested_at: at,
      requesting_department_id: op.requestingDepartmentId ?? null,
      approved_by: null,
      approved_at: null,
      approval_note: null,
      to_site_id: op.toSiteId ?? null,
      to_location_id: op.toLocationId ?? null,
      to_department_id: op.toDepartmentId ?? null,
      to_custodian_person_id: op.toCustodianPersonId ?? null,
      borrower_person_id: op.borrowerPersonId ?? null,
      borrower_name: op.borrowerName ?? null,
      due_date: op.dueDate ?? null,
      lend_operation_id: op.lendOperationId ?? null,
      work_order_id: op.workOrderId ?? null,
      received_by: null,
      received_at: null,
      completed_at: done ? at : null,
      reminded_at: null,
      total_value_fen: op.lines.reduce((sum, l) => sum + l.valueFen, 0),
      data: writeJson(op.data ?? {}),
      version: 1,
      created_at: at,
      updated_at: at,
    })
    .execute();
  // A batch of 500 desks or an import of 100,000 cards is one operation.
  await insertRows(
    tx,
    'ast_operation_lines',
    op.lines.map((l) => ({
      operation_id: id,
      asset_id: l.asset.id,
      org_id: actor.orgId,
      before: writeJson(beforeOf(l.asset)),
      value_fen: l.valueFen,
      returned_at: null,
    })),
  );
  return { id, number };
}

export type AssetEvent = {
  assetId: string;
  operationId: string | null;
  action: string;
  from: string | null;
  to: string | null;
  note?: string | null;
  data?: unknown;
  at: string;
};

/** Steps on assets' timelines, in the caller's transaction (many at once for a batch). */
export async function recordAssetEvents(
  tx: DbOrTx,
  actor: Actor,
  events: AssetEvent[],
): Promise<void> {
  await insertRows(
    tx,
    'ast_events',
    events.map((e) => ({
      id: newId(),
      org_id: actor.orgId,
      asset_id: e.assetId,
      operation_id: e.operationId,
      action: e.action,
      from_status: e.from,
      to_status: e.to,
      actor_user_id: actor.userId,
      actor_name: actor.name,
      note: e.note ?? null,
      data: writeJson(e.data ?? {}),
      at: e.at,
    })),
  );
}

/**
 * Updates an asset only if nobody changed it since it was read: of two
 * operations reaching for the same desk at once, one wins, the other is told.
 */
export async function updateAssetVersioned(
  tx: DbOrTx,
  orgId: string,
  row: Pick<AstAssetsTable, 'id' | 'version'>,
  patch: Updateable<AstAssetsTable>,
  at: string,
): Promise<void> {
  const result = await tx
    .updateTable('ast_assets')
    .set({ ...patch, version: row.version + 1, updated_at: at })
    .where('org_id', '=', orgId)
    .where('id', '=', row.id)
    .where('version', '=', row.version)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1)
    throw conflict({
      zh: '资产刚被其他人更新，请刷新后再操作',
      en: 'Someone else just changed this asset; reload it and try again',
    });
}

/** "ZY-0001 学生课桌": how an asset is named in messages. */
export function assetLabel(a: Pick<AstAssetsTable, 'tag_no' | 'name'>): string {
  return `${a.tag_no} ${a.name}`;
}
