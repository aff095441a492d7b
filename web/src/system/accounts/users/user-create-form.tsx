import { Button, Checkbox, Flex, Form, Input } from 'antd';
import { useState } from 'react';
import { UserCreateSchema } from '@server/platform/auth/schema.ts';
import { NewPasswordFields } from '../../../app/auth/new-password-fields.tsx';
import { useMe } from '../../../app/auth/me-context.ts';
import { can } from '../../../app/auth/session.ts';
import { useTexts } from '../../../app/texts.ts';
import { zodRules } from '../../../components/form/zod-rules.ts';
import { useFormError } from '../form-error.tsx';
import type { UserCreate } from '../models.ts';
import { texts } from '../texts.ts';
import { GrantFields, grantOf, type GrantValues } from './grant-fields.tsx';
import { PersonSelect } from './person-select.tsx';

const rules = zodRules(UserCreateSchema);

type Values = GrantValues & {
  username: string;
  displayName: string;
  password: string;
  confirm: string;
  mustChangePassword: boolean;
  personId?: string | null;
};

/**
 * A new account: username, name, an initial password typed twice (which the
 * user must change at first sign-in unless unticked), optionally the person
 * it belongs to and a first role at one site or everywhere.
 */
export function UserCreateForm({
  onCreate,
  onCancel,
}: {
  onCreate: (body: UserCreate) => Promise<void>;
  onCancel: () => void;
}) {
  const t = useTexts(texts);
  const me = useMe();
  const [form] = Form.useForm<Values>();
  const { fail, clear, alert } = useFormError(form);
  const [busy, setBusy] = useState(false);

  async function submit(v: Values) {
    setBusy(true);
    clear();
    const grant = grantOf(v);
    try {
      await onCreate({
        username: v.username.trim(),
        displayName: v.displayName.trim(),
        password: v.password,
        mustChangePassword: v.mustChangePassword,
        personId: v.personId ?? null,
        ...(grant && { grants: [grant] }),
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
      initialValues={{ mustChangePassword: true, scope: 'org' }}
      onFinish={(v) => void submit(v)}
    >
      {alert}
      <Form.Item
        name="username"
        label={t.users.username}
        extra={t.users.usernameHelp}
        rules={rules('username', t.users.username)}
      >
        <Input autoComplete="off" spellCheck={false} />
      </Form.Item>
      <Form.Item
        name="displayName"
        label={t.users.displayName}
        rules={rules('displayName', t.users.displayName)}
      >
        <Input autoComplete="off" />
      </Form.Item>
      <NewPasswordFields name="password" label={t.users.initialPassword} />
      <Form.Item name="mustChangePassword" valuePropName="checked">
        <Checkbox>{t.users.mustChangePassword}</Checkbox>
      </Form.Item>
      <Form.Item
        name="personId"
        label={t.users.person}
        extra={t.users.personHelp}
        rules={rules('personId', t.users.person)}
      >
        <PersonSelect disabled={!can(me, 'people:read')} />
      </Form.Item>
      <GrantFields roleLabel={t.users.initialRole} required={false} />
      <Flex gap={8} justify="end">
        <Button onClick={onCancel}>{t.common.cancel}</Button>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t.users.create}
        </Button>
      </Flex>
    </Form>
  );
}
