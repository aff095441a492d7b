import { api, unwrap } from '../../../app/api.ts';
import type { ApiResponse } from '../../../app/api-models.ts';
import type { paths } from '../../../app/api-types.ts';

/*
 * The work-order types and calls this area needs, kept here rather than
 * borrowed from the work area (built at the same time), so the two areas
 * change independently. The cache key prefix is shared on purpose: an
 * action anywhere refreshes every list and detail.
 */

export type WorkOrder = ApiResponse<'/api/maintenance/work-orders', 'get'>['items'][number];
export type Status = WorkOrder['status'];
export type WorkOrderQuery = NonNullable<
  paths['/api/maintenance/work-orders']['get']['parameters']['query']
>;

/** The prefix of every work-order query of the app (lists, board, detail). */
export const WORK_ORDERS_KEY = ['maintenance', 'work-orders'] as const;

/** Dot colours of the states (antd preset names, grey for the finished ones). */
export const STATUS_DOT: Record<Status, string> = {
  submitted: 'orange',
  assigned: 'gold',
  accepted: 'cyan',
  in_progress: 'blue',
  paused: 'purple',
  completed: 'geekblue',
  confirmed: 'green',
  closed: '#8c8c8c',
  cancelled: '#8c8c8c',
};

/** The place in words: building · room from the location tree, else the free-text place. */
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
