import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Flex, Skeleton, Steps, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useMe } from '../../../app/auth/me-context.ts';
import { can } from '../../../app/auth/session.ts';
import { useTexts } from '../../../app/texts.ts';
import { AuditTimeline } from '../../../components/activity-timeline.tsx';
import { codeFormat, fenFormat } from '../../../components/audit-fields.ts';
import { ErrorResult } from '../../../components/error-result.tsx';
import { formatDate, formatDateTime, formatYuan } from '../../../components/format.ts';
import { fetchOperation, opsKeys, type OperationDetail } from './model.ts';
import { OperationActions } from './operation-actions.tsx';
import { OperationLines } from './operation-lines.tsx';
import { OperationStatusTag } from './status-tag.tsx';
import { opsTexts } from './texts.ts';

/**
 * 业务单: one operation — what, which assets, where they go, who approved and
 * who signed — with the buttons the server says this user may press now
 * (`allowedActions`). Custodians open it from the notification on a phone.
 */
export default function OperationPage() {
  const tx = useTexts(opsTexts);
  const { id = '' } = useParams();
  const me = useMe();
  const op = useQuery({ queryKey: opsKeys.one(id), queryFn: () => fetchOperation(id) });
  if (op.isError) return <ErrorResult error={op.error} onRetry={() => void op.refetch()} />;
  if (op.isPending) return <Skeleton active />;
  const o = op.data;
  return (
    <Flex vertical gap={16} style={{ maxWidth: 960 }}>
      <Link to="/assets/operations">{tx.detail.back}</Link>
      <Header op={o} />
      <OperationActions op={o} />
      <OperationLines op={o} />
      {can(me, 'audit:read') && (
        <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>{tx.detail.history}</h2>}>
          <AuditTimeline
            entityType="asset_operation"
            entityId={o.id}
            fields={{
              status: { label: tx.common.status, format: codeFormat(tx.status) },
              reason: tx.common.reason,
              approvedBy: { label: tx.detail.approvedBy, format: refName(o.approvedBy) },
              approvedAt: tx.detail.approvedAt,
              approvalNote: tx.detail.approvalNote,
              receivedBy: { label: tx.detail.receivedBy, format: refName(o.receivedBy) },
              receivedAt: tx.detail.receivedAt,
              completedAt: tx.detail.completedAt,
              toSiteId: { label: tx.detail.toSite, format: refName(o.toSite) },
              toDepartmentId: { label: tx.detail.toDepartment, format: refName(o.toDepartment) },
              toLocationId: { label: tx.detail.toLocation, format: refName(o.toLocation) },
              toCustodianPersonId: { label: tx.detail.toCustodian, format: refName(o.toCustodian) },
              borrowerName: tx.detail.borrower,
              dueDate: tx.detail.dueDate,
              remindedAt: tx.detail.remindedAt,
              totalValueFen: { label: tx.common.value, format: fenFormat },
            }}
          />
        </Card>
      )}
    </Flex>
  );
}

/** For the audit timeline: an id this operation names, as that name. */
const refName = (ref: { id: string; name: string } | null) => (v: unknown) =>
  ref && v === ref.id ? ref.name : null;

/** 申请 → 审批 → 接收 → 完成, skipping what this kind does not need. */
function StatusSteps({ op }: { op: OperationDetail }) {
  const t = useTexts(opsTexts).detail.steps;
  const receipt = op.kind === 'assign' || op.kind === 'transfer';
  const approved = !!op.approvedAt || op.status !== 'pending_approval';
  const stages = [
    { key: 'request', title: t.request, done: true },
    { key: 'approve', title: t.approve, done: approved && op.status !== 'rejected' },
    ...(receipt ? [{ key: 'receive', title: t.receive, done: !!op.receivedAt }] : []),
    { key: 'finish', title: t.finish, done: op.status === 'done' },
  ];
  const current = stages.findIndex((s) => !s.done);
  const failed = op.status === 'rejected' || op.status === 'cancelled';
  return (
    <Steps
      size="small"
      responsive={false}
      current={current === -1 ? stages.length - 1 : current}
      status={failed ? 'error' : current === -1 ? 'finish' : 'process'}
      items={stages.map((s) => ({ title: s.title }))}
    />
  );
}

function Header({ op: o }: { op: OperationDetail }) {
  const tx = useTexts(opsTexts);
  const t = tx.detail;
  const named = (n: { name: string } | null) => n?.name;
  const rows = [
    { key: 'site', label: tx.common.site, children: o.site.name },
    { key: 'by', label: tx.common.requestedBy, children: o.requestedBy?.name ?? tx.common.none },
    { key: 'at', label: tx.common.requestedAt, children: formatDateTime(o.requestedAt) },
    {
      key: 'value',
      label: tx.common.value,
      children: `${formatYuan(o.totalValueFen)}（${o.assetCount}）`,
    },
    ...(o.reason ? [{ key: 'reason', label: tx.common.reason, children: o.reason }] : []),
    ...(o.toSite ? [{ key: 'toSite', label: t.toSite, children: named(o.toSite) }] : []),
    ...(o.toDepartment
      ? [{ key: 'dept', label: t.toDepartment, children: named(o.toDepartment) }]
      : []),
    ...(o.toLocation ? [{ key: 'loc', label: t.toLocation, children: named(o.toLocation) }] : []),
    ...(o.toCustodian
      ? [{ key: 'cust', label: t.toCustodian, children: named(o.toCustodian) }]
      : []),
    ...(o.borrower ? [{ key: 'borrower', label: t.borrower, children: o.borrower.name }] : []),
    ...(o.dueDate ? [{ key: 'due', label: t.dueDate, children: o.dueDate }] : []),
    ...(o.approvedBy
      ? [
          {
            key: 'approved',
            label: t.approvedBy,
            children: `${o.approvedBy.name} · ${o.approvedAt ? formatDateTime(o.approvedAt) : ''}`,
          },
        ]
      : []),
    ...(o.approvalNote ? [{ key: 'note', label: t.approvalNote, children: o.approvalNote }] : []),
    ...(o.receivedBy
      ? [
          {
            key: 'received',
            label: t.receivedBy,
            children: `${o.receivedBy.name} · ${o.receivedAt ? formatDateTime(o.receivedAt) : ''}`,
          },
        ]
      : []),
    ...(o.completedAt
      ? [{ key: 'done', label: t.completedAt, children: formatDate(o.completedAt) }]
      : []),
    ...(o.workOrderId
      ? [
          {
            key: 'wo',
            label: t.workOrder,
            children: (
              <Link to={`/maintenance/work-orders/${o.workOrderId}`}>{t.openWorkOrder}</Link>
            ),
          },
        ]
      : []),
    ...(o.lendOperationId
      ? [
          {
            key: 'loan',
            label: t.loanOf,
            children: <Link to={`/assets/operations/${o.lendOperationId}`}>{t.loanOf}</Link>,
          },
        ]
      : []),
  ];
  return (
    <Card>
      <Flex vertical gap={12}>
        <Flex align="center" gap={8} wrap>
          <Typography.Title level={1} style={{ margin: 0, fontSize: 22 }}>
            {o.number}
          </Typography.Title>
          <Tag>{tx.kind[o.kind]}</Tag>
          <OperationStatusTag status={o.status} />
        </Flex>
        <StatusSteps op={o} />
        <Descriptions size="small" column={{ xs: 1, sm: 1, md: 2 }} items={rows} />
      </Flex>
    </Card>
  );
}
