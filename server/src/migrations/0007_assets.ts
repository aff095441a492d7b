import type { Kysely } from 'kysely';
import { columnTypes, dialectOf } from '../platform/db/dialect.ts';

/**
 * Assets and stores (资产/财物/物资): the property register (categories,
 * asset cards), operations that alone change an asset's status, place and
 * custody (with approval where the organisation requires it), the asset's
 * event timeline, damage/loss compensation with its payments, stock-take
 * campaigns, and consumables/spare parts held in stores at moving-average
 * cost.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(dialectOf(db));

  await db.schema
    .createTable('ast_settings')
    .addColumn('org_id', t.id, (c) => c.primaryKey().references('organizations.id'))
    // Operation kinds that wait for an approver, e.g. ["transfer","dispose","damage","loss"].
    .addColumn('approval_kinds', t.json, (c) => c.notNull())
    // Below this original value an operation needs no approval (0 = always when its kind is listed).
    .addColumn('approval_threshold_fen', t.money, (c) => c.notNull().defaultTo(0))
    .addColumn('loan_days', 'integer', (c) => c.notNull())
    .addColumn('tag_format', 'text')
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('ast_categories')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('parent_id', t.id, (c) => c.references('ast_categories.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    // 'unit': one card per item; 'bulk': one card holds a quantity (chairs of a hall).
    .addColumn('tracking', 'text', (c) => c.notNull().defaultTo('unit'))
    .addColumn('unit', 'text')
    // 'straight_line' or 'none' (land, heritage, small items expensed at once).
    .addColumn('depreciation_method', 'text', (c) => c.notNull().defaultTo('straight_line'))
    .addColumn('life_months', 'integer')
    // Residual value as basis points of the original value (500 = 5%).
    .addColumn('residual_bp', 'integer', (c) => c.notNull().defaultTo(0))
    // Extra fields of the category's cards: [{key,label,type,options?,required?}].
    .addColumn('fields', t.json, (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', t.bool, (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addUniqueConstraint('ast_categories_code_uq', ['org_id', 'code'])
    .execute();
  await db.schema
    .createIndex('ast_categories_parent_ix')
    .on('ast_categories')
    .columns(['org_id', 'parent_id'])
    .execute();

  await db.schema
    .createTable('ast_assets')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('site_id', t.id, (c) => c.notNull().references('sites.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    // The number on the label (ZY-0001); scanned at stock-take.
    .addColumn('tag_no', 'text', (c) => c.notNull())
    .addColumn('qr_token', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('category_id', t.id, (c) => c.notNull().references('ast_categories.id'))
    .addColumn('model', 'text')
    .addColumn('unit', 'text')
    .addColumn('quantity', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('unit_price_fen', t.money, (c) => c.notNull().defaultTo(0))
    .addColumn('original_value_fen', t.money, (c) => c.notNull().defaultTo(0))
    .addColumn('purchase_date', t.date)
    // Depreciation starts the month after this date (当月增加当月不提).
    .addColumn('in_service_date', t.date)
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('supplier', 'text')
    .addColumn('invoice_no', 'text')
    .addColumn('warranty_end', t.date)
    .addColumn('location_id', t.id, (c) => c.references('locations.id'))
    .addColumn('department_id', t.id, (c) => c.references('departments.id'))
    .addColumn('custodian_person_id', t.id, (c) => c.references('people.id'))
    // pending (awaiting approval of its registration) / in_use / idle / lent /
    // under_repair / lost / disposed. Changed only by operations.
    .addColumn('status', 'text', (c) => c.notNull())
    // good / fair / poor / damaged.
    .addColumn('condition', 'text', (c) => c.notNull().defaultTo('good'))
    .addColumn('depreciation_method', 'text', (c) => c.notNull())
    .addColumn('life_months', 'integer')
    .addColumn('residual_bp', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('custom', t.json, (c) => c.notNull())
    .addColumn('notes', 'text')
    // The operation in progress on this asset: one at a time, so a lent asset
    // cannot be disposed while the loan is open.
    .addColumn('open_operation_id', t.id)
    .addColumn('disposed_at', t.instant)
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addUniqueConstraint('ast_assets_code_uq', ['org_id', 'code'])
    .addUniqueConstraint('ast_assets_tag_uq', ['org_id', 'tag_no'])
    .execute();
  const assetIx = (name: string, columns: string[]) =>
    db.schema.createIndex(name).on('ast_assets').columns(columns).execute();
  // The register's filters: site, status, category, department, place, custodian.
  await assetIx('ast_assets_site_ix', ['org_id', 'site_id', 'status']);
  await assetIx('ast_assets_status_ix', ['org_id', 'status', 'category_id']);
  await assetIx('ast_assets_category_ix', ['org_id', 'category_id']);
  await assetIx('ast_assets_department_ix', ['org_id', 'department_id', 'status']);
  await assetIx('ast_assets_location_ix', ['org_id', 'location_id']);
  await assetIx('ast_assets_custodian_ix', ['org_id', 'custodian_person_id']);
  await assetIx('ast_assets_name_ix', ['org_id', 'name']);
  // The register's date filters (bought between, warranty ending before) and its sort by date.
  await assetIx('ast_assets_purchase_ix', ['org_id', 'purchase_date']);
  await assetIx('ast_assets_warranty_ix', ['org_id', 'warranty_end']);

  // One record per operation (register, assign, transfer, lend, return, repair,
  // repaired, damage, loss, dispose, release, recover, adjust), numbered.
  await db.schema
    .createTable('ast_operations')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('site_id', t.id, (c) => c.notNull().references('sites.id'))
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    // pending_approval → pending_receipt (custodian confirms) → done; rejected; cancelled.
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('requested_by', t.id, (c) => c.references('users.id'))
    .addColumn('requested_at', t.instant, (c) => c.notNull())
    // A department asking for an idle asset (reuse before buying).
    .addColumn('requesting_department_id', t.id, (c) => c.references('departments.id'))
    .addColumn('approved_by', t.id, (c) => c.references('users.id'))
    .addColumn('approved_at', t.instant)
    .addColumn('approval_note', 'text')
    .addColumn('to_site_id', t.id, (c) => c.references('sites.id'))
    .addColumn('to_location_id', t.id, (c) => c.references('locations.id'))
    .addColumn('to_department_id', t.id, (c) => c.references('departments.id'))
    .addColumn('to_custodian_person_id', t.id, (c) => c.references('people.id'))
    .addColumn('borrower_person_id', t.id, (c) => c.references('people.id'))
    .addColumn('borrower_name', 'text')
    .addColumn('due_date', t.date)
    .addColumn('lend_operation_id', t.id, (c) => c.references('ast_operations.id'))
    .addColumn('work_order_id', t.id)
    .addColumn('received_by', t.id, (c) => c.references('users.id'))
    .addColumn('received_at', t.instant)
    .addColumn('completed_at', t.instant)
    .addColumn('reminded_at', t.instant)
    .addColumn('total_value_fen', t.money, (c) => c.notNull().defaultTo(0))
    .addColumn('data', t.json, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addUniqueConstraint('ast_operations_number_uq', ['org_id', 'number'])
    .execute();
  const opIx = (name: string, columns: string[]) =>
    db.schema.createIndex(name).on('ast_operations').columns(columns).execute();
  await opIx('ast_ops_requested_ix', ['org_id', 'requested_at']);
  await opIx('ast_ops_kind_ix', ['org_id', 'kind', 'status', 'requested_at']);
  await opIx('ast_ops_site_ix', ['org_id', 'site_id', 'status']);
  // Loans due: the overdue reminder job's scan.
  await opIx('ast_ops_due_ix', ['kind', 'status', 'due_date']);
  // The operations list's department filter and "waiting for me" receipts.
  await opIx('ast_ops_to_department_ix', ['org_id', 'to_department_id', 'status']);
  await opIx('ast_ops_requesting_department_ix', ['org_id', 'requesting_department_id']);
  await opIx('ast_ops_custodian_ix', ['org_id', 'to_custodian_person_id', 'status']);

  await db.schema
    .createTable('ast_operation_lines')
    .addColumn('operation_id', t.id, (c) => c.notNull().references('ast_operations.id'))
    .addColumn('asset_id', t.id, (c) => c.notNull().references('ast_assets.id'))
    .addColumn('org_id', t.id, (c) => c.notNull().references('organizations.id'))
    // Where the asset was and whose it was before, to show and to undo (return).
    .addColumn('before', t.json, (c) => c.notNull())
    .addColumn('value_fen', t.money, (c) => c.notNull().defaultTo(0))
    .addColumn('returned_at', t.instant)
    .addPrimaryKeyConstraint('ast_operation_lines_pk', ['operation_id', 'asset_id'])
    .execute();
  await db.schema
    .createIndex('ast_op_lines_asset_ix')
    .on('ast_operation_lines')
    .columns(['org_id', 'asset_id'])
    .execute();

  // The asset's timeline: every change of status, place, custody or card.
  await db.schema
    .createTable('ast_events')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('asset_id', t.id, (c) => c.notNull().references('ast_assets.id'))
    .addColumn('operation_id', t.id, (c) => c.references('ast_operations.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text')
    .addColumn('actor_user_id', t.id, (c) => c.references('users.id'))
    // Kept as written: the system (a job) or a person whose account is later renamed.
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('data', t.json, (c) => c.notNull())
    .addColumn('at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('ast_events_asset_ix')
    .on('ast_events')
    .columns(['asset_id', 'at'])
    .execute();

  // Damage or loss: net value × responsibility share → owed by a person or vendor.
  await db.schema
    .createTable('ast_compensations')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('site_id', t.id, (c) => c.notNull().references('sites.id'))
    .addColumn('operation_id', t.id, (c) => c.notNull().references('ast_operations.id'))
    .addColumn('asset_id', t.id, (c) => c.notNull().references('ast_assets.id'))
    // The department the asset was with: compensation is reported per department.
    .addColumn('department_id', t.id, (c) => c.references('departments.id'))
    .addColumn('party_type', 'text', (c) => c.notNull())
    .addColumn('person_id', t.id, (c) => c.references('people.id'))
    .addColumn('party_name', 'text', (c) => c.notNull())
    .addColumn('net_value_fen', t.money, (c) => c.notNull())
    .addColumn('share_bp', 'integer', (c) => c.notNull())
    .addColumn('amount_fen', t.money, (c) => c.notNull())
    .addColumn('paid_fen', t.money, (c) => c.notNull().defaultTo(0))
    .addColumn('waived_fen', t.money, (c) => c.notNull().defaultTo(0))
    // owed / settled (paid + waived = amount).
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('decided_by', t.id, (c) => c.references('users.id'))
    .addColumn('decided_at', t.instant, (c) => c.notNull())
    .addColumn('settled_at', t.instant)
    .addColumn('note', 'text')
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('ast_comp_org_ix')
    .on('ast_compensations')
    .columns(['org_id', 'decided_at'])
    .execute();
  await db.schema
    .createIndex('ast_comp_department_ix')
    .on('ast_compensations')
    .columns(['org_id', 'department_id', 'decided_at'])
    .execute();
  // The compensation list's status filter (what is still owed).
  await db.schema
    .createIndex('ast_comp_status_ix')
    .on('ast_compensations')
    .columns(['org_id', 'status', 'decided_at'])
    .execute();
  await db.schema
    .createTable('ast_compensation_entries')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('compensation_id', t.id, (c) => c.notNull().references('ast_compensations.id'))
    // payment / waiver
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('amount_fen', t.money, (c) => c.notNull())
    .addColumn('at', t.instant, (c) => c.notNull())
    .addColumn('receipt_no', 'text')
    .addColumn('note', 'text')
    .addColumn('recorded_by', t.id, (c) => c.references('users.id'))
    .execute();
  await db.schema
    .createIndex('ast_comp_entries_ix')
    .on('ast_compensation_entries')
    .columns(['compensation_id', 'at'])
    .execute();

  // Stock-take (盘点): a campaign snapshots the expected list of its scope.
  await db.schema
    .createTable('ast_stocktakes')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('site_id', t.id, (c) => c.notNull().references('sites.id'))
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    // {buildingId?, locationId?, departmentId?, categoryId?}
    .addColumn('scope', t.json, (c) => c.notNull())
    // counting → closing (awaiting approval of the adjustments) → closed; cancelled.
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('expected_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', t.id, (c) => c.references('users.id'))
    .addColumn('started_at', t.instant, (c) => c.notNull())
    .addColumn('closed_at', t.instant)
    .addColumn('adjust_operation_id', t.id, (c) => c.references('ast_operations.id'))
    // Every operation the closing started (loss, damage, recover, adjust): the campaign is closed once none waits.
    .addColumn('operation_ids', t.json)
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addUniqueConstraint('ast_stocktakes_number_uq', ['org_id', 'number'])
    .execute();
  await db.schema
    .createTable('ast_stocktake_lines')
    .addColumn('stocktake_id', t.id, (c) => c.notNull().references('ast_stocktakes.id'))
    .addColumn('asset_id', t.id, (c) => c.notNull().references('ast_assets.id'))
    .addColumn('org_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('expected_location_id', t.id, (c) => c.references('locations.id'))
    .addColumn('expected_department_id', t.id, (c) => c.references('departments.id'))
    // pending / found / missing / wrong_place / damaged
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('found_location_id', t.id, (c) => c.references('locations.id'))
    .addColumn('counted_by', t.id, (c) => c.references('users.id'))
    .addColumn('counted_at', t.instant)
    .addColumn('note', 'text')
    // The asset's original value when the campaign started: the variance report sums lines alone.
    .addColumn('value_fen', t.money, (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('ast_stocktake_lines_pk', ['stocktake_id', 'asset_id'])
    .execute();
  await db.schema
    .createIndex('ast_st_lines_result_ix')
    .on('ast_stocktake_lines')
    .columns(['stocktake_id', 'result'])
    .execute();
  await db.schema
    .createIndex('ast_st_lines_place_ix')
    .on('ast_stocktake_lines')
    .columns(['stocktake_id', 'expected_location_id'])
    .execute();
  await db.schema
    .createTable('ast_stocktake_surplus')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('stocktake_id', t.id, (c) => c.notNull().references('ast_stocktakes.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('tag_no', 'text')
    .addColumn('location_id', t.id, (c) => c.references('locations.id'))
    .addColumn('note', 'text')
    .addColumn('counted_by', t.id, (c) => c.references('users.id'))
    .addColumn('counted_at', t.instant, (c) => c.notNull())
    .addColumn('asset_id', t.id, (c) => c.references('ast_assets.id'))
    .execute();
  await db.schema
    .createIndex('ast_st_surplus_ix')
    .on('ast_stocktake_surplus')
    .columns(['stocktake_id'])
    .execute();

  // Consumables and spare parts (物资/备件).
  await db.schema
    .createTable('st_items')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('spec', 'text')
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('category', 'text')
    // Alert when a store's quantity falls to or below this.
    .addColumn('min_stock', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', t.bool, (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addUniqueConstraint('st_items_code_uq', ['org_id', 'code'])
    .execute();
  await db.schema
    .createTable('st_stores')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('site_id', t.id, (c) => c.notNull().references('sites.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('keeper_user_id', t.id, (c) => c.references('users.id'))
    .addColumn('active', t.bool, (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addUniqueConstraint('st_stores_code_uq', ['org_id', 'code'])
    .execute();
  await db.schema
    .createIndex('st_stores_site_ix')
    .on('st_stores')
    .columns(['org_id', 'site_id'])
    .execute();
  // On hand per store × item; value_fen / quantity is the moving-average cost.
  await db.schema
    .createTable('st_stock')
    .addColumn('store_id', t.id, (c) => c.notNull().references('st_stores.id'))
    .addColumn('item_id', t.id, (c) => c.notNull().references('st_items.id'))
    .addColumn('org_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('value_fen', t.money, (c) => c.notNull())
    .addColumn('alerted_at', t.instant)
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('st_stock_pk', ['store_id', 'item_id'])
    .execute();
  await db.schema
    .createIndex('st_stock_item_ix')
    .on('st_stock')
    .columns(['org_id', 'item_id'])
    .execute();
  // Documents: stock in, requisition (领用, with approval), transfer, stock-take, work-order use.
  await db.schema
    .createTable('st_documents')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('site_id', t.id, (c) => c.notNull().references('sites.id'))
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    // pending_approval → done; rejected; cancelled.
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('store_id', t.id, (c) => c.notNull().references('st_stores.id'))
    .addColumn('to_store_id', t.id, (c) => c.references('st_stores.id'))
    .addColumn('department_id', t.id, (c) => c.references('departments.id'))
    .addColumn('work_order_id', t.id)
    // Kept at draw time: the stores cannot read maintenance tables (ADR 0005),
    // and "consumption by work-order category" must not change when a category is renamed.
    .addColumn('work_order_number', 'text')
    .addColumn('work_order_category', 'text')
    .addColumn('supplier', 'text')
    .addColumn('note', 'text')
    .addColumn('requested_by', t.id, (c) => c.references('users.id'))
    .addColumn('requested_at', t.instant, (c) => c.notNull())
    .addColumn('approved_by', t.id, (c) => c.references('users.id'))
    .addColumn('approved_at', t.instant)
    .addColumn('completed_at', t.instant)
    .addColumn('total_fen', t.money, (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addUniqueConstraint('st_documents_number_uq', ['org_id', 'number'])
    .execute();
  await db.schema
    .createIndex('st_documents_kind_ix')
    .on('st_documents')
    .columns(['org_id', 'kind', 'requested_at'])
    .execute();
  await db.schema
    .createIndex('st_documents_site_ix')
    .on('st_documents')
    .columns(['org_id', 'site_id', 'status', 'requested_at'])
    .execute();
  // "My requests" (a department's requisitions page).
  await db.schema
    .createIndex('st_documents_requester_ix')
    .on('st_documents')
    .columns(['org_id', 'requested_by', 'requested_at'])
    .execute();
  await db.schema
    .createIndex('st_documents_at_ix')
    .on('st_documents')
    .columns(['org_id', 'requested_at'])
    .execute();
  await db.schema
    .createIndex('st_documents_wo_ix')
    .on('st_documents')
    .columns(['org_id', 'work_order_id'])
    .execute();
  await db.schema
    .createTable('st_document_lines')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('document_id', t.id, (c) => c.notNull().references('st_documents.id'))
    .addColumn('org_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('item_id', t.id, (c) => c.notNull().references('st_items.id'))
    // Signed for a stock-take: the adjustment (counted − book).
    .addColumn('quantity', 'integer', (c) => c.notNull())
    // Stock-take only: what was counted (book = counted − quantity).
    .addColumn('counted_quantity', 'integer')
    // Stock in: the price paid. Out: the moving average at the moment it left.
    .addColumn('unit_cost_fen', t.money)
    .addColumn('value_fen', t.money)
    .execute();
  await db.schema
    .createIndex('st_doc_lines_doc_ix')
    .on('st_document_lines')
    .columns(['document_id'])
    .execute();
  // Every change of stock, signed; the ledger the reports read.
  await db.schema
    .createTable('st_movements')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('store_id', t.id, (c) => c.notNull().references('st_stores.id'))
    .addColumn('item_id', t.id, (c) => c.notNull().references('st_items.id'))
    .addColumn('document_id', t.id, (c) => c.notNull().references('st_documents.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('value_fen', t.money, (c) => c.notNull())
    .addColumn('balance_quantity', 'integer', (c) => c.notNull())
    .addColumn('balance_value_fen', t.money, (c) => c.notNull())
    .addColumn('department_id', t.id, (c) => c.references('departments.id'))
    .addColumn('work_order_id', t.id)
    .addColumn('at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('st_movements_item_ix')
    .on('st_movements')
    .columns(['org_id', 'item_id', 'at'])
    .execute();
  await db.schema
    .createIndex('st_movements_at_ix')
    .on('st_movements')
    .columns(['org_id', 'at'])
    .execute();
  await db.schema
    .createIndex('st_movements_store_ix')
    .on('st_movements')
    .columns(['org_id', 'store_id', 'at'])
    .execute();
  await db.schema
    .createIndex('st_movements_wo_ix')
    .on('st_movements')
    .columns(['org_id', 'work_order_id'])
    .execute();
  await db.schema
    .createIndex('st_movements_department_ix')
    .on('st_movements')
    .columns(['org_id', 'department_id', 'at'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Houqin migrations are forward-only; restore a backup to go back.');
}
