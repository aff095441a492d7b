import { Alert, Button, Form, Input, InputNumber, Select, Space } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DepartmentCreateSchema, DepartmentUpdateSchema } from '@server/modules/org/schema.ts';
import { ApiError } from '../../../../app/api.ts';
import { can } from '../../../../app/auth/session.ts';
import { useMe } from '../../../../app/auth/me-context.ts';
import { useSites } from '../../../../app/site-choice.ts';
import { useTexts } from '../../../../app/texts.ts';
import { emptyToNull, zodRules } from '../../../../components/form/zod-rules.ts';
import { showServerFieldErrors } from '../../../../components/server-field-errors.ts';
import type { Department, DepartmentCreate } from '../models.ts';
import { texts } from '../texts.ts';
import { DepartmentSelect } from './department-select.tsx';
import { subtreeIds, useAllDepartments } from './use-departments.ts';

export type DepartmentValues = {
  code: string;
  name: string;
  parentId: string | null;
  siteId: string | null;
  sortOrder: number | null;
};

type Props = {
  /** Editing this department; omitted = a new one. */
  department?: Department;
  /** A new department's parent, chosen beforehand ("new sub-department"). */
  parentId?: string | null;
  submitLabel: string;
  /** Sends the values; a rejected promise's error is shown under the fields or above the buttons. */
  onSubmit: (values: DepartmentCreate) => Promise<unknown>;
  onCancel: () => void;
};

const createRules = zodRules(DepartmentCreateSchema);
const updateRules = zodRules(DepartmentUpdateSchema);

/** The fields of a department, for "new" (DepartmentCreateSchema) and "edit" (DepartmentUpdateSchema). */
export function DepartmentForm({ department, parentId, submitLabel, onSubmit, onCancel }: Props) {
  const t = useTexts(texts);
  const { t: tShell } = useTranslation();
  const me = useMe();
  const [form] = Form.useForm<DepartmentValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const all = useAllDepartments();
  const sites = useSites(can(me, 'org:read', 'site'));
  // A department cannot move under itself or anything below it (the server refuses too).
  const exclude = useMemo(
    () => (department ? subtreeIds(all.data?.items ?? [], department.id) : undefined),
    [all.data, department],
  );

  const rules = (field: 'code' | 'name' | 'parentId' | 'siteId' | 'sortOrder', label: string) =>
    department
      ? [
          // An edit may leave a field as it is, but not empty a required one.
          ...(field === 'code' || field === 'name'
            ? [{ required: true, message: tShell('common.required', { field: label }) }]
            : []),
          ...updateRules(field, label),
        ]
      : createRules(field, label);

  async function submit(values: DepartmentValues) {
    setBusy(true);
    setError(null);
    try {
      const clean = emptyToNull(values);
      const body = {
        ...clean,
        sortOrder: clean.sortOrder ?? 0,
      } as DepartmentCreate;
      await onSubmit(body);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      // The code taken (409) and a move under its own subtree (400) belong to a field.
      if (err.code === 'CONFLICT') form.setFields([{ name: 'code', errors: [err.message] }]);
      else if (err.code === 'BAD_REQUEST')
        form.setFields([{ name: 'parentId', errors: [err.message] }]);
      else if (!showServerFieldErrors(form, err)) setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Form<DepartmentValues>
      form={form}
      layout="vertical"
      initialValues={{
        code: department?.code ?? '',
        name: department?.name ?? '',
        parentId: department ? department.parentId : (parentId ?? null),
        siteId: department?.siteId ?? null,
        sortOrder: department?.sortOrder ?? 0,
      }}
      onFinish={(v) => void submit(v)}
    >
      <Form.Item name="code" label={t.departments.code} rules={rules('code', t.departments.code)}>
        <Input autoComplete="off" maxLength={40} />
      </Form.Item>
      <Form.Item name="name" label={t.departments.name} rules={rules('name', t.departments.name)}>
        <Input autoComplete="off" maxLength={100} />
      </Form.Item>
      <Form.Item
        name="parentId"
        label={t.departments.parent}
        rules={rules('parentId', t.departments.parent)}
        extra={department ? t.departments.ownSubtree : undefined}
      >
        <DepartmentSelect placeholder={t.departments.parentNone} exclude={exclude} />
      </Form.Item>
      {sites.data && sites.data.length > 0 && (
        <Form.Item
          name="siteId"
          label={t.departments.site}
          rules={rules('siteId', t.departments.site)}
        >
          <Select
            allowClear
            placeholder={t.departments.siteNone}
            options={sites.data.map((s) => ({ value: s.id, label: s.name, disabled: !s.active }))}
          />
        </Form.Item>
      )}
      <Form.Item
        name="sortOrder"
        label={t.departments.sortOrder}
        extra={t.departments.sortOrderHelp}
        rules={rules('sortOrder', t.departments.sortOrder)}
      >
        <InputNumber min={0} max={100000} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      {error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={error.message}
          style={{ marginBottom: 16 }}
        />
      )}
      <Space wrap>
        <Button type="primary" htmlType="submit" loading={busy}>
          {submitLabel}
        </Button>
        <Button onClick={onCancel}>{t.common.cancel}</Button>
      </Space>
    </Form>
  );
}
