import type { ApiBody, ApiResponse } from '../../../app/api-models.ts';
import type { OperationKindChoice } from '../operations/start-operation-dialog.tsx';

/** Named API types of the register (picked from the generated api-types.ts). */
export type Asset = ApiResponse<'/api/assets', 'get'>['items'][number];
export type AssetDetail = ApiResponse<'/api/assets/{id}', 'get'>;
export type AssetCreate = ApiBody<'/api/assets', 'post'>;
export type AssetBatch = ApiBody<'/api/assets/batch', 'post'>;
export type AssetUpdate = ApiBody<'/api/assets/{id}', 'patch'>;
export type RegisterResult = ApiResponse<'/api/assets', 'post'>;
export type Category = ApiResponse<'/api/assets/categories', 'get'>[number];
export type CategoryCreate = ApiBody<'/api/assets/categories', 'post'>;
export type FieldDef = Category['fields'][number];
export type AssetStatus = Asset['status'];

export const assetKeys = {
  all: ['assets'] as const,
  list: ['assets', 'list'] as const,
  detail: (id: string) => ['assets', 'detail', id] as const,
  categories: ['assets', 'categories'] as const,
  reports: ['assets', 'reports'] as const,
};

export const ASSET_STATUSES: AssetStatus[] = [
  'pending',
  'in_use',
  'idle',
  'lent',
  'under_repair',
  'lost',
  'disposed',
  'void',
];

/** Tag colours: in use green, idle blue, away orange, gone red/grey. */
export const STATUS_COLORS: Record<AssetStatus, string> = {
  pending: 'gold',
  in_use: 'green',
  idle: 'blue',
  lent: 'orange',
  under_repair: 'purple',
  lost: 'red',
  disposed: 'default',
  void: 'default',
};

/**
 * The statuses each operation starts from. A copy of `KIND_RULES[kind].from`
 * in server/src/modules/assets/operation-kinds.ts (the web may import only
 * schema files of the server); the server checks again and answers a 409
 * with a sentence when this copy is ever out of date.
 */
export const KIND_FROM: Record<OperationKindChoice, readonly AssetStatus[]> = {
  assign: ['idle'],
  transfer: ['in_use', 'idle'],
  release: ['in_use'],
  lend: ['idle', 'in_use'],
  return: ['lent'],
  repair: ['in_use', 'idle'],
  repaired: ['under_repair'],
  damage: ['in_use', 'idle', 'lent', 'under_repair'],
  loss: ['in_use', 'idle', 'lent', 'under_repair'],
  recover: ['lost'],
  dispose: ['idle', 'in_use', 'lost', 'under_repair'],
};
const KINDS = Object.keys(KIND_FROM) as OperationKindChoice[];

/** Operations every one of these statuses allows (none for an empty choice). */
export function kindsFor(statuses: readonly AssetStatus[]): OperationKindChoice[] {
  if (statuses.length === 0) return [];
  return KINDS.filter((k) => statuses.every((s) => KIND_FROM[k].includes(s)));
}

/** The tag of card `i` (0-based) of a batch: prefix + number padded to `digits`. */
export function batchTag(prefix: string, start: number, digits: number, i: number): string {
  return `${prefix}${String(start + i).padStart(digits, '0')}`;
}

/** Yuan typed in a form → 分 for the API (rounded: 0.1 + 0.2 must not become 30.000000004). */
export const toFen = (yuan: number | null | undefined) => Math.round((yuan ?? 0) * 100);

/** The address a QR label holds: this web app's origin + the API's path (/a/{token}). */
export const qrUrl = (path: string) => `${window.location.origin}${path}`;

/** Useful life as "15 年" / "18 个月" from months. */
export function lifeText(months: number | null, years: (m: number) => string, none: string) {
  return months ? years(months) : none;
}

/**
 * The labels page for these cards. Ids travel in the address (and on to the
 * API), which servers cap at some 16 KB: the cards of a registration (a batch
 * of up to 2,000 desks) go by the registration's `operationId` instead, which
 * the page reads page by page.
 */
export function labelsHref(ids: readonly string[], operationId?: string): string {
  if (operationId) return `/assets/labels?operationId=${operationId}`;
  return `/assets/labels?ids=${ids.join(',')}`;
}
