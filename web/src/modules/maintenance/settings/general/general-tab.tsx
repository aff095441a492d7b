import { MaintenanceSettingsUpdateSchema } from '@server/modules/maintenance/settings/schema.ts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, InputNumber, Skeleton, Switch } from 'antd';
import { useState } from 'react';
import { api, ApiError, unwrap } from '../../../../app/api.ts';
import type { ApiResponse } from '../../../../app/api-models.ts';
import { useTexts } from '../../../../app/texts.ts';
import { ErrorResult } from '../../../../components/error-result.tsx';
import { zodRules } from '../../../../components/form/zod-rules.ts';
import { showServerFieldErrors } from '../../../../components/server-field-errors.ts';
import { KEYS } from '../data.ts';
import { DurationInput } from '../duration-input.tsx';
import { texts } from '../texts.ts';

type Settings = ApiResponse<'/api/maintenance/settings', 'get'>;
const rules = zodRules(MaintenanceSettingsUpdateSchema);

/** 通用设置: auto-confirm, paused time, the warning lead time; each with what it does. */
export default function GeneralTab() {
  const settings = useQuery({
    queryKey: KEYS.settings,
    queryFn: () => unwrap(api.GET('/api/maintenance/settings')),
  });
  if (settings.isError)
    return <ErrorResult error={settings.error} onRetry={() => void settings.refetch()} />;
  if (!settings.data) return <Skeleton active />;
  // Re-keyed by the saved values, so the form shows exactly what the server kept.
  return <SettingsForm key={JSON.stringify(settings.data)} settings={settings.data} />;
}

function SettingsForm({ settings }: { settings: Settings }) {
  const t = useTexts(texts);
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Settings>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function save(values: Settings) {
    // Only what changed is sent (and audited).
    const body = Object.fromEntries(
      Object.entries(values).filter(([k, v]) => settings[k as keyof Settings] !== v),
    ) as Partial<Settings>;
    if (!Object.keys(body).length) return void message.info(t.common.nothingChanged);
    setBusy(true);
    setError(null);
    try {
      const saved = await unwrap(api.PATCH('/api/maintenance/settings', { body }));
      void message.success(t.common.saved);
      client.setQueryData(KEYS.settings, saved);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      if (!showServerFieldErrors(form, err)) setError(err.message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Form<Settings>
      form={form}
      layout="vertical"
      initialValues={settings}
      onFinish={(v) => void save(v)}
      style={{ maxWidth: 560 }}
    >
      {error && <Alert type="error" role="alert" title={error} style={{ marginBottom: 16 }} />}
      <Form.Item
        name="autoConfirmDays"
        label={t.general.autoConfirmDays}
        extra={t.general.autoConfirmHelp}
        rules={rules('autoConfirmDays', t.general.autoConfirmDays)}
      >
        <InputNumber
          min={1}
          max={60}
          precision={0}
          suffix={t.general.days}
          style={{ width: 160 }}
        />
      </Form.Item>
      <Form.Item
        name="excludePaused"
        label={t.general.excludePaused}
        extra={t.general.excludePausedHelp}
        valuePropName="checked"
      >
        <Switch />
      </Form.Item>
      <Form.Item
        name="warnBeforeMinutes"
        label={t.general.warnBefore}
        extra={t.general.warnBeforeHelp}
        rules={rules('warnBeforeMinutes', t.general.warnBefore)}
      >
        <DurationInput label={t.general.warnBefore} units={['minute', 'hour']} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy}>
        {t.common.save}
      </Button>
    </Form>
  );
}
