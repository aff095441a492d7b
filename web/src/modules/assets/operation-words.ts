/**
 * The names of asset operation kinds, shared by the operations pages and the
 * register (a card's timeline, its action menu).
 */
export const OPERATION_KIND_WORDS = {
  zh: {
    register: '登记入账',
    assign: '领用',
    transfer: '调拨',
    release: '交回闲置',
    lend: '借用',
    return: '归还',
    repair: '送修',
    repaired: '修复',
    damage: '报损',
    loss: '报失',
    recover: '找回',
    dispose: '报废处置',
    adjust: '盘点调整',
  },
  en: {
    register: 'Register',
    assign: 'Assign',
    transfer: 'Transfer',
    release: 'Return to pool',
    lend: 'Lend',
    return: 'Return',
    repair: 'Send to repair',
    repaired: 'Repaired',
    damage: 'Report damage',
    loss: 'Report loss',
    recover: 'Recovered',
    dispose: 'Dispose',
    adjust: 'Stock-take adjustment',
  },
} as const;
