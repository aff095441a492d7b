import {
  AppstoreOutlined,
  BarChartOutlined,
  DatabaseOutlined,
  FileTextOutlined,
  HomeOutlined,
  ShoppingCartOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { lazy } from 'react';
import type { PageDef } from '../../../app/page-def.ts';

// Each page its own chunk: a technician looking stock up on a phone loads only that page.
const StockPage = lazy(() => import('./stock/stock-page.tsx'));
const MyRequisitionsPage = lazy(() => import('./documents/my-requisitions-page.tsx'));
const DocumentsPage = lazy(() => import('./documents/documents-page.tsx'));
const NewDocumentPage = lazy(() => import('./documents/new-document-page.tsx'));
const DocumentPage = lazy(() => import('./documents/document-page.tsx'));
const MovementsPage = lazy(() => import('./stock/movements-page.tsx'));
const ReportsPage = lazy(() => import('./reports/reports-page.tsx'));
const ItemsPage = lazy(() => import('./items/items-page.tsx'));
const StoresPage = lazy(() => import('./stores/stores-page.tsx'));

const read = { permission: 'stores:read', scope: 'site' } as const;

/**
 * 物资/备件. A document and the new-document form need no permission here:
 * the server decides per store (a requester may write a requisition, a
 * keeper the rest) and shows a document to those it concerns.
 */
export const STORES_PAGES: PageDef[] = [
  {
    path: 'stores/stock',
    page: StockPage,
    permission: read,
    menu: { group: 'assets', label: { 'zh-CN': '库存', en: 'Stock' }, icon: <DatabaseOutlined /> },
  },
  {
    path: 'stores/requisitions',
    page: MyRequisitionsPage,
    permission: { permission: 'stores:request', scope: 'site' },
    menu: {
      group: 'assets',
      label: { 'zh-CN': '物资领用', en: 'Requisitions' },
      icon: <ShoppingCartOutlined />,
    },
  },
  {
    path: 'stores/documents',
    page: DocumentsPage,
    permission: read,
    menu: {
      group: 'assets',
      label: { 'zh-CN': '出入库单', en: 'Stock documents' },
      icon: <FileTextOutlined />,
    },
  },
  { path: 'stores/documents/new/:kind', page: NewDocumentPage },
  { path: 'stores/documents/:id', page: DocumentPage },
  {
    path: 'stores/movements',
    page: MovementsPage,
    permission: read,
    menu: {
      group: 'assets',
      label: { 'zh-CN': '出入库流水', en: 'Stock ledger' },
      icon: <UnorderedListOutlined />,
    },
  },
  {
    path: 'stores/reports',
    page: ReportsPage,
    permission: read,
    menu: {
      group: 'assets',
      label: { 'zh-CN': '物资报表', en: 'Stores reports' },
      icon: <BarChartOutlined />,
    },
  },
  {
    path: 'stores/items',
    page: ItemsPage,
    permission: read,
    menu: {
      group: 'assets',
      label: { 'zh-CN': '物资目录', en: 'Items' },
      icon: <AppstoreOutlined />,
    },
  },
  {
    path: 'stores/stores',
    page: StoresPage,
    permission: read,
    menu: { group: 'assets', label: { 'zh-CN': '仓库', en: 'Stores' }, icon: <HomeOutlined /> },
  },
];
