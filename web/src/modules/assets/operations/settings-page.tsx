import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, Form, InputNumber, Skeleton } from 'antd';
import { useEffect, useState } from 'react';
import {
  APPROVABLE_KINDS,
  AssetSettingsUpdateSchema,
} from '@server/modules/assets/settings/schema.ts';
import { api, unwrap } from '../../../app/api.ts';
import { useTexts } from '../../../app/texts.ts';
import { ErrorResult } from '../../../components/error-result.tsx';
import { zodRules } from '../../../components/form/zod-rules.ts';
import { PageTitle } from '../../../components/page-title.tsx';
import { showServerFieldErrors } from '../../../components/server-field-errors.ts';
import { fetchSettings, opsKeys, yuanToFen } from './model.ts';
import { opsTexts } from './texts.ts';

type Values = { approvalKinds: string[]; thresholdYuan: number; loanDays: number };
const rules = zodRules(AssetSettingsUpdateSchema);

/** 资产设置: which operations wait for approval, from what value, and how long a loan lasts. */
export default function AssetSettingsPage() {
  const tx = useTexts(opsTexts);
  const t = tx.settings;
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const settings = useQuery({ queryKey: opsKeys.settings, queryFn: fetchSettings });
  useEffect(() => {
    if (settings.data)
      form.setFieldsValue({
        approvalKinds: settings.data.approvalKinds,
        thresholdYuan: settings.data.approvalThresholdFen / 100,
        loanDays: settings.data.loanDays,
      });
  }, [settings.data, form]);
  const save = useMutation({
    mutationFn: (v: Values) =>
      unwrap(
        api.PATCH('/api/assets/settings', {
          body: {
            approvalKinds: v.approvalKinds as (typeof APPROVABLE_KINDS)[number][],
            approvalThresholdFen: yuanToFen(v.thresholdYuan ?? 0),
            loanDays: v.loanDays,
          },
        }),
      ),
    onSuccess: (saved) => {
      client.setQueryData(opsKeys.settings, saved);
      setError(null);
      void message.success(t.saved);
    },
    onError: (err) => setError(showServerFieldErrors(form, err) ? null : err),
  });

  if (settings.isError)
    return <ErrorResult error={settings.error} onRetry={() => void settings.refetch()} />;
  return (
    <div style={{ maxWidth: 720 }}>
      <PageTitle>{t.title}</PageTitle>
      <Card>
        {settings.isPending ? (
          <Skeleton active />
        ) : (
          <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
            <Form.Item name="approvalKinds" label={t.approvalKinds} extra={t.approvalKindsHelp}>
              <Checkbox.Group
                options={APPROVABLE_KINDS.filter((k) => k !== 'register').map((k) => ({
                  value: k,
                  label: tx.kind[k],
                }))}
              />
            </Form.Item>
            <Form.Item
              name="thresholdYuan"
              label={t.threshold}
              extra={t.thresholdHelp}
              rules={[{ required: true, type: 'number', min: 0, message: t.threshold }]}
            >
              <InputNumber min={0} precision={2} style={{ width: '100%', maxWidth: 240 }} />
            </Form.Item>
            <Form.Item
              name="loanDays"
              label={t.loanDays}
              extra={t.loanDaysHelp}
              rules={rules('loanDays', t.loanDays)}
            >
              <InputNumber
                min={1}
                max={365}
                suffix={t.days}
                style={{ width: '100%', maxWidth: 240 }}
              />
            </Form.Item>
            {error !== null && <ErrorResult error={error} />}
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              {tx.common.save}
            </Button>
          </Form>
        )}
      </Card>
    </div>
  );
}
