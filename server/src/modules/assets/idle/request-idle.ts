import type { Actor } from '../../../platform/context.ts';
import type { Deps } from '../../../platform/deps.ts';
import { conflict, forbidden } from '../../../platform/errors.ts';
import { createOperation, checkDepartment, whoAmI } from '../operations/index.ts';
import { AssetsP } from '../policy.ts';
import { findReusable } from './find-reusable.ts';
import type { IdleRequestInput } from './schema.ts';

/** Sites where the user may ask for idle assets for a department. */
function requestSites(actor: Actor): 'all' | string[] {
  const sign = actor.access.siteScope(AssetsP.sign);
  const manage = actor.access.siteScope(AssetsP.manage);
  if (sign === 'all' || manage === 'all') return 'all';
  return [...new Set([...sign, ...manage])];
}

/**
 * A department asks for idle assets instead of buying (reuse before buy):
 * named assets, or N of a category picked from the pool (good before fair).
 * It becomes a transfer to the department, marked as an idle request, with
 * approval per the settings; the department signs for receipt.
 */
export async function requestIdleAssets(
  deps: Pick<Deps, 'db' | 'config'>,
  actor: Actor,
  input: IdleRequestInput,
  now = new Date(),
): Promise<string> {
  const me = await whoAmI(deps.db, actor);
  await checkDepartment(deps.db, actor.orgId, input.departmentId);
  const sites = requestSites(actor);
  if (sites !== 'all' && sites.length === 0) throw forbidden();
  if (input.departmentId !== me.departmentId && !actor.access.has(AssetsP.manage))
    throw forbidden({
      zh: '科室负责人只能为本部门申请闲置资产',
      en: 'A department head asks for idle assets for their own department only',
    });
  let assetIds = input.assetIds;
  if (!assetIds) {
    const quantity = input.quantity!;
    const found = await findReusable(deps.db, actor.orgId, {
      categoryId: input.categoryId!,
      quantity,
      siteId: input.siteId,
      ...(sites !== 'all' && { siteIds: sites }),
    });
    // One operation holds assets of one site: take them where the first (best) ones are.
    const site = found.assets[0]?.siteId;
    const here = found.assets.filter((a) => a.siteId === site);
    if (!found.enough || here.length < quantity)
      throw conflict({
        zh: `闲置库中该类资产只有 ${found.available} 件可用，不足 ${quantity} 件`,
        en: `Only ${found.available} idle assets of that category are available, fewer than ${quantity}`,
      });
    assetIds = here.map((a) => a.id);
  }
  return createOperation(
    deps,
    actor,
    {
      kind: 'transfer',
      assetIds,
      reason: input.reason,
      toDepartmentId: input.departmentId,
      ...(input.toLocationId && { toLocationId: input.toLocationId }),
    },
    now,
    { requestingDepartmentId: input.departmentId },
  );
}
