import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Descriptions, Flex, Skeleton, Typography } from 'antd';
import { useRef } from 'react';
import { api, unwrap } from '../../../app/api.ts';
import { useTexts } from '../../../app/texts.ts';
import { ErrorResult } from '../../../components/error-result.tsx';
import { PageTitle } from '../../../components/page-title.tsx';
import { AuditTime } from '../time.tsx';
import { useFocusableScroll } from '../../../components/list/focusable-scroll.ts';
import { texts } from '../texts.ts';
import { BackupButton } from './backup-button.tsx';
import { formatBytes, formatDuration } from './format.ts';
import { JobsSection } from './jobs-section.tsx';

const DATABASE = { sqlite: 'SQLite', postgres: 'PostgreSQL' } as const;

/** 系统: what runs and how much data it holds, a backup to download, the scheduled jobs. */
export default function SystemPage() {
  const t = useTexts(texts);
  const s = t.system;
  const root = useRef<HTMLElement>(null);
  useFocusableScroll(root);
  const info = useQuery({
    queryKey: ['system', 'info'],
    queryFn: () => unwrap(api.GET('/api/system/info')),
  });
  const data = info.data;
  // Computed from the answer, not from the clock at each render.
  const startedAt = data ? new Date(info.dataUpdatedAt - data.uptimeSeconds * 1000) : null;

  const heading = (text: string) => (
    <Typography.Title level={3} style={{ margin: 0, fontSize: 16 }}>
      {text}
    </Typography.Title>
  );

  return (
    <>
      <section ref={root}>
        <PageTitle>{s.title}</PageTitle>
        <Flex vertical gap={16}>
          <Card title={heading(s.info)}>
            {info.isError ? (
              <ErrorResult error={info.error} onRetry={() => void info.refetch()} />
            ) : !data || !startedAt ? (
              <Skeleton active />
            ) : (
              <Descriptions
                column={{ xs: 1, sm: 2, lg: 3 }}
                items={[
                  { key: 'version', label: s.version, children: data.version },
                  { key: 'database', label: s.database, children: DATABASE[data.database] },
                  {
                    key: 'size',
                    label: s.dataSize,
                    children: (
                      <span title={s.dataSizeHint}>
                        {formatBytes(data.dataBytes)}
                        <Typography.Text type="secondary"> · {s.dataSizeHint}</Typography.Text>
                      </span>
                    ),
                  },
                  {
                    key: 'uptime',
                    label: s.uptime,
                    children: formatDuration(data.uptimeSeconds * 1000, s.units),
                  },
                  {
                    key: 'started',
                    label: s.startedAt,
                    children: <AuditTime iso={startedAt.toISOString()} />,
                  },
                  { key: 'node', label: s.node, children: data.node },
                ]}
              />
            )}
          </Card>

          <Card title={heading(s.backup)}>
            <Typography.Paragraph>{s.backupHint}</Typography.Paragraph>
            {data?.database === 'postgres' ? (
              <Alert type="info" showIcon title={s.backupPostgres} />
            ) : (
              data && <BackupButton />
            )}
          </Card>

          <Card title={heading(s.jobs)}>
            <JobsSection />
          </Card>
        </Flex>
      </section>
    </>
  );
}
