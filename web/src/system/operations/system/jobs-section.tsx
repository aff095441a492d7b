import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Grid, Popconfirm, Space, Table } from 'antd';
import { useState, type ReactNode } from 'react';
import { api, unwrap } from '../../../app/api.ts';
import { useTexts } from '../../../app/texts.ts';
import { ErrorResult } from '../../../components/error-result.tsx';
import { AuditTime } from '../time.tsx';
import type { JobStatus } from '../models.ts';
import { StatusBadge } from '../status-badge.tsx';
import { labelOf, texts } from '../texts.ts';
import { formatDuration } from './format.ts';
import { JOB_RUNS_KEY, JobRunsDrawer } from './job-runs-drawer.tsx';

const JOBS_KEY = ['system', 'jobs'] as const;

/** The recurring jobs: schedule, last and next run, "run now", and each one's run log. */
export function JobsSection() {
  const t = useTexts(texts);
  const s = t.system;
  const { message } = App.useApp();
  const client = useQueryClient();
  const phone = Grid.useBreakpoint().md === false;
  const [log, setLog] = useState<string | null>(null);
  const jobs = useQuery({
    queryKey: JOBS_KEY,
    queryFn: () => unwrap(api.GET('/api/system/jobs')),
  });

  const run = useMutation({
    mutationFn: (name: string) =>
      unwrap(api.POST('/api/system/jobs/{name}/run', { params: { path: { name } } })),
    onSuccess: (r) => {
      const name = labelOf(s.jobNames, r.job);
      if (r.status === 'error') void message.error(`${s.ranError(name)}：${r.error ?? ''}`);
      else void message.success(r.detail ? `${s.ranOk(name)}：${r.detail}` : s.ranOk(name));
      void client.invalidateQueries({ queryKey: JOBS_KEY });
      void client.invalidateQueries({ queryKey: JOB_RUNS_KEY });
    },
    onError: (err) => void message.error(err.message),
  });

  if (jobs.isError) return <ErrorResult error={jobs.error} onRetry={() => void jobs.refetch()} />;

  const name = (j: JobStatus) => (
    <>
      <div>{labelOf(s.jobNames, j.name)}</div>
      <code style={{ fontSize: 12 }}>{j.name}</code>
    </>
  );
  const lastRun = (j: JobStatus): ReactNode =>
    j.lastRun ? <AuditTime iso={j.lastRun.startedAt} seconds /> : s.notYet;
  const status = (j: JobStatus): ReactNode =>
    j.lastRun ? (
      <StatusBadge status={j.lastRun.status} text={s.statuses[j.lastRun.status]} />
    ) : (
      t.common.none
    );
  const nextRun = (j: JobStatus): ReactNode =>
    j.nextRunAt ? <AuditTime iso={j.nextRunAt} /> : t.common.none;
  const actions = (j: JobStatus) => {
    const label = labelOf(s.jobNames, j.name);
    return (
      <Space wrap size={4} role="group" aria-label={s.actionsFor(label)}>
        <Popconfirm
          title={s.runConfirm(label)}
          description={s.runConfirmHint}
          okText={s.runNow}
          cancelText={t.common.cancel}
          onConfirm={() => run.mutateAsync(j.name).catch(() => undefined)}
        >
          <Button size="small" loading={run.isPending && run.variables === j.name}>
            {s.runNow}
          </Button>
        </Popconfirm>
        <Button size="small" onClick={() => setLog(j.name)}>
          {s.runLog}
        </Button>
      </Space>
    );
  };

  const items = jobs.data?.jobs ?? [];
  const lease = jobs.data?.lease;
  const body = phone ? (
    <Flex vertical gap={8} role="list">
      {items.map((j) => (
        <Card key={j.name} size="small" role="listitem" title={labelOf(s.jobNames, j.name)}>
          <Flex vertical gap={4}>
            <code style={{ fontSize: 12 }}>{j.name}</code>
            <div>{s.every(formatDuration(j.everyMs, s.units))}</div>
            <div>
              {s.lastRun}: {lastRun(j)} {status(j)}
            </div>
            <div>
              {s.nextRun}: {nextRun(j)}
            </div>
            {actions(j)}
          </Flex>
        </Card>
      ))}
    </Flex>
  ) : (
    <Table<JobStatus>
      rowKey="name"
      loading={jobs.isPending}
      dataSource={items}
      pagination={false}
      scroll={{ x: 'max-content' }}
      columns={[
        { key: 'name', title: s.jobName, render: (_, j) => name(j) },
        {
          key: 'every',
          title: s.schedule,
          render: (_, j) => s.every(formatDuration(j.everyMs, s.units)),
        },
        { key: 'last', title: s.lastRun, render: (_, j) => lastRun(j) },
        { key: 'status', title: s.status, render: (_, j) => status(j) },
        { key: 'next', title: s.nextRun, render: (_, j) => nextRun(j) },
        { key: 'actions', title: t.channels.actions, render: (_, j) => actions(j) },
      ]}
    />
  );

  return (
    <>
      {jobs.data && (
        <Alert
          type={lease ? 'info' : 'warning'}
          showIcon
          style={{ marginBottom: 16 }}
          title={lease ? s.schedulerHolder(lease.holder) : s.schedulerOff}
        />
      )}
      {body}
      <JobRunsDrawer job={log} onClose={() => setLog(null)} />
    </>
  );
}
