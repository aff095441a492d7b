import { AuditOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { PageDef } from '../../../app/page-def.ts';

// Each page its own chunk: the counter's phone loads only the counting page.
const StocktakesPage = lazy(() => import('./stocktakes-page.tsx'));
const StocktakePage = lazy(() => import('./stocktake-page.tsx'));
const CountPage = lazy(() => import('./count-page.tsx'));

/**
 * Stock-take (盘点). The campaign and counting pages are open to any signed-in
 * user: readers, managers and counters (assets:count) alike; the server answers
 * per site and refuses counting to anyone else.
 */
export const STOCKTAKE_PAGES: PageDef[] = [
  {
    path: 'assets/stocktakes',
    page: StocktakesPage,
    permission: { permission: 'assets:read', scope: 'site' },
    menu: {
      group: 'assets',
      label: { 'zh-CN': '资产盘点', en: 'Stock-takes' },
      icon: <AuditOutlined />,
    },
  },
  { path: 'assets/stocktakes/:id', page: StocktakePage },
  { path: 'assets/stocktakes/:id/count', page: CountPage },
];
