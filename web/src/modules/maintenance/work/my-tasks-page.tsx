import { useQuery } from '@tanstack/react-query';
import { Badge, Empty, Flex, Skeleton, Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useTexts } from '../../../app/texts.ts';
import { ErrorResult } from '../../../components/error-result.tsx';
import { PageTitle } from '../../../components/page-title.tsx';
import { fetchWorkOrders, workOrderKeys, type WorkOrder, type WorkOrderQuery } from './model.ts';
import { TaskCard } from './task-card.tsx';
import { workTexts } from './texts.ts';

const LIMIT = 50;
type Tab = 'todo' | 'doing' | 'done';
const TABS: Tab[] = ['todo', 'doing', 'done'];

/** The three lists of a technician's day, each one API query (or two for the inbox). */
const QUERIES: Record<Tab, WorkOrderQuery[]> = {
  // Given to me, and the team queue anyone in the team may take (抢单).
  todo: [
    { mine: 'assigned', status: 'assigned', sort: 'priority', order: 'asc' },
    { mine: 'team', status: 'submitted', sort: 'priority', order: 'asc' },
  ],
  doing: [
    {
      mine: 'assigned',
      status: 'accepted,in_progress,paused',
      sort: 'completionDueAt',
      order: 'asc',
    },
  ],
  done: [
    { mine: 'assigned', status: 'completed,confirmed,closed', sort: 'submittedAt', order: 'desc' },
  ],
};

function useTab(tab: Tab) {
  return useQuery({
    queryKey: [...workOrderKeys.all, 'my-tasks', tab],
    queryFn: async () => {
      const pages = await Promise.all(
        QUERIES[tab].map((q) => fetchWorkOrders({ ...q, pageSize: LIMIT })),
      );
      // An order in my queue and assigned to me shows once.
      const seen = new Set<string>();
      const items: WorkOrder[] = [];
      for (const p of pages)
        for (const o of p.items) if (!seen.has(o.id) && seen.add(o.id)) items.push(o);
      return { items, total: pages.reduce((n, p) => n + p.total, 0) };
    },
    refetchInterval: 60_000,
  });
}

/**
 * 我的任务: a technician's working screen on the phone — what waits to be
 * accepted, what is in hand, what was done lately — as big cards with the
 * next step's button on each.
 */
export default function MyTasksPage() {
  const tx = useTexts(workTexts);
  const [search, setSearch] = useSearchParams();
  const tab = (TABS as string[]).includes(search.get('tab') ?? '')
    ? (search.get('tab') as Tab)
    : 'todo';
  const todo = useTab('todo');
  const doing = useTab('doing');
  const done = useTab('done');
  const byTab = { todo, doing, done };
  const labels: Record<Tab, string> = {
    todo: tx.list.todo,
    doing: tx.list.doing,
    done: tx.list.finished,
  };
  const empty: Record<Tab, string> = {
    todo: tx.list.emptyTodo,
    doing: tx.list.emptyDoing,
    done: tx.list.emptyFinished,
  };

  return (
    <div style={{ maxWidth: 720 }}>
      <PageTitle>{tx.list.myTasks}</PageTitle>
      <Tabs
        activeKey={tab}
        onChange={(k) => setSearch({ tab: k }, { replace: true })}
        items={TABS.map((k) => {
          const q = byTab[k];
          return {
            key: k,
            label: (
              <Flex align="center" gap={6}>
                {labels[k]}
                {k !== 'done' && q.data && q.data.total > 0 && (
                  <Badge count={q.data.total} color={k === 'todo' ? '#cf1322' : '#0958d9'} />
                )}
              </Flex>
            ),
            children: q.isError ? (
              <ErrorResult error={q.error} onRetry={() => void q.refetch()} />
            ) : q.isPending ? (
              <Skeleton active />
            ) : q.data.items.length === 0 ? (
              <Empty description={empty[k]} />
            ) : (
              <Flex vertical gap={12} role="list">
                {q.data.items.map((o) => (
                  <TaskCard key={o.id} order={o} />
                ))}
                {q.data.total > q.data.items.length && (
                  <Typography.Text type="secondary">{tx.list.more(q.data.total)}</Typography.Text>
                )}
              </Flex>
            ),
          };
        })}
      />
    </div>
  );
}
