import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Modal } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, unwrap } from '../../../../app/api.ts';
import { can } from '../../../../app/auth/session.ts';
import { useMe } from '../../../../app/auth/me-context.ts';
import { useTexts } from '../../../../app/texts.ts';
import { formatDateTime } from '../../../../components/format.ts';
import { ImportDialog } from '../../../../components/import-dialog.tsx';
import { ListPage } from '../../../../components/list/list-page.tsx';
import type { ListColumn, ListFilter } from '../../../../components/list/list-types.ts';
import { DepartmentSelect } from '../departments/department-select.tsx';
import type { Person, PersonCreate } from '../models.ts';
import { ActiveTag } from '../../../../components/active-tag.tsx';
import { texts } from '../texts.ts';
import { PersonDrawer } from './person-drawer.tsx';
import { PersonForm } from './person-form.tsx';
import { PEOPLE_KEY } from './people-keys.ts';

/**
 * 人员: the staff list (filters, sorting and paging on the server, all in the
 * URL), a drawer for one person (`open=<id>` in the URL), new people one by
 * one or from Excel, and the Excel export of exactly the filtered rows.
 */
export default function PeoplePage() {
  const t = useTexts(texts);
  const me = useMe();
  const { message } = App.useApp();
  const client = useQueryClient();
  const manage = can(me, 'people:manage');
  const [search, setSearch] = useSearchParams();
  const openId = search.get('open');
  const filtered = ['q', 'departmentId', 'active'].some((k) => search.has(k));
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);

  const setOpen = (id: string | null) =>
    setSearch((prev) => {
      const next = new URLSearchParams(prev);
      if (id) next.set('open', id);
      else next.delete('open');
      return next;
    });
  const refresh = () =>
    Promise.all([
      client.invalidateQueries({ queryKey: PEOPLE_KEY }),
      client.invalidateQueries({ queryKey: ['setup-progress'] }),
    ]);
  const create = useMutation({
    mutationFn: (body: PersonCreate) => unwrap(api.POST('/api/people', { body })),
  });

  const filters: ListFilter[] = [
    { type: 'search', key: 'q', label: t.people.search },
    {
      type: 'custom',
      key: 'departmentId',
      label: t.people.department,
      render: (value, onChange) => (
        <DepartmentSelect
          aria-label={t.people.department}
          placeholder={t.people.department}
          allowInactive
          value={value ?? null}
          onChange={(v) => onChange(v ?? undefined)}
          style={{ width: 200, maxWidth: '100%' }}
        />
      ),
    },
    {
      type: 'select',
      key: 'active',
      label: t.people.activeFilter,
      options: [
        { value: 'true', label: t.people.employed },
        { value: 'false', label: t.people.left },
      ],
    },
  ];

  const none = t.common.none;
  const columns: ListColumn<Person>[] = [
    {
      key: 'employeeNo',
      title: t.people.employeeNo,
      sortKey: 'employeeNo',
      render: (p) => p.employeeNo,
    },
    { key: 'name', title: t.people.name, sortKey: 'name', cardTitle: true, render: (p) => p.name },
    { key: 'department', title: t.people.department, render: (p) => p.departmentName ?? none },
    { key: 'position', title: t.people.position, render: (p) => p.position ?? none },
    { key: 'phone', title: t.people.phone, render: (p) => p.phone ?? none },
    { key: 'email', title: t.people.email, render: (p) => p.email ?? none },
    {
      key: 'active',
      title: t.common.status,
      render: (p) => <ActiveTag active={p.active} yes={t.people.employed} no={t.people.left} />,
    },
    {
      key: 'createdAt',
      title: t.common.createdAt,
      sortKey: 'createdAt',
      hidden: true,
      render: (p) => formatDateTime(p.createdAt),
    },
  ];

  return (
    <>
      <ListPage<Person>
        id="people"
        title={t.people.title}
        columns={columns}
        filters={filters}
        queryKey={[...PEOPLE_KEY, 'list']}
        fetchPage={(query) => unwrap(api.GET('/api/people', { params: { query } }))}
        rowKey={(p) => p.id}
        exportPath={can(me, 'people:export') ? '/api/people/export.xlsx' : undefined}
        onOpen={(p) => setOpen(p.id)}
        emptyText={filtered ? t.people.noMatch : t.people.empty}
        actions={
          manage && (
            <>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t.people.create}
              </Button>
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
                {t.common.import}
              </Button>
            </>
          )
        }
      />
      <PersonDrawer id={openId} onClose={() => setOpen(null)} />
      <Modal
        open={creating}
        title={t.people.createTitle}
        onCancel={() => setCreating(false)}
        footer={null}
        destroyOnHidden
      >
        <PersonForm
          departmentId={search.get('departmentId')}
          submitLabel={t.people.create}
          onCancel={() => setCreating(false)}
          onSubmit={async (body) => {
            const person = await create.mutateAsync(body);
            void message.success(t.people.createdMsg(person.name));
            setCreating(false);
            await refresh();
          }}
        />
      </Modal>
      <ImportDialog
        open={importing}
        onClose={() => setImporting(false)}
        title={t.people.importTitle}
        templateHref="/api/people/import-template.xlsx"
        importUrl="/api/people/import"
        onImported={() => void refresh()}
      />
    </>
  );
}
