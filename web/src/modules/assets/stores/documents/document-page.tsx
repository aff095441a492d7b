import { ArrowLeftOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Flex, Form, Input, Modal, Skeleton, Table } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../../../../app/api.ts';
import { useMe } from '../../../../app/auth/me-context.ts';
import { can } from '../../../../app/auth/session.ts';
import { useTexts } from '../../../../app/texts.ts';
import { ActivityTimeline, type ActivityItem } from '../../../../components/activity-timeline.tsx';
import { ErrorResult } from '../../../../components/error-result.tsx';
import { formatDateTime, formatYuan } from '../../../../components/format.ts';
import { PageTitle } from '../../../../components/page-title.tsx';
import { storesKeys, valueKnown, type DocumentDetail } from '../data.ts';
import { StatusTag } from '../status-tag.tsx';
import { storesTexts } from '../texts.ts';

type Line = DocumentDetail['lines'][number];
type Decision = 'approve' | 'reject' | 'cancel';

/**
 * The document's steps from its own fields, newest first: every reader sees
 * them (the audit trail is for audit:read only, and words its actions as codes).
 */
function progressOf(
  o: DocumentDetail,
  e: (typeof storesTexts)['en']['detail']['event'],
  kind: string,
): ActivityItem[] {
  const items: ActivityItem[] = [
    {
      key: 'requested',
      at: o.requestedAt,
      actor: o.requestedBy?.name ?? null,
      title: e.requested(kind),
    },
  ];
  if (o.approvedAt && o.status !== 'pending_approval') {
    const decided = o.status === 'done' ? e.approved : e[o.status];
    items.push({
      key: 'decided',
      at: o.approvedAt,
      actor: o.approvedBy?.name ?? null,
      title: decided,
    });
  }
  if (o.completedAt) {
    items.push({ key: 'completed', at: o.completedAt, actor: null, title: e.completed });
  }
  return items.reverse();
}

/**
 * One stock document: what, where, who, its lines at the cost they moved
 * at, and — while it waits — approve / reject (approver) or cancel
 * (requester, keeper). A refused decision (stock now short) says why.
 */
