import { Collapse, Descriptions, Typography } from 'antd';
import { useTexts } from '../../../app/texts.ts';
import { useAuditLabels } from '../../../components/audit-labels.ts';
import { DetailDrawer } from '../../../components/detail-drawer.tsx';
import type { AuditEntry } from '../models.ts';
import { texts } from '../texts.ts';
import { AuditDiff, RawJson } from './audit-diff.tsx';
import { AuditTime } from '../time.tsx';

/** One audit row: who did what to which record, when and from where, and what changed. */
export function AuditDrawer({ entry, onClose }: { entry: AuditEntry | null; onClose: () => void }) {
  const t = useTexts(texts);
  const a = t.audit;
  const labels = useAuditLabels();
  // "名称（code）", or the code alone when it has no name yet.
  const named = (name: string, code: string) => (name === code ? code : a.named(name, code));
  return (
    <DetailDrawer
      open={entry !== null}
      onClose={onClose}
      title={
        entry
          ? `${labels.entity(entry.entityType)} · ${labels.action(entry.action)}`
          : a.detailTitle
      }
    >
      {entry && (
        <>
          <Descriptions
            column={1}
            size="small"
            bordered
            style={{ marginBottom: 24 }}
            items={[
              { key: 'at', label: a.time, children: <AuditTime iso={entry.at} seconds /> },
              { key: 'actor', label: a.actor, children: entry.actorName ?? a.system },
              {
                key: 'action',
                label: a.action,
                children: named(labels.action(entry.action), entry.action),
              },
              {
                key: 'type',
                label: a.entityType,
                children: named(labels.entity(entry.entityType), entry.entityType),
              },
              {
                key: 'id',
                label: a.entityId,
                children: <Typography.Text copyable>{entry.entityId}</Typography.Text>,
              },
              { key: 'site', label: a.site, children: entry.siteName ?? t.common.none },
              { key: 'ip', label: a.ip, children: entry.ip ?? t.common.none },
              {
                key: 'request',
                label: a.requestId,
                children: entry.requestId ? (
                  <Typography.Text copyable>{entry.requestId}</Typography.Text>
                ) : (
                  t.common.none
                ),
              },
            ]}
          />
          <AuditDiff before={entry.before} after={entry.after} />
          <Collapse
            style={{ marginTop: 24 }}
            items={[
              {
                key: 'raw',
                label: a.raw,
                children: <RawJson before={entry.before} after={entry.after} />,
              },
            ]}
          />
        </>
      )}
    </DetailDrawer>
  );
}
