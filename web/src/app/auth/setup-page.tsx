import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Divider, Form, Input, Select } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { ErrorResult } from '../../components/error-result.tsx';
import { PageLoading } from '../../components/page-loading.tsx';
import { showServerFieldErrors } from '../../components/server-field-errors.ts';
import { zodRules } from '../../components/form/zod-rules.ts';
import { SetupSchema } from '@server/modules/org/schema.ts';
import { api, ApiError, unwrap } from '../api.ts';
import { AuthFrame } from './auth-frame.tsx';
import { SETUP_KEY, setupQuery } from './session.ts';
import { timeZoneOptions } from './time-zones.ts';
import { NewPasswordFields } from './new-password-fields.tsx';

const orgRules = zodRules(SetupSchema.shape.organization);
const adminRules = zodRules(SetupSchema.shape.admin);

type SetupForm = {
  organization: { name: string; timezone: string };
  admin: { name: string; username: string; password: string };
  confirm: string;
  token?: string;
};

/** First run: the organisation and its first administrator, then the login page. */
export default function SetupPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [form] = Form.useForm<SetupForm>();
  const status = useQuery(setupQuery);
  const zones = useMemo(() => timeZoneOptions(), []);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  if (status.isPending) return <PageLoading />;
  if (status.isError)
    return <ErrorResult error={status.error} onRetry={() => void status.refetch()} />;
  // While our own set-up request is in flight, its success is not "someone else set it up".
  if (!status.data.needsSetup && !busy) return <Navigate to="/login" replace />;
  const { tokenRequired } = status.data;

  async function submit(v: SetupForm) {
    setBusy(true);
    setError(null);
    try {
      await unwrap(
        api.POST('/api/setup', {
          body: { organization: v.organization, admin: v.admin },
          ...(tokenRequired && v.token ? { headers: { 'x-setup-token': v.token.trim() } } : {}),
        }),
      );
      client.setQueryData(SETUP_KEY, { needsSetup: false, tokenRequired });
      await navigate('/login', {
        replace: true,
        state: { setupDone: true, username: v.admin.username },
      });
    } catch (err) {
      if (!showServerFieldErrors(form, err)) setError(err);
      setBusy(false);
    }
    // On success `busy` stays on: this page stays on screen until the login
    // page's chunk arrives, and must not redirect there a second time.
  }

  const required = (field: string) => ({
    required: true,
    whitespace: true,
    message: t('common.required', { field }),
  });

  return (
    <AuthFrame title={t('setup.title')} width={520}>
      <p>{t('setup.intro')}</p>
      {error !== null && (
        <Alert
          type="error"
          role="alert"
          style={{ marginBottom: 16 }}
          title={
            error instanceof ApiError && error.code !== 'NETWORK'
              ? error.message
              : t('errors.network')
          }
        />
      )}
      <Form<SetupForm>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ organization: { timezone: 'Asia/Shanghai' } }}
        onFinish={(v) => void submit(v)}
      >
        <Divider titlePlacement="start">{t('setup.organization')}</Divider>
        <Form.Item
          name={['organization', 'name']}
          label={t('setup.orgName')}
          rules={orgRules('name', t('setup.orgName'))}
        >
          <Input placeholder={t('setup.orgNamePlaceholder')} autoComplete="organization" />
        </Form.Item>
        <Form.Item
          name={['organization', 'timezone']}
          label={t('setup.timezone')}
          rules={[{ required: true }]}
        >
          <Select showSearch options={zones} />
        </Form.Item>
        <Divider titlePlacement="start">{t('setup.admin')}</Divider>
        <Form.Item
          name={['admin', 'name']}
          label={t('setup.adminName')}
          rules={adminRules('name', t('setup.adminName'))}
        >
          <Input autoComplete="name" />
        </Form.Item>
        <Form.Item
          name={['admin', 'username']}
          label={t('setup.adminUsername')}
          extra={t('setup.usernameRule')}
          rules={adminRules('username', t('setup.adminUsername'))}
        >
          <Input autoComplete="username" />
        </Form.Item>
        <NewPasswordFields name={['admin', 'password']} label={t('setup.adminPassword')} />
        {tokenRequired && (
          <Form.Item
            name="token"
            label={t('setup.token')}
            extra={t('setup.tokenHelp')}
            rules={[required(t('setup.token'))]}
          >
            <Input autoComplete="off" />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" block size="large" loading={busy}>
          {t('setup.submit')}
        </Button>
      </Form>
    </AuthFrame>
  );
}
