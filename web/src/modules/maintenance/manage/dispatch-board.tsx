import { useQuery } from '@tanstack/react-query';
import { Badge, Card, Flex, Space, Spin, Typography, theme } from 'antd';
import { useNavigate } from 'react-router';
import { ErrorResult } from '../../../components/error-result.tsx';
import { useTexts } from '../../../app/texts.ts';
import {
  fetchWorkOrders,
  placeOf,
  WORK_ORDERS_KEY,
  type Status,
  type WorkOrder,
  type WorkOrderQuery,
} from './work-order-model.ts';
import { ageText, AssignButton, PriorityTag, useNow } from './dispatch-columns.tsx';
import { manageTexts } from './texts.ts';

/** The open states, in the order work moves through them. */
const COLUMNS: Status[] = [
  'submitted',
  'assigned',
  'accepted',
  'in_progress',
  'paused',
  'completed',
];
const PAGE = 50;

/**
 * The board: one column per state, each its own query (the oldest 50 first,
 * with the full count), so a busy "待派工" column never hides the others.
 * The list's filters apply, except status and open which the columns replace.
 */
export function DispatchBoard({
  filters,
  onAssign,
}: {
  filters: Record<string, string>;
  onAssign: (o: WorkOrder) => void;
}) {
  const { status: _s, open: _o, ...rest } = filters;
  return (
    <div
      style={{
        display: 'grid',
        gridTemplateColumns: 'repeat(auto-fill, minmax(240px, 1fr))',
        gap: 12,
        alignItems: 'start',
      }}
    >
      {COLUMNS.map((s) => (
        <BoardColumn key={s} status={s} filters={rest} onAssign={onAssign} />
      ))}
    </div>
  );
}

function BoardColumn({
  status,
  filters,
  onAssign,
}: {
  status: Status;
  filters: Record<string, string>;
  onAssign: (o: WorkOrder) => void;
}) {
  const tx = useTexts(manageTexts);
  const { token } = theme.useToken();
  const query = {
    ...filters,
    status,
    pageSize: PAGE,
    sort: 'submittedAt',
    order: 'asc',
  } as unknown as WorkOrderQuery;
  const list = useQuery({
    queryKey: [...WORK_ORDERS_KEY, 'board', query],
    queryFn: () => fetchWorkOrders(query),
  });
  const total = list.data?.total ?? 0;
  const headingId = `board-${status}`;
  return (
    <section
      aria-labelledby={headingId}
      style={{
        background: token.colorFillQuaternary,
        borderRadius: token.borderRadiusLG,
        padding: 8,
      }}
    >
      <Flex justify="space-between" align="center" style={{ padding: '4px 4px 8px' }}>
        <Typography.Title level={3} id={headingId} style={{ margin: 0, fontSize: 15 }}>
          {tx.status[status]}
        </Typography.Title>
        <Badge
          count={list.data?.totalCapped ? '10,000+' : total}
          showZero
          overflowCount={9999}
          color={
            status === 'submitted' && total > 0 ? token.colorWarning : token.colorTextSecondary
          }
        />
      </Flex>
      {list.isError ? (
        <ErrorResult error={list.error} onRetry={() => void list.refetch()} />
      ) : list.isLoading ? (
        <Flex justify="center" style={{ padding: 16 }}>
          <Spin />
        </Flex>
      ) : total === 0 ? (
        // A plain line: six empty pictures would push the busy columns off a phone's screen.
        <Typography.Text type="secondary" style={{ display: 'block', padding: '8px 4px' }}>
          {tx.dispatch.boardEmpty}
        </Typography.Text>
      ) : (
        <Flex vertical gap={8} role="list">
          {list.data?.items.map((o) => (
            <BoardCard key={o.id} order={o} onAssign={onAssign} />
          ))}
          {total > PAGE && (
            <Typography.Text type="secondary" style={{ padding: 4 }}>
              {tx.dispatch.boardMore(total - PAGE)}
            </Typography.Text>
          )}
        </Flex>
      )}
    </section>
  );
}

function BoardCard({ order, onAssign }: { order: WorkOrder; onAssign: (o: WorkOrder) => void }) {
  const tx = useTexts(manageTexts);
  const { token } = theme.useToken();
  const navigate = useNavigate();
  const now = useNow();
  const open = () => void navigate(`/maintenance/work-orders/${order.id}`);
  return (
    <Card
      role="listitem"
      size="small"
      hoverable
      onClick={open}
      style={order.overdue ? { borderColor: token.colorError, borderLeftWidth: 4 } : undefined}
    >
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Typography.Link
          href={`/maintenance/work-orders/${order.id}`}
          onClick={(e) => {
            e.preventDefault();
            e.stopPropagation();
            open();
          }}
          strong
        >
          {order.number}
        </Typography.Link>
        <PriorityTag priority={order.priority} />
      </Flex>
      <div style={{ marginTop: 4 }}>
        {order.category.name} · {placeOf(order)}
      </div>
      <Flex justify="space-between" align="center" gap={8} wrap style={{ marginTop: 4 }}>
        <Space size={4} wrap>
          <Typography.Text type={order.overdue ? 'danger' : 'secondary'}>
            {ageText(tx, order.submittedAt, now)}
            {order.overdue ? ` · ${tx.dispatch.overdue}` : ''}
          </Typography.Text>
          {(order.assignee ?? order.team) && (
            <Typography.Text type="secondary">
              {(order.assignee ?? order.team)!.name}
            </Typography.Text>
          )}
        </Space>
        <AssignButton order={order} onAssign={onAssign} />
      </Flex>
    </Card>
  );
}
