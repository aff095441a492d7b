import { Badge } from 'antd';

const STATUS = {
  pending: 'processing',
  running: 'processing',
  sent: 'success',
  ok: 'success',
  failed: 'error',
  error: 'error',
} as const;

/**
 * A status as a coloured dot beside plain text: the word carries the
 * meaning and stays at full contrast (antd's coloured tags do not reach
 * WCAG AA for every colour).
 */
export function StatusBadge({ status, text }: { status: keyof typeof STATUS; text: string }) {
  return <Badge status={STATUS[status]} text={text} />;
}
