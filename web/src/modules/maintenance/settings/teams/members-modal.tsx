import { DeleteOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Checkbox, Empty, Flex, List, Modal, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, ApiError, unwrap } from '../../../../app/api.ts';
import { useMe } from '../../../../app/auth/me-context.ts';
import { can } from '../../../../app/auth/session.ts';
import { useTexts } from '../../../../app/texts.ts';
import { KEYS, useRefresh, type Team } from '../data.ts';
import { texts } from '../texts.ts';

type Member = { userId: string; displayName: string; leader: boolean; active: boolean };

/** Accounts matching what was typed (active ones; 20 at most, the picker narrows as one types). */
function useUserSearch(q: string, allowed: boolean) {
  return useQuery({
    queryKey: ['users', 'pick', q],
    enabled: allowed,
    queryFn: () =>
      unwrap(
        api.GET('/api/users', {
          params: {
            query: { q: q || undefined, active: 'true', sort: 'displayName', pageSize: 20 },
          },
        }),
      ),
    staleTime: 30_000,
  });
}

/**
 * The members of a team: add accounts by searching them, mark leaders,
 * take people off. Saved in one go (PUT members); people taken off also
 * leave the roster from today on, which the note says.
 */
export function MembersModal({ team, onClose }: { team: Team | null; onClose: () => void }) {
  const t = useTexts(texts);
  const me = useMe();
  const { message } = App.useApp();
  const refresh = useRefresh();
  const mayLook = can(me, 'users:read');
  // Keyed by the team (see TeamsTab), so the list starts from the team's members each time.
  const [members, setMembers] = useState<Member[]>(team?.members ?? []);
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  const users = useUserSearch(search, mayLook && !!team);
  // Searching waits until typing pauses, so each key stroke is not a request.
  useEffect(() => {
    const timer = setTimeout(() => setSearch(q.trim()), 250);
    return () => clearTimeout(timer);
  }, [q]);

  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.PUT('/api/maintenance/teams/{id}/members', {
          params: { path: { id: team!.id } },
          body: { members: members.map(({ userId, leader }) => ({ userId, leader })) },
        }),
      ),
    onSuccess: async () => {
      void message.success(t.teams.membersSaved(team!.name));
      await refresh(KEYS.teams);
      close();
    },
  });
  function close() {
    save.reset();
    setQ('');
    onClose();
  }
  const taken = new Set(members.map((m) => m.userId));
  const options = (users.data?.items ?? [])
    .filter((u) => !taken.has(u.id))
    .map((u) => ({ value: u.id, label: `${u.displayName}（${u.username}）`, name: u.displayName }));

  return (
    <Modal
      open={!!team}
      title={team ? t.teams.membersOf(team.name) : undefined}
      okText={t.common.save}
      cancelText={t.common.cancel}
      onOk={() => save.mutate()}
      onCancel={close}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      {save.error && (
        <Alert
          type="error"
          role="alert"
          title={save.error instanceof ApiError ? save.error.message : String(save.error)}
          style={{ marginBottom: 16 }}
        />
      )}
      {mayLook ? (
        <Select
          showSearch={{ filterOption: false, onSearch: setQ, searchValue: q }}
          value={null}
          aria-label={t.teams.addMember}
          placeholder={t.teams.addMemberPlaceholder}
          style={{ width: '100%', marginBottom: 16 }}
          loading={users.isFetching}
          options={options}
          notFoundContent={users.isFetching ? null : undefined}
          onChange={(userId: string | null) => {
            const picked = options.find((o) => o.value === userId);
            if (!picked) return;
            setMembers((m) => [
              ...m,
              { userId: picked.value, displayName: picked.name, leader: false, active: true },
            ]);
            setQ('');
          }}
        />
      ) : (
        <Alert type="info" title={t.teams.noUserSearch} style={{ marginBottom: 16 }} />
      )}
      <List<Member>
        bordered
        size="small"
        dataSource={members}
        locale={{ emptyText: <Empty description={t.teams.noMembers} /> }}
        renderItem={(m) => (
          <List.Item
            actions={[
              <Button
                key="remove"
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t.teams.removeMember(m.displayName)}
                onClick={() => setMembers((all) => all.filter((x) => x.userId !== m.userId))}
              />,
            ]}
          >
            <Flex gap={12} align="center" wrap>
              <span>{m.displayName}</span>
              {!m.active && (
                <Typography.Text type="secondary">{t.teams.inactiveUser}</Typography.Text>
              )}
              <Checkbox
                checked={m.leader}
                aria-label={t.teams.leaderOf(m.displayName)}
                onChange={(e) =>
                  setMembers((all) =>
                    all.map((x) =>
                      x.userId === m.userId ? { ...x, leader: e.target.checked } : x,
                    ),
                  )
                }
              >
                {t.teams.leader}
              </Checkbox>
            </Flex>
          </List.Item>
        )}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        {t.teams.membersNote}
      </Typography.Paragraph>
    </Modal>
  );
}
