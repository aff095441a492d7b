import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Flex, Result, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTexts } from '../../../app/texts.ts';
import { ActivityTimeline } from '../../../components/activity-timeline.tsx';
import { ErrorResult } from '../../../components/error-result.tsx';
import { formatDateTime } from '../../../components/format.ts';
import { useMe } from '../../../app/auth/me-context.ts';
import type { Me } from '../../../app/api-models.ts';
import { ActionPanel } from './action-panel.tsx';
import { CallbackCard } from './callback-card.tsx';
import { fetchWorkOrder, placeOf, workOrderKeys, type WorkOrderDetail } from './model.ts';
import { StatusTag } from './status-tag.tsx';
import { workTexts } from './texts.ts';
import { WorkPhotos } from './work-photos.tsx';
import { WorkRecord } from './work-record.tsx';

/**
 * 工单详情: everything about one order on one phone screen — where, what,
 * who, by when — the buttons the signed-in person may press now (from the
 * server's `allowedActions`), photos before and after, what was done and
 * what it cost, the call-backs and the history. The dispatch board links here too.
 */
export default function WorkOrderPage() {
  const tx = useTexts(workTexts);
  const { id = '' } = useParams();
  const [gone, setGone] = useState(false);
  const me = useMe();
  const order = useQuery({
    queryKey: workOrderKeys.one(id),
    queryFn: () => fetchWorkOrder(id),
    enabled: !gone,
  });

  if (gone)
    return (
      <Result
        status="success"
        title={tx.detail.gone}
        extra={<Link to="/maintenance/my-tasks">{tx.list.myTasks}</Link>}
      />
    );
  if (order.isError)
    return <ErrorResult error={order.error} onRetry={() => void order.refetch()} />;
  if (order.isPending) return <Skeleton active />;
  const o = order.data;

  return (
    <Flex vertical gap={16} style={{ maxWidth: 880 }}>
      <Header order={o} now={order.dataUpdatedAt} />
      <ActionPanel order={o} onGone={() => setGone(true)} />
      <WorkPhotos order={o} canUpload={mayAddFiles(me, o)} />
      {(o.actionTaken ||
        o.labour.some((l) => l.minutes > 0) ||
        o.materials.length > 0 ||
        o.outsideFen > 0) && <WorkRecord order={o} />}
      <CallbackCard order={o} />
      <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>{tx.detail.timeline}</h2>}>
        <ActivityTimeline
          items={[...o.events].reverse().map((e) => ({
            key: e.id,
            at: e.at,
            actor: e.actorName,
            title: (tx.event as Record<string, string>)[e.action] ?? e.action,
            note: e.note,
          }))}
        />
      </Card>
    </Flex>
  );
}

/**
 * Who may add photos, as the server decides it (maintenance/attachments.ts):
 * the requester, the technician or a dispatcher of the site, until the order
 * is closed or cancelled. The server checks again on upload.
 */
function mayAddFiles(me: Me, o: WorkOrderDetail): boolean {
  if (o.status === 'closed' || o.status === 'cancelled') return false;
  const dispatch = me.permissions.find((p) => p.permission === 'maintenance:dispatch');
  return (
    o.requester.userId === me.user.id ||
    o.assignee?.id === me.user.id ||
    o.allowedActions.length > 0 ||
    !!dispatch?.orgWide ||
    !!dispatch?.sites.includes(o.site.id)
  );
}

/** `now`: when the order was loaded (it is reloaded after every action and on focus). */
function Header({ order: o, now }: { order: WorkOrderDetail; now: number }) {
  const tx = useTexts(workTexts);
  const open = !['completed', 'confirmed', 'closed', 'cancelled'].includes(o.status);
  // Late now (still waiting) or late when it happened (the server's breach flags).
  const responseLate =
    o.responseBreached || (!o.acceptedAt && open && now > Date.parse(o.responseDueAt));
  const completionLate =
    o.completionBreached || (!o.completedAt && open && now > Date.parse(o.completionDueAt));
  const due = (iso: string, late: boolean) =>
    late ? (
      <Space size={4} wrap>
        <Typography.Text type="danger" strong>
          {formatDateTime(iso)}
        </Typography.Text>
        <Tag color="red">{tx.detail.overdue}</Tag>
      </Space>
    ) : (
      formatDateTime(iso)
    );
  const place = [o.site.name, o.location ? placeOf(o) : o.placeText].filter(Boolean).join(' · ');

  return (
    <Card>
      <Flex vertical gap={8}>
        <Flex align="center" gap={8} wrap>
          <Typography.Title level={1} style={{ margin: 0, fontSize: 22 }}>
            {o.number}
          </Typography.Title>
          <StatusTag status={o.status} />
          <Tag color={o.priority.code === 'urgent' ? 'red' : undefined}>{o.priority.name}</Tag>
          {o.overdue && <Tag color="red">{tx.list.overdue}</Tag>}
        </Flex>
        <Typography.Text strong style={{ fontSize: 18 }}>
          {o.category.name} · {placeOf(o)}
        </Typography.Text>
        <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap', fontSize: 16 }}>
          {o.description}
        </Typography.Paragraph>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 1, md: 2 }}
          items={[
            {
              key: 'requester',
              label: tx.detail.requester,
              children: (
                <Space size={8} wrap>
                  {o.requester.name}
                  {o.requester.phone && (
                    <a
                      href={`tel:${o.requester.phone}`}
                      aria-label={tx.detail.call(o.requester.phone)}
                    >
                      {o.requester.phone}
                    </a>
                  )}
                </Space>
              ),
            },
            {
              key: 'submitted',
              label: tx.detail.submittedAt,
              children: formatDateTime(o.submittedAt),
            },
            ...(o.location || o.placeText
              ? [{ key: 'place', label: tx.detail.place, children: place }]
              : []),
            ...(o.team ? [{ key: 'team', label: tx.detail.team, children: o.team.name }] : []),
            ...(o.assignee
              ? [{ key: 'assignee', label: tx.detail.assignee, children: o.assignee.name }]
              : []),
            {
              key: 'response',
              label: tx.detail.responseDue,
              children: due(o.responseDueAt, responseLate),
            },
            {
              key: 'completion',
              label: tx.detail.completionDue,
              children: due(o.completionDueAt, completionLate),
            },
            ...(o.rating
              ? [
                  {
                    key: 'rating',
                    label: tx.detail.rating,
                    children: [tx.detail.stars(o.rating), o.ratingComment]
                      .filter(Boolean)
                      .join(' · '),
                  },
                ]
              : []),
          ]}
        />
      </Flex>
    </Card>
  );
}
