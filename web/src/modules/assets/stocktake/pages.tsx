import { AuditOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { PageDef, PagePermission } from '../../../app/page-def.ts';

// Each page its own chunk: the counter's phone loads only the counting page.
const StocktakesPage = lazy(() => import('./stocktakes-page.tsx'));
const StocktakePage = lazy(() => import('./stocktake-page.tsx'));
const CountPage = lazy(() => import('./count-page.tsx'));

/**
 * Stock-take (盘点): readers (managers, leaders hold assets:read) and counters
 * (assets:count, e.g. the built-in 盘点员) at some site. The server answers per
 * site and refuses counting to anyone who may not count there.
 */
const SEES: readonly PagePermission[] = [
  { permission: 'assets:read', scope: 'site' },
  { permission: 'assets:count', scope: 'site' },
];
export const STOCKTAKE_PAGES: PageDef[] = [
  {
    path: 'assets/stocktakes',
    page: StocktakesPage,
    permission: SEES,
    menu: {
      group: 'assets',
      label: { 'zh-CN': '资产盘点', en: 'Stock-takes' },
      icon: <AuditOutlined />,
    },
  },
  { path: 'assets/stocktakes/:id', page: StocktakePage, permission: SEES },
  { path: 'assets/stocktakes/:id/count', page: CountPage, permission: SEES },
];
