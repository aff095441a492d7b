import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { PageLoading } from '../../components/page-loading.tsx';
import { api, ApiError, unwrap } from '../api.ts';
import { AuthFrame } from './auth-frame.tsx';
import { safeNext } from './safe-next.ts';
import { clearSessionEndReason, meQuery, setupQuery } from './session.ts';

type LoginState = { expired?: boolean; setupDone?: boolean; username?: string } | null;
type LoginForm = { username: string; password: string };

export default function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const state = useLocation().state as LoginState;
  const next = safeNext(useSearchParams()[0].get('next'));
  const setup = useQuery(setupQuery);
  const me = useQuery(meQuery);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  if (setup.isPending || me.isPending) return <PageLoading />;
  if (setup.data?.needsSetup) return <Navigate to="/setup" replace />;
  if (me.data) return <Navigate to={next} replace />;

  async function submit(values: LoginForm) {
    setBusy(true);
    setError(null);
    try {
      await unwrap(api.POST('/api/auth/login', { body: values }));
      clearSessionEndReason();
      await client.fetchQuery({ ...meQuery, staleTime: 0 });
      await navigate(next, { replace: true });
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, { message: String(err) }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <AuthFrame title={t('auth.loginTitle')}>
      {state?.setupDone && !error && (
        <Alert type="success" title={t('auth.setupDone')} style={{ marginBottom: 16 }} />
      )}
      {state?.expired && !error && (
        <Alert type="warning" title={t('auth.sessionExpired')} style={{ marginBottom: 16 }} />
      )}
      {error && (
        <Alert
          type="error"
          role="alert"
          title={error.code === 'NETWORK' ? t('errors.network') : error.message}
          style={{ marginBottom: 16 }}
        />
      )}
      <Form<LoginForm>
        layout="vertical"
        requiredMark={false}
        onFinish={(v) => void submit(v)}
        initialValues={{ username: state?.username ?? '' }}
      >
        <Form.Item
          name="username"
          label={t('auth.username')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('common.required', { field: t('auth.username') }),
            },
          ]}
        >
          <Input autoComplete="username" autoFocus size="large" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('auth.password')}
          rules={[{ required: true, message: t('common.required', { field: t('auth.password') }) }]}
        >
          <Input.Password autoComplete="current-password" size="large" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={busy}>
          {t('auth.login')}
        </Button>
      </Form>
    </AuthFrame>
  );
}
