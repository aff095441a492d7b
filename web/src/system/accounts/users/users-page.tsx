import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, unwrap } from '../../../app/api.ts';
import { useMe } from '../../../app/auth/me-context.ts';
import { can } from '../../../app/auth/session.ts';
import { useTexts } from '../../../app/texts.ts';
import { formatDateTime } from '../../../components/format.ts';
import { ListPage } from '../../../components/list/list-page.tsx';
import type { ListColumn, ListFilter } from '../../../components/list/list-types.ts';
import { ROLES_KEY, USERS_KEY } from '../keys.ts';
import type { User } from '../models.ts';
import { texts } from '../texts.ts';
import { useRoleName, useRoles, useSiteNames } from '../use-reference.ts';
import { GrantTags } from './grant-tags.tsx';
import { UserCreateForm } from './user-create-form.tsx';
import { UserDrawer } from './user-drawer.tsx';
import { UserStatus } from './user-status.tsx';

/**
 * 用户与授权: accounts with their roles per site (filters, sorting and paging
 * on the server, all in the URL), one account in a drawer (`open=<id>`), and
 * new accounts with a first role.
 */
export default function UsersPage() {
  const t = useTexts(texts);
  const me = useMe();
  const { message } = App.useApp();
  const client = useQueryClient();
  const manage = can(me, 'users:manage');
  const [search, setSearch] = useSearchParams();
  const openId = search.get('open');
  const [creating, setCreating] = useState(false);
  const roles = useRoles();
  const roleName = useRoleName();
  const { sites } = useSiteNames();

  const setOpen = (id: string | null) =>
    setSearch((prev) => {
      const next = new URLSearchParams(prev);
      if (id) next.set('open', id);
      else next.delete('open');
      return next;
    });

  const filters: ListFilter[] = [
    { type: 'search', key: 'q', label: t.users.search },
    {
      type: 'select',
      key: 'active',
      label: t.users.statusFilter,
      options: [
        { value: 'true', label: t.users.active },
        { value: 'false', label: t.users.disabled },
      ],
    },
    {
      type: 'select',
      key: 'roleId',
      label: t.users.roleFilter,
      options: (roles.data ?? []).map((r) => ({ value: r.id, label: roleName(r) })),
    },
    ...(sites.length > 0
      ? [
          {
            type: 'select' as const,
            key: 'siteId',
            label: t.users.siteFilter,
            options: sites.map((s) => ({ value: s.id, label: s.name })),
          },
        ]
      : []),
  ];

  const none = t.common.none;
  const columns: ListColumn<User>[] = [
    {
      key: 'username',
      title: t.users.username,
      sortKey: 'username',
      render: (u) => <Typography.Text code>{u.username}</Typography.Text>,
    },
    {
      key: 'displayName',
      title: t.users.displayName,
      sortKey: 'displayName',
      cardTitle: true,
      render: (u) => u.displayName,
    },
    {
      key: 'person',
      title: t.users.person,
      render: (u) => (u.personId ? (u.personName ?? none) : none),
    },
    { key: 'grants', title: t.users.grants, render: (u) => <GrantTags grants={u.grants} /> },
    { key: 'status', title: t.common.status, render: (u) => <UserStatus user={u} /> },
    {
      key: 'lastLoginAt',
      title: t.users.lastLogin,
      sortKey: 'lastLoginAt',
      render: (u) => (u.lastLoginAt ? formatDateTime(u.lastLoginAt) : t.users.never),
    },
    {
      key: 'createdAt',
      title: t.common.createdAt,
      sortKey: 'createdAt',
      hidden: true,
      render: (u) => formatDateTime(u.createdAt),
    },
  ];

  const filtered = ['q', 'active', 'roleId', 'siteId'].some((k) => search.has(k));

  return (
    <>
      <ListPage<User>
        id="users"
        title={t.users.title}
        columns={columns}
        filters={filters}
        queryKey={[...USERS_KEY, 'list']}
        fetchPage={(query) => unwrap(api.GET('/api/users', { params: { query } }))}
        rowKey={(u) => u.id}
        onOpen={(u) => setOpen(u.id)}
        emptyText={filtered ? t.users.noMatch : t.users.empty}
        actions={
          manage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t.users.create}
            </Button>
          )
        }
      />
      <UserDrawer id={openId} onClose={() => setOpen(null)} />
      <Modal
        open={creating}
        title={t.users.createTitle}
        onCancel={() => setCreating(false)}
        footer={null}
        destroyOnHidden
        maskClosable={false}
      >
        <UserCreateForm
          onCancel={() => setCreating(false)}
          onCreate={async (body) => {
            const user = await unwrap(api.POST('/api/users', { body }));
            void message.success(t.users.created(user.username));
            setCreating(false);
            await Promise.all([
              client.invalidateQueries({ queryKey: USERS_KEY }),
              client.invalidateQueries({ queryKey: ['setup-progress'] }),
              client.invalidateQueries({ queryKey: ROLES_KEY }),
            ]);
            setOpen(user.id);
          }}
        />
      </Modal>
    </>
  );
}
