import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../app/api.ts';
import type { ApiResponse } from '../../../app/api-models.ts';

/* Named types of the stores API (物资/备件), picked from the generated api-types. */
export type StockItem = ApiResponse<'/api/stores/items', 'get'>['items'][number];
export type Store = ApiResponse<'/api/stores/stores', 'get'>[number];
export type StockRow = ApiResponse<'/api/stores/stock', 'get'>['items'][number];
export type Movement = ApiResponse<'/api/stores/movements', 'get'>['items'][number];
export type StockDocument = ApiResponse<'/api/stores/documents', 'get'>['items'][number];
export type DocumentDetail = ApiResponse<'/api/stores/documents/{id}', 'get'>;
export type DocumentKind = StockDocument['kind'];
export type DocumentStatus = StockDocument['status'];
/** The kinds a person writes on the new-document page (work orders write their own). */
export type WritableKind = 'stock_in' | 'requisition' | 'transfer' | 'stocktake';
export const WRITABLE_KINDS: WritableKind[] = ['stock_in', 'requisition', 'transfer', 'stocktake'];
export const DOCUMENT_KINDS: DocumentKind[] = [
  'stock_in',
  'requisition',
  'transfer',
  'stocktake',
  'work_order',
  'work_order_return',
];
export const DOCUMENT_STATUSES: DocumentStatus[] = [
  'pending_approval',
  'done',
  'rejected',
  'cancelled',
];

/** Every stores query starts with this key: one invalidation refreshes stock, ledger and lists. */
export const storesKeys = {
  all: ['stores'] as const,
  items: ['stores', 'items'] as const,
  stores: ['stores', 'stores'] as const,
  stock: ['stores', 'stock'] as const,
  documents: ['stores', 'documents'] as const,
  document: (id: string) => ['stores', 'documents', 'one', id] as const,
  movements: ['stores', 'movements'] as const,
};

/** The stores the user may see (a short list: a few per site), active ones unless asked. */
export function useStores(all = false) {
  return useQuery({
    queryKey: [...storesKeys.stores, all ? 'all' : 'active'],
    queryFn: () =>
      unwrap(api.GET('/api/stores/stores', { params: { query: all ? {} : { active: 'true' } } })),
    staleTime: 30_000,
  });
}

/** Tag colours with AA contrast (antd's preset tag text is too pale on its background). */
export const STATUS_STYLES: Record<
  DocumentStatus,
  { color: string; background: string; borderColor: string }
> = {
  pending_approval: { color: '#ad4e00', background: '#fff7e6', borderColor: '#ffd591' },
  done: { color: '#135200', background: '#f6ffed', borderColor: '#b7eb8f' },
  rejected: { color: '#a8071a', background: '#fff1f0', borderColor: '#ffa39e' },
  cancelled: { color: 'rgba(0, 0, 0, 0.65)', background: '#fafafa', borderColor: '#d9d9d9' },
};

/** Yuan typed in a form → 分 for the API. */
export const yuanToFen = (yuan: number | null | undefined) => Math.round((yuan ?? 0) * 100);

/** A requisition's value is known only when the stock leaves (approval); until then "—". */
export const valueKnown = (d: Pick<StockDocument, 'status'>) => d.status !== 'pending_approval';
