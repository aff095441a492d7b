import { PlusOutlined } from '@ant-design/icons';
import { Button, Select, Tag } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../../../app/api.ts';
import { useMe } from '../../../../app/auth/me-context.ts';
import { can } from '../../../../app/auth/session.ts';
import { useSites } from '../../../../app/site-choice.ts';
import { useTexts } from '../../../../app/texts.ts';
import { ListPage } from '../../../../components/list/list-page.tsx';
import type { ListColumn, ListFilter } from '../../../../components/list/list-types.ts';
import { storesKeys, type Store } from '../data.ts';
import { storesTexts } from '../texts.ts';
import { StoreModal } from './store-modal.tsx';

/**
 * 仓库: the stores of the sites the user works at, each with its keeper. A
 * site has a handful of stores, so the API answers them all at once; the
 * list pages them here only to share ListPage's filters, cards and chooser.
 */
export default function StoresPage() {
  const t = useTexts(storesTexts);
  const c = t.common;
  const me = useMe();
  const manage = can(me, 'stores:manage', 'site');
  const sites = useSites();
  const [editing, setEditing] = useState<Store | 'new' | null>(null);

  const filters: ListFilter[] = [
    {
      type: 'custom',
      key: 'siteId',
      label: c.site,
      render: (value, onChange) => (
        <Select
          aria-label={c.site}
          placeholder={c.site}
          allowClear
          value={value}
          onChange={(v?: string) => onChange(v)}
          options={(sites.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
          style={{ width: 200, maxWidth: '100%' }}
        />
      ),
    },
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
  const columns: ListColumn<Store>[] = [
    { key: 'code', title: c.code, render: (s) => s.code },
    { key: 'name', title: c.name, cardTitle: true, render: (s) => s.name },
    { key: 'site', title: c.site, render: (s) => s.site.name },
    { key: 'keeper', title: t.stores.keeper, render: (s) => s.keeper?.name ?? '—' },
    {
      key: 'active',
      title: c.active,
      render: (s) => (s.active ? c.activeYes : <Tag>{c.activeNo}</Tag>),
    },
  ];

  return (
    <>
      <ListPage<Store>
        id="stores-stores"
        title={t.stores.title}
        columns={columns}
        filters={filters}
        queryKey={[...storesKeys.stores, 'list']}
        fetchPage={async ({ page = 1, pageSize = 20, ...query }) => {
          const all = await unwrap(
            api.GET('/api/stores/stores', { params: { query: query as never } }),
          );
          const from = (Number(page) - 1) * Number(pageSize);
          return {
            items: all.slice(from, from + Number(pageSize)),
            total: all.length,
            page: Number(page),
            pageSize: Number(pageSize),
          };
        }}
        rowKey={(s) => s.id}
        onOpen={manage ? (s) => setEditing(s) : undefined}
        emptyText={t.stores.empty}
        actions={
          manage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              {t.stores.create}
            </Button>
          )
        }
      />
      <StoreModal
        open={editing !== null}
        store={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
      />
    </>
  );
}
