import { PriorityCreateSchema } from '@server/modules/maintenance/settings/schema.ts';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Form, Input, InputNumber, Modal, Switch } from 'antd';
import { useState } from 'react';
import { api, ApiError, unwrap } from '../../../../app/api.ts';
import { useTexts } from '../../../../app/texts.ts';
import { zodRules } from '../../../../components/form/zod-rules.ts';
import { showServerFieldErrors } from '../../../../components/server-field-errors.ts';
import { KEYS, useRefresh, type Priority } from '../data.ts';
import { DurationInput } from '../duration-input.tsx';
import { texts } from '../texts.ts';

type Values = {
  code: string;
  name: string;
  rank: number;
  roundTheClock: boolean;
  responseMinutes: number;
  completionMinutes: number;
  active: boolean;
};
// Field by field; the cross-field check (completion ≥ response) is `completionAfter` below.
const rules = zodRules(PriorityCreateSchema);

/** New priority (`priority` null) or an existing one's name, rank, clock and default targets. */
export function PriorityModal({
  open,
  priority,
  onClose,
}: {
  open: boolean;
  priority: Priority | null;
  onClose: () => void;
}) {
  const t = useTexts(texts);
  const { message } = App.useApp();
  const refresh = useRefresh();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: async ({ code, active, ...fields }: Values) =>
      priority
        ? unwrap(
            api.PATCH('/api/maintenance/priorities/{id}', {
              params: { path: { id: priority.id } },
              body: { ...fields, active },
            }),
          )
        : unwrap(api.POST('/api/maintenance/priorities', { body: { code, ...fields } })),
    onSuccess: async (saved) => {
      void message.success(priority ? t.common.saved : t.priorities.created(saved.name));
      await refresh(KEYS.priorities);
      close();
    },
    onError: (err) => {
      if (!showServerFieldErrors(form, err))
        setError(err instanceof ApiError ? err.message : String(err));
    },
  });
  function close() {
    setError(null);
    save.reset();
    onClose();
  }
  // Working-time targets are not typed in days (a 24-hour day is not a working day).
  const roundTheClock = Form.useWatch('roundTheClock', form) as boolean | undefined;
  const units = roundTheClock ? undefined : (['minute', 'hour'] as const);
  const completionAfter = {
    validator: async (_r: unknown, completion: number | undefined) => {
      const response = form.getFieldValue('responseMinutes') as number | undefined;
      if (response !== undefined && completion !== undefined && completion < response)
        throw new Error(t.priorities.completionBeforeResponse);
    },
  };
  return (
    <Modal
      open={open}
      title={priority ? t.priorities.editTitle(priority.name) : t.priorities.createTitle}
      okText={t.common.save}
      cancelText={t.common.cancel}
      onOk={() => form.submit()}
      onCancel={close}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={priority ?? { roundTheClock: false, active: true }}
        onFinish={(v) => save.mutate(v)}
      >
        {error && <Alert type="error" title={error} style={{ marginBottom: 16 }} />}
        {!priority && (
          <Form.Item name="code" label={t.common.code} rules={rules('code', t.common.code)}>
            <Input maxLength={40} autoComplete="off" />
          </Form.Item>
        )}
        <Form.Item name="name" label={t.common.name} rules={rules('name', t.common.name)}>
          <Input maxLength={100} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="rank"
          label={t.priorities.rank}
          extra={t.priorities.rankHelp}
          rules={rules('rank', t.priorities.rank)}
        >
          <InputNumber min={1} max={99} precision={0} style={{ width: 120 }} />
        </Form.Item>
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
        <Form.Item
          name="roundTheClock"
          label={t.priorities.roundTheClock}
          extra={t.priorities.roundTheClockHelp}
          valuePropName="checked"
        >
          <Switch />
        </Form.Item>
        {priority && (
          <Form.Item
            name="active"
            label={t.common.active}
            extra={t.priorities.activeHelp}
            valuePropName="checked"
          >
            <Switch />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
