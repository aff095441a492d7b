import { Button, Card, Flex } from 'antd';
import { useState } from 'react';
import { useTexts } from '../../../app/texts.ts';
import { AssignModal } from '../manage/assign-modal.tsx';
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
 * A dispatcher assigns or reassigns here too, with the dispatch board's dialog.
 */
export function ActionPanel({ order, onGone }: { order: WorkOrderDetail; onGone: () => void }) {
  const tx = useTexts(workTexts);
  const act = useWorkOrderAction(onGone);
  const [reason, setReason] = useState<ReasonAction | null>(null);
  const [completing, setCompleting] = useState(false);
  const [assigning, setAssigning] = useState(false);
  const allowed = order.allowedActions;
  const buttons = allowed.filter((a) => a !== 'assign' && a !== 'rate');
  if (allowed.length === 0) return null;

  const run = (a: Action) => {
    if (isReason(a)) setReason(a);
    else if (a === 'complete') setCompleting(true);
    else if (DIRECT.includes(a)) act.mutate({ id: order.id, action: a, body: {} });
  };
  // The forward step is the primary button; hand-backs and cancelling are quieter and red.
  const primary =
    buttons.find((a) => ['accept', 'start', 'resume', 'complete', 'confirm'].includes(a)) ??
    (allowed.includes('assign') && !order.assignee ? 'assign' : undefined);

  return (
    <>
      {(buttons.length > 0 || allowed.includes('assign')) && (
        <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>{tx.detail.actions}</h2>}>
          <Flex gap={8} wrap>
            {allowed.includes('assign') && (
              <Button
                size="large"
                type={primary === 'assign' ? 'primary' : 'default'}
                disabled={act.isPending}
                onClick={() => setAssigning(true)}
                style={primary === 'assign' ? { flex: '1 1 100%' } : { flex: '1 1 auto' }}
              >
                {order.assignee ? tx.assignBox.reassign : tx.assignBox.assign}
              </Button>
            )}
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
        orderId={order.id}
        busy={act.isPending}
        onClose={() => setCompleting(false)}
        onComplete={(body) =>
          act
            .mutateAsync({ id: order.id, action: 'complete', body })
            .then(() => true)
            // useWorkOrderAction has shown the server's sentence; the dialog stays open.
            .catch(() => false)
        }
      />
      <AssignModal order={assigning ? order : null} onClose={() => setAssigning(false)} />
    </>
  );
}
