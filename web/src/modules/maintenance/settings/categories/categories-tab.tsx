import { ArrowDownOutlined, ArrowUpOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Empty, Flex, Popconfirm, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../../../app/api.ts';
import { useTexts } from '../../../../app/texts.ts';
import { ActiveTag } from '../../../../components/active-tag.tsx';
import { ErrorResult } from '../../../../components/error-result.tsx';
import { KEYS, useCategories, useRefresh, type Category } from '../data.ts';
import { texts } from '../texts.ts';
import { CategoryModal } from './category-modal.tsx';
import { reorder } from './reorder.ts';

/**
 * 报修类别: the list in the order the report form shows it, moved with the
 * arrows; add, edit, retire (never delete: orders keep their category).
 */
export default function CategoriesTab() {
  const t = useTexts(texts);
  const { message } = App.useApp();
  const refresh = useRefresh();
  const list = useCategories();
  const [editing, setEditing] = useState<Category | 'new' | null>(null);

  const patch = useMutation({
    mutationFn: (changes: { id: string; body: { sortOrder?: number; active?: boolean } }[]) =>
      Promise.all(
        changes.map(({ id, body }) =>
          unwrap(api.PATCH('/api/maintenance/categories/{id}', { params: { path: { id } }, body })),
        ),
      ),
    onSettled: () => refresh(KEYS.categories),
    onError: (err) => void message.error(err.message),
  });

  if (list.isError) return <ErrorResult error={list.error} onRetry={() => void list.refetch()} />;
  const rows = list.data ?? [];

  const move = (index: number, by: -1 | 1) => patch.mutate(reorder(rows, index, index + by));
  const toggle = (c: Category) =>
    patch.mutate([{ id: c.id, body: { active: !c.active } }], {
      onSuccess: () =>
        void message.success(
          c.active ? t.categories.deactivated(c.name) : t.categories.activated(c.name),
        ),
    });

  return (
    <>
      <Flex justify="space-between" align="start" gap={12} wrap style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary" style={{ margin: 0, maxWidth: 720 }}>
          {t.categories.intro}
        </Typography.Paragraph>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t.categories.add}
        </Button>
      </Flex>
      <Table<Category>
        rowKey="id"
        size="middle"
        loading={list.isPending || patch.isPending}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description={t.categories.empty} /> }}
        columns={[
          {
            key: 'order',
            title: t.categories.sortOrder,
            width: 96,
            render: (_: unknown, c, i) => (
              <Space size={0}>
                <Button
                  type="text"
                  size="small"
                  icon={<ArrowUpOutlined />}
                  aria-label={t.categories.moveUp(c.name)}
                  disabled={i === 0}
                  onClick={() => move(i, -1)}
                />
                <Button
                  type="text"
                  size="small"
                  icon={<ArrowDownOutlined />}
                  aria-label={t.categories.moveDown(c.name)}
                  disabled={i === rows.length - 1}
                  onClick={() => move(i, 1)}
                />
              </Space>
            ),
          },
          {
            key: 'name',
            title: t.common.name,
            render: (_: unknown, c) => (
              <Typography.Text type={c.active ? undefined : 'secondary'}>{c.name}</Typography.Text>
            ),
          },
          { key: 'code', title: t.common.code, render: (_: unknown, c) => <code>{c.code}</code> },
          {
            key: 'active',
            title: t.common.status,
            render: (_: unknown, c) => (
              <ActiveTag active={c.active} yes={t.common.active} no={t.common.inactive} />
            ),
          },
          {
            key: 'actions',
            title: t.common.actions,
            render: (_: unknown, c) => (
              <Space size={4} wrap>
                <Button
                  size="small"
                  aria-label={t.categories.editOf(c.name)}
                  onClick={() => setEditing(c)}
                >
                  {t.common.edit}
                </Button>
                {c.active ? (
                  <Popconfirm
                    title={t.categories.deactivateConfirm(c.name)}
                    okText={t.common.deactivate}
                    cancelText={t.common.cancel}
                    onConfirm={() => toggle(c)}
                  >
                    <Button
                      size="small"
                      danger
                      aria-label={t.categories.toggleOf(t.common.deactivate, c.name)}
                    >
                      {t.common.deactivate}
                    </Button>
                  </Popconfirm>
                ) : (
                  <Button
                    size="small"
                    aria-label={t.categories.toggleOf(t.common.activate, c.name)}
                    onClick={() => toggle(c)}
                  >
                    {t.common.activate}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <CategoryModal
        open={editing !== null}
        category={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
      />
    </>
  );
}
