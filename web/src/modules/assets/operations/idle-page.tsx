import { useQuery } from '@tanstack/react-query';
import { Button, Card, Statistic } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { api, unwrap } from '../../../app/api.ts';
import { useMe } from '../../../app/auth/me-context.ts';
import { can } from '../../../app/auth/session.ts';
import { useTexts } from '../../../app/texts.ts';
import { formatYuan } from '../../../components/format.ts';
import { ListPage } from '../../../components/list/list-page.tsx';
import type { ListColumn } from '../../../components/list/list-types.ts';
import { IdleRequestDialog } from './idle-request-dialog.tsx';
import { opsKeys, pageOf, type IdleGroup } from './model.ts';
import { opsTexts } from './texts.ts';
import { useSiteFilter } from './use-site-filter.ts';

/**
 * 闲置资产: the idle pool by category and condition — what a department can
 * ask for before anyone buys new (summary 4: beds taken from stock). Open to
 * department heads; the reuse figures show to those who read asset reports.
 */
export default function IdlePage() {
  const tx = useTexts(opsTexts);
  const t = tx.idle;
  const me = useMe();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const siteId = search.get('siteId') ?? undefined;
  const [asking, setAsking] = useState<IdleGroup | null>(null);
  const mayAsk = can(me, 'assets:sign', 'site') || can(me, 'assets:manage', 'site');

  const columns: ListColumn<IdleGroup>[] = [
    { key: 'category', title: t.category, cardTitle: true, render: (g) => g.category.name },
    {
      key: 'condition',
      title: t.condition,
      render: (g) => tx.condition[g.condition] ?? g.condition,
    },
    { key: 'count', title: t.count, align: 'right', render: (g) => g.count },
    { key: 'quantity', title: t.quantity, align: 'right', render: (g) => g.quantity },
    { key: 'net', title: t.netValue, align: 'right', render: (g) => formatYuan(g.netValueFen) },
    {
      key: 'original',
      title: t.originalValue,
      align: 'right',
      render: (g) => formatYuan(g.originalValueFen),
      hidden: true,
    },
    ...(mayAsk
      ? [
          {
            key: 'request',
            title: t.request,
            render: (g: IdleGroup) => (
              <Button
                size="small"
                aria-label={t.requestAria(
                  g.category.name,
                  tx.condition[g.condition] ?? g.condition,
                )}
                onClick={() => setAsking(g)}
              >
                {t.request}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <ListPage<IdleGroup>
        id="assets-idle"
        title={t.title}
        columns={columns}
        filters={useSiteFilter(tx.common.site)}
        queryKey={opsKeys.idle}
        fetchPage={async (query) => {
          const { page: _p, pageSize: _s, ...filter } = query;
          const pool = await unwrap(
            api.GET('/api/assets/idle', { params: { query: filter as never } }),
          );
          return pageOf(pool.groups, query);
        }}
        rowKey={(g) => `${g.category.id}:${g.condition}`}
        emptyText={t.empty}
        extra={can(me, 'assets:read', 'site') ? <ReuseSummary siteId={siteId} /> : undefined}
      />
      <IdleRequestDialog
        group={asking}
        siteId={siteId}
        onClose={() => setAsking(null)}
        onDone={(id) => {
          setAsking(null);
          void navigate(`/assets/operations/${id}`);
        }}
      />
    </>
  );
}

/** 再利用: this year's idle-asset reuses and what buying them new would have cost. */
function ReuseSummary({ siteId }: { siteId: string | undefined }) {
  const t = useTexts(opsTexts).idle;
  const year = new Date().getFullYear();
  const query = { year, ...(siteId && { siteId }) };
  const reuse = useQuery({
    queryKey: [...opsKeys.idle, 'reuse', query],
    queryFn: () =>
      unwrap(api.GET('/api/assets/reports/reuse', { params: { query: query as never } })),
  });
  if (!reuse.data) return null;
  const r = reuse.data;
  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Statistic title={t.reuseText(r.year, r.requests, r.assets)} value={formatYuan(r.savedFen)} />
    </Card>
  );
}
