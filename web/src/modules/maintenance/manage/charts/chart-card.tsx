import { Card, Empty, Skeleton, Typography } from 'antd';
import type { ReactNode } from 'react';
import { echarts, ReactEChartsCore, type ChartOption } from './echarts.ts';

/** What a click on a bar or point tells the page. */
export type ChartClick = { dataIndex: number; name: string };

/** Card titles wrap instead of being cut off on a phone. */
const TITLE = { margin: 0, fontSize: 15, whiteSpace: 'normal', padding: '4px 0' } as const;

/**
 * A chart in a card with its heading. The chart is one picture for screen
 * readers (role="img") whose label says what it shows, figures included; the
 * tables below the charts hold the same figures exactly. With no data it
 * says what to do instead of drawing empty axes.
 */
export function ChartCard({
  title,
  hint,
  label,
  option,
  height,
  loading,
  empty,
  onClick,
}: {
  title: string;
  /** A line under the heading, e.g. that bars can be clicked. */
  hint?: ReactNode;
  label: string;
  option: ChartOption;
  height: number;
  loading: boolean;
  /** Shown instead of the chart when there is nothing to draw; null = draw. */
  empty: string | null;
  onClick?: (e: ChartClick) => void;
}) {
  return (
    <Card size="small" title={<h3 style={TITLE}>{title}</h3>} style={{ height: '100%' }}>
      {loading ? (
        <Skeleton active paragraph={{ rows: 5 }} />
      ) : empty ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />
      ) : (
        <>
          {hint && (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {hint}
            </Typography.Text>
          )}
          <ReactEChartsCore
            echarts={echarts}
            option={option}
            notMerge
            role="img"
            aria-label={label}
            style={{ height, width: '100%' }}
            onEvents={onClick ? { click: onClick } : undefined}
          />
        </>
      )}
    </Card>
  );
}
