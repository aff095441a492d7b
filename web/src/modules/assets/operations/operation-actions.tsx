import { useMutation, useQueries, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { RejectSchema } from '@server/modules/assets/operations/schema.ts';
import { api, unwrap } from '../../../app/api.ts';
import { useMe } from '../../../app/auth/me-context.ts';
import { useTexts } from '../../../app/texts.ts';
import { ErrorResult } from '../../../components/error-result.tsx';
import { zodRules } from '../../../components/form/zod-rules.ts';
import { showServerFieldErrors } from '../../../components/server-field-errors.ts';
import { CompensationFields, toDecisions, type DecisionRow } from './compensation-fields.tsx';
import { ASSETS_KEY, type OperationDetail } from './model.ts';
import type { Option } from './pickers.tsx';
import { opsTexts } from './texts.ts';

type Action = OperationDetail['allowedActions'][number];
type Values = { note?: string; compensations?: DecisionRow[] };

const rejectRules = zodRules(RejectSchema);

/**
 * The buttons of an operation this user may press now, as the server lists
 * them. Each opens a small dialog: approve (with the compensation decision
 * for damage and loss), reject (a reason), confirm receipt (a note when
 * confirming for someone else), cancel (asks first).
 */
export function OperationActions({ op }: { op: OperationDetail }) {
  const tx = useTexts(opsTexts);
  const [acting, setActing] = useState<Action | null>(null);
  if (op.allowedActions.length === 0) return null;
  return (
    <Card>
      <Space wrap>
        {(['confirm', 'approve', 'reject', 'cancel'] as const)
          .filter((a) => op.allowedActions.includes(a))
          .map((a) => (
            <Button
              key={a}
              type={a === 'approve' || a === 'confirm' ? 'primary' : 'default'}
              danger={a === 'reject' || a === 'cancel'}
              size="large"
              onClick={() => setActing(a)}
            >
              {tx.action[a]}
            </Button>
          ))}
      </Space>
      <ActionDialog op={op} action={acting} onClose={() => setActing(null)} />
    </Card>
  );
}

function ActionDialog({
  op,
  action,
  onClose,
}: {
  op: OperationDetail;
  action: Action | null;
  onClose: () => void;
}) {
  const tx = useTexts(opsTexts);
  const t = tx.action;
  const me = useMe();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [unplaced, setUnplaced] = useState<unknown>(null);
  const compensation = action === 'approve' && (op.kind === 'damage' || op.kind === 'loss');
  // Someone other than the custodian (a manager with the paper form) says how it was signed.
  const onBehalf = action === 'confirm' && op.toCustodian?.id !== me.user.personId;

  const run = useMutation({
    mutationFn: (v: Values) => {
      const path = { params: { path: { id: op.id } } };
      const note = v.note?.trim() || undefined;
      switch (action) {
        case 'approve':
          return unwrap(
            api.POST('/api/assets/operations/{id}/approve', {
              ...path,
              body: {
                ...(note && { note }),
                ...(compensation &&
                  v.compensations?.length && { compensations: toDecisions(v.compensations) }),
              },
            }),
          );
        case 'reject':
          return unwrap(
            api.POST('/api/assets/operations/{id}/reject', { ...path, body: { note: note ?? '' } }),
          );
        case 'confirm':
          return unwrap(
            api.POST('/api/assets/operations/{id}/confirm', {
              ...path,
              body: note ? { note } : {},
            }),
          );
        default:
          return unwrap(
            api.POST('/api/assets/operations/{id}/cancel', { ...path, body: note ? { note } : {} }),
          );
      }
    },
    onSuccess: () => {
      const done = {
        approve: t.approved,
        reject: t.rejected,
        confirm: t.confirmed,
        cancel: t.cancelled,
      };
      void message.success(done[action!]);
      void client.invalidateQueries({ queryKey: ASSETS_KEY });
      form.resetFields();
      onClose();
    },
    onError: (err) => setUnplaced(showServerFieldErrors(form, err) ? null : err),
  });

  const assets = op.lines.map((l) => ({
    id: l.assetId,
    label: `${l.tagNo} ${l.name}`,
    valueFen: l.valueFen,
  }));
  const people = useInvolvedPeople(op, compensation);
  const noteLabel =
    action === 'reject'
      ? t.rejectReason
      : action === 'confirm' && onBehalf
        ? t.confirmNote
        : t.note;

  return (
    <Modal
      open={action !== null}
      title={action ? `${t[action]} · ${op.number}` : ''}
      okText={action === 'cancel' ? t.cancelOk : action ? t[action] : ''}
      okButtonProps={{ danger: action === 'reject' || action === 'cancel' }}
      cancelText={tx.common.cancel}
      onOk={() => form.submit()}
      onCancel={() => {
        setUnplaced(null);
        onClose();
      }}
      confirmLoading={run.isPending}
      destroyOnHidden
      width={640}
    >
      {action === 'cancel' && <p>{t.cancelConfirm}</p>}
      <Form form={form} layout="vertical" onFinish={(v) => run.mutate(v)}>
        {compensation && <CompensationFields assets={assets} people={people} />}
        <Form.Item
          name="note"
          label={noteLabel}
          extra={action === 'confirm' && onBehalf ? t.confirmNoteHelp : undefined}
          rules={action === 'reject' ? rejectRules('note', t.rejectReason) : []}
          style={{ marginTop: compensation ? 16 : 0 }}
        >
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
      {unplaced !== null && <ErrorResult error={unplaced} />}
    </Modal>
  );
}

/**
 * Who the operation concerns — each asset's custodian (from its card) and
 * the borrower — the usual payers of a damage, offered without a search
 * (an approver granted at one site may not list the organisation's people).
 */
function useInvolvedPeople(op: OperationDetail, enabled: boolean): Option[] {
  const cards = useQueries({
    queries: (enabled ? op.lines : []).map((l) => ({
      queryKey: [...ASSETS_KEY, 'card', l.assetId],
      queryFn: () => unwrap(api.GET('/api/assets/{id}', { params: { path: { id: l.assetId } } })),
      staleTime: 60_000,
    })),
  });
  const found = new Map<string, string>();
  for (const c of cards)
    if (c.data?.custodian)
      found.set(c.data.custodian.id, `${c.data.custodian.name}（${c.data.custodian.employeeNo}）`);
  if (op.borrower?.personId) found.set(op.borrower.personId, op.borrower.name);
  if (op.toCustodian) found.set(op.toCustodian.id, op.toCustodian.name);
  return [...found].map(([value, label]) => ({ value, label }));
}
