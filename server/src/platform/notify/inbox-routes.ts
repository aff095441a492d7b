import { z } from 'zod';
import type { Deps } from '../deps.ts';
import { actorOf } from '../http/actor.ts';
import { IdParams, paged } from '../http/schemas.ts';
import type { App } from '../http/types.ts';
import { listInbox, markAllRead, markRead, unreadCount, type InboxOwner } from './inbox.ts';
import { InboxQuerySchema, NotificationSchema } from './schema.ts';

const tags = ['notifications'];

// Marking my own inbox read changes only my view of it; the row's read_at is
// its own record, and an audit row per click would bury the changes that
// matter (who changed data) under noise.
const READ_STATE_ONLY = 'marks the caller’s own notifications read; read_at is the record';

function ownerOf(req: Parameters<typeof actorOf>[0]): InboxOwner {
  const actor = actorOf(req);
  return { orgId: actor.orgId, userId: actor.userId ?? '' };
}

/** The signed-in user's in-app inbox; every query is limited to the caller's own rows. */
export function inboxRoutes(app: App, { db }: Deps): void {
  app.get(
    '/api/notifications',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary: '我的通知 My notifications',
        querystring: InboxQuerySchema,
        response: { 200: paged(NotificationSchema) },
      },
    },
    async (req) => ({
      ...(await listInbox(db, ownerOf(req), req.query)),
      page: req.query.page,
      pageSize: req.query.pageSize,
    }),
  );

  app.get(
    '/api/notifications/unread-count',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary: '未读通知数 Unread count',
        response: { 200: z.object({ count: z.number().int() }) },
      },
    },
    async (req) => ({ count: await unreadCount(db, ownerOf(req)) }),
  );

  app.post(
    '/api/notifications/:id/read',
    {
      config: { auth: 'user', noAudit: READ_STATE_ONLY },
      schema: {
        tags,
        summary: '标为已读 Mark read',
        params: IdParams,
        response: { 200: NotificationSchema },
      },
    },
    async (req) => markRead(db, ownerOf(req), req.params.id),
  );

  app.post(
    '/api/notifications/read-all',
    {
      config: { auth: 'user', noAudit: READ_STATE_ONLY },
      schema: {
        tags,
        summary: '全部标为已读 Mark all read',
        response: { 200: z.object({ updated: z.number().int() }) },
      },
    },
    async (req) => ({ updated: await markAllRead(db, ownerOf(req)) }),
  );
}
