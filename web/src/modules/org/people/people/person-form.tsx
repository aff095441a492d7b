import { Alert, Button, Form, Input, Space, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PersonCreateSchema, PersonUpdateSchema } from '@server/modules/org/schema.ts';
import { ApiError } from '../../../../app/api.ts';
import { useTexts } from '../../../../app/texts.ts';
import { emptyToNull, zodRules } from '../../../../components/form/zod-rules.ts';
import { showServerFieldErrors } from '../../../../components/server-field-errors.ts';
import { DepartmentSelect } from '../departments/department-select.tsx';
import type { Person, PersonCreate } from '../models.ts';
import { texts } from '../texts.ts';

type Values = {
  employeeNo: string;
  name: string;
  departmentId: string | null;
  position: string;
  phone: string;
  email: string;
  active: boolean;
};

type Props = {
  /** Editing this person; omitted = a new one. */
  person?: Person;
  /** A new person's department (the list's department filter). */
  departmentId?: string | null;
  submitLabel: string;
  onSubmit: (values: PersonCreate) => Promise<unknown>;
  onCancel: () => void;
};

const createRules = zodRules(PersonCreateSchema);
const updateRules = zodRules(PersonUpdateSchema);
type Field = keyof typeof PersonCreateSchema.shape & string;

/**
 * A person's fields. Validation is the API's own (PersonCreateSchema /
 * PersonUpdateSchema), so a bad phone number or e-mail gets the API's words
 * before anything is sent; what only the server knows (工号 taken) comes back
 * under the field or above the buttons.
 */
export function PersonForm({ person, departmentId, submitLabel, onSubmit, onCancel }: Props) {
  const t = useTexts(texts);
  const { t: tShell } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const rules = (field: Field, label: string) =>
    person
      ? [
          // An edit may not empty a required field.
          ...(field === 'employeeNo' || field === 'name'
            ? [{ required: true, message: tShell('common.required', { field: label }) }]
            : []),
          ...updateRules(field, label),
        ]
      : createRules(field, label);

  async function submit(values: Values) {
    setBusy(true);
    setError(null);
    try {
      await onSubmit(emptyToNull(values) as PersonCreate);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      // 工号 taken is a 409 without field details: show it under 工号.
      if (err.code === 'CONFLICT') form.setFields([{ name: 'employeeNo', errors: [err.message] }]);
      else if (!showServerFieldErrors(form, err)) setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={{
        employeeNo: person?.employeeNo ?? '',
        name: person?.name ?? '',
        departmentId: person ? person.departmentId : (departmentId ?? null),
        position: person?.position ?? '',
        phone: person?.phone ?? '',
        email: person?.email ?? '',
        active: person?.active ?? true,
      }}
      onFinish={(v) => void submit(v)}
    >
      <Form.Item
        name="employeeNo"
        label={t.people.employeeNo}
        rules={rules('employeeNo', t.people.employeeNo)}
      >
        <Input autoComplete="off" maxLength={40} />
      </Form.Item>
      <Form.Item name="name" label={t.people.name} rules={rules('name', t.people.name)}>
        <Input autoComplete="off" maxLength={100} />
      </Form.Item>
      <Form.Item
        name="departmentId"
        label={t.people.department}
        rules={rules('departmentId', t.people.department)}
      >
        <DepartmentSelect placeholder={t.people.departmentPlaceholder} />
      </Form.Item>
      <Form.Item
        name="position"
        label={t.people.position}
        rules={rules('position', t.people.position)}
      >
        <Input autoComplete="off" maxLength={60} />
      </Form.Item>
      <Form.Item name="phone" label={t.people.phone} rules={rules('phone', t.people.phone)}>
        <Input type="tel" autoComplete="off" inputMode="tel" maxLength={30} />
      </Form.Item>
      <Form.Item name="email" label={t.people.email} rules={rules('email', t.people.email)}>
        <Input type="email" autoComplete="off" inputMode="email" />
      </Form.Item>
      <Form.Item name="active" label={t.people.employedSwitch} valuePropName="checked">
        <Switch />
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
