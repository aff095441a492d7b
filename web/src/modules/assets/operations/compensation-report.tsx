import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Table } from 'antd';
import { api, unwrap } from '../../../app/api.ts';
import { useTexts } from '../../../app/texts.ts';
import { ErrorResult } from '../../../components/error-result.tsx';
import { formatYuan } from '../../../components/format.ts';
import { opsKeys } from './model.ts';
import { opsTexts } from './texts.ts';

/** 按部门统计: owed, collected, waived and outstanding per department for one year (+ .xlsx). */
export function CompensationReport({
  year,
  siteId,
  canExport,
}: {
  year: number;
  siteId: string | undefined;
  canExport: boolean;
}) {
  const tx = useTexts(opsTexts);
  const t = tx.comp;
  const query = { year, ...(siteId && { siteId }) };
  const report = useQuery({
    queryKey: [...opsKeys.compensations, 'report', query],
    queryFn: () =>
      unwrap(api.GET('/api/assets/reports/compensation', { params: { query: query as never } })),
  });
  if (report.isError)
    return <ErrorResult error={report.error} onRetry={() => void report.refetch()} />;
  const qs = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
  const r = report.data;
  const money = (key: 'owedFen' | 'paidFen' | 'waivedFen' | 'outstandingFen', title: string) => ({
    key,
    title,
    align: 'right' as const,
    render: (_: unknown, row: { [k in typeof key]: number }) => formatYuan(row[key]),
  });
  return (
    <Card
      title={<h2 style={{ margin: 0, fontSize: 16 }}>{t.reportTitle(year)}</h2>}
      extra={
        canExport && (
          <Button
            icon={<DownloadOutlined />}
            href={`/api/assets/reports/compensation.xlsx?${qs.toString()}`}
            download
          >
            {t.exportReport}
          </Button>
        )
      }
    >
      <Table
        size="small"
        loading={report.isPending}
        pagination={false}
        scroll={{ x: 'max-content' }}
        rowKey={(row) => row.department?.id ?? 'none'}
        dataSource={r?.rows}
        columns={[
          {
            key: 'dept',
            title: tx.common.department,
            render: (_, row) => row.department?.name ?? t.noDepartment,
          },
          { key: 'count', title: t.count, align: 'right', dataIndex: 'count' },
          money('owedFen', t.amount),
          money('paidFen', t.paid),
          money('waivedFen', t.waived),
          money('outstandingFen', t.outstanding),
        ]}
        summary={() =>
          r && r.rows.length > 0 ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>{t.total}</Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                {r.totals.count}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">
                {formatYuan(r.totals.owedFen)}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={3} align="right">
                {formatYuan(r.totals.paidFen)}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={4} align="right">
                {formatYuan(r.totals.waivedFen)}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={5} align="right">
                {formatYuan(r.totals.outstandingFen)}
              </Table.Summary.Cell>
            </Table.Summary.Row>
          ) : null
        }
      />
    </Card>
  );
}
