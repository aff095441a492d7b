import { Button, Descriptions, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { UserUpdateSchema } from '@server/platform/auth/schema.ts';
import { useMe } from '../../../app/auth/me-context.ts';
import { can } from '../../../app/auth/session.ts';
import { useTexts } from '../../../app/texts.ts';
import { zodRules } from '../../../components/form/zod-rules.ts';
import { formatDateTime } from '../../../components/format.ts';
import { useFormError } from '../form-error.tsx';
import type { User, UserUpdate } from '../models.ts';
import { texts } from '../texts.ts';
import { PersonSelect } from './person-select.tsx';
import { UserStatus } from './user-status.tsx';

const rules = zodRules(UserUpdateSchema);

/** The account's facts as a list. */
export function UserFacts({ user }: { user: User }) {
  const t = useTexts(texts);
  const me = useMe();
  return (
    <Descriptions
      column={1}
      size="small"
      bordered
      items={[
        {
          key: 'username',
          label: t.users.username,
          children: (
            <Typography.Text code copyable>
              {user.username}
            </Typography.Text>
          ),
        },
        {
          key: 'name',
          label: t.users.displayName,
          children: `${user.displayName}${user.id === me.user.id ? ` ${t.drawer.self}` : ''}`,
        },
        {
          key: 'person',
          label: t.users.person,
          children: user.personId ? (user.personName ?? t.common.none) : t.users.serviceAccount,
        },
        { key: 'status', label: t.common.status, children: <UserStatus user={user} /> },
        {
          key: 'login',
          label: t.users.lastLogin,
          children: user.lastLoginAt ? formatDateTime(user.lastLoginAt) : t.users.never,
        },
        { key: 'created', label: t.drawer.createdAt, children: formatDateTime(user.createdAt) },
      ]}
    />
  );
}

type Values = { displayName: string; personId?: string | null };

/** Edits the account's name and linked person; sends only what changed. */
export function UserProfileForm({
  user,
  onSave,
  onCancel,
}: {
  user: User;
  onSave: (patch: UserUpdate) => Promise<void>;
  onCancel: () => void;
}) {
  const t = useTexts(texts);
  const me = useMe();
  const [form] = Form.useForm<Values>();
  const { fail, alert } = useFormError(form);
  const [busy, setBusy] = useState(false);

  async function submit(v: Values) {
    setBusy(true);
    try {
      // Only what changed goes to PATCH, so the audit trail shows just that.
      const patch: UserUpdate = {};
      if (v.displayName.trim() !== user.displayName) patch.displayName = v.displayName.trim();
      if ((v.personId ?? null) !== user.personId) patch.personId = v.personId ?? null;
      await onSave(patch);
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
      initialValues={{ displayName: user.displayName, personId: user.personId }}
      onFinish={(v) => void submit(v)}
    >
      {alert}
      <Form.Item
        name="displayName"
        label={t.users.displayName}
        rules={rules('displayName', t.users.displayName)}
      >
        <Input />
      </Form.Item>
      <Form.Item
        name="personId"
        label={t.users.person}
        extra={t.users.personHelp}
        rules={rules('personId', t.users.person)}
      >
        <PersonSelect
          disabled={!can(me, 'people:read')}
          current={
            user.personId ? { id: user.personId, name: user.personName ?? user.personId } : null
          }
        />
      </Form.Item>
      <Flex gap={8} justify="end">
        <Button onClick={onCancel}>{t.common.cancel}</Button>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t.common.save}
        </Button>
      </Flex>
    </Form>
  );
}
