import { ArrowLeftOutlined, ScanOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Grid,
  List,
  Popconfirm,
  Progress,
  Skeleton,
  Space,
  Table,
  Tag,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../../../app/api.ts';
import { useTexts } from '../../../app/texts.ts';
import { CloseDialog } from './close-dialog.tsx';
import { ErrorResult } from '../../../components/error-result.tsx';
import { formatDateTime } from '../../../components/format.ts';
import { PageTitle } from '../../../components/page-title.tsx';
import { STATUS_STYLE, stocktakeKey, type StocktakeDetail } from './model.ts';
import { stocktakeTexts } from './texts.ts';
import { VariancePanel } from './variance-panel.tsx';

type Room = StocktakeDetail['rooms'][number];

/**
 * One campaign for whoever runs it: progress overall and per room, the
 * variance report, and closing (which hands the differences to asset
 * operations) or cancelling.
 */
export default function StocktakePage() {
  const { id = '' } = useParams();
  const tx = useTexts(stocktakeTexts);
  const { message } = App.useApp();
  const client = useQueryClient();
  // Phones: tighter cards, and rooms as a list instead of a table scrolling sideways.
  const phone = Grid.useBreakpoint().md === false;
  const cardSize = phone ? ('small' as const) : ('default' as const);
  const detail = useQuery({
    queryKey: stocktakeKey(id),
    queryFn: () => unwrap(api.GET('/api/assets/stocktakes/{id}', { params: { path: { id } } })),
  });
  const [closing, setClosing] = useState(false);
  // Closing has its own dialog (surplus to register); cancelling is one confirmation.
  const cancel = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/assets/stocktakes/{id}/cancel', { params: { path: { id } }, body: {} }),
      ),
    onSuccess: (st) => {
      client.setQueryData(stocktakeKey(id), st);
      void client.invalidateQueries({ queryKey: ['assets', 'stocktakes'] });
      void message.success(tx.detail.cancelled);
    },
    onError: (err) => void message.error(err.message),
  });

  if (detail.isError)
    return <ErrorResult error={detail.error} onRetry={() => void detail.refetch()} />;
  if (!detail.data) return <Skeleton active />;
  const st = detail.data;
  const counted = st.countedCount;
  const scope = [st.scope.building, st.scope.location, st.scope.department, st.scope.category]
    .filter((n) => !!n)
    .map((n) => n!.name)
    .join(' · ');
  const counting = st.status === 'counting';

  const actions = (
    <Space wrap>
      {st.may.count && (
        <Link to={`/assets/stocktakes/${id}/count`}>
          <Button type="primary" icon={<ScanOutlined />}>
            {tx.detail.count}
          </Button>
        </Link>
      )}
      {counting && st.may.manage && (
        <>
          <Button onClick={() => setClosing(true)}>{tx.detail.close}</Button>
          <Popconfirm title={tx.detail.cancelConfirm} onConfirm={() => cancel.mutate()}>
            <Button danger loading={cancel.isPending}>
              {tx.detail.cancel}
            </Button>
          </Popconfirm>
        </>
      )}
    </Space>
  );

  return (
    <Flex vertical gap={16}>
      <Link to="/assets/stocktakes">
        <ArrowLeftOutlined /> {tx.detail.back}
      </Link>
      <PageTitle actions={actions}>
        {st.name} <Tag style={STATUS_STYLE[st.status]}>{tx.status[st.status]}</Tag>
      </PageTitle>
      <Card size={cardSize}>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={[
            { key: 'number', label: tx.list.number, children: st.number },
            { key: 'site', label: tx.list.site, children: st.site.name },
            { key: 'scope', label: tx.detail.scope, children: scope || tx.list.wholeSite },
            { key: 'by', label: tx.detail.startedBy, children: st.createdBy ?? '—' },
            { key: 'at', label: tx.detail.startedAt, children: formatDateTime(st.startedAt) },
            ...(st.closedAt
              ? [
                  {
                    key: 'closed',
                    label: tx.detail.closedAt,
                    children: formatDateTime(st.closedAt),
                  },
                ]
              : []),
          ]}
        />
        <div style={{ marginTop: 12 }}>
          <div id="st-progress-label">{tx.detail.progress}</div>
          <Progress
            aria-labelledby="st-progress-label"
            percent={st.expectedCount ? Math.floor((counted / st.expectedCount) * 100) : 0}
            format={() => `${counted}/${st.expectedCount}`}
          />
        </div>
      </Card>
      {st.operations.length > 0 && (
        <Card
          size={cardSize}
          title={<h2 style={{ fontSize: 16, margin: 0 }}>{tx.detail.operations}</h2>}
        >
          {st.status === 'closing' && (
            <Alert type="info" showIcon title={tx.detail.opsWaiting} style={{ marginBottom: 12 }} />
          )}
          <Flex vertical gap={8}>
            {st.operations.map((o) => (
              <Flex key={o.id} gap={8} wrap align="center">
                <Link to={`/assets/operations/${o.id}`}>
                  <strong>{o.number}</strong>
                </Link>
                <span>{tx.opKind[o.kind] ?? o.kind}</span>
                <Tag>{tx.opStatus[o.status] ?? o.status}</Tag>
              </Flex>
            ))}
          </Flex>
        </Card>
      )}
      <Card size={cardSize} title={<h2 style={{ fontSize: 16, margin: 0 }}>{tx.detail.rooms}</h2>}>
        {phone ? (
          <List<Room>
            size="small"
            rowKey={(r) => r.location?.id ?? 'none'}
            dataSource={st.rooms}
            pagination={st.rooms.length > 20 ? { pageSize: 20, size: 'small' } : false}
            renderItem={(r) => (
              <List.Item>
                <List.Item.Meta
                  title={r.location?.name ?? tx.detail.noRoom}
                  description={[
                    `${tx.detail.expected} ${r.expected}`,
                    `${tx.detail.counted} ${r.expected - r.pending}`,
                    ...(
                      [
                        ['wrong_place', r.wrongPlace],
                        ['damaged', r.damaged],
                        ['pending', r.pending],
                        ['missing', r.missing],
                      ] as const
                    )
                      .filter(([, n]) => n > 0)
                      .map(([k, n]) => `${tx.result[k]} ${n}`),
                  ].join(' · ')}
                />
              </List.Item>
            )}
          />
        ) : (
          <Table<Room>
            size="small"
            rowKey={(r) => r.location?.id ?? 'none'}
            dataSource={st.rooms}
            pagination={st.rooms.length > 20 ? { pageSize: 20 } : false}
            scroll={{ x: 'max-content' }}
            columns={[
              {
                key: 'room',
                title: tx.detail.room,
                render: (_, r) => r.location?.name ?? tx.detail.noRoom,
              },
              { key: 'expected', title: tx.detail.expected, dataIndex: 'expected', align: 'right' },
              {
                key: 'counted',
                title: tx.detail.counted,
                align: 'right',
                render: (_, r) => r.expected - r.pending,
              },
              {
                key: 'wrong',
                title: tx.result.wrong_place,
                dataIndex: 'wrongPlace',
                align: 'right',
              },
              { key: 'damaged', title: tx.result.damaged, dataIndex: 'damaged', align: 'right' },
              { key: 'pending', title: tx.result.pending, dataIndex: 'pending', align: 'right' },
              { key: 'missing', title: tx.result.missing, dataIndex: 'missing', align: 'right' },
            ]}
          />
        )}
      </Card>
      <VariancePanel stocktake={st} phone={phone} />
      {closing && <CloseDialog stocktake={st} onClose={() => setClosing(false)} />}
    </Flex>
  );
}
