import { Alert, Button, Flex, Form, Modal } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../../app/api.ts';
import { NewPasswordFields } from '../../../app/auth/new-password-fields.tsx';
import { useTexts } from '../../../app/texts.ts';
import { useFormError } from '../form-error.tsx';
import type { User } from '../models.ts';
import { texts } from '../texts.ts';

type Values = { password: string; confirm: string };

/**
 * An administrator's reset: a temporary password typed twice. The server
 * makes the user change it at next sign-in, signs the account out everywhere
 * and revokes its API tokens (a reset is how a lost account is recovered).
 */
export function ResetPasswordModal({
  user,
  open,
  onClose,
  onDone,
}: {
  user: User;
  open: boolean;
  onClose: () => void;
  onDone: () => Promise<void>;
}) {
  const t = useTexts(texts);
  return (
    <Modal
      open={open}
      title={t.reset.title(user.displayName)}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
      maskClosable={false}
    >
      <ResetForm user={user} onCancel={onClose} onDone={onDone} />
    </Modal>
  );
}

function ResetForm({
  user,
  onCancel,
  onDone,
}: {
  user: User;
  onCancel: () => void;
  onDone: () => Promise<void>;
}) {
  const t = useTexts(texts);
  const [form] = Form.useForm<Values>();
  const { fail, clear, alert } = useFormError(form);
  const [busy, setBusy] = useState(false);

  async function submit({ password }: Values) {
    setBusy(true);
    clear();
    try {
      await unwrap(
        api.POST('/api/users/{id}/reset-password', {
          params: { path: { id: user.id } },
          body: { password },
        }),
      );
      await onDone();
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v)}>
      <Alert type="warning" showIcon title={t.reset.hint} style={{ marginBottom: 16 }} />
      {alert}
      <NewPasswordFields name="password" label={t.reset.password} />
      <Flex gap={8} justify="end">
        <Button onClick={onCancel}>{t.common.cancel}</Button>
        <Button type="primary" danger htmlType="submit" loading={busy}>
          {t.reset.submit}
        </Button>
      </Flex>
    </Form>
  );
}
