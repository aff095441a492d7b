import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Modal, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, unwrap } from '../../../app/api.ts';
import { useMe } from '../../../app/auth/me-context.ts';
import { can } from '../../../app/auth/session.ts';
import { useTexts } from '../../../app/texts.ts';
import { formatDateTime } from '../../../components/format.ts';
import { ListPage } from '../../../components/list/list-page.tsx';
import type { ListColumn, ListFilter, Page } from '../../../components/list/list-types.ts';
import { missingPermissions } from '../grantable.ts';
import { ROLES_KEY } from '../keys.ts';
import type { Role, RoleCreate } from '../models.ts';
import { texts } from '../texts.ts';
import { useRoleName } from '../use-reference.ts';
import { RoleDrawer } from './role-drawer.tsx';
import { RoleForm } from './role-form.tsx';

type Draft = Partial<RoleCreate>;

/**
 * GET /api/roles answers every role at once (the built-in fifteen plus a few
 * custom ones), so this list filters, sorts and pages that one answer here,
 * keeping ListPage's URL state, cards and column chooser.
 */
function pageOf(
  roles: Role[],
  query: Record<string, string | number>,
  name: (r: Role) => string,
): Page<Role> {
  const q = String(query.q ?? '').toLowerCase();
  let items = roles.filter(
    (r) =>
      (!q || name(r).toLowerCase().includes(q) || r.key.includes(q)) &&
      (query.type === undefined || (query.type === 'builtin') === r.builtin),
  );
  const sort = query.sort as 'name' | 'key' | 'userCount' | undefined;
  if (sort) {
    const dir = query.order === 'desc' ? -1 : 1;
    items = [...items].sort((a, b) =>
      sort === 'userCount'
        ? (a.userCount - b.userCount) * dir
        : (sort === 'name' ? name(a) : a.key).localeCompare(sort === 'name' ? name(b) : b.key) *
          dir,
    );
  }
  const page = Number(query.page ?? 1);
  const pageSize = Number(query.pageSize ?? 20);
  return {
    items: items.slice((page - 1) * pageSize, page * pageSize),
    total: items.length,
    page,
    pageSize,
  };
}

/** 角色: built-in roles (read-only) and the organisation's custom ones. */
export default function RolesPage() {
  const t = useTexts(texts);
  const me = useMe();
  const { message } = App.useApp();
  const client = useQueryClient();
  const manage = can(me, 'users:manage');
  const roleName = useRoleName();
  const [search, setSearch] = useSearchParams();
  const [draft, setDraft] = useState<Draft | null>(null);
  const openId = search.get('open');

  const setOpen = (id: string | null) =>
    setSearch((prev) => {
      const next = new URLSearchParams(prev);
      if (id) next.set('open', id);
      else next.delete('open');
      return next;
    });

  const filters: ListFilter[] = [
    { type: 'search', key: 'q', label: t.roles.search },
    {
      type: 'select',
      key: 'type',
      label: t.roles.typeFilter,
      options: [
        { value: 'builtin', label: t.roles.builtin },
        { value: 'custom', label: t.roles.custom },
      ],
    },
  ];

  const columns: ListColumn<Role>[] = [
    { key: 'name', title: t.roles.name, sortKey: 'name', cardTitle: true, render: roleName },
    {
      key: 'key',
      title: t.roles.key,
      sortKey: 'key',
      render: (r) => <Typography.Text code>{r.key}</Typography.Text>,
    },
    {
      key: 'type',
      title: t.roles.typeFilter,
      render: (r) =>
        r.builtin ? (
          <Tag color="blue">{t.roles.builtin}</Tag>
        ) : (
          <Tag color="purple">{t.roles.custom}</Tag>
        ),
    },
    {
      key: 'permissions',
      title: t.roles.permissions,
      align: 'right',
      render: (r) => t.roles.permissionCount(r.permissions.length),
    },
    {
      key: 'userCount',
      title: t.roles.holders,
      sortKey: 'userCount',
      align: 'right',
      render: (r) => t.roles.holdersCount(r.userCount),
    },
    {
      key: 'updatedAt',
      title: t.common.updatedAt,
      hidden: true,
      render: (r) => formatDateTime(r.updatedAt),
    },
  ];

  const copy = (role: Role) => {
    setOpen(null);
    setDraft({
      key: `${role.key}_copy`.slice(0, 40),
      name: t.roles.copyOf(roleName(role)),
      // Only what the user holds can go into a role they create.
      permissions: role.permissions.filter((p) => missingPermissions(me, [p], null).length === 0),
    });
  };

  return (
    <>
      <ListPage<Role>
        id="roles"
        title={t.roles.title}
        columns={columns}
        filters={filters}
        queryKey={[...ROLES_KEY, 'page']}
        fetchPage={async (query) =>
          pageOf(
            await client.fetchQuery({
              queryKey: ROLES_KEY,
              queryFn: () => unwrap(api.GET('/api/roles')),
              staleTime: 30_000,
            }),
            query,
            roleName,
          )
        }
        rowKey={(r) => r.id}
        onOpen={(r) => setOpen(r.id)}
        emptyText={t.roles.empty}
        actions={
          manage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDraft({})}>
              {t.roles.create}
            </Button>
          )
        }
      />
      <RoleDrawer id={openId} onClose={() => setOpen(null)} onCopy={copy} />
      <Modal
        open={draft !== null}
        title={t.roles.createTitle}
        onCancel={() => setDraft(null)}
        footer={null}
        destroyOnHidden
        maskClosable={false}
        width={760}
      >
        <RoleForm
          editing={false}
          initial={draft ?? {}}
          submitLabel={t.roles.create}
          onCancel={() => setDraft(null)}
          onSubmit={async (body) => {
            const role = await unwrap(api.POST('/api/roles', { body }));
            void message.success(t.roles.created(role.name));
            setDraft(null);
            await client.invalidateQueries({ queryKey: ROLES_KEY });
            setOpen(role.id);
          }}
        />
      </Modal>
    </>
  );
}
