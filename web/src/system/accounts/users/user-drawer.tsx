import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Divider, Grid, Popconfirm, Skeleton, Space } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../../app/api.ts';
import { useMe } from '../../../app/auth/me-context.ts';
import { can } from '../../../app/auth/session.ts';
import { useTexts } from '../../../app/texts.ts';
import { AuditTimeline } from '../../../components/activity-timeline.tsx';
import { flagFormat } from '../../../components/audit-fields.ts';
import { DetailDrawer } from '../../../components/detail-drawer.tsx';
import { ErrorResult } from '../../../components/error-result.tsx';
import { useActionError } from '../form-error.tsx';
import { ROLES_KEY, USERS_KEY } from '../keys.ts';
import type { User, UserUpdate } from '../models.ts';
import { texts } from '../texts.ts';
import { GrantsPanel } from './grants-panel.tsx';
import { ResetPasswordModal } from './reset-password-modal.tsx';
import { TokensPanel } from './tokens-panel.tsx';
import { UserFacts, UserProfileForm } from './user-profile.tsx';

type Props = { id: string | null; onClose: () => void };

/**
 * One account beside the list: its profile, role grants per site, API
 * tokens, and (for audit readers) its history. Disable / enable and password
 * reset sit in the header; the server refuses what the user may not do
 * (e.g. managing an account holding more than they do) and its words show
 * at the top of the drawer.
 */
export function UserDrawer({ id, onClose }: Props) {
  const t = useTexts(texts);
  const me = useMe();
  const { message } = App.useApp();
  const client = useQueryClient();
  const manage = can(me, 'users:manage');
  const [editing, setEditing] = useState(false);
  const [resetting, setResetting] = useState(false);
  const { run, alert } = useActionError();
  const key = [...USERS_KEY, 'one', id];
  // A phone's drawer header has no room beside the title: the buttons go on top of the body.
  const phone = Grid.useBreakpoint().md === false;

  const detail = useQuery({
    queryKey: key,
    enabled: id !== null,
    queryFn: () => unwrap(api.GET('/api/users/{id}', { params: { path: { id: id ?? '' } } })),
  });
  const user = detail.data;

  /** The server answers every change with the account as it now is. */
  const changed = async (next?: User) => {
    if (next) client.setQueryData(key, next);
    await Promise.all([
      client.invalidateQueries({ queryKey: [...USERS_KEY, 'list'] }),
      client.invalidateQueries({ queryKey: ROLES_KEY }),
      client.invalidateQueries({ queryKey: ['audit', 'user', id] }),
    ]);
  };
  const patch = async (body: UserUpdate) =>
    unwrap(api.PATCH('/api/users/{id}', { params: { path: { id: id ?? '' } }, body }));

  const close = () => {
    setEditing(false);
    onClose();
  };

  const setActive = (active: boolean) =>
    run(async () => {
      if (!user) return;
      await changed(await patch({ active }));
      void message.success(
        active ? t.drawer.enabledMsg(user.displayName) : t.drawer.disabledMsg(user.displayName),
      );
    });

  const self = user?.id === me.user.id;
  const actions =
    user && manage && !editing ? (
      <Space wrap>
        <Button onClick={() => setEditing(true)}>{t.common.edit}</Button>
        <Button onClick={() => setResetting(true)}>{t.drawer.resetPassword}</Button>
        {user.active ? (
          !self && (
            <Popconfirm
              title={t.drawer.disableConfirm(user.displayName)}
              description={<div style={{ maxWidth: 280 }}>{t.drawer.disableHint}</div>}
              okText={t.drawer.disable}
              okButtonProps={{ danger: true }}
              cancelText={t.common.cancel}
              onConfirm={() => setActive(false)}
            >
              <Button danger>{t.drawer.disable}</Button>
            </Popconfirm>
          )
        ) : (
          <Popconfirm
            title={t.drawer.enableConfirm(user.displayName)}
            okText={t.drawer.enable}
            cancelText={t.common.cancel}
            onConfirm={() => setActive(true)}
          >
            <Button>{t.drawer.enable}</Button>
          </Popconfirm>
        )}
      </Space>
    ) : null;

  const body = detail.isError ? (
    <ErrorResult error={detail.error} onRetry={() => void detail.refetch()} />
  ) : !user ? (
    <Skeleton active />
  ) : (
    <>
      {phone && actions && <div style={{ marginBottom: 16 }}>{actions}</div>}
      {alert}
      {editing ? (
        <UserProfileForm
          user={user}
          onCancel={() => setEditing(false)}
          onSave={async (body) => {
            if (Object.keys(body).length > 0) await changed(await patch(body));
            void message.success(t.common.saved);
            setEditing(false);
          }}
        />
      ) : (
        <UserFacts user={user} />
      )}
      <Divider />
      <GrantsPanel user={user} manage={manage} onChanged={changed} />
      {manage && (
        <>
          <Divider />
          <TokensPanel user={user} />
        </>
      )}
      {manage && (
        <ResetPasswordModal
          user={user}
          open={resetting}
          onClose={() => setResetting(false)}
          onDone={async () => {
            setResetting(false);
            void message.success(t.reset.done(user.displayName));
            await changed();
            await detail.refetch();
            await client.invalidateQueries({ queryKey: [...USERS_KEY, 'tokens', user.id] });
          }}
        />
      )}
    </>
  );

  return (
    <DetailDrawer
      open={id !== null}
      onClose={close}
      title={user ? user.displayName : t.common.loading}
      actions={phone ? null : actions}
      activity={
        id && can(me, 'audit:read') ? (
          <AuditTimeline
            entityType="user"
            entityId={id}
            fields={{
              username: t.users.username,
              displayName: t.users.displayName,
              personId: t.users.person,
              locale: {
                label: t.users.locale,
                format: (v) => (v === 'en-US' ? 'English' : v === 'zh-CN' ? '中文' : null),
              },
              active: {
                label: t.common.status,
                format: flagFormat(t.users.active, t.users.disabled),
              },
              mustChangePassword: t.users.mustChangePassword,
            }}
          />
        ) : undefined
      }
    >
      {body}
    </DetailDrawer>
  );
}
