import { api, unwrap } from '../../../app/api.ts';
import type { ApiBody, ApiResponse } from '../../../app/api-models.ts';
import type { paths } from '../../../app/api-types.ts';

export type WorkOrder = ApiResponse<'/api/maintenance/work-orders', 'get'>['items'][number];
export type WorkOrderDetail = ApiResponse<'/api/maintenance/work-orders/{id}', 'get'>;
export type Status = WorkOrder['status'];
export type Action = WorkOrderDetail['allowedActions'][number];
export type Category = ApiResponse<'/api/maintenance/categories', 'get'>[number];
export type Priority = ApiResponse<'/api/maintenance/priorities', 'get'>[number];
export type WorkOrderQuery = NonNullable<
  paths['/api/maintenance/work-orders']['get']['parameters']['query']
>;
export type CompleteBody = ApiBody<'/api/maintenance/work-orders/{id}/complete', 'post'>;
export type RateBody = ApiBody<'/api/maintenance/work-orders/{id}/rate', 'post'>;

/** Every work-order query starts with this key, so one invalidation refreshes lists and detail. */
export const workOrderKeys = {
  all: ['maintenance', 'work-orders'] as const,
  one: (id: string) => ['maintenance', 'work-orders', 'one', id] as const,
};

/** antd colour names per status, for dots and badges (the dispatch board uses them). */
export const STATUS_COLORS: Record<Status, string> = {
  submitted: 'orange',
  assigned: 'gold',
  accepted: 'cyan',
  in_progress: 'blue',
  paused: 'purple',
  completed: 'geekblue',
  confirmed: 'green',
  closed: 'default',
  cancelled: 'default',
};

/**
 * Tag colours per status: antd's preset tag colours (orange, gold, cyan,
 * green text on their pale backgrounds) fail WCAG AA contrast, so each status
 * gets the 8th shade of its hue for the text.
 */
export const STATUS_STYLES: Record<
  Status,
  { color: string; background: string; borderColor: string }
> = {
  submitted: { color: '#ad4e00', background: '#fff7e6', borderColor: '#ffd591' },
  assigned: { color: '#874d00', background: '#fffbe6', borderColor: '#ffe58f' },
  accepted: { color: '#006d75', background: '#e6fffb', borderColor: '#87e8de' },
  in_progress: { color: '#003eb3', background: '#e6f4ff', borderColor: '#91caff' },
  paused: { color: '#391085', background: '#f9f0ff', borderColor: '#d3adf7' },
  completed: { color: '#10239e', background: '#f0f5ff', borderColor: '#adc6ff' },
  confirmed: { color: '#135200', background: '#f6ffed', borderColor: '#b7eb8f' },
  closed: { color: 'rgba(0, 0, 0, 0.88)', background: '#fafafa', borderColor: '#d9d9d9' },
  cancelled: { color: 'rgba(0, 0, 0, 0.65)', background: '#fafafa', borderColor: '#d9d9d9' },
};

/** The place in words: the location tree's path, else the free-text place. */
export function placeOf(o: Pick<WorkOrder, 'location' | 'building' | 'placeText'>): string {
  if (o.location) {
    return o.building && o.building.id !== o.location.id
      ? `${o.building.name} · ${o.location.name}`
      : o.location.name;
  }
  return o.placeText ?? '—';
}

export function fetchWorkOrders(query: WorkOrderQuery) {
  return unwrap(api.GET('/api/maintenance/work-orders', { params: { query } }));
}

export function fetchWorkOrder(id: string) {
  return unwrap(api.GET('/api/maintenance/work-orders/{id}', { params: { path: { id } } }));
}

/** Bodies by action, as the API takes them (each action has its own schema). */
export type ActionBody<A extends Action> = ApiBody<
  `/api/maintenance/work-orders/{id}/${A}`,
  'post'
>;

/**
 * Takes an action on an order; answers the refreshed detail, or null when the
 * caller may no longer see the order (handed back to dispatch).
 */
export function takeAction<A extends Action>(
  id: string,
  action: A,
  body: ActionBody<A>,
): Promise<WorkOrderDetail | null> {
  // One call site for eleven endpoints: the path is built from the action, typed per action above.
  const post = api.POST as unknown as (
    path: string,
    init: { params: { path: { id: string } }; body: unknown },
  ) => Promise<{ data?: WorkOrderDetail | null; error?: unknown; response: Response }>;
  return unwrap(
    post(`/api/maintenance/work-orders/{id}/${action}`, { params: { path: { id } }, body }),
  );
}

/** 1 h 30 min / 19 h from minutes, for the SLA hints. */
export function formatMinutes(m: number, en: boolean): string {
  const h = Math.floor(m / 60);
  const rest = m % 60;
  if (en) return [h ? `${h} h` : '', rest ? `${rest} min` : ''].filter(Boolean).join(' ');
  return [h ? `${h} 小时` : '', rest ? `${rest} 分钟` : ''].filter(Boolean).join(' ');
}
