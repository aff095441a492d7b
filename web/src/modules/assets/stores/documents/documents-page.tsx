import { PlusOutlined } from '@ant-design/icons';
import { Button, Select } from 'antd';
import { useNavigate } from 'react-router';
import { api, unwrap } from '../../../../app/api.ts';
import { useMe } from '../../../../app/auth/me-context.ts';
import { can } from '../../../../app/auth/session.ts';
import { useSites } from '../../../../app/site-choice.ts';
import { useTexts } from '../../../../app/texts.ts';
import { formatDateTime, formatYuan } from '../../../../components/format.ts';
import { ListPage } from '../../../../components/list/list-page.tsx';
import type { ListColumn, ListFilter } from '../../../../components/list/list-types.ts';
import {
  DOCUMENT_KINDS,
  DOCUMENT_STATUSES,
  storesKeys,
  valueKnown,
  type StockDocument,
} from '../data.ts';
import { StatusTag } from '../status-tag.tsx';
import { StoreSelect } from '../store-select.tsx';
import { storesTexts } from '../texts.ts';

/**
 * 出入库单 (storekeepers, approvers) and 我的领用 (`mine`: a requester's own
 * requisitions with their status). New documents open their own page.
 */
export function DocumentsList({ mine }: { mine: boolean }) {
  const t = useTexts(storesTexts);
  const c = t.common;
  const d = t.documents;
  const me = useMe();
  const navigate = useNavigate();
  const sites = useSites();
  const manage = can(me, 'stores:manage', 'site');

  const filters: ListFilter[] = [
    ...(mine
      ? []
      : ([
          {
            type: 'select',
            key: 'kind',
            label: d.kindLabel,
            options: DOCUMENT_KINDS.map((k) => ({ value: k, label: t.kind[k] })),
          },
        ] satisfies ListFilter[])),
    {
      type: 'select',
      key: 'status',
      label: d.statusLabel,
      options: DOCUMENT_STATUSES.map((s) => ({ value: s, label: t.status[s] })),
    },
    ...(mine
      ? []
      : ([
          {
            type: 'custom',
            key: 'siteId',
            label: c.site,
            render: (value, onChange) => (
              <Select
                aria-label={c.site}
                placeholder={c.site}
                allowClear
                value={value}
                onChange={(v?: string) => onChange(v)}
                options={(sites.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
                style={{ width: 180, maxWidth: '100%' }}
              />
            ),
          },
          {
            type: 'custom',
            key: 'storeId',
            label: c.store,
            render: (value, onChange) => (
              <StoreSelect
                aria-label={c.store}
                allowClear
                includeClosed
                value={value}
                onChange={onChange}
                style={{ width: 220, maxWidth: '100%' }}
              />
            ),
          },
        ] satisfies ListFilter[])),
    { type: 'dateRange', key: 'from', toKey: 'to', label: c.date },
  ];

  const columns: ListColumn<StockDocument>[] = [
    { key: 'number', title: d.number, cardTitle: true, render: (r) => r.number },
    { key: 'kind', title: d.kindLabel, render: (r) => t.kind[r.kind] },
    { key: 'status', title: d.statusLabel, render: (r) => <StatusTag status={r.status} /> },
    {
      key: 'store',
      title: c.store,
      render: (r) => `${r.store.name}${r.toStore ? ` → ${r.toStore.name}` : ''}`,
    },
    {
      key: 'who',
      title: d.counterpart,
      render: (r) => r.department?.name ?? r.workOrder?.number ?? r.supplier ?? '—',
    },
    { key: 'requestedBy', title: d.requestedBy, render: (r) => r.requestedBy?.name ?? '—' },
    { key: 'requestedAt', title: d.requestedAt, render: (r) => formatDateTime(r.requestedAt) },
    {
      key: 'total',
      title: d.total,
      align: 'right',
      render: (r) => (valueKnown(r) ? formatYuan(r.totalFen) : '—'),
    },
    { key: 'site', title: c.site, hidden: true, render: (r) => r.site.name },
  ];

  const newButton = (kind: string, label: string, primary = false) => (
    <Button
      key={kind}
      type={primary ? 'primary' : 'default'}
      icon={<PlusOutlined />}
      onClick={() => void navigate(`/stores/documents/new/${kind}`)}
    >
      {label}
    </Button>
  );

  return (
    <ListPage<StockDocument>
      id={mine ? 'stores-my-requisitions' : 'stores-documents'}
      title={mine ? d.mine : d.title}
      columns={columns}
      filters={filters}
      queryKey={[...storesKeys.documents, mine ? 'mine' : 'list']}
      fetchPage={(query) =>
        unwrap(
          api.GET('/api/stores/documents', {
            params: { query: mine ? { ...query, mine: 'true', kind: 'requisition' } : query },
          }),
        )
      }
      rowKey={(r) => r.id}
      exportPath={
        !mine && can(me, 'stores:export', 'site') ? '/api/stores/documents/export.xlsx' : undefined
      }
      onOpen={(r) => void navigate(`/stores/documents/${r.id}`)}
      emptyText={mine ? d.emptyMine : d.empty}
      actions={
        mine ? (
          newButton('requisition', d.newRequisition, true)
        ) : manage ? (
          <>
            {newButton('stock_in', d.newStockIn, true)}
            {newButton('requisition', d.newRequisition)}
            {newButton('transfer', d.newTransfer)}
            {newButton('stocktake', d.newStocktake)}
          </>
        ) : undefined
      }
    />
  );
}

export default function DocumentsPage() {
  return <DocumentsList mine={false} />;
}
