import { useQuery } from '@tanstack/react-query';
import { Button, Card, Flex, Statistic } from 'antd';
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
import { isReusable, opsKeys, type IdleGroup } from './model.ts';
import { opsTexts } from './texts.ts';
import { useSiteFilter } from './use-site-filter.ts';

/**
 * 闲置资产: the idle pool by category and condition — what a department can
 * ask for before anyone buys new (summary 4: beds taken from stock). Open to
 * department heads; the reuse figures show to those who read asset reports.
 * The server groups, sorts and pages (a large hospital's pool holds tens of
 * thousands of cards); the totals are of the whole pool, not the page.
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
    {
      key: 'category',
      title: t.category,
      cardTitle: true,
      sortKey: 'category',
      render: (g) => g.category.name,
    },
    {
      key: 'condition',
      title: t.condition,
      sortKey: 'condition',
      render: (g) => tx.condition[g.condition] ?? g.condition,
    },
    { key: 'count', title: t.count, align: 'right', sortKey: 'count', render: (g) => g.count },
    {
      key: 'quantity',
      title: t.quantity,
      align: 'right',
      sortKey: 'quantity',
      render: (g) => g.quantity,
    },
    {
      key: 'net',
      title: t.netValue,
      align: 'right',
      sortKey: 'netValue',
      render: (g) => formatYuan(g.netValueFen),
    },
    {
      key: 'original',
      title: t.originalValue,
      align: 'right',
      sortKey: 'originalValue',
      render: (g) => formatYuan(g.originalValueFen),
      hidden: true,
    },
    ...(mayAsk
      ? [
          {
            key: 'request',
            title: t.request,
            // Poor and damaged ones go to repair or disposal, not to a department.
            render: (g: IdleGroup) =>
              isReusable(g.condition) && (
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
          const pool = await unwrap(api.GET('/api/assets/idle', { params: { query } }));
          return { ...pool, items: pool.groups };
        }}
        rowKey={(g) => `${g.category.id}:${g.condition}`}
        emptyText={t.empty}
        exportPath="/api/assets/idle/export.xlsx"
        extra={
          <Flex vertical gap={16} style={{ marginBottom: 16 }}>
            {can(me, 'assets:read', 'site') && <ReuseSummary siteId={siteId} />}
            <PoolTotals siteId={siteId} />
          </Flex>
        }
      />
      <IdleRequestDialog
        group={asking}
        siteId={siteId}
        onClose={() => setAsking(null)}
        onDone={(ids) => {
          setAsking(null);
          // Several sites: the message lists each transfer; stay on the pool.
          if (ids.length === 1) void navigate(`/assets/operations/${ids[0]}`);
        }}
      />
    </>
  );
}

/** 合计: the whole pool (every group, not the page) — cards, items, net and original value. */
function PoolTotals({ siteId }: { siteId: string | undefined }) {
  const t = useTexts(opsTexts).idle;
  const query = { pageSize: 1, ...(siteId && { siteId }) };
  const pool = useQuery({
    queryKey: [...opsKeys.idle, 'totals', query],
    queryFn: () => unwrap(api.GET('/api/assets/idle', { params: { query } })),
  });
  const s = pool.data?.totals;
  if (!s) return null;
  return (
    <Card size="small" title={t.totalsTitle}>
      <Flex wrap gap={24}>
        <Statistic title={t.count} value={s.count} />
        <Statistic title={t.quantity} value={s.quantity} />
        <Statistic title={t.netValue} value={formatYuan(s.netValueFen)} />
        <Statistic title={t.originalValue} value={formatYuan(s.originalValueFen)} />
      </Flex>
    </Card>
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
    <Card size="small">
      <Statistic title={t.reuseText(r.year, r.requests, r.assets)} value={formatYuan(r.savedFen)} />
    </Card>
  );
}
