import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, Form, Modal, Popconfirm, Table, Typography } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../../app/api.ts';
import { useTexts } from '../../../app/texts.ts';
import { formatDate } from '../../../components/format.ts';
import { useActionError, useFormError } from '../form-error.tsx';
import type { User, UserGrant } from '../models.ts';
import { texts } from '../texts.ts';
import { GrantFields, grantOf, type GrantValues } from './grant-fields.tsx';
import { useGrantRoleName, useScopeLabel } from './grant-tags.tsx';

type Props = {
  user: User;
  manage: boolean;
  /** Called with the account as the server answered after a grant or revoke. */
  onChanged: (user: User) => Promise<void>;
};

/** The account's roles, each for the whole organisation or one site; grant and revoke. */
export function GrantsPanel({ user, manage, onChanged }: Props) {
  const t = useTexts(texts);
  const { message } = App.useApp();
  const roleName = useGrantRoleName();
  const scope = useScopeLabel();
  const [adding, setAdding] = useState(false);
  const { run, alert } = useActionError();

  const revoke = (g: UserGrant) =>
    run(async () => {
      const next = await unwrap(
        api.DELETE('/api/users/{id}/grants/{grantId}', {
          params: { path: { id: user.id, grantId: g.id } },
        }),
      );
      void message.success(t.grants.revoked);
      await onChanged(next);
    });

  return (
    <section aria-labelledby="grants-title">
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
        <Typography.Title level={3} id="grants-title" style={{ fontSize: 16, margin: 0 }}>
          {t.drawer.grantsTitle}
        </Typography.Title>
        {manage && (
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t.grants.add}
          </Button>
        )}
      </Flex>
      {alert}
      <Table<UserGrant>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={user.grants}
        locale={{ emptyText: t.grants.none }}
        columns={[
          { key: 'role', title: t.grants.role, render: (_, g) => roleName(g) },
          { key: 'scope', title: t.grants.scope, render: (_, g) => scope(g.siteId) },
          {
            key: 'at',
            title: t.grants.grantedAt,
            responsive: ['sm'],
            render: (_, g) => formatDate(g.createdAt),
          },
          ...(manage
            ? [
                {
                  key: 'actions',
                  title: t.common.actions,
                  align: 'right' as const,
                  render: (_: unknown, g: UserGrant) => (
                    <Popconfirm
                      title={t.grants.revokeConfirm(roleName(g), scope(g.siteId))}
                      description={t.grants.revokeHint}
                      okText={t.grants.revoke}
                      okButtonProps={{ danger: true }}
                      cancelText={t.common.cancel}
                      onConfirm={() => revoke(g)}
                    >
                      <Button
                        size="small"
                        danger
                        aria-label={t.grants.revokeLabel(roleName(g), scope(g.siteId))}
                      >
                        {t.grants.revoke}
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={adding}
        title={t.grants.addTitle}
        onCancel={() => setAdding(false)}
        footer={null}
        destroyOnHidden
      >
        <AddGrantForm
          userId={user.id}
          onCancel={() => setAdding(false)}
          onDone={async (next) => {
            void message.success(t.grants.added);
            setAdding(false);
            await onChanged(next);
          }}
        />
      </Modal>
    </section>
  );
}

function AddGrantForm({
  userId,
  onCancel,
  onDone,
}: {
  userId: string;
  onCancel: () => void;
  onDone: (user: User) => Promise<void>;
}) {
  const t = useTexts(texts);
  const [form] = Form.useForm<GrantValues>();
  const { fail, clear, alert } = useFormError(form);
  const [busy, setBusy] = useState(false);

  async function submit(v: GrantValues) {
    const body = grantOf(v);
    if (!body) return;
    setBusy(true);
    clear();
    try {
      await onDone(
        await unwrap(
          api.POST('/api/users/{id}/grants', { params: { path: { id: userId } }, body }),
        ),
      );
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Form<GrantValues>
      form={form}
      layout="vertical"
      initialValues={{ scope: 'org' }}
      onFinish={(v) => void submit(v)}
    >
      {alert}
      <Typography.Paragraph type="secondary">{t.grants.escalationHint}</Typography.Paragraph>
      <GrantFields roleLabel={t.grants.role} required />
      <Flex gap={8} justify="end">
        <Button onClick={onCancel}>{t.common.cancel}</Button>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t.grants.add}
        </Button>
      </Flex>
    </Form>
  );
}
