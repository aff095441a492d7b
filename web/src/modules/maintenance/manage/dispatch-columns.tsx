import { useEffect, useState } from 'react';
import { Badge, Button, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useTexts } from '../../../app/texts.ts';
import { formatDateTime } from '../../../components/format.ts';
import type { ListColumn } from '../../../components/list/list-types.ts';
import { placeOf, STATUS_DOT, type Status, type WorkOrder } from './work-order-model.ts';
import { manageTexts } from './texts.ts';

type Tx = (typeof manageTexts)['zh-CN'];

/** "35 分钟", "5 小时", "3 天" since the order was reported. */
export function ageText(tx: Tx, fromIso: string, now: number): string {
  const minutes = Math.max(0, Math.floor((now - Date.parse(fromIso)) / 60_000));
  if (minutes < 60) return tx.age.minutes(minutes);
  if (minutes < 48 * 60) return tx.age.hours(Math.floor(minutes / 60));
  return tx.age.days(Math.floor(minutes / 1440));
}

/** The time now, refreshed every minute, so ages and overdue marks move on while the page is open. */
export function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** A due time, red once it has passed while the order is still open. */
function Due({ iso, late }: { iso: string; late: boolean }) {
  return (
    <Typography.Text type={late ? 'danger' : undefined}>{formatDateTime(iso)}</Typography.Text>
  );
}

export function NumberCell({ order }: { order: WorkOrder }) {
  const tx = useTexts(manageTexts);
  return (
    <Space size={4} wrap>
      <Link to={`/maintenance/work-orders/${order.id}`} onClick={(e) => e.stopPropagation()}>
        {order.number}
      </Link>
      {order.overdue && <Tag color="red">{tx.dispatch.overdue}</Tag>}
    </Space>
  );
}

/**
 * A state as a coloured dot and plain text: antd's light status tags (orange,
 * gold, cyan) fail the WCAG contrast check on their tinted background.
 */
export function StatusBadge({ status }: { status: Status }) {
  const tx = useTexts(manageTexts);
  return <Badge color={STATUS_DOT[status]} text={tx.status[status]} />;
}

/** Urgent and high stand out; red and volcano tags keep AA contrast. */
export function PriorityTag({ priority }: { priority: WorkOrder['priority'] }) {
  const color =
    priority.code === 'urgent' ? 'red' : priority.code === 'high' ? 'volcano' : undefined;
  return (
    <Tag color={color} style={{ marginInlineEnd: 0 }}>
      {priority.name}
    </Tag>
  );
}

/** The 派工 / 改派 button of a row or card; it does not open the row. */
export function AssignButton({
  order,
  onAssign,
}: {
  order: WorkOrder;
  onAssign: (o: WorkOrder) => void;
}) {
  const tx = useTexts(manageTexts);
  // Only orders still waiting for the technician (待派工, 已派工) get the button; later ones are
  // reassigned from the detail page, where the work done so far is in view.
  if (order.status !== 'submitted' && order.status !== 'assigned') return null;
  return (
    <Button
      size="small"
      type={order.status === 'submitted' ? 'primary' : 'default'}
      aria-label={tx.assign.buttonLabel(order.number)}
      onClick={(e) => {
        e.stopPropagation();
        onAssign(order);
      }}
    >
      {order.status === 'submitted' ? tx.assign.button : tx.assign.reassign}
    </Button>
  );
}

export function useDispatchColumns(onAssign: (o: WorkOrder) => void): ListColumn<WorkOrder>[] {
  const tx = useTexts(manageTexts);
  const c = tx.column;
  const now = useNow();
  return [
    {
      key: 'number',
      title: c.number,
      sortKey: 'number',
      cardTitle: true,
      render: (o) => <NumberCell order={o} />,
    },
    {
      key: 'status',
      title: c.status,
      sortKey: 'status',
      render: (o) => <StatusBadge status={o.status} />,
    },
    {
      key: 'priority',
      title: c.priority,
      sortKey: 'priority',
      render: (o) => <PriorityTag priority={o.priority} />,
    },
    { key: 'category', title: c.category, render: (o) => o.category.name },
    { key: 'place', title: c.place, render: (o) => placeOf(o) },
    {
      key: 'description',
      title: c.description,
      render: (o) => (
        <Typography.Text ellipsis={{ tooltip: o.description }} style={{ maxWidth: 260 }}>
          {o.description}
        </Typography.Text>
      ),
    },
    {
      key: 'department',
      title: c.department,
      render: (o) => o.department?.name ?? '—',
      hidden: true,
    },
    { key: 'requester', title: c.requester, render: (o) => o.requester.name, hidden: true },
    {
      key: 'assignee',
      title: c.assignee,
      render: (o) => o.assignee?.name ?? o.team?.name ?? '—',
    },
    { key: 'team', title: c.team, render: (o) => o.team?.name ?? '—', hidden: true },
    {
      key: 'submittedAt',
      title: c.submittedAt,
      sortKey: 'submittedAt',
      render: (o) => formatDateTime(o.submittedAt),
    },
    { key: 'age', title: c.age, render: (o) => ageText(tx, o.submittedAt, now), hidden: true },
    {
      key: 'responseDueAt',
      title: c.responseDueAt,
      sortKey: 'responseDueAt',
      render: (o) => (
        <Due
          iso={o.responseDueAt}
          late={o.overdue && !o.acceptedAt && Date.parse(o.responseDueAt) < now}
        />
      ),
    },
    {
      key: 'completionDueAt',
      title: c.completionDueAt,
      sortKey: 'completionDueAt',
      render: (o) => (
        <Due iso={o.completionDueAt} late={o.overdue && Date.parse(o.completionDueAt) < now} />
      ),
    },
    {
      key: 'actions',
      title: c.actions,
      render: (o) => <AssignButton order={o} onAssign={onAssign} />,
    },
  ];
}
