import { DownloadOutlined } from '@ant-design/icons';
import { useQueries } from '@tanstack/react-query';
import { Button, Card, Col, Flex, Row, Select, Space, Statistic, Tooltip, Typography } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import { can } from '../../../app/auth/session.ts';
import { useMe } from '../../../app/auth/me-context.ts';
import { useSiteChoice, useSites } from '../../../app/site-choice.ts';
import { useTexts } from '../../../app/texts.ts';
import { ErrorResult } from '../../../components/error-result.tsx';
import { PageTitle } from '../../../components/page-title.tsx';
import {
  CategoryChart,
  MonthChart,
  RatingChart,
  SlaChart,
  TechnicianChart,
  TimesChart,
} from './charts/dashboard-charts.tsx';
import { GroupTable, MonthTable, RepeatAssets, RepeatFaults } from './charts/figure-tables.tsx';
import {
  comparedRange,
  dispatchHref,
  durationText,
  exportNeedsSite,
  fetchStats,
  percentText,
  pointsChange,
  relativeChange,
  signed,
  statsExportHref,
  statsKey,
  yearRange,
  type Figures,
  type GroupBy,
  type Range,
} from './stats-model.ts';
import { manageTexts } from './texts.ts';

const THIS_YEAR = new Date().getFullYear();
const YEARS = Array.from({ length: 10 }, (_, i) => THIS_YEAR - i);

/**
 * 维修统计: the year's work orders in figures, exactly as GET
 * /api/maintenance/stats computes them (the annual summary quotes the same
 * numbers): key figures beside last year's, charts, then the tables with
 * every figure by category, month, site, department and technician, and the
 * places that keep breaking. Year and site live in the URL, so a view can be
 * shared and the back button returns to it from the dispatch list.
 */
