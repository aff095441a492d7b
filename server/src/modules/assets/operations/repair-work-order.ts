import type { Transaction } from 'kysely';
import type { Actor } from '../../../platform/context.ts';
import type { Database } from '../../../platform/db/database.ts';
import type { Deps } from '../../../platform/deps.ts';
import { createWorkOrderInTx } from '../../maintenance/index.ts';
import type { AssetRow } from './load.ts';

export type RepairRequest = { categoryId: string; description: string; priorityId?: string };

/** Raises the maintenance work order of a 送修 inside the operation's transaction. */
export async function raiseRepairOrder(
  deps: Pick<Deps, 'config'>,
  tx: Transaction<Database>,
  actor: Actor,
  asset: AssetRow,
  request: RepairRequest,
  operationNumber: string,
  now: Date,
): Promise<string> {
  // Inside the operation's transaction: the order and the 送修 record commit
  // or roll back together. The assets module has decided who may send
  // property to repair (assets:manage at the site), so the order does not
  // also ask for maintenance:request.
  return createWorkOrderInTx(
    deps,
    tx,
    actor,
    {
      source: 'api',
      categoryId: request.categoryId,
      ...(request.priorityId && { priorityId: request.priorityId }),
      description: `【资产送修 ${operationNumber}】${asset.tag_no} ${asset.name}：${request.description}`,
      ...(asset.location_id ? { locationId: asset.location_id } : { siteId: asset.site_id }),
      assetRef: asset.tag_no,
      departmentId: asset.department_id,
    },
    now,
    { authorizedByCaller: true },
  );
}
