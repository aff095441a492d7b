import { useTexts } from '../../../app/texts.ts';
import type { OperationRow } from './model.ts';
import { opsTexts } from './texts.ts';
import { ToneTag, type Tone } from './tone-tag.tsx';

const TONE: Record<OperationRow['status'], Tone> = {
  pending_approval: 'warn',
  pending_receipt: 'wait',
  open: 'info',
  done: 'ok',
  rejected: 'bad',
  cancelled: 'plain',
};

/** An operation's status, coloured by what it waits for. */
export function OperationStatusTag({ status }: { status: OperationRow['status'] }) {
  const tx = useTexts(opsTexts);
  return <ToneTag tone={TONE[status]}>{tx.status[status]}</ToneTag>;
}