export default function DashboardPage() {
  const tx = useTexts(manageTexts);
  const d = tx.dashboard;
  const me = useMe();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const [choice] = useSiteChoice();
  const sites = useSites().data ?? [];

  const asked = Number(search.get('year'));
  const year = YEARS.includes(asked) ? asked : THIS_YEAR;
  // No site in the URL: the one chosen in the header; `siteId=` (empty) = all sites.
  const siteId = search.has('siteId') ? search.get('siteId') || undefined : (choice ?? undefined);
  const range = yearRange(year);
  const lastYear = yearRange(year - 1);
  const compared = comparedRange(year);

  const asks: { range: Range; groupBy: GroupBy }[] = [
    { range, groupBy: 'category' },
    { range, groupBy: 'month' },
    { range: lastYear, groupBy: 'month' },
    // Same key as the one above for a past year: fetched once.
    { range: compared, groupBy: 'month' },
    { range, groupBy: 'site' },
    { range, groupBy: 'department' },
    { range, groupBy: 'technician' },
  ];
  const results = useQueries({
    queries: asks.map((a) => ({
      queryKey: statsKey(a.range, siteId, a.groupBy),
      queryFn: () => fetchStats(a.range, siteId, a.groupBy),
    })),
  });
  const [category, month, lastMonth, before, bySite, byDepartment, byTechnician] = results.map(
    (r) => r.data,
  );
  const failed = results.find((r) => r.isError);

  const mayDispatch = can(me, 'maintenance:dispatch', 'site');
  const ordersOf = (filter: Record<string, string>) => dispatchHref(filter, range, siteId);

  function setParam(key: string, value: string) {
    setSearch(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set(key, value);
        return next;
      },
      { replace: true },
    );
  }

  const actions = (
    <Space wrap>
      <Select
        aria-label={d.year}
        value={year}
        onChange={(y: number) => setParam('year', String(y))}
        options={YEARS.map((y) => ({ value: y, label: String(y) }))}
        style={{ width: 100 }}
      />
      {sites.length > 1 && (
        <Select
          aria-label={d.site}
          value={siteId ?? ''}
          onChange={(v: string) => setParam('siteId', v)}
          options={[
            { value: '', label: d.allSites },
            ...sites.map((s) => ({ value: s.id, label: s.name })),
          ]}
          style={{ minWidth: 140 }}
        />
      )}
      {can(me, 'maintenance:export', 'site') && (
        <ExportButton
          href={statsExportHref(range, siteId)}
          needsSite={!siteId && exportNeedsSite(me)}
        />
      )}
    </Space>
  );

  return (
    <section>
      <PageTitle actions={actions}>{d.title}</PageTitle>
      {failed ? (
        <ErrorResult
          error={failed.error}
          onRetry={() => results.forEach((r) => void r.refetch())}
        />
      ) : (
        <Flex vertical gap={16}>
          <Kpis now={category?.totals} before={before?.totals} partial={compared.partial} />
          {before && (
            <Typography.Text type="secondary">
              {before.totals.count ? d.compared(compared.from, compared.to) : d.noBase}
            </Typography.Text>
          )}
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={12}>
              <CategoryChart
                stats={category}
                year={year}
                onOpen={
                  mayDispatch
                    ? (r) => r.key && void navigate(ordersOf({ categoryId: r.key }))
                    : undefined
                }
              />
            </Col>
            <Col xs={24} lg={12}>
              <MonthChart year={year} now={month} before={lastMonth} />
            </Col>
            <Col xs={24} lg={12}>
              <TimesChart stats={category} />
            </Col>
            <Col xs={24} lg={12}>
              <SlaChart year={year} now={month} before={lastMonth} />
            </Col>
            <Col xs={24} lg={12}>
              <RatingChart stats={category} />
            </Col>
            <Col xs={24} lg={12}>
              <TechnicianChart stats={byTechnician} />
            </Col>
          </Row>
          <Row gutter={[16, 16]}>
            <Col xs={24} xxl={12}>
              <GroupTable
                title={d.byCategory}
                rows={category?.byGroup}
                loading={!category}
                linkOf={mayDispatch ? (r) => r.key && ordersOf({ categoryId: r.key }) : undefined}
              />
            </Col>
            <Col xs={24} xxl={12}>
              <MonthTable year={year} now={month} before={lastMonth} />
            </Col>
            <Col xs={24} xxl={12}>
              <GroupTable title={d.bySite} rows={bySite?.byGroup} loading={!bySite} />
            </Col>
            <Col xs={24} xxl={12}>
              <GroupTable
                title={d.byDepartment}
                rows={byDepartment?.byGroup}
                loading={!byDepartment}
              />
            </Col>
            <Col xs={24} xxl={12}>
              <GroupTable
                title={d.byTechnician}
                rows={byTechnician?.byGroup}
                loading={!byTechnician}
                nobody={d.unassigned}
              />
            </Col>
            <Col xs={24} xxl={12}>
              <RepeatFaults
                stats={category}
                hrefOf={mayDispatch ? (locationId) => ordersOf({ locationId }) : undefined}
              />
            </Col>
            <Col xs={24} xxl={12}>
              <RepeatAssets stats={category} />
            </Col>
          </Row>
        </Flex>
      )}
    </section>
  );
}

/** The workbook of every table; disabled with the reason when a site must be chosen first. */
function ExportButton({ href, needsSite }: { href: string; needsSite: boolean }) {
  const d = useTexts(manageTexts).dashboard;
  const button = (
    <Button
      icon={<DownloadOutlined />}
      href={needsSite ? undefined : href}
      download
      disabled={needsSite}
    >
      {d.export}
    </Button>
  );
  return needsSite ? (
    <Tooltip title={d.exportNeedsSite}>
      <span>{button}</span>
    </Tooltip>
  ) : (
    button
  );
}

/** How a figure is compared with last year's, and which way is better. */
type Delta = { kind: 'relative' | 'points' | 'difference'; better: 'up' | 'down' | null };

const GOOD = '#237804';
const BAD = '#cf1322';

