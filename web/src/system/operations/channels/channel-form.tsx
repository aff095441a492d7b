import { Alert, Button, Checkbox, Form, Input, Select, Space, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChannelUpdateSchema } from '@server/platform/notify/schema.ts';
import { ApiError } from '../../../app/api.ts';
import { useTexts } from '../../../app/texts.ts';
import { zodRules } from '../../../components/form/zod-rules.ts';
import { CHANNEL_KINDS, type Channel, type ChannelCreate, type ChannelKind } from '../models.ts';
import { texts } from '../texts.ts';
import { showChannelFieldErrors } from './server-errors.ts';

export type ChannelValues = {
  kind: ChannelKind;
  name: string;
  enabled: boolean;
  categories: string[];
  addresses: string[];
  webhookUrl: string;
  secret: string;
  clearSecret: boolean;
};

type Props = {
  /** Editing this channel; omitted = a new one. */
  channel?: Channel;
  /** Sends the values; a rejected promise's error goes under its field or above the buttons. */
  onSubmit: (values: ChannelValues) => Promise<unknown>;
  onCancel: () => void;
};

// The update schema holds every field of every kind (each optional): its
// rules check a value the way the API will; "required" is added per kind.
const rules = zodRules(ChannelUpdateSchema);

const takesSecret = (kind: ChannelKind) => kind === 'dingtalk' || kind === 'feishu';

/** The fields of a channel for its kind; secrets are write-only ("已设置", kept unless retyped). */
export function ChannelForm({ channel, onSubmit, onCancel }: Props) {
  const t = useTexts(texts);
  const { t: tShell } = useTranslation();
  const [form] = Form.useForm<ChannelValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const kind = Form.useWatch('kind', form) ?? channel?.kind ?? 'wecom';
  const clearSecret = Form.useWatch('clearSecret', form) ?? false;
  const c = t.channels;
  const required = (label: string) => ({
    required: true,
    message: tShell('common.required', { field: label }),
  });

  async function submit(values: ChannelValues) {
    setBusy(true);
    setError(null);
    try {
      await onSubmit(values);
    } catch (err) {
      if (showChannelFieldErrors(form, err)) return;
      if (err instanceof ApiError) setError(err);
      else throw err;
    } finally {
      setBusy(false);
    }
  }

  return (
    <Form<ChannelValues>
      form={form}
      layout="vertical"
      initialValues={{
        kind: channel?.kind ?? 'wecom',
        name: channel?.name ?? '',
        enabled: channel?.enabled ?? true,
        categories: channel?.categories ?? [],
        addresses: channel?.addresses ?? [],
        webhookUrl: '',
        secret: '',
        clearSecret: false,
      }}
      // All values, not only the fields on screen: a kind's hidden fields keep their defaults.
      onFinish={() => void submit(form.getFieldsValue(true) as ChannelValues)}
    >
      <Form.Item name="kind" label={c.kind} extra={channel ? c.kindFixed : undefined}>
        <Select
          disabled={!!channel}
          options={CHANNEL_KINDS.map((k) => ({ value: k, label: t.kinds[k] }))}
        />
      </Form.Item>
      <Form.Item name="name" label={c.name} rules={[required(c.name), ...rules('name', c.name)]}>
        <Input autoComplete="off" maxLength={100} />
      </Form.Item>

      {kind === 'email' ? (
        <Form.Item
          name="addresses"
          label={c.addresses}
          extra={c.addressesHelp}
          rules={[
            { required: true, type: 'array', min: 1, message: c.addressesRequired },
            ...rules('addresses', c.addresses),
          ]}
        >
          <Select mode="tags" open={false} tokenSeparators={[',', '，', ';', ' ']} />
        </Form.Item>
      ) : (
        <Form.Item
          name="webhookUrl"
          label={c.webhookUrl}
          extra={
            channel?.webhookUrlMasked
              ? c.webhookUrlKeep(channel.webhookUrlMasked)
              : c.webhookUrlHelp[kind]
          }
          rules={[
            ...(channel ? [] : [{ required: true, message: c.webhookUrlRequired }]),
            ...rules('webhookUrl', c.webhookUrl),
          ]}
        >
          <Input
            autoComplete="off"
            inputMode="url"
            placeholder={channel?.webhookUrlMasked ?? 'https://'}
          />
        </Form.Item>
      )}

      {takesSecret(kind) && (
        <>
          <Form.Item
            name="secret"
            label={c.secret}
            extra={channel?.hasSecret ? c.secretSet : c.secretHelp}
            rules={rules('secret', c.secret)}
          >
            <Input.Password
              autoComplete="new-password"
              disabled={clearSecret}
              placeholder={channel?.hasSecret ? c.secretSet : undefined}
            />
          </Form.Item>
          {channel?.hasSecret && (
            <Form.Item name="clearSecret" valuePropName="checked">
              <Checkbox>{c.secretClear}</Checkbox>
            </Form.Item>
          )}
        </>
      )}

      <Form.Item
        name="categories"
        label={c.categories}
        extra={c.categoriesHelp}
        rules={rules('categories', c.categories)}
      >
        <Select mode="tags" open={false} placeholder={c.allCategories} />
      </Form.Item>
      <Form.Item name="enabled" label={c.enabledLabel} valuePropName="checked">
        <Switch />
      </Form.Item>

      {error && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={error.message}
          description={
            error.requestId ? `${tShell('errors.requestId')}: ${error.requestId}` : undefined
          }
        />
      )}
      <Space>
        <Button type="primary" htmlType="submit" loading={busy}>
          {channel ? t.common.save : t.common.create}
        </Button>
        <Button onClick={onCancel}>{t.common.cancel}</Button>
      </Space>
    </Form>
  );
}

/** The body of "new channel" for its kind: only the fields that kind has. */
export function createBody(v: ChannelValues): ChannelCreate {
  const common = {
    name: v.name.trim(),
    enabled: v.enabled,
    ...(v.categories.length > 0 && { categories: v.categories }),
  };
  if (v.kind === 'email') return { kind: 'email', ...common, addresses: v.addresses };
  if (v.kind === 'wecom') return { kind: 'wecom', ...common, webhookUrl: v.webhookUrl.trim() };
  return {
    kind: v.kind,
    ...common,
    webhookUrl: v.webhookUrl.trim(),
    ...(v.secret.trim() && { secret: v.secret.trim() }),
  };
}
