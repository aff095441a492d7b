import { Button, Flex, Segmented, Space } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, unwrap } from '../../../app/api.ts';
import { useMe } from '../../../app/auth/me-context.ts';
import { can } from '../../../app/auth/session.ts';
import { useTexts } from '../../../app/texts.ts';
import { formatDate, formatYuan } from '../../../components/format.ts';
import { ToneTag } from './tone-tag.tsx';
import { ListPage } from '../../../components/list/list-page.tsx';
import type { ListColumn, ListFilter } from '../../../components/list/list-types.ts';
import { CompensationEntryDialog, type Entry } from './compensation-entry-dialog.tsx';
import { CompensationReport } from './compensation-report.tsx';
import { canAt, opsKeys, type CompensationRow } from './model.ts';
import { DepartmentPicker } from './pickers.tsx';
import { opsTexts } from './texts.ts';
import { useSiteFilter } from './use-site-filter.ts';

/**
 * 资产赔偿 (计价挂帐): who owes what for damaged and lost assets, payments and
 * waivers recorded against each row until it is settled, and the yearly
 * report by department. Filters live in the URL like every list.
 */
export default function CompensationsPage() {
  const tx = useTexts(opsTexts);
  const t = tx.comp;
  const me = useMe();
  const [search, setSearch] = useSearchParams();
  const [entry, setEntry] = useState<Entry | null>(null);
  const siteFilter = useSiteFilter(tx.common.site);
  const thisYear = new Date().getFullYear();
  const year = Number(search.get('year')) || thisYear;
  const years = Array.from({ length: 6 }, (_, i) => thisYear - i);

  const filters: ListFilter[] = [
    {
      type: 'select',
      key: 'status',
      label: tx.common.status,
      options: [
        { value: 'owed', label: t.statusOwed },
        { value: 'settled', label: t.statusSettled },
      ],
    },
    {
      type: 'select',
      key: 'year',
      label: t.year,
      options: years.map((y) => ({ value: String(y), label: String(y) })),
    },
    ...siteFilter,
    {
      type: 'custom',
      key: 'departmentId',
      label: tx.common.department,
      render: (value, onChange) => (
        <div style={{ width: 200, maxWidth: '100%' }}>
          <DepartmentPicker
            aria-label={tx.common.department}
            placeholder={tx.common.department}
            value={value}
            onChange={(v) => onChange(v)}
          />
        </div>
      ),
    },
    { type: 'search', key: 'party', label: t.partySearch, placeholder: t.partyPlaceholder },
  ];

  const columns: ListColumn<CompensationRow>[] = [
    {
      key: 'party',
      title: t.party,
      cardTitle: true,
      render: (c) => `${c.partyName}（${tx.party[c.partyType]}）`,
    },
    { key: 'asset', title: t.asset, render: (c) => `${c.asset.tagNo} ${c.asset.name}` },
    {
      key: 'operation',
      title: t.operation,
      render: (c) => (
        <Link to={`/assets/operations/${c.operationId}`} onClick={(e) => e.stopPropagation()}>
          {c.operationNumber}
        </Link>
      ),
    },
    {
      key: 'dept',
      title: tx.common.department,
      render: (c) => c.department?.name ?? t.noDepartment,
    },
    { key: 'net', title: t.netValue, align: 'right', render: (c) => formatYuan(c.netValueFen) },
    { key: 'share', title: t.share, align: 'right', render: (c) => `${c.shareBp / 100}%` },
    { key: 'amount', title: t.amount, align: 'right', render: (c) => formatYuan(c.amountFen) },
    { key: 'paid', title: t.paid, align: 'right', render: (c) => formatYuan(c.paidFen) },
    {
      key: 'waived',
      title: t.waived,
      align: 'right',
      render: (c) => formatYuan(c.waivedFen),
      hidden: true,
    },
    {
      key: 'outstanding',
      title: t.outstanding,
      align: 'right',
      render: (c) =>
        c.status === 'settled' ? (
          <ToneTag tone="ok">{t.statusSettled}</ToneTag>
        ) : (
          <ToneTag tone="warn">{formatYuan(c.outstandingFen)}</ToneTag>
        ),
    },
    { key: 'decided', title: t.decidedAt, render: (c) => formatDate(c.decidedAt), hidden: true },
    {
      key: 'actions',
      title: t.actions,
      render: (c) =>
        c.status === 'owed' ? (
          <Space size={4} wrap>
            {canAt(me, 'assets:manage', c.siteId) && (
              <Button
                size="small"
                aria-label={t.payAria(c.partyName)}
                onClick={() => setEntry({ kind: 'payment', row: c })}
              >
                {t.pay}
              </Button>
            )}
            {canAt(me, 'assets:approve', c.siteId) && (
              <Button
                size="small"
                aria-label={t.waiveAria(c.partyName)}
                onClick={() => setEntry({ kind: 'waiver', row: c })}
              >
                {t.waive}
              </Button>
            )}
          </Space>
        ) : null,
    },
  ];

  const view = search.get('view') === 'report' ? 'report' : 'list';
  const toggle = (
    <Segmented
      aria-label={t.report}
      value={view}
      onChange={(v) =>
        setSearch(
          (prev) => {
            const next = new URLSearchParams(prev);
            if (v === 'report') next.set('view', 'report');
            else next.delete('view');
            return next;
          },
          { replace: true },
        )
      }
      options={[
        { value: 'list', label: t.title },
        { value: 'report', label: t.report },
      ]}
    />
  );

  return (
    <Flex vertical gap={16}>
      <ListPage<CompensationRow>
        id="assets-compensations"
        title={t.title}
        columns={columns}
        filters={filters}
        queryKey={opsKeys.compensations}
        fetchPage={(query) =>
          unwrap(api.GET('/api/assets/compensations', { params: { query: query as never } }))
        }
        rowKey={(c) => c.id}
        actions={toggle}
        emptyText={t.empty}
        extra={
          view === 'report' ? (
            <div style={{ marginBottom: 16 }}>
              <CompensationReport
                year={year}
                siteId={search.get('siteId') ?? undefined}
                canExport={can(me, 'assets:export', 'site')}
              />
            </div>
          ) : undefined
        }
      />
      <CompensationEntryDialog entry={entry} onClose={() => setEntry(null)} />
    </Flex>
  );
}
