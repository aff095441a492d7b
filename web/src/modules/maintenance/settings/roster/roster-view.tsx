import { CopyOutlined, LeftOutlined, RightOutlined, SaveOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Empty,
  Flex,
  Grid,
  Select,
  Skeleton,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, unwrap } from '../../../../app/api.ts';
import { useTexts } from '../../../../app/texts.ts';
import { ErrorResult } from '../../../../components/error-result.tsx';
import { KEYS, useAllTeams } from '../data.ts';
import { texts } from '../texts.ts';
import { RosterDays } from './roster-days.tsx';
import { RosterGrid } from './roster-grid.tsx';
import { ShiftModal, type ShiftDraft } from './shift-modal.tsx';
import { mergeShifts, sameShifts, shiftKey, sortShifts, type Shift } from './shifts.ts';
import { addDays, isDay, mondayOf, today, weekDays } from './week.ts';

const fetchWeek = (teamId: string, monday: string) =>
  unwrap(
    api.GET('/api/maintenance/teams/{id}/duty', {
      params: { path: { id: teamId }, query: { from: monday, to: addDays(monday, 6) } },
    }),
  ).then((rows) =>
    rows.map(({ day, userId, displayName, startTime, endTime }) => ({
      day,
      userId,
      displayName,
      startTime,
      endTime,
    })),
  );

/**
 * 值班表: one team's week, planned in a draft and saved in one go (the API
 * replaces the seven days). The team and the week are in the address
 * (`?team=…&week=2026-11-23`). On a phone the week is a list of days.
 * Without `editable` (dispatchers) it only shows who is on.
 */
