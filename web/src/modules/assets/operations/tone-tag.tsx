import { Tag } from 'antd';
import type { ReactNode } from 'react';

/**
 * Tag colours dark enough for WCAG AA on their light backgrounds (antd's
 * preset gold/orange text fails axe's contrast check), as maintenance does.
 */
const TONES = {
  warn: { color: '#ad4e00', background: '#fff7e6', borderColor: '#ffd591' },
  wait: { color: '#874d00', background: '#fffbe6', borderColor: '#ffe58f' },
  info: { color: '#003eb3', background: '#e6f4ff', borderColor: '#91caff' },
  ok: { color: '#135200', background: '#f6ffed', borderColor: '#b7eb8f' },
  bad: { color: '#a8071a', background: '#fff1f0', borderColor: '#ffa39e' },
  plain: { color: 'rgba(0, 0, 0, 0.88)', background: '#fafafa', borderColor: '#d9d9d9' },
} as const;
export type Tone = keyof typeof TONES;

export function ToneTag({ tone, children }: { tone: Tone; children: ReactNode }) {
  return <Tag style={TONES[tone]}>{children}</Tag>;
}
