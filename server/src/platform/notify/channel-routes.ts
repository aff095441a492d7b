import { z } from 'zod';
import { P } from '../access/platform-permissions.ts';
import type { Deps } from '../deps.ts';
import { actorOf } from '../http/actor.ts';
import { IdParams, OkSchema, paged } from '../http/schemas.ts';
import type { App } from '../http/types.ts';
import { sendTestMessage } from './channel-test.ts';
import * as channels from './channels.ts';
import { listDeliveries } from './deliveries.ts';
import {
  ChannelCreateSchema,
  ChannelSchema,
  ChannelTestResultSchema,
  ChannelUpdateSchema,
  DeliveryListQuerySchema,
  DeliverySchema,
} from './schema.ts';

const tags = ['notifications'];

/** Organisation-wide channels (e-mail lists, 企业微信/钉钉/飞书 robots) and the delivery log. */
export function channelRoutes(app: App, deps: Deps): void {
  const { db } = deps;
  const auth = P.notify.manage;

  app.get(
    '/api/notification-channels',
    {
      config: { auth },
      schema: {
        tags,
        summary: '通知渠道列表 List channels',
        response: { 200: z.array(ChannelSchema) },
      },
    },
    async (req) => channels.listChannels(db, actorOf(req).orgId),
  );

  app.post(
    '/api/notification-channels',
    {
      config: { auth },
      schema: {
        tags,
        summary: '新建通知渠道 Create channel',
        body: ChannelCreateSchema,
        response: { 201: ChannelSchema },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await channels.createChannel(deps, actorOf(req), req.body)),
  );

  app.get(
    '/api/notification-channels/:id',
    {
      config: { auth },
      schema: {
        tags,
        summary: '通知渠道详情 Get channel',
        params: IdParams,
        response: { 200: ChannelSchema },
      },
    },
    async (req) => channels.getChannel(db, actorOf(req).orgId, req.params.id),
  );

  app.patch(
    '/api/notification-channels/:id',
    {
      config: { auth },
      schema: {
        tags,
        summary: '修改通知渠道 Update channel',
        params: IdParams,
        body: ChannelUpdateSchema,
        response: { 200: ChannelSchema },
      },
    },
    async (req) => channels.updateChannel(deps, actorOf(req), req.params.id, req.body),
  );

  app.delete(
    '/api/notification-channels/:id',
    {
      config: { auth },
      schema: {
        tags,
        summary: '删除通知渠道 Delete channel',
        params: IdParams,
        response: { 200: OkSchema },
      },
    },
    async (req) => {
      await channels.deleteChannel(db, actorOf(req), req.params.id);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/notification-channels/:id/test',
    {
      config: { auth },
      schema: {
        tags,
        summary: '发送测试消息 Send a test message now',
        params: IdParams,
        response: { 200: ChannelTestResultSchema },
      },
    },
    async (req) => sendTestMessage(deps, actorOf(req), req.params.id),
  );

  app.get(
    '/api/notification-deliveries',
    {
      config: { auth },
      schema: {
        tags,
        summary: '发送记录 Delivery log',
        querystring: DeliveryListQuerySchema,
        response: { 200: paged(DeliverySchema) },
      },
    },
    async (req) => ({
      ...(await listDeliveries(db, actorOf(req).orgId, req.query)),
      page: req.query.page,
      pageSize: req.query.pageSize,
    }),
  );
}
