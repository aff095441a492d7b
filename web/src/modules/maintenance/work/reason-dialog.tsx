import { Form, Input, Modal } from 'antd';
import { useEffect } from 'react';
import { ActionBodies } from '@server/modules/maintenance/schema.ts';
import { useTexts } from '../../../app/texts.ts';
import { zodRules } from '../../../components/form/zod-rules.ts';
import { workTexts } from './texts.ts';

type ReasonAction = 'reject' | 'pause' | 'reopen' | 'cancel';

/** Hand back, pause, reopen or cancel: each says why, for the requester and the record. */
export function ReasonDialog({
  action,
  busy,
  onCancel,
  onSubmit,
}: {
  action: ReasonAction | null;
  busy: boolean;
  onCancel: () => void;
  onSubmit: (note: string) => void;
}) {
  const tx = useTexts(workTexts);
  const [form] = Form.useForm<{ note: string }>();
  useEffect(() => {
    if (action) form.resetFields();
  }, [action, form]);
  const label = action ? tx.action[action] : '';
  return (
    <Modal
      open={!!action}
      title={tx.detail.confirmAction(label)}
      okText={label}
      okButtonProps={{ danger: action === 'cancel' || action === 'reject', loading: busy }}
      cancelText={tx.detail.cancelButton}
      onCancel={onCancel}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => onSubmit(v.note)}>
        <Form.Item
          name="note"
          label={tx.detail.reasonLabel}
          rules={action ? zodRules(ActionBodies[action])('note', tx.detail.reasonLabel) : []}
        >
          <Input.TextArea rows={3} maxLength={1000} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
