import type { JsonColumn } from '../../platform/db/json.ts';

export interface MntSettingsTable {
  org_id: string;
  auto_confirm_days: number;
  exclude_paused: number;
  warn_before_minutes: number;
  updated_at: string;
}

export interface MntCategoriesTable {
  id: string;
  org_id: string;
  code: string;
  name: string;
  sort_order: number;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface MntPrioritiesTable {
  id: string;
  org_id: string;
  code: string;
  name: string;
  rank: number;
  round_the_clock: number;
  response_minutes: number;
  completion_minutes: number;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface MntSlaTargetsTable {
  id: string;
  org_id: string;
  category_id: string;
  priority_id: string;
  response_minutes: number;
  completion_minutes: number;
  updated_at: string;
}

export interface MntTeamsTable {
  id: string;
  org_id: string;
  site_id: string | null;
  name: string;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface MntTeamMembersTable {
  team_id: string;
  user_id: string;
  org_id: string;
  leader: number;
}

export interface MntDutyTable {
  id: string;
  org_id: string;
  team_id: string;
  user_id: string;
  day: string;
  start_time: string;
  end_time: string;
}

export interface MntDispatchRulesTable {
  id: string;
  org_id: string;
  category_id: string | null;
  site_id: string | null;
  team_id: string;
  auto_assign: number;
  created_at: string;
  updated_at: string;
}

export interface MntWorkOrdersTable {
  id: string;
  org_id: string;
  site_id: string;
  number: string;
  source: string;
  status: string;
  category_id: string;
  priority_id: string;
  location_id: string | null;
  building_id: string | null;
  asset_ref: string | null;
  place_text: string | null;
  department_id: string | null;
  requester_user_id: string | null;
  requester_name: string;
  requester_phone: string | null;
  description: string;
  created_by: string | null;
  team_id: string | null;
  assignee_user_id: string | null;
  submitted_at: string;
  assigned_at: string | null;
  accepted_at: string | null;
  started_at: string | null;
  completed_at: string | null;
  confirmed_at: string | null;
  closed_at: string | null;
  cancelled_at: string | null;
  paused_at: string | null;
  paused_minutes: number;
  response_due_at: string;
  completion_due_at: string;
  response_minutes: number | null;
  completion_minutes: number | null;
  response_breached: number;
  completion_breached: number;
  response_warned: number;
  completion_warned: number;
  rating: number | null;
  rating_comment: string | null;
  labour_minutes: number;
  materials_fen: number;
  outside_fen: number;
  cause: string | null;
  action_taken: string | null;
  reopen_count: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface MntEventsTable {
  id: string;
  org_id: string;
  work_order_id: string;
  action: string;
  from_status: string | null;
  to_status: string;
  actor_user_id: string | null;
  actor_name: string | null;
  note: string | null;
  data: JsonColumn | null;
  at: string;
}

export interface MntLabourTable {
  id: string;
  org_id: string;
  work_order_id: string;
  user_id: string | null;
  worker_name: string;
  minutes: number;
}

export interface MntMaterialsTable {
  id: string;
  org_id: string;
  work_order_id: string;
  item_ref: string | null;
  name: string;
  unit: string | null;
  quantity: number;
  unit_cost_fen: number;
  amount_fen: number;
}

export interface MntCallbacksTable {
  id: string;
  org_id: string;
  work_order_id: string;
  user_id: string | null;
  outcome: string;
  note: string | null;
  at: string;
}

export interface MntSlaBreachesTable {
  id: string;
  org_id: string;
  work_order_id: string;
  kind: string;
  due_at: string;
  breached_at: string;
}

export interface MaintenanceTables {
  mnt_settings: MntSettingsTable;
  mnt_categories: MntCategoriesTable;
  mnt_priorities: MntPrioritiesTable;
  mnt_sla_targets: MntSlaTargetsTable;
  mnt_teams: MntTeamsTable;
  mnt_team_members: MntTeamMembersTable;
  mnt_duty: MntDutyTable;
  mnt_dispatch_rules: MntDispatchRulesTable;
  mnt_work_orders: MntWorkOrdersTable;
  mnt_events: MntEventsTable;
  mnt_labour: MntLabourTable;
  mnt_materials: MntMaterialsTable;
  mnt_callbacks: MntCallbacksTable;
  mnt_sla_breaches: MntSlaBreachesTable;
}
