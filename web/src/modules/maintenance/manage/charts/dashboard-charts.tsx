import { Grid } from 'antd';
import { useTexts } from '../../../../app/texts.ts';
import {
  byMonthNumber,
  durationText,
  percentText,
  type GroupRow,
  type Stats,
} from '../stats-model.ts';
import { manageTexts } from '../texts.ts';
import { ChartCard } from './chart-card.tsx';
import { barsHeight, COLORS, horizontalBars, monthChart } from './options.ts';

/** Charts show the largest groups; the tables below list them all. */
const TOP = 10;
const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

/** Below 576 px: fewer axis labels, narrower name column. */
function useNarrow(): boolean {
  return Grid.useBreakpoint().sm === false;
}

const oneDecimal = (x: number) => Math.round(x * 10) / 10;

/**
 * 各类别工单数: the annual summary's category counts, largest first. A click
 * on a bar opens those orders in the dispatch list (the table's names are
 * the same links, for the keyboard).
 */
export function CategoryChart({
  stats,
  year,
  onOpen,
}: {
  stats: Stats | undefined;
  year: number;
  onOpen?: ((row: GroupRow) => void) | undefined;
}) {
  const tx = useTexts(manageTexts);
  const c = tx.charts;
  const narrow = useNarrow();
  const rows = stats?.byGroup ?? [];
  const names = rows.map((r) => r.name ?? tx.dashboard.unknown);
  return (
    <ChartCard
      title={c.category}
      hint={onOpen ? c.categoryHint : undefined}
      label={c.categoryLabel(year, rows.map((r, i) => `${names[i]} ${r.count}`).join(c.sep))}
      loading={!stats}
      empty={rows.length ? null : c.empty(year)}
      height={barsHeight(rows.length)}
      option={horizontalBars(
        names,
        [{ name: c.count, values: rows.map((r) => r.count), color: COLORS.now }],
        narrow,
      )}
      onClick={
        onOpen
          ? (e) => {
              const row = rows[e.dataIndex];
              if (row) onOpen(row);
            }
          : undefined
      }
    />
  );
}

/** 每月工单数: this year's months beside the same months of last year. */
export function MonthChart({
  year,
  now,
  before,
}: {
  year: number;
  now: Stats | undefined;
  before: Stats | undefined;
}) {
  const tx = useTexts(manageTexts);
  const c = tx.charts;
  const narrow = useNarrow();
  const a = byMonthNumber(now?.byGroup);
  const b = byMonthNumber(before?.byGroup);
  const thisYear = MONTHS.map((m) => a.get(m)?.count ?? 0);
  const lastYear = MONTHS.map((m) => b.get(m)?.count ?? 0);
  const any = thisYear.some((n) => n > 0) || lastYear.some((n) => n > 0);
  return (
    <ChartCard
      title={c.byMonth}
      label={c.byMonthLabel(
        year,
        MONTHS.map((m, i) => c.monthItem(c.month(m), thisYear[i]!, lastYear[i]!)).join(c.sep),
      )}
      loading={!now || !before}
      empty={any ? null : c.empty(year)}
      height={280}
      option={monthChart(
        MONTHS.map(c.month),
        [
          { name: String(year), values: thisYear, color: COLORS.now },
          { name: String(year - 1), values: lastYear, color: COLORS.past },
        ],
        narrow,
        'bar',
      )}
    />
  );
}

/** 用时: how long 90 % of a category's orders took to be answered and finished. */
export function TimesChart({ stats }: { stats: Stats | undefined }) {
  const tx = useTexts(manageTexts);
  const c = tx.charts;
  const narrow = useNarrow();
  const all = (stats?.byGroup ?? []).filter(
    (r) => r.responseP90Minutes !== null || r.completionP90Minutes !== null,
  );
  const rows = all.slice(0, TOP);
  const names = rows.map((r) => r.name ?? tx.dashboard.unknown);
  const hours = (m: number | null) => (m === null ? null : oneDecimal(m / 60));
  const inWords = (h: number) => durationText(tx, h * 60);
  return (
    <ChartCard
      title={all.length > TOP ? `${c.times}${c.topCategories(TOP)}` : c.times}
      label={c.timesLabel(
        rows
          .map((r, i) =>
            c.timesItem(
              names[i]!,
              durationText(tx, r.responseP90Minutes),
              durationText(tx, r.completionP90Minutes),
            ),
          )
          .join(c.sep),
      )}
      loading={!stats}
      empty={rows.length ? null : c.noCompleted}
      height={barsHeight(rows.length, 2)}
      option={horizontalBars(
        names,
        [
          {
            name: c.response,
            values: rows.map((r) => hours(r.responseP90Minutes)),
            color: COLORS.second,
            format: inWords,
          },
          {
            name: c.completion,
            values: rows.map((r) => hours(r.completionP90Minutes)),
            color: COLORS.now,
            format: inWords,
          },
        ],
        narrow,
        { format: (h) => `${h}${narrow ? 'h' : ` ${c.hours}`}` },
      )}
    />
  );
}

