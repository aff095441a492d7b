import { AppstoreOutlined, PhoneOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Segmented, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useMe } from '../../../app/auth/me-context.ts';
import { can } from '../../../app/auth/session.ts';
import { useSiteChoice } from '../../../app/site-choice.ts';
import { useTexts } from '../../../app/texts.ts';
import { FilterBar } from '../../../components/list/filter-bar.tsx';
import { ListPage } from '../../../components/list/list-page.tsx';
import { useListParams } from '../../../components/list/list-params.ts';
import { filterKeys } from '../../../components/list/list-types.ts';
import {
  fetchWorkOrders,
  WORK_ORDERS_KEY,
  type WorkOrder,
  type WorkOrderQuery,
} from './work-order-model.ts';
import { AssignModal } from './assign-modal.tsx';
import { DispatchBoard } from './dispatch-board.tsx';
import { useDispatchColumns } from './dispatch-columns.tsx';
import { useDispatchFilters } from './dispatch-filters.tsx';
import { manageTexts } from './texts.ts';

/**
 * 派工调度: every order the dispatcher may see, as a filtered list (sortable,
 * exportable) or as a board of the open states. Filters live in the URL, so
 * both views and the Excel export read the same ones; the site starts from
 * the one chosen in the header.
 */
export default function DispatchPage() {
  const tx = useTexts(manageTexts);
  const me = useMe();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const board = search.get('view') === 'board';
  const filters = useDispatchFilters();
  const [assigning, setAssigning] = useState<WorkOrder | null>(null);
  const columns = useDispatchColumns(setAssigning);
  const [capped, setCapped] = useState(false);
  useDefaultSite();

  const setView = (view: string) =>
    setSearch(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (view === 'board') next.set('view', 'board');
        else next.delete('view');
        next.delete('page');
        return next;
      },
      { replace: true },
    );

  const viewToggle = (
    <Segmented
      aria-label={tx.dispatch.viewLabel}
      value={board ? 'board' : 'list'}
      onChange={(v) => setView(String(v))}
      options={[
        { value: 'list', label: tx.dispatch.viewList, icon: <UnorderedListOutlined /> },
        { value: 'board', label: tx.dispatch.viewBoard, icon: <AppstoreOutlined /> },
      ]}
    />
  );
  // A caller on the phone: the report form in "on behalf of" mode.
  const toggle = (
    <Space wrap>
      <Button
        icon={<PhoneOutlined />}
        onClick={() => void navigate('/maintenance/report?channel=phone')}
      >
        {tx.dispatch.phoneIn}
      </Button>
      {viewToggle}
    </Space>
  );

  return (
    <>
      {board ? (
        <BoardView filtersDef={filters} toggle={toggle} onAssign={setAssigning} />
      ) : (
        <ListPage<WorkOrder>
          id="maintenance-dispatch"
          title={tx.dispatch.title}
          columns={columns}
          filters={filters}
          queryKey={[...WORK_ORDERS_KEY, 'dispatch']}
          fetchPage={async (query) => {
            const page = await fetchWorkOrders(query as unknown as WorkOrderQuery);
            setCapped(page.totalCapped);
            return page;
          }}
          rowKey={(o) => o.id}
          onOpen={(o) => void navigate(`/maintenance/work-orders/${o.id}`)}
          exportPath={
            can(me, 'maintenance:export', 'site')
              ? '/api/maintenance/work-orders/export.xlsx'
              : undefined
          }
          actions={toggle}
          emptyText={tx.dispatch.empty}
          // The shared list counts exactly up to 10,000; past that the API says the figure is a floor.
          extra={
            capped ? (
              <Alert type="info" title={tx.dispatch.capped} style={{ marginBottom: 12 }} />
            ) : undefined
          }
        />
      )}
      <AssignModal order={assigning} onClose={() => setAssigning(null)} />
    </>
  );
}

function BoardView({
  filtersDef,
  toggle,
  onAssign,
}: {
  filtersDef: ReturnType<typeof useDispatchFilters>;
  toggle: React.ReactNode;
  onAssign: (o: WorkOrder) => void;
}) {
  const tx = useTexts(manageTexts);
  // The columns are the states: the status filters make no sense here.
  const shown = filtersDef.filter((f) => f.key !== 'status' && f.key !== 'open');
  const [params, update] = useListParams(filterKeys(shown));
  return (
    <section>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
        <Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>
          {tx.dispatch.title}
        </Typography.Title>
        {toggle}
      </Flex>
      <div style={{ marginBottom: 16 }}>
        <FilterBar
          filters={shown}
          values={params.filters}
          onChange={(f) => update({ filters: f })}
        />
      </div>
      <DispatchBoard filters={params.filters} onAssign={onAssign} />
    </section>
  );
}

/**
 * Starts the list at the site chosen in the header, once, when the address
 * names none (nor a place, which belongs to a site of its own).
 */
function useDefaultSite() {
  const [choice] = useSiteChoice();
  const [search, setSearch] = useSearchParams();
  const done = useRef(false);
  useEffect(() => {
    if (done.current) return;
    done.current = true;
    if (choice && !search.has('siteId') && !search.has('locationId'))
      setSearch(
        (prev) => {
          const next = new URLSearchParams(prev);
          next.set('siteId', choice);
          return next;
        },
        { replace: true },
      );
  }, [choice, search, setSearch]);
}
