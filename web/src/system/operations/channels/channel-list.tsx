import { PlusOutlined, SendOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Empty,
  Flex,
  Grid,
  Popconfirm,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState, type ReactNode } from 'react';
import { api, unwrap } from '../../../app/api.ts';
import { useTexts } from '../../../app/texts.ts';
import { ErrorResult } from '../../../components/error-result.tsx';
import { formatDateTime } from '../../../components/format.ts';
import type { Channel } from '../models.ts';
import { texts } from '../texts.ts';
import { ChannelDrawer } from './channel-drawer.tsx';
import { TestResultAlert, type TestOutcome } from './test-result.tsx';
import { useChannels, useRefreshChannels } from './use-channels.ts';

/** The channels with their switches and actions: a table, or cards on a phone. */
export function ChannelList() {
  const t = useTexts(texts);
  const c = t.channels;
  const { message } = App.useApp();
  const phone = Grid.useBreakpoint().md === false;
  const channels = useChannels();
  const refresh = useRefreshChannels();
  const [drawer, setDrawer] = useState<Channel | 'new' | null>(null);
  const [outcome, setOutcome] = useState<TestOutcome | null>(null);

  const toggle = useMutation({
    mutationFn: (ch: Channel) =>
      unwrap(
        api.PATCH('/api/notification-channels/{id}', {
          params: { path: { id: ch.id } },
          body: { enabled: !ch.enabled },
        }),
      ),
    onSuccess: (ch) => {
      void message.success(ch.enabled ? c.enabledMsg(ch.name) : c.disabledMsg(ch.name));
      void refresh();
    },
    onError: (err) => void message.error(err.message),
  });

  const remove = useMutation({
    mutationFn: (ch: Channel) =>
      unwrap(api.DELETE('/api/notification-channels/{id}', { params: { path: { id: ch.id } } })),
    onSuccess: (_ok, ch) => {
      void message.success(c.deleted(ch.name));
      void refresh();
    },
    onError: (err) => void message.error(err.message),
  });

  const test = useMutation({
    mutationFn: (ch: Channel) =>
      unwrap(api.POST('/api/notification-channels/{id}/test', { params: { path: { id: ch.id } } })),
    onMutate: () => setOutcome(null),
    onSuccess: (result, ch) => {
      setOutcome({ name: ch.name, result });
      void refresh();
    },
    onError: (error, ch) => setOutcome({ name: ch.name, error }),
  });

  const target = (ch: Channel): ReactNode =>
    ch.kind === 'email' ? (
      (ch.addresses ?? []).join('、')
    ) : (
      <Space size={4} wrap>
        <span style={{ fontFamily: 'monospace', fontSize: 12, wordBreak: 'break-all' }}>
          {ch.webhookUrlMasked}
        </span>
        {ch.hasSecret && <Tag>{c.secret}</Tag>}
      </Space>
    );

  const categories = (ch: Channel): ReactNode =>
    ch.categories.length === 0 ? (
      <Typography.Text type="secondary">{c.allCategories}</Typography.Text>
    ) : (
      ch.categories.map((cat) => <Tag key={cat}>{cat}</Tag>)
    );

  const enabledSwitch = (ch: Channel) => (
    <Space size={8}>
      <Switch
        checked={ch.enabled}
        aria-label={c.toggle(ch.name)}
        loading={toggle.isPending && toggle.variables?.id === ch.id}
        onChange={() => toggle.mutate(ch)}
      />
      <span>{ch.enabled ? c.enabled : c.disabled}</span>
    </Space>
  );

  const actions = (ch: Channel) => (
    <Space wrap size={4} role="group" aria-label={c.actionsFor(ch.name)}>
      <Button
        size="small"
        icon={<SendOutlined />}
        loading={test.isPending && test.variables?.id === ch.id}
        onClick={() => test.mutate(ch)}
      >
        {c.test}
      </Button>
      <Button size="small" onClick={() => setDrawer(ch)}>
        {t.common.edit}
      </Button>
      <Popconfirm
        title={c.deleteConfirm(ch.name)}
        description={c.deleteHint}
        okText={t.common.delete}
        okButtonProps={{ danger: true }}
        cancelText={t.common.cancel}
        onConfirm={() => remove.mutateAsync(ch).catch(() => undefined)}
      >
        <Button size="small" danger>
          {t.common.delete}
        </Button>
      </Popconfirm>
    </Space>
  );

  const header = (
    <Flex justify="flex-end" style={{ marginBottom: 16 }}>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer('new')}>
        {c.create}
      </Button>
    </Flex>
  );

  const items = channels.data ?? [];
  let body: ReactNode;
  if (channels.isError)
    body = <ErrorResult error={channels.error} onRetry={() => void channels.refetch()} />;
  else if (!channels.isPending && items.length === 0) body = <Empty description={c.empty} />;
  else if (phone)
    body = (
      <Flex vertical gap={8} role="list" aria-busy={channels.isPending}>
        {items.map((ch) => (
          <Card key={ch.id} role="listitem" size="small" title={ch.name} extra={t.kinds[ch.kind]}>
            <Flex vertical gap={8}>
              <div style={{ overflowWrap: 'anywhere' }}>{target(ch)}</div>
              <div>{categories(ch)}</div>
              {enabledSwitch(ch)}
              {actions(ch)}
            </Flex>
          </Card>
        ))}
      </Flex>
    );
  else
    body = (
      <Table<Channel>
        rowKey="id"
        loading={channels.isPending}
        dataSource={items}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            key: 'name',
            title: c.name,
            render: (_, ch) => <Typography.Text strong>{ch.name}</Typography.Text>,
          },
          { key: 'kind', title: c.kind, render: (_, ch) => t.kinds[ch.kind] },
          { key: 'target', title: c.target, width: 280, render: (_, ch) => target(ch) },
          { key: 'categories', title: c.categories, render: (_, ch) => categories(ch) },
          { key: 'enabled', title: c.status, render: (_, ch) => enabledSwitch(ch) },
          {
            key: 'updatedAt',
            title: c.updatedAt,
            render: (_, ch) => formatDateTime(ch.updatedAt),
          },
          { key: 'actions', title: c.actions, render: (_, ch) => actions(ch) },
        ]}
      />
    );

  return (
    <>
      {header}
      {outcome && <TestResultAlert outcome={outcome} onClose={() => setOutcome(null)} />}
      {body}
      <ChannelDrawer target={drawer} onClose={() => setDrawer(null)} />
    </>
  );
}
