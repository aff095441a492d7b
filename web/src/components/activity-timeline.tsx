import { useQuery } from '@tanstack/react-query';
import { Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../app/api.ts';
import { formatDateTime } from './format.ts';
import { ErrorResult } from './error-result.tsx';

/** One thing that happened to a record: who, when, what, and an optional note. */
export type ActivityItem = {
  key: string;
  at: string;
  actor: string | null;
  title: ReactNode;
  note?: ReactNode;
};

/** Events of a record, newest first (work-order events, audit rows…). */
export function ActivityTimeline({ items }: { items: ActivityItem[] }) {
  const { t } = useTranslation();
  if (items.length === 0)
    return <Typography.Text type="secondary">{t('activity.none')}</Typography.Text>;
  return (
    <Timeline
      items={items.map((i) => ({
        key: i.key,
        content: (
          <>
            <div>
              <Typography.Text strong>{i.title}</Typography.Text>
            </div>
            <Typography.Text type="secondary">
              {formatDateTime(i.at)} · {i.actor ?? t('activity.system')}
            </Typography.Text>
            {i.note && <div style={{ marginTop: 4 }}>{i.note}</div>}
          </>
        ),
      }))}
    />
  );
}

/**
 * The audit trail of one record as a timeline (for records without their own
 * event rows: sites, people, accounts…). Needs `audit:read`; callers show it
 * only to those who hold it.
 */
export function AuditTimeline({ entityType, entityId }: { entityType: string; entityId: string }) {
  const { t } = useTranslation();
  const audit = useQuery({
    queryKey: ['audit', entityType, entityId],
    queryFn: () =>
      unwrap(api.GET('/api/audit', { params: { query: { entityType, entityId, pageSize: 100 } } })),
  });
  if (audit.isError) return <ErrorResult error={audit.error} />;
  return (
    <ActivityTimeline
      items={(audit.data?.items ?? []).map((row) => ({
        key: row.id,
        at: row.at,
        actor: row.actorName,
        title: t(`activity.action.${row.action}`, { defaultValue: row.action }),
        note: <ChangedFields before={row.before} after={row.after} />,
      }))}
    />
  );
}

/** "name: 旧 → 新" for the fields an update changed. */
function ChangedFields({ before, after }: { before: unknown; after: unknown }) {
  if (!isRecord(before) || !isRecord(after)) return null;
  const changed = Object.keys(after).filter(
    (k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]),
  );
  if (changed.length === 0) return null;
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {changed.map((k) => `${k}: ${show(before[k])} → ${show(after[k])}`).join('；')}
    </Typography.Text>
  );
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const show = (v: unknown) =>
  v === null || v === undefined ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v);
