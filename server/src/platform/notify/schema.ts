import { z } from 'zod';
import { PageQuery } from '../http/schemas.ts';
import { msg } from '../http/validation.ts';

export const NotificationSchema = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  category: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof NotificationSchema>;

export const InboxQuerySchema = z.strictObject({
  unread: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  ...PageQuery,
});
export type InboxQuery = z.infer<typeof InboxQuerySchema>;

const ChannelName = z.string().trim().min(1).max(100);
const Categories = z.array(z.string().trim().min(1).max(60)).max(50);
const Addresses = z.array(z.email()).min(1).max(50);
const WebhookUrl = z
  .url({
    protocol: /^https?$/,
    error: msg(
      'Webhook 地址须为 http:// 或 https:// 开头的网址',
      'The webhook URL must be an http:// or https:// URL',
    ),
  })
  .max(1000);
const Secret = z.string().trim().min(1).max(200);

const common = {
  name: ChannelName,
  enabled: z.boolean().optional(),
  categories: Categories.optional(),
};

export const ChannelCreateSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('email'), ...common, addresses: Addresses }),
  z.strictObject({ kind: z.literal('wecom'), ...common, webhookUrl: WebhookUrl }),
  z.strictObject({
    kind: z.literal('dingtalk'),
    ...common,
    webhookUrl: WebhookUrl,
    secret: Secret.optional(),
  }),
  z.strictObject({
    kind: z.literal('feishu'),
    ...common,
    webhookUrl: WebhookUrl,
    secret: Secret.optional(),
  }),
]);
export type ChannelCreate = z.infer<typeof ChannelCreateSchema>;

/** The kind cannot change; fields that do not fit the channel's kind are refused by the service. */
export const ChannelUpdateSchema = z.strictObject({
  name: ChannelName.optional(),
  enabled: z.boolean().optional(),
  categories: Categories.optional(),
  addresses: Addresses.optional(),
  webhookUrl: WebhookUrl.optional(),
  /** null removes the secret. */
  secret: Secret.nullable().optional(),
});
export type ChannelUpdate = z.infer<typeof ChannelUpdateSchema>;

export const ChannelKindSchema = z.enum(['email', 'wecom', 'dingtalk', 'feishu']);

export const ChannelSchema = z.object({
  id: z.string(),
  kind: ChannelKindSchema,
  name: z.string(),
  enabled: z.boolean(),
  categories: z.array(z.string()),
  addresses: z.array(z.string()).nullable(),
  /** The robot URL with its key masked: the full URL is a credential and is never sent back. */
  webhookUrlMasked: z.string().nullable(),
  hasSecret: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Channel = z.infer<typeof ChannelSchema>;

export const DeliveryStatusSchema = z.enum(['pending', 'sent', 'failed']);

export const DeliverySchema = z.object({
  id: z.string(),
  channelId: z.string().nullable(),
  kind: ChannelKindSchema,
  target: z.string(),
  title: z.string(),
  status: DeliveryStatusSchema,
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export type Delivery = z.infer<typeof DeliverySchema>;

export const DeliveryListQuerySchema = z.strictObject({
  status: DeliveryStatusSchema.optional(),
  channelId: z.uuid().optional(),
  ...PageQuery,
});
export type DeliveryListQuery = z.infer<typeof DeliveryListQuerySchema>;

export const ChannelTestResultSchema = z.object({
  ok: z.boolean(),
  deliveries: z.array(DeliverySchema),
});
