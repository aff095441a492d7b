import type { Actor } from '../../../platform/context.ts';
import type { DbOrTx, DialectName } from '../../../platform/db/connect.ts';
import { badRequest, notFound } from '../../../platform/errors.ts';
import { getOrganization } from '../../org/index.ts';
import { custodyKey } from './attachments.ts';
import { orgToday } from './read-assets.ts';
import { assetFromRow, listAssetRows } from './repository.ts';
import type { AssetFilter } from './schema.ts';
import { assetVisibility, seesNothing } from './visibility.ts';

/** One sheet run: 2,000 labels are 84 A4 sheets of 24, more than one printer tray. */
export const MAX_LABELS = 2000;

/**
 * What the web label sheet prints for each card: the tag in large type, the
 * name, department and place, and the QR payload — the app's path
 * `/a/{qrToken}`, which the page turns into a full address.
 */
export async function assetLabels(
  db: DbOrTx,
  dialect: DialectName,
  actor: Actor,
  q: Partial<AssetFilter> & {
    ids?: string[] | undefined;
    operationId?: string | undefined;
    page?: number | undefined;
    pageSize?: number | undefined;
  },
) {
  const visibility = await assetVisibility(db, actor);
  if (seesNothing(visibility)) return { items: [], truncated: false, nextPage: null };
  const { ids, operationId, page = 1, pageSize = MAX_LABELS, ...filter } = q;
  const { rows } = await listAssetRows(
    db,
    dialect,
    actor.orgId,
    visibility,
    { ...filter, ids, operationId, sort: filter.sort ?? 'tagNo', order: filter.order ?? 'asc' },
    { limit: pageSize + 1, offset: (page - 1) * pageSize, count: false },
  );
  const more = rows.length > pageSize;
  return {
    items: rows.slice(0, pageSize).map((r) => ({
      id: r.id,
      tagNo: r.tag_no,
      code: r.code,
      name: r.name,
      qrPath: `/a/${r.qr_token}`,
      department: r.department_name,
      location: r.location_name,
      site: r.site_name,
    })),
    truncated: more,
    nextPage: more ? page + 1 : null,
  };
}

/** Statuses of property a department answers for (not awaiting approval, not gone). */
const HELD = ['in_use', 'idle', 'lent', 'under_repair'] as const;
const MAX_CUSTODY_ROWS = 5000;

/**
 * 财物管理责任书: a department's assets with values and totals, its
 * custodians, the organisation and the date, for a printable page; the
 * signed scan is an attachment of entity `asset_custody` keyed by
 * `attachmentKey` (department + year).
 */
export async function custodyAgreement(
  db: DbOrTx,
  dialect: DialectName,
  actor: Actor,
  departmentId: string,
  q: { year?: number | undefined; siteId?: string | undefined },
) {
  const department = await db
    .selectFrom('departments')
    .select(['id', 'code', 'name'])
    .where('org_id', '=', actor.orgId)
    .where('id', '=', departmentId)
    .executeTakeFirst();
  const visibility = await assetVisibility(db, actor);
  const mayRead =
    visibility.sites === 'all' ||
    visibility.sites.length > 0 ||
    visibility.departmentId === departmentId;
  if (!department || !mayRead) throw notFound({ zh: '部门', en: 'Department' });
  const [org, today] = await Promise.all([
    getOrganization(db, actor.orgId),
    orgToday(db, actor.orgId),
  ]);
  const year = q.year ?? Number(today.slice(0, 4));
  if (year < 2000 || year > Number(today.slice(0, 4)) + 1)
    throw badRequest({ zh: '年度无效', en: 'Invalid year' });
  const { rows } = await listAssetRows(
    db,
    dialect,
    actor.orgId,
    visibility,
    { departmentId, siteId: q.siteId, status: [...HELD], sort: 'code', order: 'asc' },
    { limit: MAX_CUSTODY_ROWS + 1, offset: 0, count: false },
  );
  const items = rows.slice(0, MAX_CUSTODY_ROWS).map((r) => assetFromRow(r, today));
  const custodians = new Map<
    string,
    { id: string; name: string; employeeNo: string; count: number; originalValueFen: number }
  >();
  for (const a of items) {
    if (!a.custodian) continue;
    const c = custodians.get(a.custodian.id) ?? { ...a.custodian, count: 0, originalValueFen: 0 };
    c.count += 1;
    c.originalValueFen += a.originalValueFen;
    custodians.set(a.custodian.id, c);
  }
  return {
    organization: { name: org.name },
    department,
    year,
    date: today,
    custodians: [...custodians.values()],
    items: items.map((a) => ({
      id: a.id,
      code: a.code,
      tagNo: a.tagNo,
      name: a.name,
      model: a.model,
      unit: a.unit,
      quantity: a.quantity,
      category: a.category.name,
      location: a.location?.name ?? null,
      custodian: a.custodian?.name ?? null,
      status: a.status,
      purchaseDate: a.purchaseDate,
      originalValueFen: a.originalValueFen,
      netValueFen: a.netValueFen,
    })),
    totals: {
      count: items.length,
      quantity: items.reduce((s, a) => s + a.quantity, 0),
      originalValueFen: items.reduce((s, a) => s + a.originalValueFen, 0),
      netValueFen: items.reduce((s, a) => s + a.netValueFen, 0),
    },
    truncated: rows.length > MAX_CUSTODY_ROWS,
    attachment: {
      entityType: 'asset_custody' as const,
      entityId: custodyKey(actor.orgId, departmentId, year),
    },
  };
}
