import { useMutation, useQuery } from '@tanstack/react-query';
import { App, Button, Descriptions, Popconfirm, Skeleton, Space } from 'antd';
import { useMemo, useState } from 'react';
import { api, unwrap } from '../../../../app/api.ts';
import { can } from '../../../../app/auth/session.ts';
import { useMe } from '../../../../app/auth/me-context.ts';
import { useSites } from '../../../../app/site-choice.ts';
import { useTexts } from '../../../../app/texts.ts';
import { AuditTimeline } from '../../../../components/activity-timeline.tsx';
import { flagFormat } from '../../../../components/audit-fields.ts';
import { DetailDrawer } from '../../../../components/detail-drawer.tsx';
import { ErrorResult } from '../../../../components/error-result.tsx';
import { formatDateTime } from '../../../../components/format.ts';
import type { Department, DepartmentCreate, DepartmentUpdate } from '../models.ts';
import { ActiveTag } from '../../../../components/active-tag.tsx';
import { texts } from '../texts.ts';
import { DepartmentForm } from './department-form.tsx';
import {
  DEPARTMENTS_KEY,
  departmentPath,
  useAllDepartments,
  useRefreshDepartments,
} from './use-departments.ts';

type Props = {
  id: string | null;
  onClose: () => void;
  onCreateChild: (parent: Department) => void;
};

/** The fields an edit changed: PATCH sends only those (the audit trail then shows just them). */
function changes(before: Department, after: DepartmentCreate): DepartmentUpdate {
  const out: Record<string, unknown> = {};
  for (const key of ['code', 'name', 'parentId', 'siteId', 'sortOrder'] as const)
    if ((after[key] ?? null) !== (before[key] ?? null)) out[key] = after[key] ?? null;
  return out as DepartmentUpdate;
}

/** One department beside the tree or list: details, edit, (de)activate, its audit trail. */
export function DepartmentDrawer({ id, onClose, onCreateChild }: Props) {
  const t = useTexts(texts);
  const me = useMe();
  const { message } = App.useApp();
  const manage = can(me, 'departments:manage');
  const [editing, setEditing] = useState(false);
  const refresh = useRefreshDepartments();
  const all = useAllDepartments();
  const sites = useSites(can(me, 'org:read', 'site'));
  const byId = useMemo(() => new Map((all.data?.items ?? []).map((d) => [d.id, d])), [all.data]);

  const detail = useQuery({
    queryKey: [...DEPARTMENTS_KEY, 'one', id],
    enabled: id !== null,
    queryFn: () => unwrap(api.GET('/api/departments/{id}', { params: { path: { id: id ?? '' } } })),
  });
  const dep = detail.data;

  const patch = useMutation({
    mutationFn: (body: DepartmentUpdate) =>
      unwrap(api.PATCH('/api/departments/{id}', { params: { path: { id: id ?? '' } }, body })),
    onSuccess: () => refresh(),
  });

  const close = () => {
    setEditing(false);
    onClose();
  };

  const toggleActive = async () => {
    if (!dep) return;
    try {
      await patch.mutateAsync({ active: !dep.active });
      void message.success(
        dep.active ? t.departments.deactivated(dep.name) : t.departments.reactivated(dep.name),
      );
    } catch (err) {
      void message.error(err instanceof Error ? err.message : String(err));
    }
  };

  const actions =
    dep && manage && !editing ? (
      <Space wrap>
        <Button onClick={() => setEditing(true)}>{t.common.edit}</Button>
        {dep.active && (
          <Button onClick={() => onCreateChild(dep)}>{t.departments.createChild}</Button>
        )}
        {dep.active ? (
          <Popconfirm
            title={t.departments.deactivateConfirm(dep.name)}
            description={t.departments.deactivateHint}
            okText={t.departments.deactivate}
            cancelText={t.common.cancel}
            onConfirm={toggleActive}
          >
            <Button danger>{t.departments.deactivate}</Button>
          </Popconfirm>
        ) : (
          <Button onClick={() => void toggleActive()} loading={patch.isPending}>
            {t.departments.reactivate}
          </Button>
        )}
      </Space>
    ) : null;

  const body = detail.isError ? (
    <ErrorResult error={detail.error} onRetry={() => void detail.refetch()} />
  ) : !dep ? (
    <Skeleton active />
  ) : editing ? (
    <DepartmentForm
      department={dep}
      submitLabel={t.common.save}
      onCancel={() => setEditing(false)}
      onSubmit={async (values) => {
        const diff = changes(dep, values);
        if (Object.keys(diff).length > 0) await patch.mutateAsync(diff);
        void message.success(t.common.saved);
        setEditing(false);
      }}
    />
  ) : (
    <Descriptions
      column={1}
      size="small"
      bordered
      items={[
        { key: 'code', label: t.departments.code, children: dep.code },
        { key: 'name', label: t.departments.name, children: dep.name },
        {
          key: 'parent',
          label: t.departments.parent,
          children: dep.parentId ? departmentPath(byId, dep.parentId) : t.departments.parentNone,
        },
        {
          key: 'site',
          label: t.departments.site,
          children: dep.siteId
            ? (sites.data?.find((s) => s.id === dep.siteId)?.name ?? t.common.none)
            : t.departments.siteNone,
        },
        { key: 'sort', label: t.departments.sortOrder, children: dep.sortOrder },
        {
          key: 'status',
          label: t.common.status,
          children: <ActiveTag active={dep.active} yes={t.common.active} no={t.common.inactive} />,
        },
        { key: 'created', label: t.common.createdAt, children: formatDateTime(dep.createdAt) },
        { key: 'updated', label: t.common.updatedAt, children: formatDateTime(dep.updatedAt) },
      ]}
    />
  );

  return (
    <DetailDrawer
      open={id !== null}
      onClose={close}
      title={dep?.name ?? t.common.loading}
      actions={actions}
      activity={
        id && can(me, 'audit:read') ? (
          <AuditTimeline
            entityType="department"
            entityId={id}
            fields={{
              code: t.departments.code,
              name: t.departments.name,
              parentId: {
                label: t.departments.parent,
                format: (v) => (typeof v === 'string' ? departmentPath(byId, v) || null : null),
              },
              siteId: {
                label: t.departments.site,
                format: (v) => sites.data?.find((s) => s.id === v)?.name,
              },
              sortOrder: t.departments.sortOrder,
              active: {
                label: t.common.status,
                format: flagFormat(t.common.active, t.common.inactive),
              },
            }}
          />
        ) : undefined
      }
    >
      {body}
    </DetailDrawer>
  );
}
