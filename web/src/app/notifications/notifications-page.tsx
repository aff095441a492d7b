import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Card, Flex, List, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorResult } from '../../components/error-result.tsx';
import { api, unwrap } from '../api.ts';
import type { NotificationItem } from '../api-models.ts';

const PAGE_SIZE = 20;

function When({ iso }: { iso: string }) {
  const { i18n } = useTranslation();
  return (
    <time dateTime={iso}>
      {new Date(iso).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' })}
    </time>
  );
}

/** The personal inbox: newest first, unread marked, read one or all. */
export default function NotificationsPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['notifications', 'list', page],
    queryFn: () =>
      unwrap(api.GET('/api/notifications', { params: { query: { page, pageSize: PAGE_SIZE } } })),
  });
  const refresh = () => client.invalidateQueries({ queryKey: ['notifications'] });
  const markRead = useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST('/api/notifications/{id}/read', { params: { path: { id } } })),
    onSuccess: refresh,
  });
  const markAll = useMutation({
    mutationFn: () => unwrap(api.POST('/api/notifications/read-all')),
    onSuccess: refresh,
  });

  if (list.isError) return <ErrorResult error={list.error} onRetry={() => void list.refetch()} />;
  const hasUnread = list.data?.items.some((n) => n.readAt === null) ?? false;

  const renderItem = (n: NotificationItem) => (
    <List.Item
      actions={
        n.readAt === null
          ? [
              <Button key="read" size="small" onClick={() => markRead.mutate(n.id)}>
                {t('notifications.markRead')}
              </Button>,
            ]
          : []
      }
    >
      <List.Item.Meta
        title={
          <Flex gap={8} align="center">
            {n.readAt === null && (
              <Badge status="processing" text={null} aria-label={t('notifications.unread')} />
            )}
            {n.link?.startsWith('/') ? <Link to={n.link}>{n.title}</Link> : n.title}
          </Flex>
        }
        description={
          <>
            <div>{n.body}</div>
            <Typography.Text type="secondary">
              <When iso={n.createdAt} />
            </Typography.Text>
          </>
        }
      />
    </List.Item>
  );

  return (
    <Card
      title={<h1 style={{ fontSize: 18, margin: 0 }}>{t('notifications.title')}</h1>}
      extra={
        hasUnread && (
          <Button onClick={() => markAll.mutate()} loading={markAll.isPending}>
            {t('notifications.markAllRead')}
          </Button>
        )
      }
    >
      <List<NotificationItem>
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('notifications.empty') }}
        renderItem={renderItem}
        pagination={
          (list.data?.total ?? 0) > PAGE_SIZE && {
            current: page,
            pageSize: PAGE_SIZE,
            total: list.data?.total ?? 0,
            onChange: setPage,
          }
        }
      />
    </Card>
  );
}
