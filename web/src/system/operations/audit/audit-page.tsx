import { DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Tooltip, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, unwrap } from '../../../app/api.ts';
import { can } from '../../../app/auth/session.ts';
import { useMe } from '../../../app/auth/me-context.ts';
import { useTexts } from '../../../app/texts.ts';
import { useAuditLabels } from '../../../components/audit-labels.ts';
import { ListPage } from '../../../components/list/list-page.tsx';
import type { ListColumn, ListFilter } from '../../../components/list/list-types.ts';
import { useFocusableScroll } from '../../../components/list/focusable-scroll.ts';
import type { AuditEntry } from '../models.ts';
import { texts } from '../texts.ts';
import { ActorFilter } from './actor-filter.tsx';
import { AuditTime } from '../time.tsx';
import { AuditDrawer } from './audit-drawer.tsx';
import { auditExportHref, toAuditQuery } from './audit-query.ts';

/** Options for a filter: the codes that occur in the log, named where the name is known. */
function options(
  codes: readonly string[] | undefined,
  nameOf: (code: string) => string,
  named: (name: string, code: string) => string,
) {
  return (codes ?? []).map((code) => {
    const name = nameOf(code);
    return { value: code, label: name === code ? code : named(name, code) };
  });
}

const mono = { fontFamily: 'monospace', fontSize: 12 } as const;

/**
 * 审计日志: every change anyone made, newest first, filtered by day range,
 * record type, action, person and record; a row opens the change field by
 * field. The Excel export takes exactly the filter on screen.
 */
export default function AuditPage() {
  const t = useTexts(texts);
  const a = t.audit;
  const labels = useAuditLabels();
  const me = useMe();
  const [search] = useSearchParams();
  const [open, setOpen] = useState<AuditEntry | null>(null);
  const root = useRef<HTMLDivElement>(null);
  useFocusableScroll(root);
  // With a record type chosen, the action drop-down offers that type's actions.
  const entityType = search.get('entityType') ?? undefined;
  const facets = useQuery({
    queryKey: ['audit', 'facets', entityType ?? ''],
    queryFn: () =>
      unwrap(
        api.GET('/api/audit/facets', { params: { query: { ...(entityType && { entityType }) } } }),
      ),
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
  const canSearchUsers = can(me, 'users:read');

  const filters: ListFilter[] = [
    { type: 'dateRange', key: 'from', toKey: 'to', label: a.dateRange },
    {
      type: 'select',
      key: 'entityType',
      label: a.entityType,
      options: options(facets.data?.entityTypes, labels.entity, a.named),
    },
    {
      type: 'select',
      key: 'action',
      label: a.action,
      options: options(facets.data?.actions, labels.action, a.named),
    },
    {
      type: 'custom',
      key: 'actorUserId',
      label: a.actor,
      render: (value, onChange) => (
        <ActorFilter value={value} onChange={onChange} canSearch={canSearchUsers} />
      ),
    },
    { type: 'search', key: 'entityId', label: a.entityId },
  ];

  const columns: ListColumn<AuditEntry>[] = [
    { key: 'at', title: a.time, render: (r) => <AuditTime iso={r.at} seconds /> },
    { key: 'actor', title: a.actor, render: (r) => r.actorName ?? a.system },
    {
      key: 'action',
      title: a.action,
      cardTitle: true,
      // A real button, so the row opens from the keyboard too (the row click is mouse-only).
      render: (r) => (
        <Button
          // Primary rather than antd's link colour (#1677ff, below AA contrast on white).
          color="primary"
          variant="link"
          style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
          onClick={(e) => {
            e.stopPropagation();
            setOpen(r);
          }}
        >
          {`${labels.entity(r.entityType)} · ${labels.action(r.action)}`}
        </Button>
      ),
    },
    {
      key: 'entityType',
      title: a.entityType,
      // The name, and the code the filter and the API take.
      render: (r) => {
        const name = labels.entity(r.entityType);
        return name === r.entityType ? (
          <span style={mono}>{r.entityType}</span>
        ) : (
          <>
            {name} <span style={mono}>{r.entityType}</span>
          </>
        );
      },
    },
    {
      key: 'entityId',
      title: a.entityId,
      render: (r) => <span style={{ ...mono, overflowWrap: 'anywhere' }}>{r.entityId}</span>,
    },
    { key: 'site', title: a.site, render: (r) => r.siteName ?? t.common.none },
    { key: 'ip', title: a.ip, render: (r) => r.ip ?? t.common.none },
    {
      key: 'requestId',
      title: a.requestId,
      hidden: true,
      render: (r) =>
        r.requestId ? (
          <span style={{ ...mono, overflowWrap: 'anywhere' }}>{r.requestId}</span>
        ) : (
          t.common.none
        ),
    },
  ];

  // The export link is built here, not by ListPage: the page keeps days in
  // its address and the API takes instants (see toAuditQuery).
  const exportButton = (
    <Tooltip title={t.common.exportHint}>
      <Button icon={<DownloadOutlined />} href={auditExportHref(search)} download>
        {t.common.export}
      </Button>
    </Tooltip>
  );

  return (
    <>
      <div ref={root}>
        <ListPage<AuditEntry>
          id="audit-log"
          title={a.title}
          columns={columns}
          filters={filters}
          queryKey={['audit', 'list']}
          fetchPage={(query) =>
            unwrap(api.GET('/api/audit', { params: { query: toAuditQuery(query) } }))
          }
          rowKey={(r) => r.id}
          actions={exportButton}
          onOpen={setOpen}
          emptyText={<Typography.Text type="secondary">{a.empty}</Typography.Text>}
        />
      </div>
      <AuditDrawer entry={open} onClose={() => setOpen(null)} />
    </>
  );
}
