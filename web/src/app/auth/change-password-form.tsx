import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showServerFieldErrors } from '../../components/server-field-errors.ts';
import { api, ApiError, unwrap } from '../api.ts';
import { NewPasswordFields } from './new-password-fields.tsx';

type Values = { currentPassword: string; newPassword: string; confirm: string };

/** Current password, new password twice; POST /api/auth/password. */
export function ChangePasswordForm({ onDone }: { onDone: () => void | Promise<void> }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit({ currentPassword, newPassword }: Values) {
    setBusy(true);
    setError(null);
    try {
      await unwrap(api.POST('/api/auth/password', { body: { currentPassword, newPassword } }));
      form.resetFields();
      await onDone();
    } catch (err) {
      if (!showServerFieldErrors(form, err)) {
        setError(err instanceof ApiError ? err : new ApiError(0, { message: String(err) }));
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      requiredMark={false}
      onFinish={(v) => void submit(v)}
    >
      {error && (
        <Alert type="error" role="alert" title={error.message} style={{ marginBottom: 16 }} />
      )}
      <Form.Item
        name="currentPassword"
        label={t('auth.currentPassword')}
        rules={[
          { required: true, message: t('common.required', { field: t('auth.currentPassword') }) },
        ]}
      >
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <NewPasswordFields name="newPassword" />
      <Button type="primary" htmlType="submit" loading={busy}>
        {t('auth.savePassword')}
      </Button>
    </Form>
  );
}
