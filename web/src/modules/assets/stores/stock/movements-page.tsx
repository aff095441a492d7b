import { Select } from 'antd';
import { Link } from 'react-router';
import { api, unwrap } from '../../../../app/api.ts';
import { useMe } from '../../../../app/auth/me-context.ts';
import { can } from '../../../../app/auth/session.ts';
import { useSites } from '../../../../app/site-choice.ts';
import { useTexts } from '../../../../app/texts.ts';
import { formatDateTime, formatYuan } from '../../../../components/format.ts';
import { ListPage } from '../../../../components/list/list-page.tsx';
import type { ListColumn, ListFilter } from '../../../../components/list/list-types.ts';
import { DepartmentSelect } from '../../../org/people/departments/department-select.tsx';
import { storesKeys, type Movement } from '../data.ts';
import { StoreSelect } from '../store-select.tsx';
import { storesTexts } from '../texts.ts';

/** Signed quantities read better with their sign: +10 in, −2 out. */
const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0');

/**
 * 出入库流水: every movement, newest first, with the balance it left —
 * the ledger a storekeeper reconciles against; exported with the same filters.
 */
export default function MovementsPage() {
  const t = useTexts(storesTexts);
  const c = t.common;
  const m = t.movements;
  const me = useMe();
  const sites = useSites();

  const filters: ListFilter[] = [
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
    {
      type: 'custom',
      key: 'departmentId',
      label: c.department,
      render: (value, onChange) => (
        <DepartmentSelect
          aria-label={c.department}
          placeholder={c.department}
          allowInactive
          value={value ?? null}
          onChange={(v) => onChange(v ?? undefined)}
          style={{ width: 200, maxWidth: '100%' }}
        />
      ),
    },
    { type: 'dateRange', key: 'from', toKey: 'to', label: c.date },
  ];
  const columns: ListColumn<Movement>[] = [
    {
      key: 'item',
      title: c.item,
      cardTitle: true,
      render: (r) => `${r.item.name}（${r.item.code}）`,
    },
    { key: 'at', title: m.at, render: (r) => formatDateTime(r.at) },
    {
      key: 'document',
      title: m.document,
      render: (r) => (
        <Link to={`/stores/documents/${r.document.id}`} onClick={(e) => e.stopPropagation()}>
          {r.document.number}
        </Link>
      ),
    },
    { key: 'kind', title: t.documents.kindLabel, render: (r) => t.kind[r.kind] },
    { key: 'store', title: c.store, render: (r) => r.store.name },
    {
      key: 'quantity',
      title: c.quantity,
      align: 'right',
      render: (r) => `${signed(r.quantity)} ${r.item.unit}`,
    },
    { key: 'value', title: c.value, align: 'right', render: (r) => formatYuan(r.valueFen) },
    { key: 'balance', title: m.balance, align: 'right', render: (r) => r.balanceQuantity },
    {
      key: 'balanceValue',
      title: m.balanceValue,
      align: 'right',
      render: (r) => formatYuan(r.balanceValueFen),
    },
    {
      key: 'who',
      title: t.documents.counterpart,
      render: (r) => r.department?.name ?? r.workOrder?.number ?? '—',
    },
  ];
  return (
    <ListPage<Movement>
      id="stores-movements"
      title={m.title}
      columns={columns}
      filters={filters}
      queryKey={[...storesKeys.movements, 'list']}
      fetchPage={(query) => unwrap(api.GET('/api/stores/movements', { params: { query } }))}
      rowKey={(r) => r.id}
      exportPath={
        can(me, 'stores:export', 'site') ? '/api/stores/movements/export.xlsx' : undefined
      }
      emptyText={m.empty}
    />
  );
}
