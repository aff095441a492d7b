import { useQueries } from '@tanstack/react-query';
import { Card, Col, Flex, Row, Select, Space, Statistic, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useSiteChoice, useSites } from '../../../app/site-choice.ts';
import { useTexts } from '../../../app/texts.ts';
import { ErrorResult } from '../../../components/error-result.tsx';
import { formatDate } from '../../../components/format.ts';
import { PageTitle } from '../../../components/page-title.tsx';
import {
  durationText,
  fetchStats,
  percentText,
  type GroupBy,
  type GroupRow,
  type Stats,
} from './stats-model.ts';
import { manageTexts } from './texts.ts';

type Tx = (typeof manageTexts)['zh-CN'];

const THIS_YEAR = new Date().getFullYear();
const YEARS = Array.from({ length: 10 }, (_, i) => THIS_YEAR - i);

/**
 * 维修统计: the year's work orders in figures, exactly as GET
 * /api/maintenance/stats computes them (the annual summary quotes the same
 * numbers), by category, month (beside last year's), site, department and
 * technician, with the places that keep breaking.
 */
export default function DashboardPage() {
  const tx = useTexts(manageTexts);
  const [choice] = useSiteChoice();
  const sites = useSites().data ?? [];
  const [year, setYear] = useState(THIS_YEAR);
  const [siteId, setSiteId] = useState<string | undefined>(choice ?? undefined);

  const asks: { groupBy: GroupBy; year: number }[] = [
    { groupBy: 'category', year },
    { groupBy: 'month', year },
    { groupBy: 'month', year: year - 1 },
    { groupBy: 'site', year },
    { groupBy: 'department', year },
    { groupBy: 'technician', year },
  ];
  const results = useQueries({
    queries: asks.map((a) => ({
      queryKey: ['maintenance', 'stats', a.year, siteId ?? null, a.groupBy],
      queryFn: () => fetchStats(a.year, siteId, a.groupBy),
    })),
  });
  const [category, month, lastYear, bySite, byDepartment, byTechnician] = results.map(
    (r) => r.data,
  );
  const failed = results.find((r) => r.isError);

  const filters = (
    <Space wrap>
      <Select
        aria-label={tx.dashboard.year}
        value={year}
        onChange={setYear}
        options={YEARS.map((y) => ({ value: y, label: String(y) }))}
        style={{ width: 100 }}
      />
      {sites.length > 1 && (
        <Select
          aria-label={tx.dashboard.site}
          value={siteId ?? ''}
          onChange={(v: string) => setSiteId(v || undefined)}
          options={[
            { value: '', label: tx.dashboard.allSites },
            ...sites.map((s) => ({ value: s.id, label: s.name })),
          ]}
          style={{ minWidth: 140 }}
        />
      )}
    </Space>
  );

  return (
    <section>
      <PageTitle actions={filters}>{tx.dashboard.title}</PageTitle>
      {failed ? (
        <ErrorResult
          error={failed.error}
          onRetry={() => results.forEach((r) => void r.refetch())}
        />
      ) : (
        <Flex vertical gap={16}>
          <Kpis stats={category} />
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={12}>
              <GroupTable
                title={tx.dashboard.byCategory}
                rows={category?.byGroup}
                loading={!category}
              />
            </Col>
            <Col xs={24} lg={12}>
              <MonthTable year={year} rows={month?.byGroup} previous={lastYear?.byGroup} />
            </Col>
            <Col xs={24} lg={12}>
              <GroupTable title={tx.dashboard.bySite} rows={bySite?.byGroup} loading={!bySite} />
            </Col>
            <Col xs={24} lg={12}>
              <GroupTable
                title={tx.dashboard.byDepartment}
                rows={byDepartment?.byGroup}
                loading={!byDepartment}
              />
            </Col>
            <Col xs={24} lg={12}>
              <GroupTable
                title={tx.dashboard.byTechnician}
                rows={byTechnician?.byGroup}
                loading={!byTechnician}
                nobody={tx.dashboard.unassigned}
              />
            </Col>
            <Col xs={24} lg={12}>
              <RepeatFaults stats={category} year={year} />
            </Col>
          </Row>
        </Flex>
      )}
    </section>
  );
}

function Kpis({ stats }: { stats: Stats | undefined }) {
  const tx = useTexts(manageTexts);
  const d = tx.dashboard;
  const f = stats?.totals;
  const loading = !f;
  const minutes = (m: number | null | undefined) =>
    m === null || m === undefined ? undefined : tx.duration.minutes(m);
  const cards: { key: string; title: string; value: string | number; hint?: string }[] = [
    { key: 'total', title: d.total, value: f?.count ?? 0 },
    { key: 'completed', title: d.completed, value: f?.completed ?? 0 },
    { key: 'sla', title: d.sla, value: percentText(tx, f?.slaCompliance ?? null) },
    {
      key: 'responseMean',
      title: d.responseMean,
      value: durationText(tx, f?.responseMeanMinutes ?? null),
      hint: minutes(f?.responseMeanMinutes),
    },
    {
      key: 'responseP90',
      title: d.responseP90,
      value: durationText(tx, f?.responseP90Minutes ?? null),
      hint: minutes(f?.responseP90Minutes),
    },
    {
      key: 'completionMean',
      title: d.completionMean,
      value: durationText(tx, f?.completionMeanMinutes ?? null),
      hint: minutes(f?.completionMeanMinutes),
    },
    {
      key: 'completionP90',
      title: d.completionP90,
      value: durationText(tx, f?.completionP90Minutes ?? null),
      hint: minutes(f?.completionP90Minutes),
    },
    {
      key: 'rating',
      title: d.rating,
      value:
        f?.ratingMean === null || !f ? d.none : d.ratingValue(String(f.ratingMean), f.ratingCount),
    },
    { key: 'satisfied', title: d.satisfied, value: percentText(tx, f?.satisfiedShare ?? null) },
  ];
  return (
    <Row gutter={[12, 12]}>
      {cards.map((c) => (
        <Col key={c.key} xs={12} md={8} xl={6} xxl={4}>
          <Card size="small" loading={loading} data-testid={`kpi-${c.key}`}>
            <Statistic title={c.title} value={c.value} valueStyle={{ fontSize: 20 }} />
            {c.hint && c.hint !== c.value && (
              <Typography.Text type="secondary">{c.hint}</Typography.Text>
            )}
          </Card>
        </Col>
      ))}
    </Row>
  );
}