/** 时限达标率 by month, this year's line beside last year's dashed one. */
export function SlaChart({
  year,
  now,
  before,
}: {
  year: number;
  now: Stats | undefined;
  before: Stats | undefined;
}) {
  const tx = useTexts(manageTexts);
  const c = tx.charts;
  const narrow = useNarrow();
  const a = byMonthNumber(now?.byGroup);
  const b = byMonthNumber(before?.byGroup);
  const pct = (r: GroupRow | undefined) =>
    r?.slaCompliance === null || r === undefined ? null : oneDecimal(r.slaCompliance * 100);
  const thisYear = MONTHS.map((m) => pct(a.get(m)));
  const lastYear = MONTHS.map((m) => pct(b.get(m)));
  const share = (m: number, map: Map<number, GroupRow>) =>
    percentText(tx, map.get(m)?.slaCompliance ?? null);
  return (
    <ChartCard
      title={c.sla}
      label={c.slaLabel(
        year,
        MONTHS.map((m) => c.slaItem(c.month(m), share(m, a), share(m, b))).join(c.sep),
      )}
      loading={!now || !before}
      empty={thisYear.some((v) => v !== null) ? null : c.noSla}
      height={280}
      option={monthChart(
        MONTHS.map(c.month),
        [
          { name: String(year), values: thisYear, color: COLORS.now, format: (v) => `${v}%` },
          {
            name: String(year - 1),
            values: lastYear,
            color: COLORS.past,
            format: (v) => `${v}%`,
            dashed: true,
          },
        ],
        narrow,
        'line',
        { max: 100, interval: 25, format: (v) => `${v}%` },
      )}
    />
  );
}

/**
 * 满意度: the mean rating of each category. The API gives the mean and the
 * share of 4–5 ratings, not how many of each score, so no distribution.
 */
export function RatingChart({ stats }: { stats: Stats | undefined }) {
  const tx = useTexts(manageTexts);
  const c = tx.charts;
  const narrow = useNarrow();
  const all = (stats?.byGroup ?? []).filter((r) => r.ratingCount > 0);
  const rows = all.slice(0, TOP);
  const names = rows.map((r) => r.name ?? tx.dashboard.unknown);
  return (
    <ChartCard
      title={all.length > TOP ? `${c.rating}${c.topCategories(TOP)}` : c.rating}
      label={c.ratingLabel(
        rows.map((r, i) => c.ratingItem(names[i]!, r.ratingMean ?? 0, r.ratingCount)).join(c.sep),
      )}
      loading={!stats}
      empty={rows.length ? null : c.noRatings}
      height={barsHeight(rows.length)}
      option={horizontalBars(
        names,
        [{ name: tx.dashboard.rating, values: rows.map((r) => r.ratingMean), color: COLORS.now }],
        narrow,
        { max: 5, interval: 1 },
      )}
    />
  );
}

/** 维修人员: the ten technicians with the most orders, and how many they finished. */
export function TechnicianChart({ stats }: { stats: Stats | undefined }) {
  const tx = useTexts(manageTexts);
  const c = tx.charts;
  const narrow = useNarrow();
  const all = (stats?.byGroup ?? []).filter((r) => r.key !== null);
  const rows = all.slice(0, TOP);
  const names = rows.map((r) => r.name ?? '');
  return (
    <ChartCard
      title={all.length > TOP ? `${c.technicians}${c.top(TOP)}` : c.technicians}
      label={c.techniciansLabel(
        rows.map((r, i) => c.technicianItem(names[i]!, r.count, r.completed)).join(c.sep),
      )}
      loading={!stats}
      empty={rows.length ? null : c.noTechnicians}
      height={barsHeight(rows.length, 2)}
      option={horizontalBars(
        names,
        [
          { name: c.count, values: rows.map((r) => r.count), color: COLORS.now },
          { name: c.completed, values: rows.map((r) => r.completed), color: COLORS.second },
        ],
        narrow,
      )}
    />
  );
}
