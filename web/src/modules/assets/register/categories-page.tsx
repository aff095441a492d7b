import { AppstoreAddOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Empty,
  Modal,
  Popconfirm,
  Radio,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { api, unwrap } from '../../../app/api.ts';
import { useTexts } from '../../../app/texts.ts';
import { ErrorResult } from '../../../components/error-result.tsx';
import { PageTitle } from '../../../components/page-title.tsx';
import { CategoryModal, type CategoryEdit } from './category-modal.tsx';
import { assetKeys, type Category } from './model.ts';
import { useCategories } from './pickers.tsx';
import { registerTexts } from './texts.ts';

type Row = Category & { children?: Row[] };

/** Nests the depth-first answer by parentId (leaves without children, so no expand icon). */
function nest(all: Category[]): Row[] {
  const byId = new Map<string, Row>();
  const roots: Row[] = [];
  for (const c of all) {
    const row: Row = { ...c };
    byId.set(c.id, row);
    const parent = c.parentId ? byId.get(c.parentId) : undefined;
    if (parent) (parent.children ??= []).push(row);
    else roots.push(row);
  }
  return roots;
}

type Catalogue = 'hospital' | 'school' | 'office';

/**
 * 资产分类: the organisation's category tree with the terms new cards take
 * (life, residual value) and their extra fields; a starter tree per sector
 * to begin with. Deactivating keeps history; the server refuses it while
 * live assets or active sub-categories remain, and says so.
 */
export default function CategoriesPage() {
  const tx = useTexts(registerTexts);
  const { message } = App.useApp();
  const client = useQueryClient();
  const all = useCategories();
  const tree = useMemo(() => nest(all.data ?? []), [all.data]);
  const [edit, setEdit] = useState<CategoryEdit>(null);
  const [starter, setStarter] = useState(false);
  const [catalogue, setCatalogue] = useState<Catalogue>('hospital');
  const refresh = () => client.invalidateQueries({ queryKey: assetKeys.categories });

  const toggle = useMutation({
    mutationFn: (c: Category) =>
      unwrap(
        api.PATCH('/api/assets/categories/{id}', {
          params: { path: { id: c.id } },
          body: { active: !c.active },
        }),
      ),
    onSuccess: (c) => {
      void message.success(tx.categories.saved(c.name));
      void refresh();
    },
    onError: (err) => void message.error(err.message),
  });
  const addStarter = useMutation({
    mutationFn: () => unwrap(api.POST('/api/assets/categories/starter', { body: { catalogue } })),
    onSuccess: (r) => {
      void message.success(tx.categories.starterDone(r.created, r.skipped));
      setStarter(false);
      void refresh();
    },
    onError: (err) => void message.error(err.message),
  });

  const actions = (
    <Space wrap>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setEdit({ parentId: null })}>
        {tx.categories.create}
      </Button>
      <Button icon={<AppstoreAddOutlined />} onClick={() => setStarter(true)}>
        {tx.categories.starter}
      </Button>
    </Space>
  );

  return (
    <>
      <PageTitle actions={actions}>{tx.categories.title}</PageTitle>
      <Card>
        {all.isError ? (
          <ErrorResult error={all.error} onRetry={() => void all.refetch()} />
        ) : (
          <Table<Row>
            aria-label={tx.categories.tree}
            rowKey="id"
            size="middle"
            loading={all.isFetching}
            dataSource={tree}
            pagination={false}
            expandable={{ defaultExpandAllRows: false }}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: <Empty description={tx.categories.empty} /> }}
            columns={[
              {
                key: 'name',
                title: tx.categories.name,
                render: (_, c) => (
                  <span>
                    {c.name}{' '}
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {c.code}
                    </Typography.Text>{' '}
                    {!c.active && <Tag>{tx.categories.inactive}</Tag>}
                  </span>
                ),
              },
              {
                key: 'tracking',
                title: tx.categories.tracking,
                responsive: ['md'],
                render: (_, c) => tx.tracking[c.tracking],
              },
              {
                key: 'life',
                title: tx.categories.life,
                responsive: ['md'],
                render: (_, c) =>
                  c.depreciationMethod === 'none'
                    ? tx.method.none
                    : c.lifeMonths
                      ? tx.categories.lifeYears(c.lifeMonths)
                      : tx.common.none,
              },
              {
                key: 'fields',
                title: tx.categories.fields,
                responsive: ['lg'],
                render: (_, c) => c.fields.map((f) => f.label).join('、') || tx.common.none,
              },
              {
                key: 'assets',
                title: tx.categories.assets,
                align: 'right',
                responsive: ['sm'],
                render: (_, c) => c.assetCount,
              },
              {
                key: 'actions',
                title: tx.categories.actions,
                render: (_, c) => (
                  <Space wrap size={0} role="group" aria-label={tx.categories.actionsOf(c.name)}>
                    <Button type="link" size="small" onClick={() => setEdit({ category: c })}>
                      {tx.categories.edit}
                    </Button>
                    {c.active && (
                      <Button type="link" size="small" onClick={() => setEdit({ parentId: c.id })}>
                        {tx.categories.createChild}
                      </Button>
                    )}
                    {c.active ? (
                      <Popconfirm
                        title={tx.categories.deactivateConfirm(c.name)}
                        description={
                          <div style={{ maxWidth: 260 }}>{tx.categories.deactivateBody}</div>
                        }
                        okText={tx.categories.deactivate}
                        cancelText={tx.common.cancel}
                        okButtonProps={{ danger: true }}
                        onConfirm={() => toggle.mutate(c)}
                      >
                        <Button type="link" size="small" danger>
                          {tx.categories.deactivate}
                        </Button>
                      </Popconfirm>
                    ) : (
                      <Button type="link" size="small" onClick={() => toggle.mutate(c)}>
                        {tx.categories.reactivate}
                      </Button>
                    )}
                  </Space>
                ),
              },
            ]}
          />
        )}
      </Card>
      <CategoryModal edit={edit} onClose={() => setEdit(null)} />
      <Modal
        open={starter}
        title={tx.categories.starterTitle}
        onCancel={() => setStarter(false)}
        onOk={() => addStarter.mutate()}
        okText={tx.categories.starter}
        cancelText={tx.common.cancel}
        okButtonProps={{ loading: addStarter.isPending }}
      >
        <Typography.Paragraph>{tx.categories.starterBody}</Typography.Paragraph>
        <Radio.Group
          aria-label={tx.categories.starterTitle}
          value={catalogue}
          onChange={(e) => setCatalogue(e.target.value as Catalogue)}
          options={(['hospital', 'school', 'office'] as const).map((k) => ({
            value: k,
            label: tx.categories.starterKind[k],
          }))}
        />
      </Modal>
    </>
  );
}
