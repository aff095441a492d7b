import { PlusOutlined } from '@ant-design/icons';
import { Button, Progress, Tag } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api, unwrap } from '../../../app/api.ts';
import { useMe } from '../../../app/auth/me-context.ts';
import { can } from '../../../app/auth/session.ts';
import { useTexts } from '../../../app/texts.ts';
import { formatDateTime } from '../../../components/format.ts';
import { ListPage } from '../../../components/list/list-page.tsx';
import type { ListColumn, ListFilter } from '../../../components/list/list-types.ts';
import { CreateStocktakeDialog } from './create-stocktake-dialog.tsx';
import { STATUS_STYLE, type Stocktake } from './model.ts';
import { stocktakeTexts } from './texts.ts';

/** The campaigns a user sees, newest first; managers start new ones here. */
export default function StocktakesPage() {
  const tx = useTexts(stocktakeTexts);
  const me = useMe();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const mayStart = can(me, 'assets:manage', 'site');

  const scopeText = (s: Stocktake) =>
    [s.scope.building, s.scope.location, s.scope.department, s.scope.category]
      .filter((n) => !!n)
      .map((n) => n!.name)
      .join(' · ') || tx.list.wholeSite;

  const columns: ListColumn<Stocktake>[] = [
    { key: 'name', title: tx.list.name, render: (s) => s.name, cardTitle: true },
    { key: 'number', title: tx.list.number, render: (s) => s.number },
    {
      key: 'status',
      title: tx.list.status,
      render: (s) => <Tag style={STATUS_STYLE[s.status]}>{tx.status[s.status]}</Tag>,
    },
    {
      key: 'progress',
      title: tx.list.progress,
      width: 180,
      render: (s) => (
        <Progress
          percent={s.expectedCount ? Math.floor((s.countedCount / s.expectedCount) * 100) : 0}
          format={() => `${s.countedCount}/${s.expectedCount}`}
          size="small"
          // A fixed width: in a phone card's value cell the bar would otherwise shrink to nothing.
          style={{ width: 160, margin: 0 }}
          aria-label={tx.list.progress}
        />
      ),
    },
    { key: 'scope', title: tx.list.scope, render: scopeText },
    { key: 'site', title: tx.list.site, render: (s) => s.site.name },
    { key: 'startedAt', title: tx.list.startedAt, render: (s) => formatDateTime(s.startedAt) },
  ];
  const filters: ListFilter[] = [
    { type: 'search', key: 'q', label: tx.list.search, placeholder: tx.list.searchPlaceholder },
    {
      type: 'select',
      key: 'status',
      label: tx.list.status,
      options: (['counting', 'closing', 'closed', 'cancelled'] as const).map((v) => ({
        value: v,
        label: tx.status[v],
      })),
    },
  ];

  return (
    <>
      <ListPage<Stocktake>
        id="assets-stocktakes"
        title={tx.title}
        columns={columns}
        filters={filters}
        queryKey={['assets', 'stocktakes', 'list']}
        fetchPage={(query) => unwrap(api.GET('/api/assets/stocktakes', { params: { query } }))}
        rowKey={(s) => s.id}
        onOpen={(s) => void navigate(`/assets/stocktakes/${s.id}`)}
        emptyText={tx.list.empty}
        actions={
          mayStart && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {tx.list.create}
            </Button>
          )
        }
      />
      {creating && (
        <CreateStocktakeDialog
          onClose={() => setCreating(false)}
          onDone={(id) => void navigate(`/assets/stocktakes/${id}`)}
        />
      )}
    </>
  );
}
