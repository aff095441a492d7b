import { CrownOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTexts } from '../../../../app/texts.ts';
import { ActiveTag } from '../../../../components/active-tag.tsx';
import { ErrorResult } from '../../../../components/error-result.tsx';
import { useAllTeams, type Team } from '../data.ts';
import { texts } from '../texts.ts';
import { MembersModal } from './members-modal.tsx';
import { TeamModal } from './team-modal.tsx';

/** 维修班组: teams, the site each serves, their members (leaders first). */
export default function TeamsTab() {
  const t = useTexts(texts);
  const teams = useAllTeams();
  const [editing, setEditing] = useState<Team | 'new' | null>(null);
  const [members, setMembers] = useState<Team | null>(null);
  if (teams.isError)
    return <ErrorResult error={teams.error} onRetry={() => void teams.refetch()} />;

  return (
    <>
      <Flex justify="space-between" align="start" gap={12} wrap style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary" style={{ margin: 0, maxWidth: 720 }}>
          {t.teams.intro}
        </Typography.Paragraph>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t.teams.add}
        </Button>
      </Flex>
      <Table<Team>
        rowKey="id"
        size="middle"
        loading={teams.isPending}
        dataSource={teams.data}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description={t.teams.empty} /> }}
        columns={[
          {
            key: 'name',
            title: t.common.name,
            render: (_: unknown, team) => (
              <Typography.Text type={team.active ? undefined : 'secondary'}>
                {team.name}
              </Typography.Text>
            ),
          },
          {
            key: 'site',
            title: t.teams.serves,
            render: (_: unknown, team) => team.siteName ?? t.common.anySite,
          },
          {
            key: 'members',
            title: t.teams.members,
            render: (_: unknown, team) =>
              team.members.length ? (
                <Flex gap={4} wrap style={{ maxWidth: 360 }}>
                  {team.members.map((m) => (
                    <Tag
                      key={m.userId}
                      icon={m.leader ? <CrownOutlined aria-label={t.teams.leader} /> : undefined}
                      style={m.active ? undefined : { textDecoration: 'line-through' }}
                    >
                      {m.displayName}
                    </Tag>
                  ))}
                </Flex>
              ) : (
                <Typography.Text type="secondary">{t.teams.noMembers}</Typography.Text>
              ),
          },
          {
            key: 'active',
            title: t.common.status,
            render: (_: unknown, team) => (
              <ActiveTag active={team.active} yes={t.common.active} no={t.common.inactive} />
            ),
          },
          {
            key: 'actions',
            title: t.common.actions,
            render: (_: unknown, team) => (
              <Space size={4} wrap>
                <Button
                  size="small"
                  aria-label={t.teams.editMembers(team.name)}
                  onClick={() => setMembers(team)}
                >
                  {t.teams.membersButton}
                </Button>
                <Button
                  size="small"
                  aria-label={t.teams.editOf(team.name)}
                  onClick={() => setEditing(team)}
                >
                  {t.common.edit}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <TeamModal
        open={editing !== null}
        team={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
      />
      <MembersModal key={members?.id ?? ''} team={members} onClose={() => setMembers(null)} />
    </>
  );
}
