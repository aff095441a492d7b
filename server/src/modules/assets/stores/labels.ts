import type { DocumentKind, DocumentStatus } from './schema.ts';

/** How document kinds and statuses are named on screens, messages and Excel files. */
export const DOCUMENT_KIND_LABELS: Record<DocumentKind, { zh: string; en: string }> = {
  stock_in: { zh: '入库', en: 'Stock in' },
  requisition: { zh: '领用', en: 'Requisition' },
  transfer: { zh: '调拨', en: 'Transfer' },
  stocktake: { zh: '盘点', en: 'Stock-take' },
  work_order: { zh: '工单领料', en: 'Work-order use' },
  work_order_return: { zh: '工单退料', en: 'Work-order return' },
};

export const DOCUMENT_STATUS_LABELS: Record<DocumentStatus, { zh: string; en: string }> = {
  pending_approval: { zh: '待审批', en: 'Pending approval' },
  done: { zh: '已完成', en: 'Done' },
  rejected: { zh: '已驳回', en: 'Rejected' },
  cancelled: { zh: '已撤销', en: 'Cancelled' },
};
