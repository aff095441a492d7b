import type { Kysely } from 'kysely';
import { columnTypes, dialectOf } from '../platform/db/dialect.ts';

/**
 * Maintenance (报修与工单): settings as org data (categories, priorities, SLA
 * targets, teams, duty roster, dispatch rules), work orders with their
 * event log, labour, materials, call-backs and stored SLA breaches.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(dialectOf(db));

  await db.schema
    .createTable('mnt_settings')
    .addColumn('org_id', t.id, (c) => c.primaryKey().references('organizations.id'))
    .addColumn('auto_confirm_days', 'integer', (c) => c.notNull())
    .addColumn('exclude_paused', t.bool, (c) => c.notNull())
    .addColumn('warn_before_minutes', 'integer', (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('mnt_categories')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', t.bool, (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addUniqueConstraint('mnt_categories_code_uq', ['org_id', 'code'])
    .execute();

  await db.schema
    .createTable('mnt_priorities')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('rank', 'integer', (c) => c.notNull())
    // Urgent jobs run on the clock; the others on the org's working calendar.
    .addColumn('round_the_clock', t.bool, (c) => c.notNull().defaultTo(0))
    .addColumn('response_minutes', 'integer', (c) => c.notNull())
    .addColumn('completion_minutes', 'integer', (c) => c.notNull())
    .addColumn('active', t.bool, (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addUniqueConstraint('mnt_priorities_code_uq', ['org_id', 'code'])
    .execute();

  // Overrides of a priority's targets for one category (电梯 × 紧急 = 15 min).
  await db.schema
    .createTable('mnt_sla_targets')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('category_id', t.id, (c) => c.notNull().references('mnt_categories.id'))
    .addColumn('priority_id', t.id, (c) => c.notNull().references('mnt_priorities.id'))
    .addColumn('response_minutes', 'integer', (c) => c.notNull())
    .addColumn('completion_minutes', 'integer', (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addUniqueConstraint('mnt_sla_targets_uq', ['org_id', 'category_id', 'priority_id'])
    .execute();

  await db.schema
    .createTable('mnt_teams')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('site_id', t.id, (c) => c.references('sites.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('active', t.bool, (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addUniqueConstraint('mnt_teams_name_uq', ['org_id', 'name'])
    .execute();

  await db.schema
    .createTable('mnt_team_members')
    .addColumn('team_id', t.id, (c) => c.notNull().references('mnt_teams.id'))
    .addColumn('user_id', t.id, (c) => c.notNull().references('users.id'))
    .addColumn('org_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('leader', t.bool, (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('mnt_team_members_pk', ['team_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('mnt_team_members_user_ix')
    .on('mnt_team_members')
    .columns(['org_id', 'user_id'])
    .execute();

  // Duty roster: who is on which shift on which day (times in the org's zone;
  // an end before the start runs past midnight).
  await db.schema
    .createTable('mnt_duty')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('team_id', t.id, (c) => c.notNull().references('mnt_teams.id'))
    .addColumn('user_id', t.id, (c) => c.notNull().references('users.id'))
    .addColumn('day', t.date, (c) => c.notNull())
    .addColumn('start_time', 'text', (c) => c.notNull())
    .addColumn('end_time', 'text', (c) => c.notNull())
    .addUniqueConstraint('mnt_duty_uq', ['team_id', 'user_id', 'day', 'start_time'])
    .execute();
  await db.schema
    .createIndex('mnt_duty_day_ix')
    .on('mnt_duty')
    .columns(['org_id', 'team_id', 'day'])
    .execute();

  await db.schema
    .createTable('mnt_dispatch_rules')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('category_id', t.id, (c) => c.references('mnt_categories.id'))
    .addColumn('site_id', t.id, (c) => c.references('sites.id'))
    .addColumn('team_id', t.id, (c) => c.notNull().references('mnt_teams.id'))
    // Assign to the on-duty member at once, or only route to the team's queue.
    .addColumn('auto_assign', t.bool, (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addUniqueConstraint('mnt_dispatch_rules_uq', ['org_id', 'category_id', 'site_id'])
    .execute();

  await db.schema
    .createTable('mnt_work_orders')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('site_id', t.id, (c) => c.notNull().references('sites.id'))
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('category_id', t.id, (c) => c.notNull().references('mnt_categories.id'))
    .addColumn('priority_id', t.id, (c) => c.notNull().references('mnt_priorities.id'))
    .addColumn('location_id', t.id, (c) => c.references('locations.id'))
    // The building of the location, kept for the building filter without a tree walk.
    .addColumn('building_id', t.id, (c) => c.references('locations.id'))
    .addColumn('asset_ref', 'text')
    .addColumn('place_text', 'text')
    .addColumn('department_id', t.id, (c) => c.references('departments.id'))
    .addColumn('requester_user_id', t.id, (c) => c.references('users.id'))
    .addColumn('requester_name', 'text', (c) => c.notNull())
    .addColumn('requester_phone', 'text')
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('created_by', t.id, (c) => c.references('users.id'))
    .addColumn('team_id', t.id, (c) => c.references('mnt_teams.id'))
    .addColumn('assignee_user_id', t.id, (c) => c.references('users.id'))
    .addColumn('submitted_at', t.instant, (c) => c.notNull())
    .addColumn('assigned_at', t.instant)
    .addColumn('accepted_at', t.instant)
    .addColumn('started_at', t.instant)
    .addColumn('completed_at', t.instant)
    .addColumn('confirmed_at', t.instant)
    .addColumn('closed_at', t.instant)
    .addColumn('cancelled_at', t.instant)
    .addColumn('paused_at', t.instant)
    .addColumn('paused_minutes', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('response_due_at', t.instant, (c) => c.notNull())
    .addColumn('completion_due_at', t.instant, (c) => c.notNull())
    // Measured, in SLA minutes (working or clock, as the priority says), when reached.
    .addColumn('response_minutes', 'integer')
    .addColumn('completion_minutes', 'integer')
    .addColumn('response_breached', t.bool, (c) => c.notNull().defaultTo(0))
    .addColumn('completion_breached', t.bool, (c) => c.notNull().defaultTo(0))
    .addColumn('response_warned', t.bool, (c) => c.notNull().defaultTo(0))
    .addColumn('completion_warned', t.bool, (c) => c.notNull().defaultTo(0))
    .addColumn('rating', 'integer')
    .addColumn('rating_comment', 'text')
    .addColumn('labour_minutes', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('materials_fen', t.money, (c) => c.notNull().defaultTo(0))
    .addColumn('outside_fen', t.money, (c) => c.notNull().defaultTo(0))
    .addColumn('cause', 'text')
    .addColumn('action_taken', 'text')
    .addColumn('reopen_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addUniqueConstraint('mnt_work_orders_number_uq', ['org_id', 'number'])
    .execute();
  // Every list filter starts from the organisation and a date range or a
  // person; these serve the board, "mine", the filters and the statistics.
  const ix = (name: string, columns: string[]) =>
    db.schema.createIndex(name).on('mnt_work_orders').columns(columns).execute();
  await ix('mnt_wo_submitted_ix', ['org_id', 'submitted_at']);
  await ix('mnt_wo_site_ix', ['org_id', 'site_id', 'submitted_at']);
  await ix('mnt_wo_status_ix', ['org_id', 'status', 'submitted_at']);
  await ix('mnt_wo_category_ix', ['org_id', 'category_id', 'submitted_at']);
  await ix('mnt_wo_assignee_ix', ['org_id', 'assignee_user_id', 'status']);
  await ix('mnt_wo_team_ix', ['org_id', 'team_id', 'status']);
  await ix('mnt_wo_requester_ix', ['org_id', 'requester_user_id', 'submitted_at']);
  await ix('mnt_wo_department_ix', ['org_id', 'department_id', 'submitted_at']);
  await ix('mnt_wo_location_ix', ['org_id', 'location_id', 'submitted_at']);
  await ix('mnt_wo_building_ix', ['org_id', 'building_id', 'submitted_at']);
  // The SLA job's "due soon / overdue and still open" scans.
  await ix('mnt_wo_response_due_ix', ['response_breached', 'response_due_at']);
  await ix('mnt_wo_completion_due_ix', ['completion_breached', 'completion_due_at']);
  await ix('mnt_wo_completed_ix', ['status', 'completed_at']);

  await db.schema
    .createTable('mnt_events')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('work_order_id', t.id, (c) => c.notNull().references('mnt_work_orders.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', t.id, (c) => c.references('users.id'))
    .addColumn('actor_name', 'text')
    .addColumn('note', 'text')
    .addColumn('data', t.json)
    .addColumn('at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('mnt_events_wo_ix')
    .on('mnt_events')
    .columns(['work_order_id', 'at'])
    .execute();

  await db.schema
    .createTable('mnt_labour')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('work_order_id', t.id, (c) => c.notNull().references('mnt_work_orders.id'))
    .addColumn('user_id', t.id, (c) => c.references('users.id'))
    .addColumn('worker_name', 'text', (c) => c.notNull())
    .addColumn('minutes', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('mnt_labour_wo_ix')
    .on('mnt_labour')
    .column('work_order_id')
    .execute();
  await db.schema
    .createIndex('mnt_labour_user_ix')
    .on('mnt_labour')
    .columns(['org_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('mnt_materials')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('work_order_id', t.id, (c) => c.notNull().references('mnt_work_orders.id'))
    // Set when the line draws on a store item (assets module); free text otherwise.
    .addColumn('item_ref', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('unit', 'text')
    .addColumn('quantity', t.float, (c) => c.notNull())
    .addColumn('unit_cost_fen', t.money, (c) => c.notNull())
    .addColumn('amount_fen', t.money, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('mnt_materials_wo_ix')
    .on('mnt_materials')
    .column('work_order_id')
    .execute();

  await db.schema
    .createTable('mnt_callbacks')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('work_order_id', t.id, (c) => c.notNull().references('mnt_work_orders.id'))
    .addColumn('user_id', t.id, (c) => c.references('users.id'))
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('mnt_callbacks_wo_ix')
    .on('mnt_callbacks')
    .column('work_order_id')
    .execute();

  // A breach is a fact recorded when it happens, not recomputed later.
  await db.schema
    .createTable('mnt_sla_breaches')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('work_order_id', t.id, (c) => c.notNull().references('mnt_work_orders.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('due_at', t.instant, (c) => c.notNull())
    .addColumn('breached_at', t.instant, (c) => c.notNull())
    .addUniqueConstraint('mnt_sla_breaches_uq', ['work_order_id', 'kind'])
    .execute();
  await db.schema
    .createIndex('mnt_sla_breaches_org_ix')
    .on('mnt_sla_breaches')
    .columns(['org_id', 'breached_at'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Houqin migrations are forward-only; restore a backup to go back.');
}