export default function DocumentPage() {
  const t = useTexts(storesTexts);
  const d = t.detail;
  const c = t.common;
  const me = useMe();
  const id = useParams().id ?? '';
  const client = useQueryClient();
  const { message } = App.useApp();
  const [asking, setAsking] = useState<'reject' | 'cancel' | null>(null);
  const [form] = Form.useForm<{ note?: string }>();
  const doc = useQuery({
    queryKey: storesKeys.document(id),
    queryFn: () => unwrap(api.GET('/api/stores/documents/{id}', { params: { path: { id } } })),
  });
  const decide = useMutation({
    mutationFn: ({ decision, note }: { decision: Decision; note?: string }) =>
      unwrap(
        api.POST(`/api/stores/documents/{id}/${decision}` as '/api/stores/documents/{id}/approve', {
          params: { path: { id } },
          body: { note: note?.trim() ? note : null },
        }),
      ),
    onSuccess: (next, { decision }) => {
      client.setQueryData(storesKeys.document(id), next);
      void client.invalidateQueries({ queryKey: storesKeys.all });
      void message.success(
        decision === 'approve' ? d.approved : decision === 'reject' ? d.rejected : d.cancelled,
      );
      setAsking(null);
    },
    onError: (err) => {
      void message.error(err.message);
      void client.invalidateQueries({ queryKey: storesKeys.document(id) });
    },
  });

  if (doc.isError) return <ErrorResult error={doc.error} onRetry={() => void doc.refetch()} />;
  if (!doc.data) return <Skeleton active />;
  const o = doc.data;
  const stocktake = o.kind === 'stocktake';

  const columns = [
    {
      key: 'item',
      title: c.item,
      render: (_: unknown, l: Line) => `${l.item.name}（${l.item.code}）`,
    },
    ...(stocktake
      ? [
          {
            key: 'counted',
            title: d.counted,
            align: 'right' as const,
            render: (_: unknown, l: Line) => `${l.countedQuantity ?? '—'} ${l.item.unit}`,
          },
        ]
      : []),
    {
      key: 'quantity',
      title: stocktake ? d.difference : c.quantity,
      align: 'right' as const,
      render: (_: unknown, l: Line) => `${l.quantity} ${l.item.unit}`,
    },
    {
      key: 'unitCost',
      title: d.unitCost,
      align: 'right' as const,
      render: (_: unknown, l: Line) => (l.unitCostFen === null ? '—' : formatYuan(l.unitCostFen)),
    },
    {
      key: 'value',
      title: c.value,
      align: 'right' as const,
      render: (_: unknown, l: Line) => (l.valueFen === null ? '—' : formatYuan(l.valueFen)),
    },
  ];

  const items = [
    { key: 'kind', label: t.documents.kindLabel, children: t.kind[o.kind] },
    { key: 'status', label: t.documents.statusLabel, children: <StatusTag status={o.status} /> },
    { key: 'site', label: c.site, children: o.site.name },
    {
      key: 'store',
      label: o.toStore ? t.form.fromStore : c.store,
      children: o.store.name,
    },
    ...(o.toStore ? [{ key: 'to', label: t.documents.toStore, children: o.toStore.name }] : []),
    ...(o.department ? [{ key: 'dept', label: c.department, children: o.department.name }] : []),
    ...(o.workOrder
      ? [
          {
            key: 'wo',
            label: t.documents.workOrder,
            children: (
              <Link to={`/maintenance/work-orders/${o.workOrder.id}`}>
                {o.workOrder.number ?? o.workOrder.id}
              </Link>
            ),
          },
        ]
      : []),
    ...(o.supplier ? [{ key: 'sup', label: t.documents.supplier, children: o.supplier }] : []),
    { key: 'by', label: t.documents.requestedBy, children: o.requestedBy?.name ?? '—' },
    { key: 'at', label: t.documents.requestedAt, children: formatDateTime(o.requestedAt) },
    ...(o.approvedBy
      ? [
          { key: 'ab', label: d.approvedBy, children: o.approvedBy.name },
          {
            key: 'aa',
            label: d.approvedAt,
            children: o.approvedAt ? formatDateTime(o.approvedAt) : '—',
          },
        ]
      : []),
    ...(o.completedAt
      ? [{ key: 'ca', label: d.completedAt, children: formatDateTime(o.completedAt) }]
      : []),
    {
      key: 'total',
      label: t.documents.total,
      children: valueKnown(o) ? formatYuan(o.totalFen) : '—',
    },
    ...(o.note ? [{ key: 'note', label: c.note, children: o.note }] : []),
  ];

  const actions = (o.canApprove || o.canCancel) && (
    <Flex gap={8} wrap>
      {o.canApprove && (
        <Button
          type="primary"
          size="large"
          loading={decide.isPending && decide.variables?.decision === 'approve'}
          onClick={() => decide.mutate({ decision: 'approve' })}
        >
          {d.approve}
        </Button>
      )}
      {o.canApprove && (
        <Button size="large" danger onClick={() => setAsking('reject')}>
          {d.reject}
        </Button>
      )}
      {o.canCancel && (
        <Button size="large" danger onClick={() => setAsking('cancel')}>
          {d.cancel}
        </Button>
      )}
    </Flex>
  );

  return (
    <Flex vertical gap={16} style={{ maxWidth: 960 }}>
      <div>
        <Link to={can(me, 'stores:read', 'site') ? '/stores/documents' : '/stores/requisitions'}>
          <ArrowLeftOutlined /> {d.back}
        </Link>
      </div>
      <PageTitle actions={actions}>{d.title(o.number)}</PageTitle>
      <Card>
        <Descriptions items={items} column={{ xs: 1, sm: 2 }} size="small" />
      </Card>
      <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>{d.lines}</h2>}>
        <Table<Line>
          rowKey={(l) => l.id}
          dataSource={o.lines}
          columns={columns}
          pagination={false}
          size="small"
          scroll={{ x: 'max-content' }}
        />
      </Card>
      <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>{d.history}</h2>}>
        <ActivityTimeline items={progressOf(o, d.event, t.kind[o.kind])} />
      </Card>
      <Modal
        open={asking !== null}
        title={asking === 'reject' ? d.confirmReject : d.confirmCancel}
        okText={asking === 'reject' ? d.reject : d.cancel}
        okButtonProps={{ danger: true, loading: decide.isPending }}
        cancelText={c.cancel}
        onOk={() => form.submit()}
        onCancel={() => setAsking(null)}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          onFinish={(v) => asking && decide.mutate({ decision: asking, note: v.note })}
        >
          <Form.Item name="note" label={d.decisionNote}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </Flex>
  );
}
