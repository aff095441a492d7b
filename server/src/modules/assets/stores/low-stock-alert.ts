import { usersHolding } from '../../../platform/access/holders.ts';
import type { DbOrTx } from '../../../platform/db/connect.ts';
import type { Deps } from '../../../platform/deps.ts';
import { notify } from '../../../platform/notify/index.ts';
import { StoresP } from '../policy.ts';
import type { StoreRow } from './document-core.ts';
import type { LedgerItem } from './stock-ledger.ts';

export type LowStock = { store: StoreRow; item: LedgerItem; quantity: number };

/**
 * Tells the store's keeper and whoever manages the stores at its site that
 * items fell to or below their minimum — once per fall: the stock row
 * remembers it (`alerted_at`) until a stock-in lifts it above the minimum.
 * Sent in the transaction of the movement, so no alert for a rolled-back one.
 */
export async function notifyLowStock(
  tx: DbOrTx,
  deps: Pick<Deps, 'config'>,
  orgId: string,
  low: readonly LowStock[],
): Promise<void> {
  const byStore = new Map<string, LowStock[]>();
  for (const l of low) byStore.set(l.store.id, [...(byStore.get(l.store.id) ?? []), l]);
  for (const list of byStore.values()) {
    const store = list[0]!.store;
    const managers = await usersHolding(tx, orgId, StoresP.manage, store.site_id);
    const userIds = [
      ...new Set([...(store.keeper_user_id ? [store.keeper_user_id] : []), ...managers]),
    ];
    if (userIds.length === 0) continue;
    const lines = list.map(
      (l) =>
        `${l.item.name}：现有 ${l.quantity}${l.item.unit}，下限 ${l.item.minStock}${l.item.unit}`,
    );
    await notify(tx, deps.config, {
      orgId,
      userIds,
      title: `库存预警：${store.name} ${list.length} 种物资低于下限`,
      body: lines.join('\n'),
      link: `/stores/stock?storeId=${store.id}&belowMinimum=true`,
      category: 'stores',
    });
  }
}
