import { DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, DatePicker, Empty, Flex, Form, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { api, unwrap } from '../../../app/api.ts';
import { useTexts } from '../../../app/texts.ts';
import { ErrorResult } from '../../../components/error-result.tsx';
import { formatYuan } from '../../../components/format.ts';
import { assetKeys } from './model.ts';
import { registerTexts } from './texts.ts';

type Setter = (patch: Record<string, string | null>) => void;
const COLUMNS = ['opening', 'added', 'removed', 'closing'] as const;

/** This year so far: what an office asks for first. */
export const defaultPeriod = () => ({
  from: dayjs().startOf('year').format('YYYY-MM-DD'),
  to: dayjs().format('YYYY-MM-DD'),
});

/**
 * 资产增减变动表: per category, the register at the start of a period, what
 * came onto and left the books during it, and what stands at its end (cards
 * and original value; the Excel file adds item counts). Below it, the
 * additions by source (purchase, transfer in, donation …) and the removals
 * by kind (disposed, moved to another campus).
 */
export function ChangesReport({
  siteFilter,
  siteId,
  from,
  to,
  set,
}: {
  siteFilter: ReactNode;
  siteId: string | null;
  from: string;
  to: string;
  set: Setter;
}) {
  const tx = useTexts(registerTexts);
  const q = { from, to, siteId: siteId ?? undefined };
  const report = useQuery({
    queryKey: [...assetKeys.reports, 'changes', q],
    queryFn: () => unwrap(api.GET('/api/assets/reports/changes', { params: { query: q } })),
    placeholderData: keepPreviousData,
  });
  type Row = NonNullable<typeof report.data>['rows'][number];
  const params = new URLSearchParams({ from, to, ...(siteId && { siteId }) });
  const totals = report.data?.totals;
  const bySource = report.data?.addedBySource ?? [];
  const byKind = report.data?.removedByKind ?? [];
  return (
    <Flex vertical gap={16}>
      <Flex wrap gap={12} align="center">
        {siteFilter}
        <Form.Item label={tx.reports.period} htmlFor="report-period" style={{ margin: 0 }}>
          <DatePicker.RangePicker
            id="report-period"
            allowClear={false}
            value={[dayjs(from), dayjs(to)]}
            onChange={(range) =>
              range?.[0] &&
              range[1] &&
              set({ from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') })
            }
          />
        </Form.Item>
        <Button
          icon={<DownloadOutlined />}
          href={`/api/assets/reports/changes.xlsx?${params.toString()}`}
          download
        >
          {tx.reports.export}
        </Button>
      </Flex>
      {report.isError ? (
        <ErrorResult error={report.error} onRetry={() => void report.refetch()} />
      ) : (
        <Table<Row>
          size="small"
          bordered
          rowKey={(r) => r.category.id}
          loading={report.isFetching}
          dataSource={report.data?.rows}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <Empty description={tx.reports.empty} /> }}
          columns={[
            {
              key: 'category',
              title: tx.reports.categoryColumn,
              fixed: 'left',
              // Long names wrap rather than push the figures off a phone's screen.
              width: 150,
              render: (_, r) => r.category.name,
            },
            ...COLUMNS.map((c) => ({
              key: c,
              title: tx.reports[c],
              children: [
                {
                  key: `${c}-count`,
                  title: tx.reports.count,
                  align: 'right' as const,
                  render: (_: unknown, r: Row) => r[c].count,
                },
                {
                  key: `${c}-value`,
                  title: tx.reports.original,
                  align: 'right' as const,
                  render: (_: unknown, r: Row) => formatYuan(r[c].originalValueFen),
                },
              ],
            })),
          ]}
          summary={() =>
            totals && (
              <Table.Summary.Row style={{ fontWeight: 600 }}>
                <Table.Summary.Cell index={0}>{tx.reports.total}</Table.Summary.Cell>
                {COLUMNS.flatMap((c, i) => [
                  <Table.Summary.Cell key={`${c}-n`} index={1 + i * 2} align="right">
                    {totals[c].count}
                  </Table.Summary.Cell>,
                  <Table.Summary.Cell key={`${c}-v`} index={2 + i * 2} align="right">
                    {formatYuan(totals[c].originalValueFen)}
                  </Table.Summary.Cell>,
                ])}
              </Table.Summary.Row>
            )
          }
        />
      )}
      <Breakdown
        label={tx.reports.addedBySource}
        parts={bySource.map((s) => ({
          ...s,
          name:
            s.source === 'site_transfer'
              ? tx.reports.siteTransferIn
              : (tx.source[s.source as keyof typeof tx.source] ?? s.source),
        }))}
      />
      <Breakdown
        label={tx.reports.removedByKind}
        parts={byKind.map((k) => ({ ...k, name: tx.reports.removedKind[k.kind] }))}
      />
    </Flex>
  );
}

/** A line under the table: what the additions (or removals) were, by source (or kind). */
function Breakdown({
  label,
  parts,
}: {
  label: string;
  parts: { name: string; count: number; originalValueFen: number }[];
}) {
  const tx = useTexts(registerTexts);
  if (parts.length === 0) return null;
  return (
    <Typography.Text type="secondary">
      {label}
      {parts
        .map((p) => tx.reports.sourceLine(p.name, p.count, formatYuan(p.originalValueFen)))
        .join('；')}
    </Typography.Text>
  );
}
