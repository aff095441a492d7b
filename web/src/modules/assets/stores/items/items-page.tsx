import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Tag } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../../../app/api.ts';
import { useMe } from '../../../../app/auth/me-context.ts';
import { can } from '../../../../app/auth/session.ts';
import { useTexts } from '../../../../app/texts.ts';
import { ImportDialog } from '../../../../components/import-dialog.tsx';
import { ListPage } from '../../../../components/list/list-page.tsx';
import type { ListColumn, ListFilter } from '../../../../components/list/list-types.ts';
import { storesKeys, type StockItem } from '../data.ts';
import { storesTexts } from '../texts.ts';
import { ItemModal } from './item-modal.tsx';

/**
 * 物资目录: the organisation's items (codes, units, minimum stock), searched
 * and paged on the server; new ones one by one or from Excel; the export
 * takes the same filters.
 */
export default function ItemsPage() {
  const t = useTexts(storesTexts);
  const c = t.common;
  const me = useMe();
  const { message } = App.useApp();
  const client = useQueryClient();
  const manage = can(me, 'stores:manage', 'site');
  // The catalogue is shared by every site: only an organisation-wide manager changes an item.
  const editItems = can(me, 'stores:manage');
  const [editing, setEditing] = useState<StockItem | 'new' | null>(null);
  const [importing, setImporting] = useState(false);

  const filters: ListFilter[] = [
    { type: 'search', key: 'q', label: c.search, placeholder: c.searchItem },
    { type: 'search', key: 'category', label: c.category, placeholder: c.category },
    {
      type: 'select',
      key: 'active',
      label: c.active,
      options: [
        { value: 'true', label: c.activeYes },
        { value: 'false', label: c.activeNo },
      ],
    },
  ];
  const columns: ListColumn<StockItem>[] = [
    { key: 'code', title: c.code, render: (i) => i.code },
    { key: 'name', title: c.name, cardTitle: true, render: (i) => i.name },
    { key: 'spec', title: c.spec, render: (i) => i.spec ?? '—' },
    { key: 'unit', title: c.unit, render: (i) => i.unit },
    { key: 'category', title: c.category, render: (i) => i.category ?? '—' },
    { key: 'minStock', title: c.minStock, align: 'right', render: (i) => i.minStock },
    {
      key: 'active',
      title: c.active,
      render: (i) => (i.active ? c.activeYes : <Tag>{c.activeNo}</Tag>),
    },
  ];

  return (
    <>
      <ListPage<StockItem>
        id="stores-items"
        title={t.items.title}
        columns={columns}
        filters={filters}
        queryKey={[...storesKeys.items, 'list']}
        fetchPage={(query) => unwrap(api.GET('/api/stores/items', { params: { query } }))}
        rowKey={(i) => i.id}
        exportPath={can(me, 'stores:export', 'site') ? '/api/stores/items/export.xlsx' : undefined}
        onOpen={editItems ? (i) => setEditing(i) : undefined}
        emptyText={t.items.empty}
        actions={
          manage && (
            <>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
                {t.items.create}
              </Button>
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
                {t.items.import}
              </Button>
            </>
          )
        }
      />
      <ItemModal
        open={editing !== null}
        item={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
      />
      <ImportDialog
        open={importing}
        onClose={() => setImporting(false)}
        title={t.items.importTitle}
        templateHref="/api/stores/items/import-template.xlsx"
        importUrl="/api/stores/items/import"
        onImported={(r) => {
          void message.success(t.items.imported(r.total));
          void client.invalidateQueries({ queryKey: storesKeys.all });
        }}
      />
    </>
  );
}
