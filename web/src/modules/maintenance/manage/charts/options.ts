import type { ChartOption } from './echarts.ts';

/** This year in the theme's blue, a second figure in cyan, last year in grey. */
export const COLORS = { now: '#1677ff', second: '#13a8a8', past: '#9e9e9e' } as const;

type Series = {
  name: string;
  values: (number | null)[];
  color: string;
  /** The value as the tooltip and the bar's label say it ("3 小时 20 分"). */
  format?: (value: number) => string;
  dashed?: boolean;
};

/** A fixed value axis (ratings 0–5 by 1, shares 0–100 % by 25) and how its labels read. */
type Axis = { max?: number; interval?: number; format?: (v: number) => string };

const TOOLTIP = {
  trigger: 'axis',
  // Kept inside the chart: a tooltip wider than a phone would scroll the page sideways.
  confine: true,
} as const;

const valueText = (s: Series, v: unknown) =>
  v === null || v === undefined || v === '-'
    ? '—'
    : s.format
      ? s.format(Number(v))
      : Number(v).toLocaleString('en-US'); // 3,303: as the axis and the tables write it

/** The height horizontal bars need: every name readable, bars never squeezed. */
export function barsHeight(names: number, series = 1): number {
  return Math.max(140, names * (series * 14 + 14) + (series > 1 ? 60 : 30));
}

/**
 * Horizontal bars, one row per name, largest first (from the top). Names
 * sit on the left where long Chinese names fit, which is why categories and
 * people are drawn this way, also on a 375 px phone.
 */
export function horizontalBars(
  names: string[],
  series: Series[],
  narrow: boolean,
  axis: Axis = {},
): ChartOption {
  const legend = series.length > 1;
  return {
    animationDuration: 300,
    grid: { left: 4, right: narrow ? 64 : 88, top: legend ? 28 : 4, bottom: 4, containLabel: true },
    legend: { show: legend, top: 0, left: 0, itemWidth: 14, itemHeight: 10 },
    tooltip: {
      ...TOOLTIP,
      axisPointer: { type: 'shadow' },
      formatter: (params) => tooltipText(params, series),
    },
    yAxis: {
      type: 'category',
      data: names,
      inverse: true,
      axisTick: { show: false },
      axisLabel: { width: narrow ? 76 : 120, overflow: 'truncate' },
    },
    xAxis: {
      type: 'value',
      ...(axis.max === undefined ? {} : { max: axis.max }),
      ...(axis.interval === undefined ? {} : { interval: axis.interval }),
      minInterval: 1,
      splitNumber: narrow ? 3 : 5,
      axisLabel: {
        hideOverlap: true,
        ...(axis.format ? { formatter: (v: number) => axis.format!(v) } : {}),
      },
    },
    series: series.map((s) => ({
      type: 'bar',
      name: s.name,
      data: s.values,
      itemStyle: { color: s.color, borderRadius: [0, 3, 3, 0] },
      barMaxWidth: 16,
      label: {
        show: true,
        position: 'right',
        formatter: (p: { value?: unknown }) => valueText(s, p.value),
      },
    })),
  };
}

/** The month axis: this year's bars (or line) beside last year's. */
export function monthChart(
  months: string[],
  series: Series[],
  narrow: boolean,
  kind: 'bar' | 'line',
  axis: Axis = {},
): ChartOption {
  return {
    animationDuration: 300,
    grid: { left: 4, right: 12, top: 32, bottom: 4, containLabel: true },
    legend: { top: 0, left: 0, itemWidth: 14, itemHeight: 10 },
    tooltip: { ...TOOLTIP, formatter: (params) => tooltipText(params, series) },
    xAxis: {
      type: 'category',
      data: months,
      axisTick: { alignWithLabel: true },
      // Every other month on a phone: twelve labels do not fit in 300 px.
      axisLabel: { interval: narrow ? 1 : 0, fontSize: narrow ? 11 : 12 },
    },
    yAxis: {
      type: 'value',
      minInterval: 1,
      ...(axis.max === undefined ? {} : { max: axis.max, min: 0 }),
      ...(axis.interval === undefined ? {} : { interval: axis.interval }),
      splitNumber: 4,
      axisLabel: axis.format ? { formatter: (v: number) => axis.format!(v) } : {},
    },
    series: series.map((s) =>
      kind === 'bar'
        ? {
            type: 'bar' as const,
            name: s.name,
            data: s.values,
            itemStyle: { color: s.color, borderRadius: [3, 3, 0, 0] },
            barMaxWidth: 18,
          }
        : {
            type: 'line' as const,
            name: s.name,
            data: s.values,
            connectNulls: false,
            symbolSize: 6,
            itemStyle: { color: s.color },
            lineStyle: { color: s.color, width: 2, type: s.dashed ? 'dashed' : 'solid' },
          },
    ),
  };
}

/** "灯具\n● 2026: 12\n● 2025: 9", each value in its own words. */
function tooltipText(params: unknown, series: Series[]): string {
  const list = (Array.isArray(params) ? params : [params]) as {
    name?: string;
    seriesIndex?: number;
    value?: unknown;
    marker?: unknown;
  }[];
  const head = escape(list[0]?.name ?? '');
  const lines = list.map((p) => {
    const s = series[p.seriesIndex ?? 0]!;
    return `${typeof p.marker === 'string' ? p.marker : ''}${escape(s.name)}: ${escape(valueText(s, p.value))}`;
  });
  return [head, ...lines].join('<br/>');
}

/** Tooltips are HTML: names typed by users (categories, people) must not become markup. */
function escape(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}
