import { useQuery } from '@tanstack/react-query';
import { Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../app/api.ts';
import {
  auditPageHref,
  describeChanges,
  type AuditFields,
  type FieldChange,
} from './audit-fields.ts';
import { useAuditLabels } from './audit-labels.ts';
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
 * only to those who hold it. `fields` names the record's fields in the
 * caller's words (and formats their values); unknown keys show as they are.
 * The full before/after of every entry is one click away in the audit log.
 */
export function AuditTimeline({
  entityType,
  entityId,
  fields = {},
}: {
  entityType: string;
  entityId: string;
  fields?: AuditFields;
}) {
  const { t } = useTranslation();
  const labels = useAuditLabels();
  const audit = useQuery({
    queryKey: ['audit', entityType, entityId],
    queryFn: () =>
      unwrap(api.GET('/api/audit', { params: { query: { entityType, entityId, pageSize: 100 } } })),
  });
  if (audit.isError) return <ErrorResult error={audit.error} />;
  const words = {
    changed: t('activity.changed'),
    yes: t('activity.yes'),
    no: t('activity.no'),
    none: '—',
  };
  const items = audit.data?.items ?? [];
  return (
    <>
      {items.length > 0 && (
        <div style={{ textAlign: 'right', marginBottom: 8, fontSize: 12 }}>
          <Link to={auditPageHref(entityType, entityId)}>{t('activity.details')}</Link>
        </div>
      )}
      <ActivityTimeline
        items={items.map((row) => ({
          key: row.id,
          at: row.at,
          actor: row.actorName,
          title: labels.action(row.action),
          note: <ChangedFields changes={describeChanges(row.before, row.after, fields, words)} />,
        }))}
      />
    </>
  );
}

/** "职务：— → 护士长；部门：已更改" for the fields an update changed. */
function ChangedFields({ changes }: { changes: FieldChange[] }) {
  const { t } = useTranslation();
  if (changes.length === 0) return null;
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {changes
        .map((c) => `${c.label}${t('activity.labelSeparator')}${c.text}`)
        .join(t('activity.listSeparator'))}
    </Typography.Text>
  );
}
