import { Typography } from 'antd';
import { useMemo } from 'react';
import { api, unwrap } from '../../../app/api.ts';
import { useTexts } from '../../../app/texts.ts';
import { formatDateTime } from '../../../components/format.ts';
import { ListPage } from '../../../components/list/list-page.tsx';
import type { ListColumn, ListFilter } from '../../../components/list/list-types.ts';
import type { Delivery } from '../models.ts';
import { StatusBadge } from '../status-badge.tsx';
import { texts } from '../texts.ts';
import { DELIVERIES_KEY, useChannels } from './use-channels.ts';

/** Every message the channels sent or tried to send, newest first, filtered by status and channel. */
export function DeliveryLog() {
  const t = useTexts(texts);
  const d = t.deliveries;
  const channels = useChannels();
  const names = useMemo(
    () => new Map((channels.data ?? []).map((ch) => [ch.id, ch.name])),
    [channels.data],
  );

  const filters: ListFilter[] = [
    {
      type: 'select',
      key: 'status',
      label: d.status,
      options: (['pending', 'sent', 'failed'] as const).map((s) => ({
        value: s,
        label: d.statuses[s],
      })),
    },
    {
      type: 'select',
      key: 'channelId',
      label: d.channel,
      options: (channels.data ?? []).map((ch) => ({ value: ch.id, label: ch.name })),
    },
  ];

  const columns: ListColumn<Delivery>[] = [
    { key: 'createdAt', title: d.time, width: 140, render: (r) => formatDateTime(r.createdAt) },
    {
      key: 'channel',
      title: d.channel,
      width: 140,
      render: (r) =>
        r.channelId && names.has(r.channelId) ? (
          names.get(r.channelId)
        ) : (
          <Typography.Text type="secondary">{d.deletedChannel}</Typography.Text>
        ),
    },
    {
      key: 'title',
      title: d.subject,
      cardTitle: true,
      width: 180,
      render: (r) => r.title,
    },
    {
      key: 'target',
      title: d.target,
      width: 200,
      render: (r) => <span style={{ wordBreak: 'break-all' }}>{r.target}</span>,
    },
    {
      key: 'status',
      title: d.status,
      render: (r) => <StatusBadge status={r.status} text={d.statuses[r.status]} />,
    },
    { key: 'attempts', title: d.attempts, align: 'right', render: (r) => r.attempts },
    {
      key: 'lastError',
      title: d.lastError,
      width: 220,
      render: (r) =>
        r.lastError ? (
          <span style={{ overflowWrap: 'anywhere' }}>{r.lastError}</span>
        ) : (
          t.common.none
        ),
    },
    {
      key: 'sentAt',
      title: d.sentAt,
      hidden: true,
      render: (r) => (r.sentAt ? formatDateTime(r.sentAt) : t.common.none),
    },
    {
      key: 'nextAttemptAt',
      title: d.nextAttemptAt,
      hidden: true,
      render: (r) => (r.nextAttemptAt ? formatDateTime(r.nextAttemptAt) : t.common.none),
    },
  ];

  return (
    <ListPage<Delivery>
      id="notification-deliveries"
      title={d.title}
      columns={columns}
      filters={filters}
      queryKey={DELIVERIES_KEY}
      fetchPage={(query) => unwrap(api.GET('/api/notification-deliveries', { params: { query } }))}
      rowKey={(r) => r.id}
      emptyText={d.empty}
    />
  );
}
