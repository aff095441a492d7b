import type { Kysely } from 'kysely';
import { columnTypes, dialectOf } from '../platform/db/dialect.ts';

/**
 * Notifications (in-app inbox, channels, delivery log with retries) and the
 * scheduler (leader lease, job schedule, job run log).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(dialectOf(db));

  await db.schema
    .createTable('notifications')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('user_id', t.id, (c) => c.notNull().references('users.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('link', 'text')
    .addColumn('category', 'text')
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('read_at', t.instant)
    .execute();
  // "My unread" and the unread badge; the second index serves the full inbox, newest first.
  await db.schema
    .createIndex('notifications_unread_ix')
    .on('notifications')
    .columns(['org_id', 'user_id', 'read_at', 'created_at'])
    .execute();
  await db.schema
    .createIndex('notifications_inbox_ix')
    .on('notifications')
    .columns(['org_id', 'user_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('notification_channels')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('config', t.json, (c) => c.notNull())
    .addColumn('enabled', t.bool, (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addUniqueConstraint('notification_channels_org_name_uq', ['org_id', 'name'])
    .execute();

  await db.schema
    .createTable('notification_deliveries')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull().references('organizations.id'))
    // The log outlives a deleted channel: kind and target still say where it went.
    .addColumn('channel_id', t.id, (c) =>
      c.references('notification_channels.id').onDelete('set null'),
    )
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('payload', t.json, (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', t.instant)
    .addColumn('last_error', 'text')
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('sent_at', t.instant)
    .execute();
  // The sender's "what is due" query, across organisations.
  await db.schema
    .createIndex('notification_deliveries_due_ix')
    .on('notification_deliveries')
    .columns(['status', 'next_attempt_at'])
    .execute();
  // The delivery log: all, by status, by channel; newest first.
  await db.schema
    .createIndex('notification_deliveries_log_ix')
    .on('notification_deliveries')
    .columns(['org_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('notification_deliveries_status_ix')
    .on('notification_deliveries')
    .columns(['org_id', 'status', 'created_at'])
    .execute();
  await db.schema
    .createIndex('notification_deliveries_channel_ix')
    .on('notification_deliveries')
    .columns(['org_id', 'channel_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('scheduler_lease')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('holder', 'text', (c) => c.notNull())
    .addColumn('expires_at', t.instant, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('scheduler_jobs')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('next_run_at', t.instant, (c) => c.notNull())
    .addColumn('last_run_at', t.instant)
    .execute();

  await db.schema
    .createTable('job_runs')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('job', 'text', (c) => c.notNull())
    .addColumn('started_at', t.instant, (c) => c.notNull())
    .addColumn('finished_at', t.instant)
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('error', 'text')
    .addColumn('detail', 'text')
    .execute();
  await db.schema
    .createIndex('job_runs_job_ix')
    .on('job_runs')
    .columns(['job', 'started_at'])
    .execute();
  // The run log across all jobs, newest first, and the retention sweep.
  await db.schema
    .createIndex('job_runs_started_ix')
    .on('job_runs')
    .columns(['started_at'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Houqin migrations are forward-only; restore a backup to go back.');
}
