import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Descriptions,
  Divider,
  Grid,
  Popconfirm,
  Skeleton,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../../app/api.ts';
import { useMe } from '../../../app/auth/me-context.ts';
import { can } from '../../../app/auth/session.ts';
import { useTexts } from '../../../app/texts.ts';
import { AuditTimeline } from '../../../components/activity-timeline.tsx';
import { DetailDrawer } from '../../../components/detail-drawer.tsx';
import { ErrorResult } from '../../../components/error-result.tsx';
import { formatDateTime } from '../../../components/format.ts';
import { useActionError } from '../form-error.tsx';
import { ROLES_KEY, USERS_KEY } from '../keys.ts';
import type { Role } from '../models.ts';
import { texts } from '../texts.ts';
import { usePermissions, useRoleName, useRoles } from '../use-reference.ts';
import { PermissionList } from './permission-groups.tsx';
import { RoleForm } from './role-form.tsx';

type Props = {
  id: string | null;
  onClose: () => void;
  /** "Copy to a custom role": opens the new-role form with this role's permissions. */
  onCopy: (role: Role) => void;
};

/** One role: its permissions by module; custom roles can be edited and deleted. */
export function RoleDrawer({ id, onClose, onCopy }: Props) {
  const t = useTexts(texts);
  const me = useMe();
  const { message } = App.useApp();
  const client = useQueryClient();
  const manage = can(me, 'users:manage');
  const roles = useRoles();
  const catalogue = usePermissions();
  const roleName = useRoleName();
  const [editing, setEditing] = useState(false);
  const { run, alert } = useActionError();
  const role = roles.data?.find((r) => r.id === id);
  // A phone's drawer header has no room beside the title: the buttons go on top of the body.
  const phone = Grid.useBreakpoint().md === false;

  const refresh = () =>
    Promise.all([
      client.invalidateQueries({ queryKey: ROLES_KEY }),
      // Grants show role names: the account list and drawers follow a rename.
      client.invalidateQueries({ queryKey: USERS_KEY }),
      client.invalidateQueries({ queryKey: ['audit', 'role', id] }),
    ]);
  const close = () => {
    setEditing(false);
    onClose();
  };
  const remove = (r: Role) =>
    run(async () => {
      await unwrap(api.DELETE('/api/roles/{id}', { params: { path: { id: r.id } } }));
      void message.success(t.roles.deleted(r.name));
      close();
      await refresh();
    });

  const actions =
    role && manage && !editing ? (
      role.builtin ? (
        <Button onClick={() => onCopy(role)}>{t.roles.copy}</Button>
      ) : (
        <Space wrap>
          <Button onClick={() => setEditing(true)}>{t.common.edit}</Button>
          <Popconfirm
            title={t.roles.deleteConfirm(role.name)}
            description={<div style={{ maxWidth: 280 }}>{t.roles.deleteHint(role.userCount)}</div>}
            okText={t.roles.delete}
            okButtonProps={{ danger: true }}
            cancelText={t.common.cancel}
            onConfirm={() => remove(role)}
          >
            <Button danger>{t.roles.delete}</Button>
          </Popconfirm>
        </Space>
      )
    ) : null;

  const error = roles.error ?? catalogue.error;
  const body = error ? (
    <ErrorResult error={error} />
  ) : roles.data && !role ? (
    <Typography.Paragraph>{t.roles.notFound}</Typography.Paragraph>
  ) : !role || !catalogue.data ? (
    <Skeleton active />
  ) : editing ? (
    <RoleForm
      editing
      initial={{ name: role.name, description: role.description, permissions: role.permissions }}
      submitLabel={t.common.save}
      onCancel={() => setEditing(false)}
      onSubmit={async ({ name, description, permissions }) => {
        await unwrap(
          api.PATCH('/api/roles/{id}', {
            params: { path: { id: role.id } },
            body: { name, description, permissions },
          }),
        );
        void message.success(t.common.saved);
        setEditing(false);
        await refresh();
      }}
    />
  ) : (
    <>
      {phone && actions && <div style={{ marginBottom: 16 }}>{actions}</div>}
      {alert}
      {role.builtin && (
        <Alert type="info" showIcon title={t.roles.builtinNote} style={{ marginBottom: 16 }} />
      )}
      <Descriptions
        column={1}
        size="small"
        bordered
        items={[
          { key: 'name', label: t.roles.name, children: roleName(role) },
          { key: 'key', label: t.roles.key, children: <code>{role.key}</code> },
          {
            key: 'type',
            label: t.roles.typeFilter,
            children: role.builtin ? (
              <Tag color="blue">{t.roles.builtin}</Tag>
            ) : (
              <Tag color="purple">{t.roles.custom}</Tag>
            ),
          },
          ...(!role.builtin && role.description
            ? [{ key: 'desc', label: t.roles.description, children: role.description }]
            : []),
          { key: 'users', label: t.roles.holders, children: t.roles.holdersCount(role.userCount) },
          { key: 'updated', label: t.common.updatedAt, children: formatDateTime(role.updatedAt) },
        ]}
      />
      <Divider titlePlacement="start">
        {t.roles.permissions} · {t.roles.permissionCount(role.permissions.length)}
      </Divider>
      <PermissionList catalogue={catalogue.data} permissions={role.permissions} />
    </>
  );

  return (
    <DetailDrawer
      open={id !== null}
      onClose={close}
      title={
        role ? (editing ? t.roles.editTitle(roleName(role)) : roleName(role)) : t.common.loading
      }
      actions={phone ? null : actions}
      activity={
        id && role && !role.builtin && can(me, 'audit:read') ? (
          <AuditTimeline
            entityType="role"
            entityId={id}
            fields={{
              name: t.roles.name,
              description: t.roles.description,
              permissions: t.roles.permissions,
            }}
          />
        ) : undefined
      }
    >
      {body}
    </DetailDrawer>
  );
}
