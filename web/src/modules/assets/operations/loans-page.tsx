import { Button, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, unwrap } from '../../../app/api.ts';
import { useMe } from '../../../app/auth/me-context.ts';
import { can } from '../../../app/auth/session.ts';
import { useTexts } from '../../../app/texts.ts';
import { formatDate } from '../../../components/format.ts';
import { ToneTag } from './tone-tag.tsx';
import { ListPage } from '../../../components/list/list-page.tsx';
import type { ListColumn, ListFilter } from '../../../components/list/list-types.ts';
import { canAt, opsKeys, type Loan } from './model.ts';
import { StartOperationDialog, type AssetPick } from './start-operation-dialog.tsx';
import { opsTexts } from './texts.ts';
import { useSiteFilter } from './use-site-filter.ts';

/**
 * 借用管理: what is out on loan, most overdue first as the server orders it,
 * overdue rows in red; 归还 starts the return (which never waits for approval).
 */
export default function LoansPage() {
  const tx = useTexts(opsTexts);
  const t = tx.loans;
  const me = useMe();
  const [returning, setReturning] = useState<AssetPick[]>([]);
  const siteFilter = useSiteFilter(tx.common.site);

  const filters: ListFilter[] = [
    { type: 'search', key: 'q', label: t.search },
    ...siteFilter,
    {
      type: 'select',
      key: 'overdueOnly',
      label: t.overdueOnly,
      options: [{ value: 'true', label: t.overdueOnly }],
    },
  ];
  const columns: ListColumn<Loan>[] = [
    {
      key: 'asset',
      title: t.asset,
      cardTitle: true,
      render: (l) => `${l.asset.tagNo} ${l.asset.name}`,
    },
    { key: 'borrower', title: t.borrower, render: (l) => l.borrower.name },
    { key: 'lentAt', title: t.lentAt, render: (l) => formatDate(l.lentAt) },
    {
      key: 'due',
      title: t.dueDate,
      render: (l) =>
        l.daysOverdue > 0 ? (
          <>
            <Typography.Text type="danger" strong>
              {l.dueDate}
            </Typography.Text>{' '}
            <ToneTag tone="bad">{t.overdue(l.daysOverdue)}</ToneTag>
          </>
        ) : (
          (l.dueDate ?? tx.common.none)
        ),
    },
    {
      key: 'number',
      title: t.number,
      render: (l) => (
        <Link to={`/assets/operations/${l.operationId}`} onClick={(e) => e.stopPropagation()}>
          {l.number}
        </Link>
      ),
    },
    {
      key: 'actions',
      title: t.actions,
      render: (l) =>
        canAt(me, 'assets:manage', l.siteId) ? (
          <Button
            size="small"
            aria-label={t.returnAria(l.asset.tagNo)}
            onClick={(e) => {
              e.stopPropagation();
              setReturning([{ ...l.asset, status: 'lent', siteId: l.siteId }]);
            }}
          >
            {t.return}
          </Button>
        ) : null,
    },
  ];

  return (
    <>
      <ListPage<Loan>
        id="assets-loans"
        title={t.title}
        columns={columns}
        filters={filters}
        queryKey={opsKeys.loans}
        fetchPage={(query) =>
          unwrap(api.GET('/api/assets/reports/loans', { params: { query: query as never } }))
        }
        rowKey={(l) => `${l.operationId}:${l.asset.id}`}
        exportPath={can(me, 'assets:export', 'site') ? '/api/assets/reports/loans.xlsx' : undefined}
        emptyText={t.empty}
      />
      <StartOperationDialog
        kind={returning.length ? 'return' : null}
        assets={returning}
        onClose={() => setReturning([])}
        // Stay on the list: the returned loan drops out of it, the next one can follow.
        onDone={() => setReturning([])}
      />
    </>
  );
}
