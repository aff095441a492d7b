import { CheckCircleFilled, CloseCircleFilled, WarningFilled } from '@ant-design/icons';
import { Button, Flex } from 'antd';
import { useTexts } from '../../../app/texts.ts';
import type { ScanResult } from './model.ts';
import { stocktakeTexts } from './texts.ts';

// Dark enough on their pale backgrounds for WCAG AA.
const LOOK = {
  found: { bg: '#f6ffed', border: '#52c41a', fg: '#135200', Icon: CheckCircleFilled },
  wrong_place: { bg: '#fffbe6', border: '#faad14', fg: '#613400', Icon: WarningFilled },
  damaged: { bg: '#fff7e6', border: '#fa8c16', fg: '#612500', Icon: WarningFilled },
  not_listed: { bg: '#fff1f0', border: '#ff4d4f', fg: '#820014', Icon: CloseCircleFilled },
  unknown: { bg: '#fff1f0', border: '#ff4d4f', fg: '#820014', Icon: CloseCircleFilled },
} as const;

/**
 * The answer to the last scan, big enough to read at arm's length in a
 * storeroom, and announced to screen readers (aria-live).
 */
export function ScanFeedback({
  result,
  onSurplus,
}: {
  result: ScanResult | null;
  onSurplus: (r: ScanResult) => void;
}) {
  const tx = useTexts(stocktakeTexts);
  if (!result) return <div aria-live="polite" />;
  const look = LOOK[result.outcome];
  return (
    <div
      aria-live="polite"
      data-testid="scan-feedback"
      style={{
        background: look.bg,
        border: `2px solid ${look.border}`,
        color: look.fg,
        borderRadius: 8,
        padding: 16,
      }}
    >
      <Flex gap={12} align="center">
        <look.Icon style={{ fontSize: 36, color: look.fg }} aria-hidden />
        <div style={{ fontSize: 24, fontWeight: 600 }}>
          {tx.counter.outcome[result.outcome]}
          {result.repeated && (
            <span style={{ fontSize: 14, fontWeight: 400 }}> {tx.counter.repeated}</span>
          )}
        </div>
      </Flex>
      {result.asset && (
        <div style={{ fontSize: 16, marginTop: 8 }}>
          {result.asset.tagNo} {result.asset.name}
        </div>
      )}
      {result.outcome === 'wrong_place' && result.expectedLocation && (
        <div>{tx.counter.expectedAt(result.expectedLocation.name)}</div>
      )}
      {(result.outcome === 'not_listed' || result.outcome === 'unknown') && (
        <Button style={{ marginTop: 8 }} onClick={() => onSurplus(result)}>
          {tx.counter.addAsSurplus}
        </Button>
      )}
    </div>
  );
}