function Kpis({
  now,
  before,
  partial,
}: {
  now: Figures | undefined;
  before: Figures | undefined;
  partial: boolean;
}) {
  const tx = useTexts(manageTexts);
  const d = tx.dashboard;
  const minutes = (m: number | null | undefined) =>
    m === null || m === undefined ? undefined : tx.duration.minutes(m);
  const cards: {
    /** The data-testid: kpi-total, kpi-sla… (other specs read them). */
    key: string;
    figure: keyof Figures;
    title: string;
    value: string | number;
    hint?: string | undefined;
    delta: Delta;
  }[] = [
    {
      key: 'total',
      figure: 'count',
      title: d.total,
      value: now?.count ?? 0,
      delta: { kind: 'relative', better: null },
    },
    {
      key: 'completed',
      figure: 'completed',
      title: d.completed,
      value: now?.completed ?? 0,
      delta: { kind: 'relative', better: null },
    },
    {
      key: 'sla',
      figure: 'slaCompliance',
      title: d.sla,
      value: percentText(tx, now?.slaCompliance ?? null),
      delta: { kind: 'points', better: 'up' },
    },
    ...(
      [
        ['responseMean', 'responseMeanMinutes', d.responseMean],
        ['responseP90', 'responseP90Minutes', d.responseP90],
        ['completionMean', 'completionMeanMinutes', d.completionMean],
        ['completionP90', 'completionP90Minutes', d.completionP90],
      ] as const
    ).map(([key, figure, title]) => ({
      key,
      figure,
      title,
      value: durationText(tx, now?.[figure] ?? null),
      hint: minutes(now?.[figure]),
      delta: { kind: 'relative', better: 'down' } as Delta,
    })),
    {
      key: 'rating',
      figure: 'ratingMean',
      title: d.rating,
      value:
        now?.ratingMean === null || !now
          ? d.none
          : d.ratingValue(String(now.ratingMean), now.ratingCount),
      delta: { kind: 'difference', better: 'up' },
    },
    {
      key: 'satisfied',
      figure: 'satisfiedShare',
      title: d.satisfied,
      value: percentText(tx, now?.satisfiedShare ?? null),
      delta: { kind: 'points', better: 'up' },
    },
  ];
  return (
    <Row gutter={[12, 12]}>
      {cards.map((c) => (
        <Col key={c.key} xs={12} md={8} xl={6} xxl={4}>
          <Card size="small" loading={!now} data-testid={`kpi-${c.key}`} style={{ height: '100%' }}>
            <Statistic title={c.title} value={c.value} styles={{ content: { fontSize: 20 } }} />
            {c.hint && c.hint !== c.value && (
              <Typography.Text type="secondary" style={{ display: 'block' }}>
                {c.hint}
              </Typography.Text>
            )}
            {now && before && before.count > 0 && (
              <Change
                now={now[c.figure]}
                before={before[c.figure]}
                delta={c.delta}
                vs={partial ? d.vsSamePeriod : d.vsLastYear}
              />
            )}
          </Card>
        </Col>
      ))}
    </Row>
  );
}

/** "+12% 较去年同期", green when better, red when worse, grey when neither. */
function Change({
  now,
  before,
  delta,
  vs,
}: {
  now: number | null;
  before: number | null;
  delta: Delta;
  vs: string;
}) {
  const d = useTexts(manageTexts).dashboard;
  const value =
    delta.kind === 'relative'
      ? relativeChange(now, before)
      : delta.kind === 'points'
        ? pointsChange(now, before)
        : now === null || before === null
          ? null
          : now - before;
  if (value === null) return null;
  const text =
    delta.kind === 'relative'
      ? signed(value * 100, '%')
      : signed(value, delta.kind === 'points' ? d.pointsUnit : d.ratingUnit);
  const rounded = Math.round(value * 1000);
  const color =
    delta.better === null || rounded === 0
      ? undefined
      : rounded > 0 === (delta.better === 'up')
        ? GOOD
        : BAD;
  return (
    <Typography.Text style={{ display: 'block', fontSize: 13 }}>
      <span style={color ? { color, fontWeight: 500 } : undefined}>{text}</span>{' '}
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {vs}
      </Typography.Text>
    </Typography.Text>
  );
}
