import { Card, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { useTexts } from '../../../../app/texts.ts';
import { formatDate } from '../../../../components/format.ts';
import {
  byMonthNumber,
  durationText,
  percentText,
  type GroupRow,
  type Stats,
  type Tx,
} from '../stats-model.ts';
import { manageTexts } from '../texts.ts';

/** Card titles wrap instead of being cut off on a phone. */
const TITLE = { margin: 0, fontSize: 15, whiteSpace: 'normal', padding: '4px 0' } as const;

/**
 * The exact figures behind the charts, one table per grouping: what the
 * annual summary quotes, sortable, and the charts' alternative for screen
 * readers and keyboards.
 */
function FigureCard({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Card size="small" title={<h3 style={TITLE}>{title}</h3>}>
      {children}
    </Card>
  );
}

const byNumber =
  (pick: (r: GroupRow) => number | null) =>
  (a: GroupRow, b: GroupRow): number =>
    (pick(a) ?? -1) - (pick(b) ?? -1);

function groupColumns(
  tx: Tx,
  nobody: string,
  linkOf?: (r: GroupRow) => string | null,
): TableColumnsType<GroupRow> {
  const d = tx.dashboard;
  const duration = (pick: (r: GroupRow) => number | null, key: string, title: string) => ({
    key,
    title,
    align: 'right' as const,
    render: (_: unknown, r: GroupRow) => durationText(tx, pick(r)),
    sorter: byNumber(pick),
  });
  return [
    {
      key: 'name',
      title: d.name,
      render: (_, r) => {
        const name = r.name ?? nobody;
        const to = linkOf?.(r);
        return to ? (
          <Link to={to} aria-label={d.categoryLink(name)}>
            {name}
          </Link>
        ) : (
          name
        );
      },
      sorter: (a, b) => (a.name ?? '').localeCompare(b.name ?? '', 'zh-CN'),
    },
    {
      key: 'count',
      title: d.count,
      dataIndex: 'count',
      align: 'right',
      sorter: byNumber((r) => r.count),
      defaultSortOrder: 'descend',
    },
    {
      key: 'completed',
      title: d.completed,
      dataIndex: 'completed',
      align: 'right',
      sorter: byNumber((r) => r.completed),
    },
    {
      key: 'sla',
      title: d.sla,
      align: 'right',
      render: (_, r) => percentText(tx, r.slaCompliance),
      sorter: byNumber((r) => r.slaCompliance),
    },
    duration((r) => r.responseMeanMinutes, 'responseMean', d.responseMean),
    duration((r) => r.responseP90Minutes, 'responseP90', d.responseP90),
    duration((r) => r.completionMeanMinutes, 'completionMean', d.completionMean),
    duration((r) => r.completionP90Minutes, 'completionP90', d.completionP90),
    {
      key: 'rating',
      title: d.rating,
      align: 'right',
      render: (_, r) => (r.ratingMean === null ? d.none : r.ratingMean),
      sorter: byNumber((r) => r.ratingMean),
    },
    {
      key: 'satisfied',
      title: d.satisfied,
      align: 'right',
      render: (_, r) => percentText(tx, r.satisfiedShare),
      sorter: byNumber((r) => r.satisfiedShare),
    },
  ];
}

export function GroupTable({
  title,
  rows,
  loading,
  nobody,
  linkOf,
}: {
  title: string;
  rows: GroupRow[] | undefined;
  loading: boolean;
  /** The row of orders without a value (no department given, not assigned yet). */
  nobody?: string;
  /** Where a row's orders are listed, if the user may open that list. */
  linkOf?: ((r: GroupRow) => string | null) | undefined;
}) {
  const tx = useTexts(manageTexts);
  return (
    <FigureCard title={title}>
      <Table<GroupRow>
        size="small"
        rowKey={(r) => r.key ?? '-'}
        loading={loading}
        dataSource={rows}
        columns={groupColumns(tx, nobody ?? tx.dashboard.unknown, linkOf)}
        pagination={(rows?.length ?? 0) > 10 ? { pageSize: 10, size: 'small' } : false}
        scroll={{ x: 'max-content' }}
      />
    </FigureCard>
  );
}

type MonthRow = GroupRow & { month: number; previous: number; previousSla: number | null };

/** Month by month, with the same month of last year beside it. */
export function MonthTable({
  year,
  now,
  before,
}: {
  year: number;
  now: Stats | undefined;
  before: Stats | undefined;
}) {
  const tx = useTexts(manageTexts);
  const d = tx.dashboard;
  const past = byMonthNumber(before?.byGroup);
  const data: MonthRow[] = (now?.byGroup ?? []).map((r) => {
    const month = Number(r.key?.slice(5));
    const p = past.get(month);
    return { ...r, month, previous: p?.count ?? 0, previousSla: p?.slaCompliance ?? null };
  });
  return (
    <FigureCard title={d.byMonth}>
      <Table<MonthRow>
        size="small"
        rowKey={(r) => r.key ?? '-'}
        loading={!now || !before}
        dataSource={data}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          { key: 'month', title: d.month, render: (_, r) => tx.charts.month(r.month) },
          { key: 'count', title: d.thisYear(year), dataIndex: 'count', align: 'right' },
          {
            key: 'previous',
            title: d.previousYear(year - 1),
            dataIndex: 'previous',
            align: 'right',
          },
          {
            key: 'sla',
            title: `${d.sla} ${year}`,
            align: 'right',
            render: (_, r) => percentText(tx, r.slaCompliance),
          },
          {
            key: 'previousSla',
            title: `${d.sla} ${year - 1}`,
            align: 'right',
            render: (_, r) => percentText(tx, r.previousSla),
          },
        ]}
      />
    </FigureCard>
  );
}

