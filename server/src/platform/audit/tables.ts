import type { NullableJsonColumn } from '../db/json.ts';

export interface AuditLogTable {
  id: string;
  org_id: string;
  at: string;
  actor_user_id: string | null;
  actor_name: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  site_id: string | null;
  before: NullableJsonColumn;
  after: NullableJsonColumn;
  request_id: string | null;
  ip: string | null;
}

export interface AuditTables {
  audit_log: AuditLogTable;
}
