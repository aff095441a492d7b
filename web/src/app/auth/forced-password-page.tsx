import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { AuthFrame } from './auth-frame.tsx';
import { ChangePasswordForm } from './change-password-form.tsx';
import { ME_KEY, useLogout } from './session.ts';

/**
 * After an administrator reset the password, the server lets the user do
 * nothing but change it (or sign out); so does this page.
 */
export default function ForcedPasswordPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const logout = useLogout();
  return (
    <AuthFrame title={t('auth.changePasswordTitle')}>
      <Alert type="info" title={t('auth.forcedChangeHint')} style={{ marginBottom: 16 }} />
      <ChangePasswordForm onDone={() => client.invalidateQueries({ queryKey: ME_KEY })} />
      <Button
        type="link"
        onClick={() => logout.mutate()}
        style={{ paddingInline: 0, marginTop: 8 }}
      >
        {t('header.logout')}
      </Button>
    </AuthFrame>
  );
}
