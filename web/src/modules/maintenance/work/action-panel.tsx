import { Button, Card, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTexts } from '../../../app/texts.ts';
import { CompleteDialog } from './complete-dialog.tsx';
import type { Action, WorkOrderDetail } from './model.ts';
import { RateCard } from './rate-card.tsx';
import { ReasonDialog } from './reason-dialog.tsx';
import { useWorkOrderAction } from './use-action.ts';
import { workTexts } from './texts.ts';

/** One tap, no questions: the technician's and requester's everyday steps. */
const DIRECT: Action[] = ['accept', 'start', 'resume', 'confirm'];
/** These need a reason (the server refuses them without one). */
const WITH_REASON = ['reject', 'pause', 'reopen', 'cancel'] as const;
type ReasonAction = (typeof WITH_REASON)[number];
const isReason = (a: Action): a is ReasonAction => (WITH_REASON as readonly Action[]).includes(a);

/**
 * The buttons the signed-in person may press on this order now, exactly the
 * server's `allowedActions` (a refused one says why and reloads the order).
 * Assigning is the dispatch board's work: dispatchers are pointed there.
 */
export function ActionPanel({ order, onGone }: { order: WorkOrderDetail; onGone: () => void }) {
  const tx = useTexts(workTexts);
  const act = useWorkOrderAction(onGone);
  const [reason, setReason] = useState<ReasonAction | null>(null);
  const [completing, setCompleting] = useState(false);
  const allowed = order.allowedActions;
  const buttons = allowed.filter((a) => a !== 'assign' && a !== 'rate');
  if (allowed.length === 0) return null;

  const run = (a: Action) => {
    if (isReason(a)) setReason(a);
    else if (a === 'complete') setCompleting(true);
    else if (DIRECT.includes(a)) act.mutate({ id: order.id, action: a, body: {} });
  };
  // The forward step is the primary button; hand-backs and cancelling are quieter and red.
  const primary = buttons.find((a) =>
    ['accept', 'start', 'resume', 'complete', 'confirm'].includes(a),
  );

  return (
    <>
      {(buttons.length > 0 || allowed.includes('assign')) && (
        <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>{tx.detail.actions}</h2>}>
          <Flex gap={8} wrap>
            {buttons.map((a) => (
              <Button
                key={a}
                size="large"
                type={a === primary ? 'primary' : 'default'}
                danger={a === 'cancel' || a === 'reject'}
                loading={act.isPending && act.variables?.action === a}
                disabled={act.isPending && act.variables?.action !== a}
                onClick={() => run(a)}
                style={a === primary ? { flex: '1 1 100%' } : { flex: '1 1 auto' }}
              >
                {tx.action[a]}
              </Button>
            ))}
          </Flex>
          {allowed.includes('assign') && (
            <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0' }}>
              {tx.detail.assignHint}
            </Typography.Paragraph>
          )}
        </Card>
      )}
      {allowed.includes('rate') && <RateCard order={order} act={act} />}
      <ReasonDialog
        action={reason}
        busy={act.isPending}
        onCancel={() => setReason(null)}
        onSubmit={(note) => {
          if (!reason) return;
          act.mutate(
            { id: order.id, action: reason, body: { note } },
            { onSuccess: () => setReason(null) },
          );
        }}
      />
      <CompleteDialog
        open={completing}
        busy={act.isPending}
        onCancel={() => setCompleting(false)}
        onSubmit={(body) =>
          act.mutate(
            { id: order.id, action: 'complete', body },
            { onSuccess: () => setCompleting(false) },
          )
        }
      />
    </>
  );
}
