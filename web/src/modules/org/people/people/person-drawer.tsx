import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Descriptions, Popconfirm, Skeleton, Space } from 'antd';
import { useMemo, useState } from 'react';
import { api, unwrap } from '../../../../app/api.ts';
import { can } from '../../../../app/auth/session.ts';
import { useMe } from '../../../../app/auth/me-context.ts';
import { useTexts } from '../../../../app/texts.ts';
import { AuditTimeline } from '../../../../components/activity-timeline.tsx';
import { flagFormat } from '../../../../components/audit-fields.ts';
import { DetailDrawer } from '../../../../components/detail-drawer.tsx';
import { ErrorResult } from '../../../../components/error-result.tsx';
import { formatDateTime } from '../../../../components/format.ts';
import { departmentPath, useAllDepartments } from '../departments/use-departments.ts';
import type { Person, PersonCreate, PersonUpdate } from '../models.ts';
import { ActiveTag } from '../../../../components/active-tag.tsx';
import { texts } from '../texts.ts';
import { PersonForm } from './person-form.tsx';
import { PEOPLE_KEY } from './people-keys.ts';

type Props = { id: string | null; onClose: () => void };

const FIELDS = [
  'employeeNo',
  'name',
  'departmentId',
  'position',
  'phone',
  'email',
  'active',
] as const;

/** Only what the edit changed goes to PATCH, so the audit trail shows just that. */
function changes(before: Person, after: PersonCreate): PersonUpdate {
  const out: Record<string, unknown> = {};
  for (const key of FIELDS)
    if ((after[key] ?? null) !== (before[key] ?? null)) out[key] = after[key] ?? null;
  return out as PersonUpdate;
}

/** One person beside the list: details, edit, delete (history kept), the audit trail. */
export function PersonDrawer({ id, onClose }: Props) {
  const t = useTexts(texts);
  const me = useMe();
  const { message } = App.useApp();
  const client = useQueryClient();
  const manage = can(me, 'people:manage');
  const [editing, setEditing] = useState(false);
  const departments = useAllDepartments();
  const byId = useMemo(
    () => new Map((departments.data?.items ?? []).map((d) => [d.id, d])),
    [departments.data],
  );

  const detail = useQuery({
    queryKey: [...PEOPLE_KEY, 'one', id],
    enabled: id !== null,
    queryFn: () => unwrap(api.GET('/api/people/{id}', { params: { path: { id: id ?? '' } } })),
  });
  const person = detail.data;
  const refresh = () =>
    Promise.all([
      client.invalidateQueries({ queryKey: PEOPLE_KEY }),
      client.invalidateQueries({ queryKey: ['audit', 'person'] }),
      client.invalidateQueries({ queryKey: ['setup-progress'] }),
    ]);

  const patch = useMutation({
    mutationFn: (body: PersonUpdate) =>
      unwrap(api.PATCH('/api/people/{id}', { params: { path: { id: id ?? '' } }, body })),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: () =>
      unwrap(api.DELETE('/api/people/{id}', { params: { path: { id: id ?? '' } } })),
  });

  const close = () => {
    setEditing(false);
    onClose();
  };

  const onDelete = async () => {
    if (!person) return;
    try {
      await remove.mutateAsync();
      void message.success(t.people.deleted(person.name));
      close();
      await refresh();
    } catch (err) {
      void message.error(err instanceof Error ? err.message : String(err));
    }
  };

  const actions =
    person && manage && !editing ? (
      <Space wrap>
        <Button onClick={() => setEditing(true)}>{t.common.edit}</Button>
        <Popconfirm
          title={t.people.deleteConfirm(person.name)}
          description={<div style={{ maxWidth: 280 }}>{t.people.deleteHint}</div>}
          okText={t.people.delete}
          okButtonProps={{ danger: true }}
          cancelText={t.common.cancel}
          onConfirm={onDelete}
        >
          <Button danger>{t.people.delete}</Button>
        </Popconfirm>
      </Space>
    ) : null;

  const body = detail.isError ? (
    <ErrorResult error={detail.error} onRetry={() => void detail.refetch()} />
  ) : !person ? (
    <Skeleton active />
  ) : editing ? (
    <PersonForm
      person={person}
      submitLabel={t.common.save}
      onCancel={() => setEditing(false)}
      onSubmit={async (values) => {
        const diff = changes(person, values);
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
        { key: 'no', label: t.people.employeeNo, children: person.employeeNo },
        { key: 'name', label: t.people.name, children: person.name },
        {
          key: 'dep',
          label: t.people.department,
          children: person.departmentId
            ? departmentPath(byId, person.departmentId) || person.departmentName
            : t.common.none,
        },
        { key: 'pos', label: t.people.position, children: person.position ?? t.common.none },
        {
          key: 'phone',
          label: t.people.phone,
          children: person.phone ? (
            <a href={`tel:${person.phone}`}>{person.phone}</a>
          ) : (
            t.common.none
          ),
        },
        {
          key: 'email',
          label: t.people.email,
          children: person.email ? (
            <a href={`mailto:${person.email}`}>{person.email}</a>
          ) : (
            t.common.none
          ),
        },
        {
          key: 'status',
          label: t.common.status,
          children: <ActiveTag active={person.active} yes={t.people.employed} no={t.people.left} />,
        },
        { key: 'created', label: t.common.createdAt, children: formatDateTime(person.createdAt) },
        { key: 'updated', label: t.common.updatedAt, children: formatDateTime(person.updatedAt) },
      ]}
    />
  );

  return (
    <DetailDrawer
      open={id !== null}
      onClose={close}
      title={person?.name ?? t.common.loading}
      actions={actions}
      activity={
        id && can(me, 'audit:read') ? (
          <AuditTimeline
            entityType="person"
            entityId={id}
            fields={{
              employeeNo: t.people.employeeNo,
              name: t.people.name,
              departmentId: {
                label: t.people.department,
                format: (v) => (typeof v === 'string' ? departmentPath(byId, v) || null : null),
              },
              position: t.people.position,
              phone: t.people.phone,
              email: t.people.email,
              active: {
                label: t.common.status,
                format: flagFormat(t.people.employed, t.people.left),
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
