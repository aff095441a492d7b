import type { JsonColumn } from '../../platform/db/json.ts';

// Row types of migration 0007 (assets and stores). Money in 分; dates YYYY-MM-DD;
// instants ISO-8601 UTC; booleans 0/1.

export interface AstSettingsTable {
  org_id: string;
  approval_kinds: JsonColumn;
  approval_threshold_fen: number;
  loan_days: number;
  tag_format: string | null;
  updated_at: string;
}

export interface AstCategoriesTable {
  id: string;
  org_id: string;
  parent_id: string | null;
  code: string;
  name: string;
  tracking: string;
  unit: string | null;
  depreciation_method: string;
  life_months: number | null;
  residual_bp: number;
  fields: JsonColumn;
  sort_order: number;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface AstAssetsTable {
  id: string;
  org_id: string;
  site_id: string;
  code: string;
  tag_no: string;
  qr_token: string;
  name: string;
  category_id: string;
  model: string | null;
  unit: string | null;
  quantity: number;
  unit_price_fen: number;
  original_value_fen: number;
  purchase_date: string | null;
  in_service_date: string | null;
  source: string;
  supplier: string | null;
  invoice_no: string | null;
  warranty_end: string | null;
  location_id: string | null;
  department_id: string | null;
  custodian_person_id: string | null;
  status: string;
  condition: string;
  depreciation_method: string;
  life_months: number | null;
  residual_bp: number;
  custom: JsonColumn;
  notes: string | null;
  open_operation_id: string | null;
  disposed_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface AstOperationsTable {
  id: string;
  org_id: string;
  site_id: string;
  number: string;
  kind: string;
  status: string;
  reason: string | null;
  requested_by: string | null;
  requested_at: string;
  requesting_department_id: string | null;
  approved_by: string | null;
  approved_at: string | null;
  approval_note: string | null;
  to_site_id: string | null;
  to_location_id: string | null;
  to_department_id: string | null;
  to_custodian_person_id: string | null;
  borrower_person_id: string | null;
  borrower_name: string | null;
  due_date: string | null;
  lend_operation_id: string | null;
  work_order_id: string | null;
  received_by: string | null;
  received_at: string | null;
  completed_at: string | null;
  reminded_at: string | null;
  total_value_fen: number;
  data: JsonColumn;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface AstOperationLinesTable {
  operation_id: string;
  asset_id: string;
  org_id: string;
  before: JsonColumn;
  value_fen: number;
  returned_at: string | null;
}

export interface AstEventsTable {
  id: string;
  org_id: string;
  asset_id: string;
  operation_id: string | null;
  action: string;
  from_status: string | null;
  to_status: string | null;
  actor_user_id: string | null;
  actor_name: string;
  note: string | null;
  data: JsonColumn;
  at: string;
}

export interface AstCompensationsTable {
  id: string;
  org_id: string;
  site_id: string;
  operation_id: string;
  asset_id: string;
  department_id: string | null;
  party_type: string;
  person_id: string | null;
  party_name: string;
  net_value_fen: number;
  share_bp: number;
  amount_fen: number;
  paid_fen: number;
  waived_fen: number;
  status: string;
  decided_by: string | null;
  decided_at: string;
  settled_at: string | null;
  note: string | null;
  created_at: string;
  updated_at: string;
}

export interface AstCompensationEntriesTable {
  id: string;
  org_id: string;
  compensation_id: string;
  kind: string;
  amount_fen: number;
  at: string;
  receipt_no: string | null;
  note: string | null;
  recorded_by: string | null;
}

export interface AstStocktakesTable {
  id: string;
  org_id: string;
  site_id: string;
  number: string;
  name: string;
  scope: JsonColumn;
  status: string;
  expected_count: number;
  created_by: string | null;
  started_at: string;
  closed_at: string | null;
  adjust_operation_id: string | null;
  operation_ids: JsonColumn | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface AstStocktakeLinesTable {
  stocktake_id: string;
  asset_id: string;
  org_id: string;
  expected_location_id: string | null;
  expected_department_id: string | null;
  result: string;
  found_location_id: string | null;
  counted_by: string | null;
  counted_at: string | null;
  note: string | null;
  value_fen: number;
}

export interface AstStocktakeSurplusTable {
  id: string;
  org_id: string;
  stocktake_id: string;
  name: string;
  tag_no: string | null;
  location_id: string | null;
  note: string | null;
  counted_by: string | null;
  counted_at: string;
  asset_id: string | null;
}

export interface StItemsTable {
  id: string;
  org_id: string;
  code: string;
  name: string;
  spec: string | null;
  unit: string;
  category: string | null;
  min_stock: number;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface StStoresTable {
  id: string;
  org_id: string;
  site_id: string;
  code: string;
  name: string;
  keeper_user_id: string | null;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface StStockTable {
  store_id: string;
  item_id: string;
  org_id: string;
  quantity: number;
  value_fen: number;
  alerted_at: string | null;
  version: number;
  updated_at: string;
}

export interface StDocumentsTable {
  id: string;
  org_id: string;
  site_id: string;
  number: string;
  kind: string;
  status: string;
  store_id: string;
  to_store_id: string | null;
  department_id: string | null;
  work_order_id: string | null;
  work_order_number: string | null;
  work_order_category: string | null;
  supplier: string | null;
  note: string | null;
  requested_by: string | null;
  requested_at: string;
  approved_by: string | null;
  approved_at: string | null;
  completed_at: string | null;
  total_fen: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface StDocumentLinesTable {
  id: string;
  document_id: string;
  org_id: string;
  item_id: string;
  quantity: number;
  counted_quantity: number | null;
  unit_cost_fen: number | null;
  value_fen: number | null;
}

export interface StMovementsTable {
  id: string;
  org_id: string;
  store_id: string;
  item_id: string;
  document_id: string;
  kind: string;
  quantity: number;
  value_fen: number;
  balance_quantity: number;
  balance_value_fen: number;
  department_id: string | null;
  work_order_id: string | null;
  at: string;
}

export interface AssetsTables {
  ast_settings: AstSettingsTable;
  ast_categories: AstCategoriesTable;
  ast_assets: AstAssetsTable;
  ast_operations: AstOperationsTable;
  ast_operation_lines: AstOperationLinesTable;
  ast_events: AstEventsTable;
  ast_compensations: AstCompensationsTable;
  ast_compensation_entries: AstCompensationEntriesTable;
  ast_stocktakes: AstStocktakesTable;
  ast_stocktake_lines: AstStocktakeLinesTable;
  ast_stocktake_surplus: AstStocktakeSurplusTable;
  st_items: StItemsTable;
  st_stores: StStoresTable;
  st_stock: StStockTable;
  st_documents: StDocumentsTable;
  st_document_lines: StDocumentLinesTable;
  st_movements: StMovementsTable;
}
