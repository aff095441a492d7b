import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

export type SortOrder = 'asc' | 'desc';

/** A list's state as it appears in the address: filters, sort, page. */
export type ListParams = {
  /** Filter values by key; absent keys are not filtered. */
  filters: Record<string, string>;
  sort: string | undefined;
  order: SortOrder | undefined;
  page: number;
  pageSize: number;
};

export const PAGE_SIZES = [20, 50, 100, 200] as const;
const RESERVED = new Set(['sort', 'order', 'page', 'pageSize']);

function positive(value: string | null, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/**
 * A list's filters, sort and page kept in the URL, so a filtered list can be
 * bookmarked, shared in a chat group, and survives reload and the back
 * button. Changing a filter or the sort goes back to page 1.
 */
export function useListParams(filterKeys: readonly string[]) {
  const [search, setSearch] = useSearchParams();
  const keysSignature = filterKeys.join(',');

  const params = useMemo<ListParams>(() => {
    const filters: Record<string, string> = {};
    for (const key of keysSignature.split(',')) {
      const value = search.get(key);
      if (key && value !== null && value !== '' && !RESERVED.has(key)) filters[key] = value;
    }
    const order = search.get('order');
    return {
      filters,
      sort: search.get('sort') ?? undefined,
      order: order === 'asc' || order === 'desc' ? order : undefined,
      page: positive(search.get('page'), 1),
      pageSize: Math.min(positive(search.get('pageSize'), 20), 200),
    };
  }, [search, keysSignature]);

  const update = useCallback(
    (
      patch: Partial<Omit<ListParams, 'filters'>> & {
        filters?: Record<string, string | undefined>;
      },
    ) => {
      setSearch(
        (prev) => {
          const next = new URLSearchParams(prev);
          const set = (key: string, value: string | number | undefined) =>
            value === undefined || value === '' ? next.delete(key) : next.set(key, String(value));
          let resetPage = false;
          for (const [key, value] of Object.entries(patch.filters ?? {})) {
            set(key, value);
            resetPage = true;
          }
          if ('sort' in patch || 'order' in patch) {
            set('sort', patch.sort);
            set('order', patch.order);
            resetPage = true;
          }
          if (patch.pageSize !== undefined) {
            set('pageSize', patch.pageSize === 20 ? undefined : patch.pageSize);
            resetPage = true;
          }
          if (patch.page !== undefined) set('page', patch.page === 1 ? undefined : patch.page);
          else if (resetPage) next.delete('page');
          return next;
        },
        { replace: true },
      );
    },
    [setSearch],
  );

  return [params, update] as const;
}

/** The query string of the API call: filters, sort and (optionally) paging. */
export function toApiQuery(params: ListParams, withPaging = true): Record<string, string | number> {
  const query: Record<string, string | number> = { ...params.filters };
  if (params.sort) query.sort = params.sort;
  if (params.order) query.order = params.order;
  if (withPaging) {
    query.page = params.page;
    query.pageSize = params.pageSize;
  }
  return query;
}

/** `/api/people/export.xlsx?q=…`: the same filters as the list, every matching row. */
export function exportHref(path: string, params: ListParams): string {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(toApiQuery(params, false))) query.set(k, String(v));
  const qs = query.toString();
  return qs ? `${path}?${qs}` : path;
}
