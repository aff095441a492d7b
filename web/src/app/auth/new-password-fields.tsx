import { Form, Input } from 'antd';
import type { NamePath } from 'antd/es/form/interface';
import { useTranslation } from 'react-i18next';
import { ChangePasswordSchema } from '@server/platform/auth/schema.ts';
import { zodRules } from '../../components/form/zod-rules.ts';

const rules = zodRules(ChangePasswordSchema);

/**
 * A new password and its confirmation, checked by the API's own password
 * rule (length) and for equality. Used by set-up, password change, and the
 * administrator's new-account and reset forms.
 */
export function NewPasswordFields({
  name,
  label,
  confirmName = 'confirm',
}: {
  name: NamePath;
  label?: string;
  confirmName?: NamePath;
}) {
  const { t } = useTranslation();
  const passwordLabel = label ?? t('auth.newPassword');
  return (
    <>
      <Form.Item name={name} label={passwordLabel} rules={rules('newPassword', passwordLabel)}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name={confirmName}
        label={t('auth.confirmPassword')}
        dependencies={[name]}
        rules={[
          { required: true, message: t('common.required', { field: t('auth.confirmPassword') }) },
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              !value || value === getFieldValue(name)
                ? Promise.resolve()
                : Promise.reject(new Error(t('auth.passwordMismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}
