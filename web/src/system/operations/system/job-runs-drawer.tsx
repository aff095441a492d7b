import { useQuery } from '@tanstack/react-query';
import { List, Space, Typography } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../../app/api.ts';
import { useTexts } from '../../../app/texts.ts';
import { DetailDrawer } from '../../../components/detail-drawer.tsx';
import { ErrorResult } from '../../../components/error-result.tsx';
import type { JobRun } from '../models.ts';
import { StatusBadge } from '../status-badge.tsx';
import { labelOf, texts } from '../texts.ts';
import { AuditTime } from '../time.tsx';
import { formatDuration } from './format.ts';

export const JOB_RUNS_KEY = ['system', 'job-runs'] as const;
const PAGE_SIZE = 20;

/** The run log of one job, newest first, a page at a time. */
export function JobRunsDrawer({ job, onClose }: { job: string | null; onClose: () => void }) {
  const t = useTexts(texts);
  const s = t.system;
  return (
    <DetailDrawer
      open={job !== null}
      onClose={onClose}
      title={job ? s.runLogTitle(labelOf(s.jobNames, job)) : s.runLog}
    >
      {job && <Runs key={job} job={job} />}
    </DetailDrawer>
  );
}

function Runs({ job }: { job: string }) {
  const t = useTexts(texts);
  const s = t.system;
  const [page, setPage] = useState(1);
  const runs = useQuery({
    queryKey: [...JOB_RUNS_KEY, job, page],
    queryFn: () =>
      unwrap(
        api.GET('/api/system/job-runs', { params: { query: { job, page, pageSize: PAGE_SIZE } } }),
      ),
  });
  if (runs.isError) return <ErrorResult error={runs.error} onRetry={() => void runs.refetch()} />;
  const total = runs.data?.total ?? 0;
  return (
    <List<JobRun>
      loading={runs.isPending}
      dataSource={runs.data?.items ?? []}
      locale={{ emptyText: s.runLogEmpty }}
      pagination={
        total > PAGE_SIZE && {
          current: page,
          pageSize: PAGE_SIZE,
          total,
          onChange: setPage,
          simple: true,
        }
      }
      renderItem={(r) => (
        <List.Item>
          <List.Item.Meta
            title={
              <Space size={12} wrap>
                <StatusBadge status={r.status} text={s.statuses[r.status]} />
                <AuditTime iso={r.startedAt} seconds />
              </Space>
            }
            description={
              <>
                {r.finishedAt && (
                  <div>
                    {s.duration}:{' '}
                    {formatDuration(
                      new Date(r.finishedAt).getTime() - new Date(r.startedAt).getTime(),
                      s.units,
                    )}
                  </div>
                )}
                {(r.error ?? r.detail) && (
                  <Typography.Text style={{ overflowWrap: 'anywhere' }}>
                    {r.error ?? r.detail}
                  </Typography.Text>
                )}
              </>
            }
          />
        </List.Item>
      )}
    />
  );
}
