import { api, unwrap } from '../../../app/api.ts';
import type { ApiResponse } from '../../../app/api-models.ts';
import { REUSABLE_CONDITIONS } from '@server/modules/assets/idle/schema.ts';

/** Named API types of this area (picked from the generated types, not redeclared). */
export type OperationDetail = ApiResponse<'/api/assets/operations/{id}', 'get'>;
export type OperationRow = ApiResponse<'/api/assets/operations', 'get'>['items'][number];
export type CompensationRow = ApiResponse<'/api/assets/compensations', 'get'>['items'][number];
export type Loan = ApiResponse<'/api/assets/reports/loans', 'get'>['items'][number];
export type AssetSettings = ApiResponse<'/api/assets/settings', 'get'>;
export type IdleGroup = ApiResponse<'/api/assets/idle', 'get'>['groups'][number];

/** Good and fair idle assets may go to a department; poor and damaged ones may not. */
export function isReusable(condition: string): condition is (typeof REUSABLE_CONDITIONS)[number] {
  return (REUSABLE_CONDITIONS as readonly string[]).includes(condition);
}

/** Cache keys: every action on an operation refreshes all of them (lists, loans, compensation). */
export const ASSETS_KEY = ['assets'] as const;
export const opsKeys = {
  list: [...ASSETS_KEY, 'operations', 'list'] as const,
  one: (id: string) => [...ASSETS_KEY, 'operations', id] as const,
  settings: [...ASSETS_KEY, 'settings'] as const,
  compensations: [...ASSETS_KEY, 'compensations'] as const,
  loans: [...ASSETS_KEY, 'loans'] as const,
  idle: [...ASSETS_KEY, 'idle'] as const,
};

export const fetchOperation = (id: string) =>
  unwrap(api.GET('/api/assets/operations/{id}', { params: { path: { id } } }));

export const fetchSettings = () => unwrap(api.GET('/api/assets/settings'));

/** Yuan typed in a form → 分 for the API (no floating-point drift: 0.1 + 0.2). */
export const yuanToFen = (yuan: number) => Math.round(yuan * 100);

/** Today in the browser's calendar as YYYY-MM-DD. */
export function todayIso(offsetDays = 0): string {
  const d = new Date();
  d.setDate(d.getDate() + offsetDays);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** Amount one party owes: round(net value × share), as the server computes it. */
export const shareAmount = (netValueFen: number, sharePercent: number) =>
  Math.round((netValueFen * Math.round(sharePercent * 100)) / 10000);

type Grants = { permissions: { permission: string; orgWide: boolean; sites: string[] }[] };

/** Whether the user holds `permission` at this site (or organisation-wide). */
export function canAt(me: Grants, permission: string, siteId: string): boolean {
  const g = me.permissions.find((p) => p.permission === permission);
  return !!g && (g.orgWide || g.sites.includes(siteId));
}

/**
 * Reports that answer with the whole (short) list — loans outstanding, idle
 * groups — shown through ListPage: the page is cut here so the list still
 * pages, sorts nothing it cannot, and becomes cards on a phone.
 */
export function pageOf<T>(items: T[], query: Record<string, string | number>) {
  const page = Number(query.page) || 1;
  const pageSize = Number(query.pageSize) || 20;
  return {
    items: items.slice((page - 1) * pageSize, page * pageSize),
    total: items.length,
    page,
    pageSize,
  };
}
