import { App, Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { ChangePasswordForm } from './change-password-form.tsx';

export default function ChangePasswordPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (
    <Card
      title={<h1 style={{ fontSize: 18, margin: 0 }}>{t('auth.changePasswordTitle')}</h1>}
      style={{ maxWidth: 480 }}
    >
      <ChangePasswordForm onDone={() => void message.success(t('auth.passwordChanged'))} />
    </Card>
  );
}
