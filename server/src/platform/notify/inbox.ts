import type { Selectable } from 'kysely';
import type { Db } from '../db/connect.ts';
import { notFound } from '../errors.ts';
import type { InboxQuery, Notification } from './schema.ts';
import type { NotificationsTable } from './tables.ts';

/** Whose inbox: always the signed-in user's own; nobody reads another person's inbox. */
export type InboxOwner = { orgId: string; userId: string };

const NOTIFICATION = { zh: '通知', en: 'Notification' };

function notificationFromRow(r: Selectable<NotificationsTable>): Notification {
  return {
    id: r.id,
    title: r.title,
    body: r.body,
    link: r.link,
    category: r.category,
    createdAt: r.created_at,
    readAt: r.read_at,
  };
}

function ownRows(db: Db, owner: InboxOwner) {
  return db
    .selectFrom('notifications')
    .where('org_id', '=', owner.orgId)
    .where('user_id', '=', owner.userId);
}

export async function listInbox(
  db: Db,
  owner: InboxOwner,
  query: InboxQuery,
): Promise<{ items: Notification[]; total: number }> {
  let q = ownRows(db, owner);
  if (query.unread === true) q = q.where('read_at', 'is', null);
  if (query.unread === false) q = q.where('read_at', 'is not', null);
  const [rows, count] = await Promise.all([
    q
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(notificationFromRow), total: Number(count.n) };
}

export async function unreadCount(db: Db, owner: InboxOwner): Promise<number> {
  const row = await ownRows(db, owner)
    .where('read_at', 'is', null)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Marks one of my notifications read; reading it again keeps the first read time. */
export async function markRead(
  db: Db,
  owner: InboxOwner,
  id: string,
  now: Date = new Date(),
): Promise<Notification> {
  await db
    .updateTable('notifications')
    .set({ read_at: now.toISOString() })
    .where('org_id', '=', owner.orgId)
    .where('user_id', '=', owner.userId)
    .where('id', '=', id)
    .where('read_at', 'is', null)
    .execute();
  const row = await ownRows(db, owner).selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound(NOTIFICATION);
  return notificationFromRow(row);
}

/** Marks all my unread notifications read; answers how many changed. */
export async function markAllRead(
  db: Db,
  owner: InboxOwner,
  now: Date = new Date(),
): Promise<number> {
  const res = await db
    .updateTable('notifications')
    .set({ read_at: now.toISOString() })
    .where('org_id', '=', owner.orgId)
    .where('user_id', '=', owner.userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}
