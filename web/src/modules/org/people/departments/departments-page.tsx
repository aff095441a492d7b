import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Segmented, Space } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { can } from '../../../../app/auth/session.ts';
import { useMe } from '../../../../app/auth/me-context.ts';
import { useTexts } from '../../../../app/texts.ts';
import { ImportDialog } from '../../../../components/import-dialog.tsx';
import { PageTitle } from '../../../../components/page-title.tsx';
import { texts } from '../texts.ts';
import { DepartmentCreateModal } from './department-create-modal.tsx';
import { DepartmentDrawer } from './department-drawer.tsx';
import { DepartmentListView } from './department-list-view.tsx';
import { DepartmentTreeView } from './department-tree-view.tsx';
import { useRefreshDepartments } from './use-departments.ts';

/**
 * 部门: the department tree (or a flat list), with a drawer for one
 * department. The view and the open department live in the URL (`view=list`,
 * `open=<id>`), so a link shows the same thing to a colleague.
 */
export default function DepartmentsPage() {
  const t = useTexts(texts);
  const me = useMe();
  const manage = can(me, 'departments:manage');
  const [search, setSearch] = useSearchParams();
  const view = search.get('view') === 'list' ? 'list' : 'tree';
  const openId = search.get('open');
  // undefined = closed; null = a new top-level department; an id = a new child of it.
  const [creating, setCreating] = useState<string | null | undefined>(undefined);
  const [importing, setImporting] = useState(false);
  const refresh = useRefreshDepartments();

  const setParam = (key: string, value: string | null) =>
    setSearch(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value === null) next.delete(key);
        else next.set(key, value);
        return next;
      },
      { replace: key === 'open' ? false : true },
    );

  const actions = (
    <>
      <Segmented
        aria-label={t.departments.view}
        value={view}
        onChange={(v) => {
          // The list's filters and paging belong to the list only.
          setSearch(v === 'list' ? { view: 'list' } : {}, { replace: true });
        }}
        options={[
          { value: 'tree', label: t.departments.viewTree },
          { value: 'list', label: t.departments.viewList },
        ]}
      />
      {manage && (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(null)}>
          {t.departments.create}
        </Button>
      )}
      {manage && (
        <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
          {t.common.import}
        </Button>
      )}
    </>
  );

  return (
    <>
      {view === 'list' ? (
        <DepartmentListView
          title={t.departments.title}
          actions={actions}
          onOpen={(id) => setParam('open', id)}
        />
      ) : (
        <section>
          <PageTitle
            actions={
              <Space wrap>
                {actions}
                <Button icon={<DownloadOutlined />} href="/api/departments/export.xlsx" download>
                  {t.common.export}
                </Button>
              </Space>
            }
          >
            {t.departments.title}
          </PageTitle>
          <DepartmentTreeView
            canMove={manage}
            selectedId={openId}
            onOpen={(id) => setParam('open', id)}
          />
        </section>
      )}
      <DepartmentDrawer
        id={openId}
        onClose={() => setParam('open', null)}
        onCreateChild={(parent) => setCreating(parent.id)}
      />
      <DepartmentCreateModal
        open={creating !== undefined}
        parentId={creating ?? null}
        onClose={() => setCreating(undefined)}
        onCreated={(d) => {
          setCreating(undefined);
          setParam('open', d.id);
        }}
      />
      <ImportDialog
        open={importing}
        onClose={() => setImporting(false)}
        title={t.departments.importTitle}
        templateHref="/api/departments/import-template.xlsx"
        importUrl="/api/departments/import"
        onImported={() => void refresh()}
      />
    </>
  );
}
