import type { ExpressionBuilder } from 'kysely';
import type { Actor } from '../../../platform/context.ts';
import type { DbOrTx } from '../../../platform/db/connect.ts';
import type { Database } from '../../../platform/db/database.ts';
import { readJson } from '../../../platform/db/dialect.ts';
import { notFound } from '../../../platform/errors.ts';
import { compensationsOfOperation } from './compensation-rows.ts';
import type { OperationKind, OperationStatus } from '../operation-kinds.ts';
import { AssetsP } from '../policy.ts';
import type { AstOperationsTable } from '../tables.ts';
import type { AssetBefore } from './core.ts';
import { OPERATION } from './load.ts';
import { allowedActions, fullSites } from './operation-rules.ts';
import { orgTimeZone, startOfLocalDay, addDays } from './org-calendar.ts';
import { whoAmI, type Me } from './parties.ts';
import type { Operation, OperationDetail, OperationListFilter } from './schema.ts';

type From = Database & { o: AstOperationsTable };

function joined(db: DbOrTx, orgId: string) {
  return db
    .selectFrom('ast_operations as o')
    .innerJoin('sites as s', 's.id', 'o.site_id')
    .leftJoin('sites as ts', 'ts.id', 'o.to_site_id')
    .leftJoin('locations as tl', 'tl.id', 'o.to_location_id')
    .leftJoin('departments as td', 'td.id', 'o.to_department_id')
    .leftJoin('departments as rd', 'rd.id', 'o.requesting_department_id')
    .leftJoin('people as tc', 'tc.id', 'o.to_custodian_person_id')
    .leftJoin('people as bp', 'bp.id', 'o.borrower_person_id')
    .leftJoin('users as ru', 'ru.id', 'o.requested_by')
    .leftJoin('users as au', 'au.id', 'o.approved_by')
    .leftJoin('users as rv', 'rv.id', 'o.received_by')
    .selectAll('o')
    .select((eb) => [
      's.name as site_name',
      'ts.name as to_site_name',
      'tl.name as to_location_name',
      'td.name as to_department_name',
      'rd.name as requesting_department_name',
      'tc.name as to_custodian_name',
      'bp.name as borrower_person_name',
      'ru.display_name as requested_by_name',
      'au.display_name as approved_by_name',
      'rv.display_name as received_by_name',
      eb
        .selectFrom('ast_operation_lines as l')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('l.operation_id', '=', 'o.id')
        .as('asset_count'),
    ])
    .where('o.org_id', '=', orgId);
}
type Row = Awaited<ReturnType<ReturnType<typeof joined>['executeTakeFirstOrThrow']>>;

const named = (id: string | null, name: string | null) =>
  id && name !== null ? { id, name } : null;

function operationFromRow(r: Row): Operation {
  return {
    id: r.id,
    number: r.number,
    kind: r.kind as OperationKind,
    status: r.status as OperationStatus,
    site: { id: r.site_id, name: r.site_name },
    reason: r.reason,
    requestedBy: named(r.requested_by, r.requested_by_name),
    requestedAt: r.requested_at,
    requestingDepartment: named(r.requesting_department_id, r.requesting_department_name),
    approvedBy: named(r.approved_by, r.approved_by_name),
    approvedAt: r.approved_at,
    approvalNote: r.approval_note,
    toSite: named(r.to_site_id, r.to_site_name),
    toLocation: named(r.to_location_id, r.to_location_name),
    toDepartment: named(r.to_department_id, r.to_department_name),
    toCustodian: named(r.to_custodian_person_id, r.to_custodian_name),
    borrower:
      r.borrower_person_id || r.borrower_name
        ? { personId: r.borrower_person_id, name: r.borrower_person_name ?? r.borrower_name ?? '' }
        : null,
    dueDate: r.due_date,
    lendOperationId: r.lend_operation_id,
    workOrderId: r.work_order_id,
    receivedBy: named(r.received_by, r.received_by_name),
    receivedAt: r.received_at,
    completedAt: r.completed_at,
    totalValueFen: Number(r.total_value_fen),
    assetCount: Number(r.asset_count ?? 0),
    data: readJson<Record<string, unknown>>(r.data) ?? {},
    version: r.version,
  };
}

/**
 * Which operations a user sees: all of the sites where they read, manage or
 * approve assets; besides, what they asked for, what they are to receive or
 * borrowed, and (department heads) what goes to or was asked by their department.
 */
