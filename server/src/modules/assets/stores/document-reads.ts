import type { Actor } from '../../../platform/context.ts';
import type { DbOrTx } from '../../../platform/db/connect.ts';
import { getOrganization } from '../../org/index.ts';
import { StoresP } from '../policy.ts';
import { loadDocument, mayDecide } from './decide-document.ts';
import type {
  Document,
  DocumentDetail,
  DocumentKind,
  DocumentListFilter,
  DocumentStatus,
} from './schema.ts';
import { sitesWith, startOfDayIn } from './scope.ts';

/*
 * Stock documents as people see them: every document of the sites where
 * they read, keep or approve the stores, and their own requests anywhere.
 */

function documentsQuery(db: DbOrTx, orgId: string) {
  return db
    .selectFrom('st_documents as d')
    .innerJoin('sites', 'sites.id', 'd.site_id')
    .innerJoin('st_stores as s', 's.id', 'd.store_id')
    .leftJoin('st_stores as t', 't.id', 'd.to_store_id')
    .leftJoin('departments as dep', 'dep.id', 'd.department_id')
    .leftJoin('users as rq', 'rq.id', 'd.requested_by')
    .leftJoin('users as ap', 'ap.id', 'd.approved_by')
    .where('d.org_id', '=', orgId);
}

const named = (id: string | null, name: string | null) =>
  id && name !== null ? { id, name } : null;

function select(q: ReturnType<typeof documentsQuery>) {
  return q
    .selectAll('d')
    .select([
      'sites.name as site_name',
      's.name as store_name',
      't.name as to_store_name',
      'dep.name as department_name',
      'rq.display_name as requested_by_name',
      'ap.display_name as approved_by_name',
    ]);
}
type Joined = Awaited<ReturnType<ReturnType<typeof select>['executeTakeFirstOrThrow']>>;

function documentFromRow(r: Joined): Document {
  return {
    id: r.id,
    number: r.number,
    kind: r.kind as DocumentKind,
    status: r.status as DocumentStatus,
    site: { id: r.site_id, name: r.site_name },
    store: { id: r.store_id, name: r.store_name },
    toStore: named(r.to_store_id, r.to_store_name),
    department: named(r.department_id, r.department_name),
    workOrder: r.work_order_id ? { id: r.work_order_id, number: r.work_order_number } : null,
    workOrderCategory: r.work_order_category,
    supplier: r.supplier,
    note: r.note,
    requestedBy: named(r.requested_by, r.requested_by_name),
    requestedAt: r.requested_at,
    approvedBy: named(r.approved_by, r.approved_by_name),
    approvedAt: r.approved_at,
    completedAt: r.completed_at,
    totalFen: Number(r.total_fen),
    version: r.version,
  };
}

export async function listDocuments(db: DbOrTx, actor: Actor, f: DocumentListFilter) {
  const sites = sitesWith(actor, StoresP.read, StoresP.manage, StoresP.approve);
  const { timezone } = await getOrganization(db, actor.orgId);
  let q = documentsQuery(db, actor.orgId);
  if (f.mine || sites !== 'all') {
    const mine = actor.userId ?? '';
    q = q.where((eb) =>
      f.mine || sites === 'all' || sites.length === 0
        ? eb('d.requested_by', '=', mine)
        : eb.or([eb('d.requested_by', '=', mine), eb('d.site_id', 'in', sites)]),
    );
  }
  if (f.kind) q = q.where('d.kind', '=', f.kind);
  if (f.status) q = q.where('d.status', '=', f.status);
  if (f.siteId) q = q.where('d.site_id', '=', f.siteId);
  if (f.storeId)
    q = q.where((eb) =>
      eb.or([eb('d.store_id', '=', f.storeId!), eb('d.to_store_id', '=', f.storeId!)]),
    );
  if (f.departmentId) q = q.where('d.department_id', '=', f.departmentId);
  if (f.from) q = q.where('d.requested_at', '>=', startOfDayIn(timezone, f.from));
  if (f.to) q = q.where('d.requested_at', '<', startOfDayIn(timezone, f.to, 1));
  const [count, rows] = await Promise.all([
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    select(q)
      .orderBy('d.requested_at', 'desc')
      .orderBy('d.id', 'desc')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
  ]);
  return {
    items: rows.map(documentFromRow),
    total: Number(count.n),
    page: f.page,
    pageSize: f.pageSize,
  };
}

/** One document with its lines and what the viewer may do with it. */
export async function getDocument(db: DbOrTx, actor: Actor, id: string): Promise<DocumentDetail> {
  const row = await loadDocument(db, actor, id);
  const [joined, lines] = await Promise.all([
    select(documentsQuery(db, actor.orgId)).where('d.id', '=', id).executeTakeFirstOrThrow(),
    db
      .selectFrom('st_document_lines as l')
      .innerJoin('st_items as i', 'i.id', 'l.item_id')
      .selectAll('l')
      .select(['i.code', 'i.name', 'i.unit'])
      .where('l.org_id', '=', actor.orgId)
      .where('l.document_id', '=', id)
      .orderBy('l.id')
      .execute(),
  ]);
  return {
    ...documentFromRow(joined),
    lines: lines.map((l) => ({
      id: l.id,
      item: { id: l.item_id, code: l.code, name: l.name, unit: l.unit },
      quantity: l.quantity,
      countedQuantity: l.counted_quantity,
      unitCostFen: l.unit_cost_fen === null ? null : Number(l.unit_cost_fen),
      valueFen: l.value_fen === null ? null : Number(l.value_fen),
    })),
    canApprove: mayDecide(actor, row, 'approve'),
    canCancel: mayDecide(actor, row, 'cancel'),
  };
}
