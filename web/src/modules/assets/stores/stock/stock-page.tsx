import { Select, Tag, Typography } from 'antd';
import { api, unwrap } from '../../../../app/api.ts';
import { useMe } from '../../../../app/auth/me-context.ts';
import { can } from '../../../../app/auth/session.ts';
import { useSites } from '../../../../app/site-choice.ts';
import { useTexts } from '../../../../app/texts.ts';
import { formatYuan } from '../../../../components/format.ts';
import { ListPage } from '../../../../components/list/list-page.tsx';
import type { ListColumn, ListFilter } from '../../../../components/list/list-types.ts';
import { storesKeys, type StockRow } from '../data.ts';
import { StoreSelect } from '../store-select.tsx';
import { storesTexts } from '../texts.ts';

/**
 * 库存: quantity and value per store × item at the moving-average cost. A
 * storekeeper (or a technician on a phone) looks an item up by code or name;
 * rows at or below the minimum stand out in red.
 */
export default function StockPage() {
  const t = useTexts(storesTexts);
  const c = t.common;
  const me = useMe();
  const sites = useSites();

  const filters: ListFilter[] = [
    { type: 'search', key: 'q', label: c.search, placeholder: c.searchItem },
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
      type: 'select',
      key: 'belowMinimum',
      label: t.stock.onlyBelow,
      options: [{ value: 'true', label: t.stock.yes }],
    },
  ];

  const low = (r: StockRow) => (r.belowMinimum ? { color: '#a8071a', fontWeight: 600 } : {});
  const columns: ListColumn<StockRow>[] = [
    {
      key: 'item',
      title: c.item,
      cardTitle: true,
      render: (r) => (
        <span>
          {r.item.name}
          {r.item.spec && <Typography.Text type="secondary"> {r.item.spec}</Typography.Text>}
        </span>
      ),
    },
    { key: 'code', title: c.code, render: (r) => r.item.code },
    { key: 'store', title: c.store, render: (r) => `${r.site.name} · ${r.store.name}` },
    {
      key: 'quantity',
      title: c.quantity,
      align: 'right',
      render: (r) => (
        <span style={low(r)}>
          {r.quantity} {r.item.unit}
          {r.belowMinimum && (
            <Tag style={{ marginInlineStart: 8, color: '#a8071a', background: '#fff1f0' }}>
              {t.stock.belowMinimum}
            </Tag>
          )}
        </span>
      ),
    },
    {
      key: 'average',
      title: t.stock.average,
      align: 'right',
      render: (r) => (r.averageCostFen === null ? '—' : formatYuan(r.averageCostFen)),
    },
    { key: 'value', title: c.value, align: 'right', render: (r) => formatYuan(r.valueFen) },
    { key: 'minStock', title: c.minStock, align: 'right', render: (r) => r.minStock },
    { key: 'category', title: c.category, hidden: true, render: (r) => r.item.category ?? '—' },
  ];

  return (
    <ListPage<StockRow>
      id="stores-stock"
      title={t.stock.title}
      columns={columns}
      filters={filters}
      queryKey={[...storesKeys.stock, 'list']}
      fetchPage={(query) => unwrap(api.GET('/api/stores/stock', { params: { query } }))}
      rowKey={(r) => `${r.store.id}:${r.item.id}`}
      exportPath={can(me, 'stores:export', 'site') ? '/api/stores/stock/export.xlsx' : undefined}
      emptyText={t.stock.empty}
    />
  );
}
