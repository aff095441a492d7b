import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, DatePicker, Flex, Segmented, Space, Table, Tabs } from 'antd';
import dayjs from 'dayjs';
import { useSearchParams } from 'react-router';
import { api, unwrap } from '../../../../app/api.ts';
import type { ApiResponse } from '../../../../app/api-models.ts';
import { useMe } from '../../../../app/auth/me-context.ts';
import { can } from '../../../../app/auth/session.ts';
import { useTexts } from '../../../../app/texts.ts';
import { ErrorResult } from '../../../../components/error-result.tsx';
import { formatYuan } from '../../../../components/format.ts';
import { PageTitle } from '../../../../components/page-title.tsx';
import { storesKeys } from '../data.ts';
import { StoreSelect } from '../store-select.tsx';
import { storesTexts } from '../texts.ts';

type SummaryRow = ApiResponse<'/api/stores/reports/movement-summary', 'get'>[number];
type ConsumptionRow = ApiResponse<'/api/stores/reports/consumption', 'get'>[number];
type By = 'department' | 'work_order_category';

/**
 * 物资报表: 收发存汇总 (opening, in, out, closing per item) and 物资消耗
 * (by department or by work-order category) over a period, this month by
 * default. The period, store and grouping live in the URL, so a report can
 * be bookmarked; each exports to Excel with the same choice.
 */
export default function ReportsPage() {
  const t = useTexts(storesTexts);
  const r = t.reports;
  const c = t.common;
  const me = useMe();
  const [search, setSearch] = useSearchParams();
  const tab = search.get('tab') === 'consumption' ? 'consumption' : 'summary';
  const from = search.get('from') ?? dayjs().startOf('month').format('YYYY-MM-DD');
  const to = search.get('to') ?? dayjs().format('YYYY-MM-DD');
  const storeId = search.get('storeId') ?? undefined;
  const by: By = search.get('by') === 'work_order_category' ? 'work_order_category' : 'department';
  const set = (patch: Record<string, string | undefined>) =>
    setSearch(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(patch)) {
          if (v) next.set(k, v);
          else next.delete(k);
        }
        return next;
      },
      { replace: true },
    );
  const query = { from, to, ...(storeId ? { storeId } : {}) };
  const exportHref = (path: string, extra: Record<string, string> = {}) =>
    `${path}?${new URLSearchParams({ ...query, ...extra }).toString()}`;
  const mayExport = can(me, 'stores:export', 'site');

  const summary = useQuery({
    queryKey: [...storesKeys.all, 'reports', 'summary', query],
    queryFn: () => unwrap(api.GET('/api/stores/reports/movement-summary', { params: { query } })),
    enabled: tab === 'summary',
  });
  const consumption = useQuery({
    queryKey: [...storesKeys.all, 'reports', 'consumption', query, by],
    queryFn: () =>
      unwrap(api.GET('/api/stores/reports/consumption', { params: { query: { ...query, by } } })),
    enabled: tab === 'consumption',
  });

  const pair = (q: number, v: number) => (
    <span style={{ whiteSpace: 'nowrap' }}>
      {q} / {formatYuan(v)}
    </span>
  );
  const summaryColumns = [
    {
      key: 'item',
      title: c.item,
      render: (_: unknown, x: SummaryRow) => `${x.item.name}（${x.item.code}，${x.item.unit}）`,
    },
    ...(['opening', 'in', 'out', 'closing'] as const).map((k) => ({
      key: k,
      title: `${r[k]}（${r.qty} / ${c.value}）`,
      align: 'right' as const,
      render: (_: unknown, x: SummaryRow) => pair(x[`${k}Quantity`], x[`${k}ValueFen`]),
    })),
  ];
  const consumptionColumns = [
    {
      key: 'name',
      title: by === 'department' ? c.department : r.byCategory,
      render: (_: unknown, x: ConsumptionRow) => x.name ?? r.notRecorded,
    },
    {
      key: 'quantity',
      title: c.quantity,
      align: 'right' as const,
      render: (_: unknown, x: ConsumptionRow) => x.quantity,
    },
    {
      key: 'value',
      title: c.value,
      align: 'right' as const,
      render: (_: unknown, x: ConsumptionRow) => formatYuan(x.valueFen),
    },
    {
      key: 'documents',
      title: r.documents,
      align: 'right' as const,
      render: (_: unknown, x: ConsumptionRow) => x.documents,
    },
  ];

  const controls = (
    <Space wrap style={{ marginBottom: 16 }}>
      <DatePicker.RangePicker
        aria-label={c.period}
        allowClear={false}
        value={[dayjs(from), dayjs(to)]}
        onChange={(range) =>
          set({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })
        }
      />
      <StoreSelect
        aria-label={c.store}
        allowClear
        includeClosed
        value={storeId}
        onChange={(v) => set({ storeId: v })}
        style={{ width: 220, maxWidth: '100%' }}
      />
    </Space>
  );

  const summaryTab = summary.isError ? (
    <ErrorResult error={summary.error} onRetry={() => void summary.refetch()} />
  ) : (
    <>
      {mayExport && (
        <Flex justify="flex-end" style={{ marginBottom: 8 }}>
          <Button
            icon={<DownloadOutlined />}
            href={exportHref('/api/stores/reports/movement-summary/export.xlsx')}
            download
          >
            {c.export}
          </Button>
        </Flex>
      )}
      <Table<SummaryRow>
        rowKey={(x) => x.item.id}
        loading={summary.isFetching}
        dataSource={summary.data}
        columns={summaryColumns}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        size="small"
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: r.empty }}
      />
    </>
  );
  const consumptionTab = consumption.isError ? (
    <ErrorResult error={consumption.error} onRetry={() => void consumption.refetch()} />
  ) : (
    <>
      <Flex justify="space-between" wrap gap={8} style={{ marginBottom: 8 }}>
        <Segmented<By>
          aria-label={r.by}
          value={by}
          onChange={(v) => set({ by: v === 'department' ? undefined : v })}
          options={[
            { value: 'department', label: r.byDepartment },
            { value: 'work_order_category', label: r.byCategory },
          ]}
        />
        {mayExport && (
          <Button
            icon={<DownloadOutlined />}
            href={exportHref('/api/stores/reports/consumption/export.xlsx', { by })}
            download
          >
            {c.export}
          </Button>
        )}
      </Flex>
      <Table<ConsumptionRow>
        rowKey={(x) => x.key ?? '-'}
        loading={consumption.isFetching}
        dataSource={consumption.data}
        columns={consumptionColumns}
        pagination={false}
        size="small"
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: r.empty }}
        summary={(rows) =>
          rows.length > 1 ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>{r.total}</Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                {rows.reduce((s, x) => s + x.quantity, 0)}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">
                {formatYuan(rows.reduce((s, x) => s + x.valueFen, 0))}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={3} align="right">
                {rows.reduce((s, x) => s + x.documents, 0)}
              </Table.Summary.Cell>
            </Table.Summary.Row>
          ) : null
        }
      />
    </>
  );

  return (
    <section>
      <PageTitle>{r.title}</PageTitle>
      {controls}
      <Tabs
        activeKey={tab}
        onChange={(k) => set({ tab: k === 'summary' ? undefined : k })}
        items={[
          { key: 'summary', label: r.summary, children: summaryTab },
          { key: 'consumption', label: r.consumption, children: consumptionTab },
        ]}
      />
    </section>
  );
}
