import type { JsonColumn } from '../db/json.ts';

export interface RolesTable {
  id: string;
  org_id: string;
  key: string;
  name: string;
  description: string | null;
  permissions: JsonColumn;
  builtin: number;
  created_at: string;
  updated_at: string;
}

export interface UserRolesTable {
  id: string;
  org_id: string;
  user_id: string;
  role_id: string;
  /** null: the grant covers the whole organisation. */
  site_id: string | null;
  created_at: string;
}

export interface AccessTables {
  roles: RolesTable;
  user_roles: UserRolesTable;
}
