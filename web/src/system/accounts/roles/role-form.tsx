import { Button, Flex, Form, Input, Skeleton } from 'antd';
import { useState } from 'react';
import { RoleCreateSchema } from '@server/platform/auth/schema.ts';
import { useTexts } from '../../../app/texts.ts';
import { ErrorResult } from '../../../components/error-result.tsx';
import { zodRules } from '../../../components/form/zod-rules.ts';
import { useFormError } from '../form-error.tsx';
import type { RoleCreate } from '../models.ts';
import { texts } from '../texts.ts';
import { usePermissions } from '../use-reference.ts';
import { PermissionPicker } from './permission-groups.tsx';

const rules = zodRules(RoleCreateSchema);

type Values = {
  key: string;
  name: string;
  description?: string | null;
  permissions: string[];
};

/**
 * A custom role: key (fixed once created), name, description and its
 * permissions ticked per module. `editing` hides the key (sent as '').
 */
export function RoleForm({
  initial,
  editing,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  initial?: Partial<Values>;
  editing: boolean;
  submitLabel: string;
  onSubmit: (values: RoleCreate) => Promise<void>;
  onCancel: () => void;
}) {
  const t = useTexts(texts);
  const catalogue = usePermissions();
  const [form] = Form.useForm<Values>();
  const { fail, clear, alert } = useFormError(form);
  const [busy, setBusy] = useState(false);

  if (catalogue.isError)
    return <ErrorResult error={catalogue.error} onRetry={() => void catalogue.refetch()} />;
  if (!catalogue.data) return <Skeleton active />;

  async function submit(v: Values) {
    setBusy(true);
    clear();
    try {
      await onSubmit({
        key: editing ? '' : v.key.trim(),
        name: v.name.trim(),
        description: v.description?.trim() || null,
        permissions: v.permissions,
      });
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={{ permissions: [], ...initial }}
      onFinish={(v) => void submit(v)}
    >
      {alert}
      {!editing && (
        <Form.Item
          name="key"
          label={t.roles.key}
          extra={t.roles.keyHelp}
          rules={rules('key', t.roles.key)}
        >
          <Input autoComplete="off" spellCheck={false} />
        </Form.Item>
      )}
      <Form.Item name="name" label={t.roles.name} rules={rules('name', t.roles.name)}>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="description"
        label={t.roles.description}
        rules={rules('description', t.roles.description)}
      >
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
      </Form.Item>
      <Form.Item
        name="permissions"
        label={t.roles.permissions}
        extra={t.roles.permissionsHelp}
        // The schema's own "choose at least one" says it better than "please fill in".
        rules={rules('permissions', t.roles.permissions).filter(
          (r) => typeof r === 'function' || !r.required,
        )}
      >
        <PermissionPicker catalogue={catalogue.data} />
      </Form.Item>
      <Flex gap={8} justify="end">
        <Button onClick={onCancel}>{t.common.cancel}</Button>
        <Button type="primary" htmlType="submit" loading={busy}>
          {submitLabel}
        </Button>
      </Flex>
    </Form>
  );
}
