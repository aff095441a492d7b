import { PlusOutlined } from '@ant-design/icons';
import { Button, Empty } from 'antd';
import { useNavigate } from 'react-router';
import { useTexts } from '../../../app/texts.ts';
import { formatDateTime } from '../../../components/format.ts';
import { ListPage } from '../../../components/list/list-page.tsx';
import type { ListColumn, ListFilter } from '../../../components/list/list-types.ts';
import {
  fetchWorkOrders,
  placeOf,
  workOrderKeys,
  type Status,
  type WorkOrder,
  type WorkOrderQuery,
} from './model.ts';
import { StatusTag } from './status-tag.tsx';
import { workTexts } from './texts.ts';

const STATUS_FILTER: Status[] = [
  'submitted',
  'assigned',
  'accepted',
  'in_progress',
  'paused',
  'completed',
  'confirmed',
  'closed',
  'cancelled',
];

/** 我的报修: what I reported, newest first, each with where it stands. */
export default function MyRequestsPage() {
  const tx = useTexts(workTexts);
  const navigate = useNavigate();
  const open = (o: WorkOrder) => void navigate(`/maintenance/work-orders/${o.id}`);

  const columns: ListColumn<WorkOrder>[] = [
    {
      key: 'number',
      title: tx.list.number,
      sortKey: 'number',
      cardTitle: true,
      render: (o) => o.number,
    },
    { key: 'category', title: tx.list.category, render: (o) => o.category.name },
    { key: 'place', title: tx.list.place, render: (o) => placeOf(o) },
    {
      key: 'status',
      title: tx.list.status,
      sortKey: 'status',
      render: (o) => <StatusTag status={o.status} />,
    },
    {
      key: 'submittedAt',
      title: tx.list.submittedAt,
      sortKey: 'submittedAt',
      render: (o) => formatDateTime(o.submittedAt),
    },
  ];
  const filters: ListFilter[] = [
    {
      type: 'select',
      key: 'status',
      label: tx.list.status,
      options: STATUS_FILTER.map((s) => ({ value: s, label: tx.status[s] })),
    },
  ];

  return (
    <ListPage<WorkOrder>
      id="maintenance-my-requests"
      title={tx.list.myRequests}
      columns={columns}
      filters={filters}
      queryKey={[...workOrderKeys.all, 'mine-requested']}
      fetchPage={(query) => fetchWorkOrders({ ...(query as WorkOrderQuery), mine: 'requested' })}
      rowKey={(o) => o.id}
      onOpen={open}
      actions={
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => void navigate('/maintenance/report')}
        >
          {tx.list.newRequest}
        </Button>
      }
      emptyText={<Empty description={tx.list.emptyRequests} />}
    />
  );
}
