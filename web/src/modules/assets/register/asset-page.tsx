import {
  ArrowLeftOutlined,
  DeleteOutlined,
  DownOutlined,
  EditOutlined,
  PrinterOutlined,
} from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Dropdown,
  Flex,
  Popconfirm,
  Row,
  Space,
  Spin,
  Statistic,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, ApiError, unwrap } from '../../../app/api.ts';
import { useTexts } from '../../../app/texts.ts';
import { ActivityTimeline } from '../../../components/activity-timeline.tsx';
import { AttachmentsPanel } from '../../../components/attachments/attachments-panel.tsx';
import { ErrorResult } from '../../../components/error-result.tsx';
import { formatDate, formatYuan } from '../../../components/format.ts';
import { PageTitle } from '../../../components/page-title.tsx';
import {
  StartOperationDialog,
  type OperationKindChoice,
} from '../operations/start-operation-dialog.tsx';
import { AssetEditModal } from './asset-edit-modal.tsx';
import { assetKeys, kindsFor, labelsHref, STATUS_COLORS, type AssetDetail } from './model.ts';
import { registerTexts } from './texts.ts';

/**
 * One asset card: what it is, where it stands and who keeps it, its value
 * after depreciation, its photos, its history and its operations, and the
 * operations it may take now. Place, department and custodian change only
 * through operations; the edit covers the description.
 */
export default function AssetPage() {
  const tx = useTexts(registerTexts);
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [kind, setKind] = useState<OperationKindChoice | null>(null);
  const [editing, setEditing] = useState(false);
  const asset = useQuery({
    queryKey: assetKeys.detail(id),
    queryFn: () => unwrap(api.GET('/api/assets/{id}', { params: { path: { id } } })),
    retry: (n, err) => !(err instanceof ApiError && err.status < 500) && n < 2,
  });
  const remove = useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/assets/{id}', { params: { path: { id } } })),
    onSuccess: async () => {
      void message.success(tx.detail.deleted);
      await client.invalidateQueries({ queryKey: assetKeys.list });
      void navigate('/assets');
    },
    onError: (err) => void message.error(err.message),
  });

  const back = (
    <Link to="/assets">
      <ArrowLeftOutlined aria-hidden /> {tx.detail.back}
    </Link>
  );
  if (asset.isPending)
    return (
      <Flex justify="center" style={{ padding: 48 }}>
        <Spin aria-label={tx.labels.loading} />
      </Flex>
    );
  if (asset.isError)
    return (
      <>
        {back}
        {asset.error instanceof ApiError && asset.error.status === 404 ? (
          <Alert type="warning" showIcon title={tx.detail.notFound} style={{ marginTop: 16 }} />
        ) : (
          <ErrorResult error={asset.error} onRetry={() => void asset.refetch()} />
        )}
      </>
    );

  const a = asset.data;
  const kinds = a.canManage && !a.openOperationId ? kindsFor([a.status]) : [];
  const actions = (
    <Space wrap role="group" aria-label={tx.detail.actionsOf(a.name)}>
      {kinds.length > 0 && (
        <Dropdown
          trigger={['click']}
          menu={{
            items: kinds.map((k) => ({ key: k, label: tx.kind[k] })),
            onClick: ({ key }) => setKind(key as OperationKindChoice),
          }}
        >
          <Button type="primary">
            <Space>
              {tx.detail.actions}
              <DownOutlined aria-hidden />
            </Space>
          </Button>
        </Dropdown>
      )}
      <Button icon={<PrinterOutlined />} onClick={() => void navigate(labelsHref([a.id]))}>
        {tx.detail.printLabel}
      </Button>
      {a.canManage && (
        <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
          {tx.detail.edit}
        </Button>
      )}
      {a.canManage && a.operations.length <= 1 && (
        <Popconfirm
          title={tx.detail.deleteConfirm}
          description={<div style={{ maxWidth: 280 }}>{tx.detail.deleteBody}</div>}
          okButtonProps={{ danger: true, loading: remove.isPending }}
          okText={tx.detail.delete}
          cancelText={tx.common.cancel}
          onConfirm={() => remove.mutate()}
        >
          <Button danger icon={<DeleteOutlined />}>
            {tx.detail.delete}
          </Button>
        </Popconfirm>
      )}
    </Space>
  );

  return (
    <>
      <div style={{ marginBottom: 12 }}>{back}</div>
      <PageTitle actions={actions}>
        <span style={{ overflowWrap: 'anywhere' }}>
          {a.name}{' '}
          <Tag color={STATUS_COLORS[a.status]} style={{ verticalAlign: 'middle' }}>
            {tx.status[a.status]}
          </Tag>
        </span>
      </PageTitle>
      {a.openOperationId && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={
            <Link to={`/assets/operations/${a.openOperationId}`}>{tx.detail.openOperation}</Link>
          }
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Card>
            <CardFields a={a} />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card title={tx.detail.valueSummary}>
            <Flex vertical gap={12}>
              <Statistic title={tx.field.netValue} value={formatYuan(a.netValueFen)} />
              <Descriptions
                column={1}
                size="small"
                items={[
                  {
                    key: 'o',
                    label: tx.field.originalValue,
                    children: formatYuan(a.originalValueFen),
                  },
                  {
                    key: 'acc',
                    label: tx.field.accumulated,
                    children: formatYuan(a.accumulatedDepreciationFen),
                  },
                  {
                    key: 'm',
                    label: tx.field.monthly,
                    children: formatYuan(a.monthlyDepreciationFen),
                  },
                  {
                    key: 'method',
                    label: tx.field.method,
                    children: tx.method[a.depreciationMethod],
                  },
                  {
                    key: 'life',
                    label: tx.categories.life,
                    children: a.lifeMonths ? tx.categories.lifeYears(a.lifeMonths) : tx.common.none,
                  },
                ]}
              />
            </Flex>
          </Card>
        </Col>
      </Row>
      <Card style={{ marginTop: 16 }}>
        <Tabs
          items={[
            {
              key: 'timeline',
              label: tx.detail.timeline,
              children: <Timeline a={a} />,
            },
            {
              key: 'operations',
              label: `${tx.detail.operations} (${a.operations.length})`,
              children: <Operations a={a} />,
            },
            {
              key: 'photos',
              label: tx.detail.photos,
              children: (
                <AttachmentsPanel entityType="asset" entityId={a.id} canUpload={a.canManage} />
              ),
            },
          ]}
        />
      </Card>
      <AssetEditModal asset={editing ? a : null} onClose={() => setEditing(false)} />
      <StartOperationDialog
        kind={kind}
        assets={[{ id: a.id, tagNo: a.tagNo, name: a.name, status: a.status, siteId: a.site.id }]}
        onClose={() => setKind(null)}
        onDone={(opId) => {
          setKind(null);
          // The dialog itself says it was submitted and with which number.
          void client.invalidateQueries({ queryKey: assetKeys.all });
          void navigate(`/assets/operations/${opId}`);
        }}
      />
    </>
  );
}

