import type { JsonColumn } from '../../platform/db/json.ts';

export interface OrganizationsTable {
  id: string;
  name: string;
  timezone: string;
  settings: JsonColumn;
  created_at: string;
  updated_at: string;
}

export interface SitesTable {
  id: string;
  org_id: string;
  code: string;
  name: string;
  address: string | null;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface LocationsTable {
  id: string;
  org_id: string;
  site_id: string;
  parent_id: string | null;
  type: string;
  code: string;
  name: string;
  area_m2: number | null;
  qr_token: string;
  sort_order: number;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface DepartmentsTable {
  id: string;
  org_id: string;
  parent_id: string | null;
  site_id: string | null;
  code: string;
  name: string;
  sort_order: number;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface PeopleTable {
  id: string;
  org_id: string;
  employee_no: string;
  name: string;
  phone: string | null;
  email: string | null;
  department_id: string | null;
  position: string | null;
  active: number;
  deleted_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface OrgTables {
  organizations: OrganizationsTable;
  sites: SitesTable;
  locations: LocationsTable;
  departments: DepartmentsTable;
  people: PeopleTable;
}
