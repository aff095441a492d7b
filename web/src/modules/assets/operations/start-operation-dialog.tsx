/**
 * Starts an asset operation (领用, 调拨, 借用, 归还, 送修, 报损, 报失, 报废…)
 * for the assets a person ticked in the register or opened on an asset's
 * page. Owned by the operations page area; the register imports it.
 */
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Modal, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, unwrap } from '../../../app/api.ts';
import { useMe } from '../../../app/auth/me-context.ts';
import { useTexts } from '../../../app/texts.ts';
import { ErrorResult } from '../../../components/error-result.tsx';
import { formatYuan } from '../../../components/format.ts';
import { showServerFieldErrors } from '../../../components/server-field-errors.ts';
import { toDecisions, type DecisionRow } from './compensation-fields.tsx';
import { ASSETS_KEY, canAt, fetchSettings, opsKeys, todayIso } from './model.ts';
import { OperationFields, type OperationFormValues } from './operation-fields.tsx';
import { opsTexts } from './texts.ts';

export type OperationKindChoice =
  | 'assign'
  | 'transfer'
  | 'release'
  | 'lend'
  | 'return'
  | 'repair'
  | 'repaired'
  | 'damage'
  | 'loss'
  | 'recover'
  | 'dispose';

export type AssetPick = { id: string; tagNo: string; name: string; status: string; siteId: string };

export type StartOperationDialogProps = {
  /** The kind to start; null = closed. */
  kind: OperationKindChoice | null;
  assets: AssetPick[];
  onClose: () => void;
  /** Called with the new operation's id once the server accepted it. */
  onDone: (operationId: string) => void;
};

/** Net values are looked up one card at a time; past this many the notice says "from ¥X". */
const VALUE_LOOKUP_MAX = 20;

