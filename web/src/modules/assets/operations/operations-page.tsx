import { Segmented } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import { api, unwrap } from '../../../app/api.ts';
import { useTexts } from '../../../app/texts.ts';
import { formatDateTime, formatYuan } from '../../../components/format.ts';
import { ListPage } from '../../../components/list/list-page.tsx';
import type { ListColumn, ListFilter } from '../../../components/list/list-types.ts';
import { opsKeys, type OperationRow } from './model.ts';
import { DepartmentPicker } from './pickers.tsx';
import { OperationStatusTag } from './status-tag.tsx';
import { opsTexts } from './texts.ts';
import { useSiteFilter } from './use-site-filter.ts';

const KINDS = [
  'assign',
  'transfer',
  'release',
  'lend',
  'return',
  'repair',
  'repaired',
  'damage',
  'loss',
  'recover',
  'dispose',
  'register',
  'adjust',
] as const;
const STATUSES = [
  'pending_approval',
  'pending_receipt',
  'open',
  'done',
  'rejected',
  'cancelled',
] as const;

/**
 * 资产业务: every operation the user may see (the server scopes it: a manager
 * their sites, a custodian their own). "待我处理" narrows it to the approvals
 * and receipts waiting for this user — where the day's work starts.
 */
export default function OperationsPage() {
  const tx = useTexts(opsTexts);
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const waiting = search.get('waitingForMe') === 'true';
  const siteFilter = useSiteFilter(tx.common.site);

  const filters: ListFilter[] = [
    {
      type: 'custom',
      key: 'waitingForMe',
      label: tx.list.view,
      render: (value, onChange) => (
        <Segmented
          aria-label={tx.list.view}
          value={value === 'true' ? 'true' : 'all'}
          onChange={(v) => onChange(v === 'true' ? 'true' : undefined)}
          options={[
            { value: 'all', label: tx.list.all },
            { value: 'true', label: tx.list.waitingForMe, title: tx.list.waitingHelp },
          ]}
        />
      ),
    },
    {
      type: 'select',
      key: 'kind',
      label: tx.common.kind,
      options: KINDS.map((k) => ({ value: k, label: tx.kind[k] })),
    },
    {
      type: 'select',
      key: 'status',
      label: tx.common.status,
      options: STATUSES.map((s) => ({ value: s, label: tx.status[s] })),
    },
    ...siteFilter,
    { type: 'dateRange', key: 'from', toKey: 'to', label: tx.common.dates },
    {
      type: 'custom',
      key: 'departmentId',
      label: tx.common.department,
      render: (value, onChange) => (
        <div style={{ width: 200, maxWidth: '100%' }}>
          <DepartmentPicker
            aria-label={tx.common.department}
            placeholder={tx.common.department}
            value={value}
            onChange={(v) => onChange(v)}
          />
        </div>
      ),
    },
  ];

  const columns: ListColumn<OperationRow>[] = [
    { key: 'number', title: tx.common.number, cardTitle: true, render: (o) => o.number },
    { key: 'kind', title: tx.common.kind, render: (o) => tx.kind[o.kind] },
    {
      key: 'status',
      title: tx.common.status,
      render: (o) => <OperationStatusTag status={o.status} />,
    },
    { key: 'assets', title: tx.common.assets, align: 'right', render: (o) => o.assetCount },
    {
      key: 'value',
      title: tx.common.value,
      align: 'right',
      render: (o) => formatYuan(o.totalValueFen),
    },
    {
      key: 'to',
      title: tx.detail.to,
      render: (o) =>
        [o.toDepartment?.name, o.toCustodian?.name, o.borrower?.name].filter(Boolean).join(' · ') ||
        tx.common.none,
    },
    { key: 'site', title: tx.common.site, render: (o) => o.site.name, hidden: true },
    {
      key: 'requestedBy',
      title: tx.common.requestedBy,
      render: (o) => o.requestedBy?.name ?? tx.common.none,
    },
    {
      key: 'requestedAt',
      title: tx.common.requestedAt,
      render: (o) => formatDateTime(o.requestedAt),
    },
  ];

  return (
    <ListPage<OperationRow>
      id="assets-operations"
      title={tx.list.title}
      columns={columns}
      filters={filters}
      queryKey={opsKeys.list}
      fetchPage={(query) =>
        unwrap(api.GET('/api/assets/operations', { params: { query: query as never } }))
      }
      rowKey={(o) => o.id}
      onOpen={(o) => void navigate(`/assets/operations/${o.id}`)}
      emptyText={waiting ? tx.list.emptyWaiting : tx.list.empty}
    />
  );
}
