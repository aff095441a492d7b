import type { Kysely } from 'kysely';
import { columnTypes, dialectOf } from '../platform/db/dialect.ts';

/**
 * Core: organisations, sites, the location tree, departments, people, user
 * accounts, roles and grants, sessions, API tokens, login attempts, audit log
 * and numbering sequences.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(dialectOf(db));

  await db.schema
    .createTable('organizations')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('timezone', 'text', (c) => c.notNull())
    .addColumn('settings', t.json, (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sites')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('address', 'text')
    .addColumn('active', t.bool, (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addUniqueConstraint('sites_org_code_uq', ['org_id', 'code'])
    .execute();

  await db.schema
    .createTable('locations')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('site_id', t.id, (c) => c.notNull().references('sites.id'))
    .addColumn('parent_id', t.id, (c) => c.references('locations.id'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('area_m2', 'real')
    .addColumn('qr_token', 'text', (c) => c.notNull().unique())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', t.bool, (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addUniqueConstraint('locations_site_code_uq', ['org_id', 'site_id', 'code'])
    .execute();
  await db.schema
    .createIndex('locations_parent_ix')
    .on('locations')
    .columns(['org_id', 'site_id', 'parent_id'])
    .execute();

  await db.schema
    .createTable('departments')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('parent_id', t.id, (c) => c.references('departments.id'))
    .addColumn('site_id', t.id, (c) => c.references('sites.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', t.bool, (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addUniqueConstraint('departments_org_code_uq', ['org_id', 'code'])
    .execute();
  await db.schema
    .createIndex('departments_parent_ix')
    .on('departments')
    .columns(['org_id', 'parent_id'])
    .execute();

  await db.schema
    .createTable('people')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('employee_no', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('department_id', t.id, (c) => c.references('departments.id'))
    .addColumn('position', 'text')
    .addColumn('active', t.bool, (c) => c.notNull().defaultTo(1))
    .addColumn('deleted_at', t.instant)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addUniqueConstraint('people_org_employee_no_uq', ['org_id', 'employee_no'])
    .execute();
  await db.schema
    .createIndex('people_department_ix')
    .on('people')
    .columns(['org_id', 'department_id'])
    .execute();
  await db.schema.createIndex('people_name_ix').on('people').columns(['org_id', 'name']).execute();

  await db.schema
    .createTable('users')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('person_id', t.id, (c) => c.references('people.id'))
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull().defaultTo('zh-CN'))
    .addColumn('active', t.bool, (c) => c.notNull().defaultTo(1))
    .addColumn('must_change_password', t.bool, (c) => c.notNull().defaultTo(0))
    .addColumn('last_login_at', t.instant)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('users_org_ix').on('users').columns(['org_id', 'username']).execute();

  await db.schema
    .createTable('roles')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('permissions', t.json, (c) => c.notNull())
    .addColumn('builtin', t.bool, (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addUniqueConstraint('roles_org_key_uq', ['org_id', 'key'])
    .execute();

  await db.schema
    .createTable('user_roles')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('user_id', t.id, (c) => c.notNull().references('users.id'))
    .addColumn('role_id', t.id, (c) => c.notNull().references('roles.id'))
    .addColumn('site_id', t.id, (c) => c.references('sites.id'))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('user_roles_user_ix').on('user_roles').columns(['user_id']).execute();
  await db.schema.createIndex('user_roles_role_ix').on('user_roles').columns(['role_id']).execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', t.id, (c) => c.notNull().references('users.id'))
    .addColumn('org_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('last_seen_at', t.instant, (c) => c.notNull())
    .addColumn('expires_at', t.instant, (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .execute();
  await db.schema.createIndex('sessions_user_ix').on('sessions').columns(['user_id']).execute();

  await db.schema
    .createTable('api_tokens')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('user_id', t.id, (c) => c.notNull().references('users.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('last_used_at', t.instant)
    .addColumn('expires_at', t.instant)
    .addColumn('revoked_at', t.instant)
    .execute();
  await db.schema
    .createIndex('api_tokens_user_ix')
    .on('api_tokens')
    .columns(['org_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('login_attempts')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('ip', 'text', (c) => c.notNull())
    .addColumn('success', t.bool, (c) => c.notNull())
    .addColumn('at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('login_attempts_user_ix')
    .on('login_attempts')
    .columns(['username', 'at'])
    .execute();
  await db.schema
    .createIndex('login_attempts_ip_ix')
    .on('login_attempts')
    .columns(['ip', 'at'])
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('at', t.instant, (c) => c.notNull())
    .addColumn('actor_user_id', t.id)
    .addColumn('actor_name', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('site_id', t.id)
    .addColumn('before', t.json)
    .addColumn('after', t.json)
    .addColumn('request_id', 'text')
    .addColumn('ip', 'text')
    .execute();
  await db.schema
    .createIndex('audit_org_at_ix')
    .on('audit_log')
    .columns(['org_id', 'at'])
    .execute();
  await db.schema
    .createIndex('audit_entity_ix')
    .on('audit_log')
    .columns(['org_id', 'entity_type', 'entity_id', 'at'])
    .execute();
  await db.schema
    .createIndex('audit_actor_ix')
    .on('audit_log')
    .columns(['org_id', 'actor_user_id', 'at'])
    .execute();

  await db.schema
    .createTable('numbering_sequences')
    .addColumn('org_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('doc_type', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last_value', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('numbering_sequences_pk', ['org_id', 'doc_type', 'year'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Houqin migrations are forward-only; restore a backup to go back.');
}
