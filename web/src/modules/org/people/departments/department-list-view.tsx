import type { ReactNode } from 'react';
import { useMemo } from 'react';
import { api, unwrap } from '../../../../app/api.ts';
import { can } from '../../../../app/auth/session.ts';
import { useMe } from '../../../../app/auth/me-context.ts';
import { useSites } from '../../../../app/site-choice.ts';
import { useTexts } from '../../../../app/texts.ts';
import { formatDateTime } from '../../../../components/format.ts';
import { ListPage } from '../../../../components/list/list-page.tsx';
import type { ListColumn, ListFilter } from '../../../../components/list/list-types.ts';
import type { Department } from '../models.ts';
import { ActiveTag } from '../../../../components/active-tag.tsx';
import { texts } from '../texts.ts';
import { DEPARTMENTS_KEY, departmentPath, useAllDepartments } from './use-departments.ts';

type Props = { title: ReactNode; actions: ReactNode; onOpen: (id: string) => void };

/** Departments as a flat, server-paged list with filters and the Excel export of the filter. */
export function DepartmentListView({ title, actions, onOpen }: Props) {
  const t = useTexts(texts);
  const me = useMe();
  const all = useAllDepartments();
  const sites = useSites(can(me, 'org:read', 'site'));
  const byId = useMemo(() => new Map((all.data?.items ?? []).map((d) => [d.id, d])), [all.data]);
  const siteName = (id: string | null) =>
    id ? (sites.data?.find((s) => s.id === id)?.name ?? t.common.none) : t.common.none;

  const filters: ListFilter[] = [
    { type: 'search', key: 'q', label: t.departments.search },
    {
      type: 'select',
      key: 'active',
      label: t.departments.activeFilter,
      options: [
        { value: 'true', label: t.departments.activeOnly },
        { value: 'false', label: t.departments.inactiveOnly },
      ],
    },
  ];
  const columns: ListColumn<Department>[] = [
    { key: 'code', title: t.departments.code, sortKey: 'code', render: (d) => d.code },
    {
      key: 'name',
      title: t.departments.name,
      sortKey: 'name',
      cardTitle: true,
      render: (d) => d.name,
    },
    {
      key: 'parent',
      title: t.departments.parent,
      render: (d) => (d.parentId ? departmentPath(byId, d.parentId) : t.common.none),
    },
    { key: 'site', title: t.departments.site, render: (d) => siteName(d.siteId) },
    {
      key: 'sortOrder',
      title: t.departments.sortOrder,
      align: 'right',
      hidden: true,
      render: (d) => d.sortOrder,
    },
    {
      key: 'active',
      title: t.common.status,
      render: (d) => <ActiveTag active={d.active} yes={t.common.active} no={t.common.inactive} />,
    },
    {
      key: 'createdAt',
      title: t.common.createdAt,
      sortKey: 'createdAt',
      hidden: true,
      render: (d) => formatDateTime(d.createdAt),
    },
  ];

  return (
    <ListPage<Department>
      id="departments"
      title={title}
      actions={actions}
      columns={columns}
      filters={filters}
      queryKey={[...DEPARTMENTS_KEY, 'list']}
      fetchPage={(query) => unwrap(api.GET('/api/departments', { params: { query } }))}
      rowKey={(d) => d.id}
      exportPath="/api/departments/export.xlsx"
      onOpen={(d) => onOpen(d.id)}
      emptyText={t.departments.empty}
    />
  );
}
