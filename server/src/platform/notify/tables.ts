import type { JsonColumn } from '../db/json.ts';

/** One message in one user's in-app inbox. */
export interface NotificationsTable {
  id: string;
  org_id: string;
  user_id: string;
  title: string;
  body: string;
  /** An in-app path such as `/maintenance/orders/…`, made absolute for e-mail and robots. */
  link: string | null;
  category: string | null;
  created_at: string;
  read_at: string | null;
}

export type ChannelKind = 'email' | 'wecom' | 'dingtalk' | 'feishu';
export type WebhookKind = Exclude<ChannelKind, 'email'>;

/** An organisation-wide destination: a group robot, or a list of extra e-mail addresses. */
export interface NotificationChannelsTable {
  id: string;
  org_id: string;
  kind: ChannelKind;
  name: string;
  /** See ChannelConfig in channel-config.ts; holds the webhook secret, never sent to clients. */
  config: JsonColumn;
  enabled: number;
  created_at: string;
  updated_at: string;
}

export type DeliveryStatus = 'pending' | 'sent' | 'failed';

/** One message to one destination, retried with backoff until sent or given up. */
export interface NotificationDeliveriesTable {
  id: string;
  org_id: string;
  channel_id: string | null;
  kind: ChannelKind;
  /** The e-mail address, or the webhook URL with its key masked. */
  target: string;
  payload: JsonColumn;
  status: DeliveryStatus;
  attempts: number;
  next_attempt_at: string | null;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

export interface NotifyTables {
  notifications: NotificationsTable;
  notification_channels: NotificationChannelsTable;
  notification_deliveries: NotificationDeliveriesTable;
}
