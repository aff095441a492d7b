import { PlusOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Empty, Flex, Popconfirm, Space, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../../../app/api.ts';
import { useTexts } from '../../../../app/texts.ts';
import { ErrorResult } from '../../../../components/error-result.tsx';
import { KEYS, useAllTeams, useRefresh, useRules, type DispatchRule } from '../data.ts';
import { texts } from '../texts.ts';
import { RuleModal } from './rule-modal.tsx';

/** 0 catch-all … 3 category + site: how matchRule weighs a rule (the API lists them so). */
const levelOf = (r: DispatchRule) => (r.categoryId ? 2 : 0) + (r.siteId ? 1 : 0);

/** 派工规则: which team gets a new order, most specific rule first. */
export default function RulesTab() {
  const t = useTexts(texts);
  const { message } = App.useApp();
  const refresh = useRefresh();
  const rules = useRules();
  const teams = useAllTeams();
  const [editing, setEditing] = useState<DispatchRule | 'new' | null>(null);
  const retired = new Set((teams.data ?? []).filter((x) => !x.active).map((x) => x.id));

  const toggle = useMutation({
    mutationFn: (r: DispatchRule) =>
      unwrap(
        api.PATCH('/api/maintenance/dispatch-rules/{id}', {
          params: { path: { id: r.id } },
          body: { autoAssign: !r.autoAssign },
        }),
      ),
    onSuccess: () => void message.success(t.common.saved),
    onError: (err) => void message.error(err.message),
    onSettled: () => refresh(KEYS.rules),
  });
  const remove = useMutation({
    mutationFn: (id: string) =>
      unwrap(api.DELETE('/api/maintenance/dispatch-rules/{id}', { params: { path: { id } } })),
    onSuccess: () => void message.success(t.rules.deleted),
    onError: (err) => void message.error(err.message),
    onSettled: () => refresh(KEYS.rules),
  });

  if (rules.isError)
    return <ErrorResult error={rules.error} onRetry={() => void rules.refetch()} />;
  const describe = (r: DispatchRule) =>
    t.rules.describe(r.categoryName ?? t.rules.anyCategory, r.siteName ?? t.rules.anySite);

  return (
    <>
      <Alert type="info" showIcon title={t.rules.intro} style={{ marginBottom: 16 }} />
      <Flex justify="end" style={{ marginBottom: 16 }}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t.rules.add}
        </Button>
      </Flex>
      <Table<DispatchRule>
        rowKey="id"
        size="middle"
        loading={rules.isPending}
        dataSource={rules.data}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description={t.rules.empty} /> }}
        columns={[
          {
            key: 'level',
            title: t.rules.specificity,
            render: (_: unknown, r) => <Tag>{t.rules.level[levelOf(r)]}</Tag>,
          },
          {
            key: 'category',
            title: t.rules.category,
            render: (_: unknown, r) => r.categoryName ?? t.rules.anyCategory,
          },
          {
            key: 'site',
            title: t.rules.site,
            render: (_: unknown, r) => r.siteName ?? t.rules.anySite,
          },
          {
            key: 'team',
            title: t.rules.team,
            render: (_: unknown, r) =>
              `${r.teamName}${retired.has(r.teamId) ? t.rules.retiredTeam : ''}`,
          },
          {
            key: 'auto',
            title: t.rules.autoAssign,
            render: (_: unknown, r) => (
              <Switch
                checked={r.autoAssign}
                aria-label={t.rules.autoAssignOf(describe(r))}
                loading={toggle.isPending && toggle.variables?.id === r.id}
                onChange={() => toggle.mutate(r)}
              />
            ),
          },
          {
            key: 'actions',
            title: t.common.actions,
            render: (_: unknown, r) => (
              <Space size={4} wrap>
                <Button
                  size="small"
                  aria-label={t.rules.editOf(describe(r))}
                  onClick={() => setEditing(r)}
                >
                  {t.common.edit}
                </Button>
                <Popconfirm
                  title={t.rules.deleteConfirm}
                  okText={t.common.delete}
                  okButtonProps={{ danger: true }}
                  cancelText={t.common.cancel}
                  onConfirm={() => remove.mutate(r.id)}
                >
                  <Button size="small" danger aria-label={t.rules.deleteOf(describe(r))}>
                    {t.common.delete}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <RuleModal
        open={editing !== null}
        rule={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
      />
    </>
  );
}