function CardFields({ a }: { a: AssetDetail }) {
  const tx = useTexts(registerTexts);
  const none = tx.common.none;
  const custom = a.categoryFields
    .filter((f) => a.custom[f.key] !== undefined && a.custom[f.key] !== null)
    .map((f) => ({ key: `c-${f.key}`, label: f.label, children: String(a.custom[f.key]) }));
  return (
    <Descriptions
      column={{ xs: 1, sm: 2 }}
      size="small"
      items={[
        { key: 'tag', label: tx.field.tagNo, children: a.tagNo },
        { key: 'code', label: tx.field.code, children: a.code },
        { key: 'cat', label: tx.field.category, children: a.category.name },
        { key: 'model', label: tx.field.model, children: a.model ?? none },
        {
          key: 'qty',
          label: tx.field.quantity,
          children: `${a.quantity}${a.unit ? ` ${a.unit}` : ''}`,
        },
        { key: 'price', label: tx.field.price, children: formatYuan(a.unitPriceFen) },
        { key: 'site', label: tx.field.site, children: a.site.name },
        { key: 'loc', label: tx.field.location, children: a.location?.name ?? none },
        { key: 'dept', label: tx.field.department, children: a.department?.name ?? none },
        {
          key: 'cust',
          label: tx.field.custodian,
          children: a.custodian ? `${a.custodian.name}（${a.custodian.employeeNo}）` : none,
        },
        { key: 'cond', label: tx.field.condition, children: tx.condition[a.condition] },
        {
          key: 'src',
          label: tx.field.source,
          children: tx.source[a.source as keyof typeof tx.source] ?? a.source,
        },
        { key: 'pd', label: tx.field.purchaseDate, children: a.purchaseDate ?? none },
        { key: 'isd', label: tx.field.inServiceDate, children: a.inServiceDate ?? none },
        { key: 'sup', label: tx.field.supplier, children: a.supplier ?? none },
        { key: 'inv', label: tx.field.invoiceNo, children: a.invoiceNo ?? none },
        { key: 'war', label: tx.field.warrantyEnd, children: a.warrantyEnd ?? none },
        ...custom,
        ...(a.notes ? [{ key: 'notes', label: tx.field.notes, children: a.notes, span: 2 }] : []),
      ]}
    />
  );
}

function Timeline({ a }: { a: AssetDetail }) {
  const tx = useTexts(registerTexts);
  const label = (action: string) =>
    action in tx.kind
      ? tx.kind[action as keyof typeof tx.kind]
      : action === 'edit'
        ? tx.detail.event.updated
        : action === 'void'
          ? tx.detail.event.voided
          : action;
  const status = (s: string | null) =>
    s && s in tx.status ? tx.status[s as keyof typeof tx.status] : (s ?? '');
  return (
    <ActivityTimeline
      items={[...a.events].reverse().map((e) => ({
        key: e.id,
        at: e.at,
        actor: e.actorName,
        title: (
          <>
            {e.operationId ? (
              <Link to={`/assets/operations/${e.operationId}`}>{label(e.action)}</Link>
            ) : (
              label(e.action)
            )}
            {e.fromStatus !== e.toStatus && e.toStatus && (
              <Typography.Text type="secondary" style={{ fontWeight: 'normal', marginLeft: 8 }}>
                {e.fromStatus
                  ? tx.detail.statusChange(status(e.fromStatus), status(e.toStatus))
                  : `→ ${status(e.toStatus)}`}
              </Typography.Text>
            )}
          </>
        ),
        note: e.note ?? undefined,
      }))}
    />
  );
}

function Operations({ a }: { a: AssetDetail }) {
  const tx = useTexts(registerTexts);
  if (a.operations.length === 0)
    return <Typography.Text type="secondary">{tx.detail.noOperations}</Typography.Text>;
  return (
    <Flex vertical gap={8} role="list">
      {a.operations.map((o) => (
        <Flex
          key={o.id}
          role="listitem"
          wrap
          gap={12}
          align="center"
          style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}
        >
          <Link to={`/assets/operations/${o.id}`}>{o.number}</Link>
          <span>{tx.kind[o.kind as keyof typeof tx.kind] ?? o.kind}</span>
          <Tag>{tx.opStatus[o.status as keyof typeof tx.opStatus] ?? o.status}</Tag>
          <Typography.Text type="secondary">{formatDate(o.requestedAt)}</Typography.Text>
          <span>{formatYuan(o.valueFen)}</span>
        </Flex>
      ))}
    </Flex>
  );
}