export function RosterView({ editable }: { editable: boolean }) {
  const t = useTexts(texts);
  const { message, modal } = App.useApp();
  const client = useQueryClient();
  const phone = Grid.useBreakpoint().md === false;
  const [params, setParams] = useSearchParams();
  const teams = useAllTeams();
  const weekParam = params.get('week');
  const monday = mondayOf(isDay(weekParam) ? weekParam : today());
  const days = weekDays(monday);
  const team =
    teams.data?.find((x) => x.id === params.get('team')) ??
    teams.data?.find((x) => x.active) ??
    teams.data?.[0];

  const duty = useQuery({
    queryKey: KEYS.duty(team?.id ?? '', monday, days[6]!),
    queryFn: () => fetchWeek(team!.id, monday),
    enabled: !!team,
  });
  // The draft is the edits made to one answer of the server: when another week or team
  // is shown, or the saved roster comes back, it starts again from what is saved.
  const [edit, setEdit] = useState<{ base: Shift[] | undefined; shifts: Shift[] } | null>(null);
  const draft = edit && edit.base === duty.data ? edit.shifts : sortShifts(duty.data ?? []);
  const setDraft = (next: Shift[] | ((current: Shift[]) => Shift[])) =>
    setEdit({ base: duty.data, shifts: typeof next === 'function' ? next(draft) : next });
  const [adding, setAdding] = useState<ShiftDraft | null>(null);
  const dirty = editable && !!duty.data && !sameShifts(draft, duty.data);

  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.PUT('/api/maintenance/teams/{id}/duty', {
          params: { path: { id: team!.id } },
          body: {
            days,
            entries: draft.map(({ day, userId, startTime, endTime }) => ({
              day,
              userId,
              startTime,
              endTime,
            })),
          },
        }),
      ),
    onSuccess: async () => {
      void message.success(t.roster.saved);
      await client.invalidateQueries({ queryKey: ['maintenance', 'duty', team!.id] });
    },
    onError: (err) => void message.error(err.message),
  });

  const copy = useMutation({
    mutationFn: () => fetchWeek(team!.id, addDays(monday, -7)),
    onSuccess: (last) => {
      if (!last.length) return void message.info(t.roster.copyNothing);
      const members = new Set(team!.members.map((m) => m.userId));
      const moved = last
        .filter((s) => members.has(s.userId))
        .map((s) => ({ ...s, day: addDays(s.day, 7) }));
      setDraft(sortShifts(moved));
      const skipped = last.length - moved.length;
      void message.success(
        skipped ? t.roster.copiedSkipped(moved.length, skipped) : t.roster.copied(moved.length),
      );
    },
    onError: (err) => void message.error(err.message),
  });

  /** Does `go` at once, or after the person agrees to drop the unsaved changes. */
  const guarded = (go: () => void) =>
    dirty
      ? modal.confirm({
          title: t.roster.discardConfirm,
          okText: t.roster.discard,
          cancelText: t.common.cancel,
          onOk: go,
        })
      : go();
  const navigate = (change: { team?: string; week?: string }) =>
    guarded(() =>
      setParams((p) => {
        const next = new URLSearchParams(p);
        // Both always written, so the address names exactly the roster shown.
        next.set('team', change.team ?? team!.id);
        next.set('week', change.week ?? monday);
        return next;
      }),
    );

  const rows = useMemo(() => {
    const list = (team?.members ?? []).map((m) => ({
      userId: m.userId,
      displayName: m.displayName,
    }));
    // Someone on the saved roster who has since left the team still shows, to be removed.
    for (const s of draft)
      if (!list.some((r) => r.userId === s.userId))
        list.push({ userId: s.userId, displayName: s.displayName });
    return list;
  }, [team, draft]);

  if (teams.isError)
    return <ErrorResult error={teams.error} onRetry={() => void teams.refetch()} />;
  if (teams.isPending) return <Skeleton active />;
  if (!team) return <Empty description={t.roster.noTeams} />;

  const canEdit = editable && team.members.length > 0;
  const onAdd = canEdit ? setAdding : undefined;
  const onRemove = canEdit
    ? (s: Shift) => setDraft((all) => all.filter((x) => shiftKey(x) !== shiftKey(s)))
    : undefined;

  return (
    <>
      <Typography.Paragraph type="secondary" style={{ maxWidth: 760 }}>
        {t.roster.intro}
      </Typography.Paragraph>
      {!editable && (
        <Alert type="info" showIcon title={t.roster.readOnly} style={{ marginBottom: 16 }} />
      )}
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        <Select
          aria-label={t.roster.team}
          value={team.id}
          style={{ width: phone ? '100%' : 240 }}
          onChange={(id: string) => navigate({ team: id })}
          options={teams.data.map((x) => ({
            value: x.id,
            label: x.active ? x.name : `${x.name}（${t.common.inactive}）`,
          }))}
        />
        <Space.Compact>
          <Button
            icon={<LeftOutlined />}
            aria-label={t.roster.prevWeek}
            onClick={() => navigate({ week: addDays(monday, -7) })}
          />
          <Button onClick={() => navigate({ week: mondayOf(today()) })}>{t.roster.thisWeek}</Button>
          <Button
            icon={<RightOutlined />}
            aria-label={t.roster.nextWeek}
            onClick={() => navigate({ week: addDays(monday, 7) })}
          />
        </Space.Compact>
        <Typography.Text strong aria-live="polite">
          {t.roster.week(days[0]!, days[6]!)}
        </Typography.Text>
      </Flex>
      {canEdit && (
        <Flex gap={8} wrap align="center" style={{ marginBottom: 16 }}>
          <Button
            type="primary"
            icon={<SaveOutlined />}
            disabled={!dirty}
            loading={save.isPending}
            onClick={() => save.mutate()}
          >
            {t.roster.save}
          </Button>
          <Button
            icon={<CopyOutlined />}
            loading={copy.isPending}
            onClick={() =>
              draft.length
                ? modal.confirm({
                    title: t.roster.copyConfirm,
                    okText: t.roster.copyLastWeek,
                    cancelText: t.common.cancel,
                    onOk: () => copy.mutate(),
                  })
                : copy.mutate()
            }
          >
            {t.roster.copyLastWeek}
          </Button>
          {dirty && (
            <>
              <Button onClick={() => setDraft(sortShifts(duty.data ?? []))}>
                {t.roster.discard}
              </Button>
              <Tag color="orange" style={{ color: '#873800' }}>
                {t.roster.unsaved}
              </Tag>
            </>
          )}
        </Flex>
      )}
      {team.members.length === 0 && editable && (
        <Alert type="warning" showIcon title={t.roster.noMembers} style={{ marginBottom: 16 }} />
      )}
      {duty.isError ? (
        <ErrorResult error={duty.error} onRetry={() => void duty.refetch()} />
      ) : duty.isPending ? (
        <Skeleton active />
      ) : phone ? (
        <RosterDays days={days} shifts={draft} onAdd={onAdd} onRemove={onRemove} />
      ) : (
        <RosterGrid rows={rows} days={days} shifts={draft} onAdd={onAdd} onRemove={onRemove} />
      )}
      <ShiftModal
        draft={adding}
        days={days}
        members={team.members}
        onClose={() => setAdding(null)}
        onAdd={(shifts) => {
          const merged = mergeShifts(draft, shifts);
          setDraft(merged.shifts);
          setAdding(null);
          if (merged.added) void message.success(t.roster.added(merged.added));
          else void message.warning(t.roster.duplicate);
        }}
      />
    </>
  );
}
