import type { ApiBody, ApiResponse } from '../../../app/api-models.ts';

/** Named shapes of the stock-take API (picked from the generated types). */
export type StocktakePage = ApiResponse<'/api/assets/stocktakes', 'get'>;
export type Stocktake = StocktakePage['items'][number];
export type StocktakeDetail = ApiResponse<'/api/assets/stocktakes/{id}', 'get'>;
export type StocktakeCreate = ApiBody<'/api/assets/stocktakes', 'post'>;
export type ScanResult = ApiResponse<'/api/assets/stocktakes/{id}/scan', 'post'>;
export type Variance = ApiResponse<'/api/assets/stocktakes/{id}/variance', 'get'>;
export type Line = Variance['lines']['items'][number];
export type Surplus = Variance['surplus'][number];

export const stocktakeKey = (id: string) => ['assets', 'stocktakes', id] as const;

/** What a label's QR code holds is the app's address `…/a/{qrToken}`; a typed tag is the tag. */
export function parseScanned(text: string): { qrToken: string } | { tag: string } {
  const m = /\/a\/([A-Za-z0-9-]+)\/?$/.exec(text.trim());
  return m ? { qrToken: m[1]! } : { tag: text.trim() };
}

type TagStyle = { color: string; background: string; borderColor: string };

// Explicit colours: antd's preset tag colours fall short of WCAG AA contrast.
export const STATUS_STYLE: Record<Stocktake['status'], TagStyle> = {
  counting: { color: '#003eb3', background: '#e6f4ff', borderColor: '#91caff' },
  closing: { color: '#874d00', background: '#fffbe6', borderColor: '#ffe58f' },
  closed: { color: '#135200', background: '#f6ffed', borderColor: '#b7eb8f' },
  cancelled: { color: 'rgba(0, 0, 0, 0.65)', background: '#fafafa', borderColor: '#d9d9d9' },
};

export const RESULT_STYLE: Record<Line['result'], TagStyle> = {
  pending: { color: '#a8071a', background: '#fff1f0', borderColor: '#ffa39e' },
  missing: { color: '#a8071a', background: '#fff1f0', borderColor: '#ffa39e' },
  wrong_place: { color: '#003eb3', background: '#e6f4ff', borderColor: '#91caff' },
  damaged: { color: '#ad4e00', background: '#fff7e6', borderColor: '#ffd591' },
  found: { color: '#135200', background: '#f6ffed', borderColor: '#b7eb8f' },
};
