import { EnvironmentOutlined, PhoneOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Tag, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useTexts } from '../../../app/texts.ts';
import { formatDateTime } from '../../../components/format.ts';
import { placeOf, type Action, type WorkOrder } from './model.ts';
import { StatusTag } from './status-tag.tsx';
import { workTexts } from './texts.ts';
import { useWorkOrderAction } from './use-action.ts';

/**
 * The next step of an order by its state, as the card's button: accepting
 * and starting are one tap here; completing opens the detail (a form).
 */
const NEXT: Partial<Record<WorkOrder['status'], Action>> = {
  submitted: 'accept',
  assigned: 'accept',
  accepted: 'start',
  paused: 'resume',
  in_progress: 'complete',
};

/** One order on the technician's phone: where, what, who to call, by when, and the next step. */
export function TaskCard({ order: o }: { order: WorkOrder }) {
  const tx = useTexts(workTexts);
  const navigate = useNavigate();
  const act = useWorkOrderAction();
  const next = NEXT[o.status];
  const detail = `/maintenance/work-orders/${o.id}`;
  const titleId = `task-${o.id}`;

  return (
    <Card size="small" role="listitem" aria-labelledby={titleId}>
      <Flex vertical gap={6}>
        <Flex align="center" gap={8} wrap>
          <Link id={titleId} to={detail} style={{ fontSize: 18, fontWeight: 600 }}>
            {o.number}
          </Link>
          <StatusTag status={o.status} />
          {o.priority.code !== 'normal' && (
            <Tag color={o.priority.code === 'urgent' ? 'red' : undefined}>{o.priority.name}</Tag>
          )}
          {o.overdue && <Tag color="red">{tx.list.overdue}</Tag>}
        </Flex>
        <Typography.Text strong style={{ fontSize: 16, overflowWrap: 'anywhere' }}>
          {o.category.name} · <EnvironmentOutlined aria-hidden /> {placeOf(o)}
        </Typography.Text>
        <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
          {o.description}
        </Typography.Paragraph>
        <Flex gap={12} wrap>
          <Typography.Text type="secondary">
            {o.requester.name}
            {o.requester.phone && (
              <>
                {' '}
                <a href={`tel:${o.requester.phone}`}>
                  <PhoneOutlined aria-hidden /> {o.requester.phone}
                </a>
              </>
            )}
          </Typography.Text>
          {!o.completedAt && (
            <Typography.Text type={o.overdue ? 'danger' : 'secondary'}>
              {tx.list.dueBy(formatDateTime(o.completionDueAt))}
            </Typography.Text>
          )}
        </Flex>
        <Flex gap={8} style={{ marginTop: 4 }}>
          {next && (
            <Button
              type="primary"
              size="large"
              style={{ flex: 1 }}
              loading={act.isPending}
              aria-label={`${tx.action[next]} ${o.number}`}
              onClick={() =>
                next === 'complete'
                  ? void navigate(detail)
                  : act.mutate({ id: o.id, action: next, body: {} })
              }
            >
              {tx.action[next]}
            </Button>
          )}
          <Button
            size="large"
            style={{ flex: next ? '0 0 auto' : 1 }}
            aria-label={`${tx.list.open} ${o.number}`}
            onClick={() => void navigate(detail)}
          >
            {tx.list.open}
          </Button>
        </Flex>
      </Flex>
    </Card>
  );
}
