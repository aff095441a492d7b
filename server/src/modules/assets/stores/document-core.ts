import type { Selectable } from 'kysely';
import type { Actor } from '../../../platform/context.ts';
import type { DbOrTx } from '../../../platform/db/connect.ts';
import { badRequest, conflict, notFound } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { nextNumber } from '../../../platform/numbering/next-number.ts';
import type { StDocumentsTable, StStoresTable } from '../tables.ts';
import type { DocumentKind, DocumentStatus } from './schema.ts';
import type { LedgerItem } from './stock-ledger.ts';

/**
 * The pieces every stock document is made of: the numbered record, its lines,
 * and the stores and items it names, read once per document (no query per
 * line). All run in the caller's transaction.
 */

export const STOCK_NUMBERING = {
  docType: 'stock_document',
  format: { prefix: 'WZ', digits: 6 },
};

export const STORE = { zh: '仓库', en: 'Store' };
export const ITEM = { zh: '物资', en: 'Item' };
export const DOCUMENT = { zh: '出入库单', en: 'Stock document' };

export type StoreRow = Selectable<StStoresTable>;
export type DocumentRow = Selectable<StDocumentsTable>;
export type ItemRow = LedgerItem & { code: string; active: boolean };

/** A store of the organisation, or 404; a closed store takes no new document. */
export async function storeFor(tx: DbOrTx, orgId: string, id: string): Promise<StoreRow> {
  const row = await tx
    .selectFrom('st_stores')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound(STORE);
  return row;
}

export function requireOpen(store: StoreRow): void {
  if (store.active !== 1)
    throw conflict({
      zh: `仓库「${store.name}」已停用`,
      en: `Store "${store.name}" is closed`,
    });
}

/** The items of a document's lines, all of the organisation (404 otherwise) and in use. */
export async function itemsFor(
  tx: DbOrTx,
  orgId: string,
  ids: readonly string[],
  { activeOnly = true } = {},
): Promise<Map<string, ItemRow>> {
  const unique = [...new Set(ids)];
  const rows = unique.length
    ? await tx
        .selectFrom('st_items')
        .select(['id', 'code', 'name', 'unit', 'min_stock', 'active'])
        .where('org_id', '=', orgId)
        .where('id', 'in', unique)
        .execute()
    : [];
  if (rows.length !== unique.length) throw notFound(ITEM);
  const items = new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        code: r.code,
        name: r.name,
        unit: r.unit,
        minStock: r.min_stock,
        active: r.active === 1,
      },
    ]),
  );
  if (activeOnly) {
    const stopped = [...items.values()].find((i) => !i.active);
    if (stopped)
      throw badRequest({
        zh: `物资「${stopped.name}」已停用`,
        en: `Item "${stopped.name}" is no longer in use`,
      });
  }
  return items;
}

export type NewDocument = {
  kind: DocumentKind;
  status: DocumentStatus;
  siteId: string;
  storeId: string;
  toStoreId?: string | null;
  departmentId?: string | null;
  workOrderId?: string | null;
  workOrderNumber?: string | null;
  workOrderCategory?: string | null;
  supplier?: string | null;
  note?: string | null;
  lines: {
    itemId: string;
    quantity: number;
    countedQuantity?: number;
    unitCostFen?: number;
    /** Known value of the line (a return brings back exactly what left). */
    valueFen?: number;
  }[];
};

/** Inserts the numbered document and its lines (costs filled when it is posted). */
export async function insertDocument(
  tx: DbOrTx,
  actor: Actor,
  doc: NewDocument,
  now: Date,
): Promise<DocumentRow> {
  const at = now.toISOString();
  const number = await nextNumber(tx, {
    orgId: actor.orgId,
    docType: STOCK_NUMBERING.docType,
    defaultFormat: STOCK_NUMBERING.format,
    at: now,
  });
  const row: DocumentRow = {
    id: newId(),
    org_id: actor.orgId,
    site_id: doc.siteId,
    number,
    kind: doc.kind,
    status: doc.status,
    store_id: doc.storeId,
    to_store_id: doc.toStoreId ?? null,
    department_id: doc.departmentId ?? null,
    work_order_id: doc.workOrderId ?? null,
    work_order_number: doc.workOrderNumber ?? null,
    work_order_category: doc.workOrderCategory ?? null,
    supplier: doc.supplier ?? null,
    note: doc.note ?? null,
    requested_by: actor.userId,
    requested_at: at,
    approved_by: null,
    approved_at: null,
    completed_at: null,
    total_fen: 0,
    version: 1,
    created_at: at,
    updated_at: at,
  };
  await tx.insertInto('st_documents').values(row).execute();
  await tx
    .insertInto('st_document_lines')
    .values(
      doc.lines.map((l) => ({
        id: newId(),
        document_id: row.id,
        org_id: actor.orgId,
        item_id: l.itemId,
        quantity: l.quantity,
        counted_quantity: l.countedQuantity ?? null,
        unit_cost_fen: l.unitCostFen ?? null,
        value_fen: l.valueFen ?? null,
      })),
    )
    .execute();
  return row;
}

/** A department of the organisation (requisitions are charged to it), or 404. */
export async function requireDepartment(tx: DbOrTx, orgId: string, id: string): Promise<void> {
  const row = await tx
    .selectFrom('departments')
    .select('id')
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound({ zh: '部门', en: 'Department' });
}
