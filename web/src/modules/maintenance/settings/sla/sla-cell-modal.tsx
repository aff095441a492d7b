import { SlaTargetPutSchema } from '@server/modules/maintenance/settings/schema.ts';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Form, Modal, Popconfirm, Typography } from 'antd';
import { useState } from 'react';
import { api, ApiError, unwrap } from '../../../../app/api.ts';
import { useTexts } from '../../../../app/texts.ts';
import { zodRules } from '../../../../components/form/zod-rules.ts';
import { showServerFieldErrors } from '../../../../components/server-field-errors.ts';
import { KEYS, useRefresh, type Category, type Priority, type SlaTarget } from '../data.ts';
import { DurationInput } from '../duration-input.tsx';
import { texts } from '../texts.ts';
import { useDurationText } from '../use-duration-text.ts';

export type SlaCell = { category: Category; priority: Priority; target: SlaTarget | undefined };
type Values = { responseMinutes: number; completionMinutes: number };
const rules = zodRules(SlaTargetPutSchema);

/** The targets of one category × priority: set an override, or remove it (defaults again). */
export function SlaCellModal({ cell, onClose }: { cell: SlaCell | null; onClose: () => void }) {
  const t = useTexts(texts);
  const duration = useDurationText();
  const { message } = App.useApp();
  const refresh = useRefresh();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);

  const fail = (err: Error) => {
    if (!showServerFieldErrors(form, err))
      setError(err instanceof ApiError ? err.message : err.message);
  };
  const put = useMutation({
    mutationFn: (v: Values) =>
      unwrap(
        api.PUT('/api/maintenance/sla-targets', {
          body: { categoryId: cell!.category.id, priorityId: cell!.priority.id, ...v },
        }),
      ),
    onSuccess: async () => {
      void message.success(t.sla.savedCell(cell!.category.name, cell!.priority.name));
      await refresh(KEYS.slaTargets);
      close();
    },
    onError: fail,
  });
  const remove = useMutation({
    mutationFn: (id: string) =>
      unwrap(api.DELETE('/api/maintenance/sla-targets/{id}', { params: { path: { id } } })),
    onSuccess: async () => {
      void message.success(t.sla.resetDone);
      await refresh(KEYS.slaTargets);
      close();
    },
    onError: fail,
  });
  function close() {
    setError(null);
    put.reset();
    remove.reset();
    onClose();
  }
  const completionAfter = {
    validator: async (_r: unknown, completion: number | undefined) => {
      const response = form.getFieldValue('responseMinutes') as number | undefined;
      if (response !== undefined && completion !== undefined && completion < response)
        throw new Error(t.priorities.completionBeforeResponse);
    },
  };
  const source = cell?.target ?? cell?.priority;
  // Working-time targets are not typed in days (a 24-hour day is not a working day).
  const units = cell?.priority.roundTheClock ? undefined : (['minute', 'hour'] as const);
  return (
    <Modal
      open={!!cell}
      title={cell ? t.sla.editTitle(cell.category.name, cell.priority.name) : undefined}
      onCancel={close}
      destroyOnHidden
      footer={[
        cell?.target && (
          <Popconfirm
            key="reset"
            title={t.sla.resetConfirm}
            okText={t.sla.reset}
            cancelText={t.common.cancel}
            onConfirm={() => remove.mutate(cell.target!.id)}
          >
            <Button danger loading={remove.isPending}>
              {t.sla.reset}
            </Button>
          </Popconfirm>
        ),
        <Button key="cancel" onClick={close}>
          {t.common.cancel}
        </Button>,
        <Button key="save" type="primary" loading={put.isPending} onClick={() => form.submit()}>
          {t.common.save}
        </Button>,
      ]}
    >
      {cell && (
        <Form<Values>
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={
            source && {
              responseMinutes: source.responseMinutes,
              completionMinutes: source.completionMinutes,
            }
          }
          onFinish={(v) => put.mutate(v)}
        >
          {error && <Alert type="error" title={error} style={{ marginBottom: 16 }} />}
          <Typography.Paragraph type="secondary">
            {t.sla.defaults(
              duration(cell.priority.responseMinutes, cell.priority.roundTheClock),
              duration(cell.priority.completionMinutes, cell.priority.roundTheClock),
            )}
            {' · '}
            {cell.priority.roundTheClock ? t.priorities.allHours : t.priorities.workingTime}
          </Typography.Paragraph>
          <Form.Item
            name="responseMinutes"
            label={t.priorities.response}
            rules={rules('responseMinutes', t.priorities.response)}
          >
            <DurationInput label={t.priorities.response} units={units} />
          </Form.Item>
          <Form.Item
            name="completionMinutes"
            label={t.priorities.completion}
            dependencies={['responseMinutes']}
            rules={[...rules('completionMinutes', t.priorities.completion), completionAfter]}
          >
            <DurationInput label={t.priorities.completion} units={units} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