export function StartOperationDialog({ kind, assets, onClose, onDone }: StartOperationDialogProps) {
  const tx = useTexts(opsTexts);
  const me = useMe();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<OperationFormValues>();
  const [unplaced, setUnplaced] = useState<unknown>(null);
  const siteId = assets[0]?.siteId ?? '';
  const open = kind !== null;
  const settings = useQuery({
    queryKey: opsKeys.settings,
    queryFn: fetchSettings,
    enabled: open && canAt(me, 'assets:read', siteId),
    staleTime: 60_000,
  });
  // The net values decide whether a threshold is reached and what a share costs.
  const values = useQueries({
    queries: (open && assets.length <= VALUE_LOOKUP_MAX ? assets : []).map((a) => ({
      queryKey: [...ASSETS_KEY, 'card', a.id],
      queryFn: () => unwrap(api.GET('/api/assets/{id}', { params: { path: { id: a.id } } })),
      staleTime: 60_000,
    })),
  });
  const valued = assets.map((a, i) => ({
    id: a.id,
    label: `${a.tagNo} ${a.name}`,
    valueFen: values[i]?.data?.netValueFen ?? null,
  }));
  const known = valued.every((v) => v.valueFen !== null) && valued.length > 0;
  const total = valued.reduce((s, v) => s + (v.valueFen ?? 0), 0);

  const s = settings.data;
  const closing = kind === 'return' || kind === 'repaired';
  // Someone who does not run operations at the site (staff borrowing for themselves) always waits.
  const forced = !canAt(me, 'assets:manage', siteId);
  const listed = !!kind && !closing && !!s?.approvalKinds.includes(kind);
  const wait: boolean | 'maybe' | null =
    kind === null || closing
      ? false
      : forced
        ? true
        : !s
          ? null
          : !listed
            ? false
            : s.approvalThresholdFen === 0 || (known && total >= s.approvalThresholdFen)
              ? true
              : known
                ? false
                : 'maybe';
  const mayCompensate =
    (kind === 'damage' || kind === 'loss') && wait === false && canAt(me, 'assets:approve', siteId);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (kind === 'lend' && s) form.setFieldValue('dueDate', todayIso(s.loanDays));
  }, [open, kind, s, form]);

  const create = useMutation({
    mutationFn: (v: OperationFormValues) =>
      unwrap(
        api.POST('/api/assets/operations', {
          body: {
            kind: kind!,
            assetIds: assets.map((a) => a.id),
            ...(v.reason?.trim() && { reason: v.reason.trim() }),
            ...(v.toSiteId && v.toSiteId !== siteId && { toSiteId: v.toSiteId }),
            ...(v.toLocationId && { toLocationId: v.toLocationId }),
            ...(v.toDepartmentId && { toDepartmentId: v.toDepartmentId }),
            ...(v.toCustodianPersonId && { toCustodianPersonId: v.toCustodianPersonId }),
            ...(v.borrowerPersonId && { borrowerPersonId: v.borrowerPersonId }),
            ...(!v.borrowerPersonId &&
              v.borrowerName?.trim() && { borrowerName: v.borrowerName.trim() }),
            ...(v.dueDate && { dueDate: v.dueDate }),
            ...(v.condition && { condition: v.condition }),
            ...(kind === 'repair' &&
              v.workOrder?.categoryId && {
                workOrder: {
                  categoryId: v.workOrder.categoryId,
                  description: v.workOrder.description ?? '',
                  ...(v.workOrder.priorityId && { priorityId: v.workOrder.priorityId }),
                },
              }),
            ...(mayCompensate &&
              v.compensations?.length && {
                compensations: toDecisions(v.compensations as DecisionRow[]),
              }),
          },
        }),
      ),
    onSuccess: (op) => {
      void message.success(tx.start.done(op.number));
      void client.invalidateQueries({ queryKey: ASSETS_KEY });
      onDone(op.id);
    },
    // Field messages go under the fields; anything else shows as a whole below the form.
    onError: (err) => setUnplaced(showServerFieldErrors(form, err) ? null : err),
  });

  const kindLabel = kind ? tx.kind[kind] : '';
  return (
    <Modal
      open={open}
      title={tx.start.title(kindLabel, assets.length)}
      okText={tx.start.submit}
      cancelText={tx.common.cancel}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      destroyOnHidden
      afterOpenChange={(visible) => {
        if (visible) setUnplaced(null);
      }}
      width={640}
    >
      <Typography.Paragraph type="secondary" ellipsis={{ rows: 2, expandable: true }}>
        {`${tx.start.assets}：${assets.map((a) => a.tagNo).join('、')}`}
      </Typography.Paragraph>
      {kind && (
        <Form form={form} layout="vertical" onFinish={(v) => create.mutate(v)}>
          <OperationFields
            kind={kind}
            siteId={siteId}
            assets={valued}
            loanDays={s?.loanDays}
            compensate={mayCompensate}
          />
        </Form>
      )}
      {kind && <ApprovalNotice kind={kind} wait={wait} thresholdFen={s?.approvalThresholdFen} />}
      {unplaced !== null && <ErrorResult error={unplaced} />}
    </Modal>
  );
}

/** Whether the operation will wait for an approver, and what happens next. */
function ApprovalNotice({
  kind,
  wait,
  thresholdFen,
}: {
  kind: OperationKindChoice;
  wait: boolean | 'maybe' | null;
  thresholdFen: number | undefined;
}) {
  const tx = useTexts(opsTexts);
  const next = tx.start.next[kind];
  if (wait === null) return <Alert type="info" showIcon title={next} />;
  const title =
    wait === true
      ? tx.start.needsApproval
      : wait === 'maybe'
        ? tx.start.noApprovalMaybe(formatYuan(thresholdFen ?? 0))
        : tx.start.noApproval;
  return (
    <Alert
      type={wait === true ? 'warning' : 'info'}
      showIcon
      title={title}
      description={[wait === true && tx.start.needsApprovalText, next].filter(Boolean).join(' ')}
    />
  );
}