function groupColumns(tx: Tx, nobody: string): TableColumnsType<GroupRow> {
  const d = tx.dashboard;
  return [
    {
      key: 'name',
      title: d.name,
      render: (_, r) => r.name ?? nobody,
      sorter: (a, b) => (a.name ?? '').localeCompare(b.name ?? '', 'zh-CN'),
    },
    {
      key: 'count',
      title: d.count,
      dataIndex: 'count',
      align: 'right',
      sorter: (a, b) => a.count - b.count,
      defaultSortOrder: 'descend',
    },
    {
      key: 'completed',
      title: d.completed,
      dataIndex: 'completed',
      align: 'right',
      sorter: (a, b) => a.completed - b.completed,
    },
    {
      key: 'sla',
      title: d.sla,
      align: 'right',
      render: (_, r) => percentText(tx, r.slaCompliance),
      sorter: (a, b) => (a.slaCompliance ?? -1) - (b.slaCompliance ?? -1),
    },
    {
      key: 'completion',
      title: d.completionMean,
      align: 'right',
      render: (_, r) => durationText(tx, r.completionMeanMinutes),
      sorter: (a, b) => (a.completionMeanMinutes ?? -1) - (b.completionMeanMinutes ?? -1),
    },
    {
      key: 'rating',
      title: d.rating,
      align: 'right',
      render: (_, r) => (r.ratingMean === null ? d.none : r.ratingMean),
      sorter: (a, b) => (a.ratingMean ?? -1) - (b.ratingMean ?? -1),
    },
  ];
}

function GroupTable({
  title,
  rows,
  loading,
  nobody,
}: {
  title: string;
  rows: GroupRow[] | undefined;
  loading: boolean;
  /** The row of orders without a value (no department given, not assigned yet). */
  nobody?: string;
}) {
  const tx = useTexts(manageTexts);
  return (
    <Card size="small" title={<h3 style={{ margin: 0, fontSize: 15 }}>{title}</h3>}>
      <Table<GroupRow>
        size="small"
        rowKey={(r) => r.key ?? '-'}
        loading={loading}
        dataSource={rows}
        columns={groupColumns(tx, nobody ?? tx.dashboard.unknown)}
        pagination={(rows?.length ?? 0) > 10 ? { pageSize: 10, size: 'small' } : false}
        scroll={{ x: 'max-content' }}
      />
    </Card>
  );
}

function MonthTable({
  year,
  rows,
  previous,
}: {
  year: number;
  rows: GroupRow[] | undefined;
  previous: GroupRow[] | undefined;
}) {
  const tx = useTexts(manageTexts);
  const d = tx.dashboard;
  const before = new Map((previous ?? []).map((r) => [r.key?.slice(5), r.count]));
  const data = (rows ?? []).map((r) => ({ ...r, previous: before.get(r.key?.slice(5)) ?? 0 }));
  return (
    <Card size="small" title={<h3 style={{ margin: 0, fontSize: 15 }}>{d.byMonth}</h3>}>
      <Table
        size="small"
        rowKey={(r) => r.key ?? '-'}
        loading={!rows || !previous}
        dataSource={data}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          { key: 'month', title: d.month, render: (_, r) => r.key },
          { key: 'count', title: d.thisYear(year), dataIndex: 'count', align: 'right' },
          {
            key: 'previous',
            title: d.previousYear(year - 1),
            dataIndex: 'previous',
            align: 'right',
          },
          {
            key: 'sla',
            title: d.sla,
            align: 'right',
            render: (_, r) => percentText(tx, r.slaCompliance),
          },
        ]}
      />
    </Card>
  );
}

function RepeatFaults({ stats, year }: { stats: Stats | undefined; year: number }) {
  const tx = useTexts(manageTexts);
  const d = tx.dashboard;
  return (
    <Card size="small" title={<h3 style={{ margin: 0, fontSize: 15 }}>{d.repeat}</h3>}>
      <Table
        size="small"
        rowKey="locationId"
        loading={!stats}
        dataSource={stats?.repeatFaults}
        pagination={false}
        locale={{ emptyText: d.repeatEmpty }}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            key: 'place',
            title: d.place,
            render: (_, r) => (
              <Link
                to={`/maintenance/dispatch?locationId=${r.locationId}&from=${year}-01-01&to=${year}-12-31`}
              >
                {r.name}
              </Link>
            ),
          },
          { key: 'count', title: d.times, dataIndex: 'count', align: 'right' },
          { key: 'since', title: d.since, render: (_, r) => formatDate(r.windowStart) },
        ]}
      />
    </Card>
  );
}