/** Places reported three times or more within 30 days, each a link to its orders. */
export function RepeatFaults({
  stats,
  hrefOf,
}: {
  stats: Stats | undefined;
  hrefOf?: ((locationId: string) => string) | undefined;
}) {
  const tx = useTexts(manageTexts);
  const d = tx.dashboard;
  return (
    <FigureCard title={d.repeat}>
      <Table
        size="small"
        rowKey="locationId"
        loading={!stats}
        dataSource={stats?.repeatFaults}
        pagination={
          (stats?.repeatFaults.length ?? 0) > 10 ? { pageSize: 10, size: 'small' } : false
        }
        // antd's own empty-row grey is below AA contrast.
        locale={{ emptyText: <Typography.Text type="secondary">{d.repeatEmpty}</Typography.Text> }}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            key: 'place',
            title: d.place,
            render: (_, r) => (hrefOf ? <Link to={hrefOf(r.locationId)}>{r.name}</Link> : r.name),
          },
          { key: 'count', title: d.times, dataIndex: 'count', align: 'right' },
          { key: 'since', title: d.since, render: (_, r) => formatDate(r.windowStart) },
        ]}
      />
    </FigureCard>
  );
}

/** Assets (the tag given on the order) reported three times or more within 30 days. */
export function RepeatAssets({ stats }: { stats: Stats | undefined }) {
  const tx = useTexts(manageTexts);
  const d = tx.dashboard;
  return (
    <FigureCard title={d.repeatAssets}>
      <Table
        size="small"
        rowKey="assetRef"
        loading={!stats}
        dataSource={stats?.repeatAssets}
        pagination={
          (stats?.repeatAssets.length ?? 0) > 10 ? { pageSize: 10, size: 'small' } : false
        }
        // antd's own empty-row grey is below AA contrast.
        locale={{ emptyText: <Typography.Text type="secondary">{d.repeatEmpty}</Typography.Text> }}
        scroll={{ x: 'max-content' }}
        columns={[
          { key: 'asset', title: d.assetTag, dataIndex: 'assetRef' },
          { key: 'count', title: d.times, dataIndex: 'count', align: 'right' },
          { key: 'since', title: d.since, render: (_, r) => formatDate(r.windowStart) },
        ]}
      />
    </FigureCard>
  );
}