function visibleTo(actor: Actor, me: Me) {
  const sites = fullSites(actor);
  const head = actor.access.has(AssetsP.sign);
  return (eb: ExpressionBuilder<From, 'o'>) => {
    if (sites === 'all') return eb.lit(true);
    const any = [eb('o.requested_by', '=', actor.userId ?? '')];
    if (sites.length > 0) {
      any.push(eb('o.site_id', 'in', sites));
      any.push(eb('o.to_site_id', 'in', sites));
    }
    if (me.personId) {
      any.push(eb('o.to_custodian_person_id', '=', me.personId));
      any.push(eb('o.borrower_person_id', '=', me.personId));
    }
    if (head && me.departmentId) {
      any.push(eb('o.to_department_id', '=', me.departmentId));
      any.push(eb('o.requesting_department_id', '=', me.departmentId));
    }
    return eb.or(any);
  };
}

/** "Waiting for me": approvals I may give, receipts I am to sign for. */
function waitingFor(actor: Actor, me: Me) {
  const approve = actor.access.siteScope(AssetsP.approve);
  return (eb: ExpressionBuilder<From, 'o'>) => {
    const any = [];
    if (approve === 'all' || approve.length > 0)
      any.push(
        eb.and([
          eb('o.status', '=', 'pending_approval'),
          eb('o.requested_by', '!=', actor.userId ?? ''),
          ...(approve === 'all' ? [] : [eb('o.site_id', 'in', approve)]),
        ]),
      );
    const receiving = [];
    if (me.personId) receiving.push(eb('o.to_custodian_person_id', '=', me.personId));
    if (me.departmentId && actor.access.has(AssetsP.sign))
      receiving.push(eb('o.to_department_id', '=', me.departmentId));
    if (receiving.length > 0)
      any.push(eb.and([eb('o.status', '=', 'pending_receipt'), eb.or(receiving)]));
    return any.length > 0 ? eb.or(any) : eb.lit(false);
  };
}

export async function listOperations(db: DbOrTx, actor: Actor, f: OperationListFilter) {
  const me = await whoAmI(db, actor);
  const tz = await orgTimeZone(db, actor.orgId);
  let q = joined(db, actor.orgId).where(visibleTo(actor, me));
  if (f.waitingForMe) q = q.where(waitingFor(actor, me));
  if (f.kind) q = q.where('o.kind', '=', f.kind);
  if (f.status) q = q.where('o.status', '=', f.status);
  if (f.siteId) q = q.where('o.site_id', '=', f.siteId);
  if (f.from) q = q.where('o.requested_at', '>=', startOfLocalDay(tz, f.from));
  if (f.to) q = q.where('o.requested_at', '<', startOfLocalDay(tz, addDays(f.to, 1)));
  if (f.departmentId) {
    const d = f.departmentId;
    q = q.where((eb) =>
      eb.or([eb('o.to_department_id', '=', d), eb('o.requesting_department_id', '=', d)]),
    );
  }
  if (f.assetId) {
    const assetId = f.assetId;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('ast_operation_lines as fl')
          .select('fl.asset_id')
          .whereRef('fl.operation_id', '=', 'o.id')
          .where('fl.asset_id', '=', assetId),
      ),
    );
  }
  const counted = await q
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await q
    .orderBy('o.requested_at', 'desc')
    .orderBy('o.id', 'desc')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  return {
    items: rows.map(operationFromRow),
    total: Number(counted.n),
    page: f.page,
    pageSize: f.pageSize,
  };
}

/** One operation with its assets, its compensations and what the caller may do with it. */
export async function getOperationDetail(
  db: DbOrTx,
  actor: Actor,
  id: string,
): Promise<OperationDetail> {
  const me = await whoAmI(db, actor);
  const row = await joined(db, actor.orgId)
    .where('o.id', '=', id)
    .where(visibleTo(actor, me))
    .executeTakeFirst();
  if (!row) throw notFound(OPERATION);
  const [lines, compensations] = await Promise.all([
    db
      .selectFrom('ast_operation_lines as l')
      .innerJoin('ast_assets as a', 'a.id', 'l.asset_id')
      .select([
        'l.asset_id',
        'l.before',
        'l.value_fen',
        'l.returned_at',
        'a.tag_no',
        'a.name',
        'a.status',
      ])
      .where('l.org_id', '=', actor.orgId)
      .where('l.operation_id', '=', id)
      .orderBy('a.tag_no')
      .execute(),
    compensationsOfOperation(db, actor.orgId, id),
  ]);
  return {
    ...operationFromRow(row),
    lines: lines.map((l) => ({
      assetId: l.asset_id,
      tagNo: l.tag_no,
      name: l.name,
      status: l.status,
      valueFen: Number(l.value_fen),
      returnedAt: l.returned_at,
      before: readJson<AssetBefore>(l.before),
    })),
    allowedActions: allowedActions(actor, me, row),
    compensations,
  };
}
