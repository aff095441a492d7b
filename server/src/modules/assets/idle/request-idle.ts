import type { Transaction } from 'kysely';
import type { Actor } from '../../../platform/context.ts';
import type { Database } from '../../../platform/db/database.ts';
import type { Deps } from '../../../platform/deps.ts';
import { conflict, forbidden, notFound } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import {
  assetNetValue,
  checkDepartment,
  createOperationInTx,
  localToday,
  orgTimeZone,
  whoAmI,
} from '../operations/index.ts';
import { AssetsP } from '../policy.ts';
import { reusableAssets } from './find-reusable.ts';
import { pickAcrossSites } from './pick-sites.ts';
import type { IdleRequestInput } from './schema.ts';

/** Sites where the user may ask for idle assets for a department. */
function requestSites(actor: Actor): 'all' | string[] {
  const sign = actor.access.siteScope(AssetsP.sign);
  const manage = actor.access.siteScope(AssetsP.manage);
  if (sign === 'all' || manage === 'all') return 'all';
  return [...new Set([...sign, ...manage])];
}

/** The place asked for: of the organisation and in use (as the operation itself checks it). */
async function findPlace(tx: Transaction<Database>, orgId: string, id: string) {
  const place = await tx
    .selectFrom('locations')
    .select(['id', 'site_id', 'active'])
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!place || place.active !== 1) throw notFound({ zh: '位置', en: 'Location' });
  return place;
}

type SiteBatch = { siteId: string; assetIds: string[] };
type Picked = { id: string; siteId: string; netValueFen: number };

/** Groups asset ids by site, sites in the order their first asset comes. */
function bySite(assets: readonly Picked[]): SiteBatch[] {
  const out = new Map<string, string[]>();
  for (const a of assets) out.set(a.siteId, [...(out.get(a.siteId) ?? []), a.id]);
  return [...out].map(([siteId, assetIds]) => ({ siteId, assetIds }));
}

/** Named assets with their site and net value; an id not of the organisation is a 404 (as the operation says it). */
async function namedAssets(
  tx: Transaction<Database>,
  orgId: string,
  ids: readonly string[],
  now: Date,
): Promise<Picked[]> {
  const rows = await tx
    .selectFrom('ast_assets')
    .select([
      'id',
      'site_id',
      'original_value_fen',
      'depreciation_method',
      'life_months',
      'residual_bp',
      'in_service_date',
      'purchase_date',
    ])
    .where('org_id', '=', orgId)
    .where('id', 'in', ids)
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  if (ids.some((id) => !byId.has(id))) throw notFound({ zh: '资产', en: 'Asset' });
  const today = localToday(await orgTimeZone(tx, orgId), now);
  return ids.map((id) => {
    const a = byId.get(id)!;
    return { id, siteId: a.site_id, netValueFen: assetNetValue(a, today) };
  });
}

/**
 * A department asks for idle assets instead of buying (reuse before buy):
 * named assets, or N of a category picked from the pool (good before fair).
 * It becomes a transfer to the department, marked as an idle request, with
 * approval per the settings; the department signs for receipt.
 *
 * One operation holds one site's assets, so assets at several sites — the
 * 10 beds a ward needs, 6 idle at one campus and 4 at another — become one
 * transfer per site (pickAcrossSites: as few sites as the condition allows),
 * all created in one transaction: every one of them, or none. Returns their
 * ids, best site first.
 *
 * A place (toLocationId) says where the assets go: every transfer moves its
 * assets there, and those at another site to the place's site with it — beds
 * from the west campus are then registered at the ward that uses them, and
 * its stock-take expects them. The place must be at a site the requester may
 * ask at (checkTargets). A category request takes from the place's site
 * first: fewer beds to carry (pickAcrossSites' mustSiteId). Without a place
 * the assets change department only and stay where they are stored.
 */
export async function requestIdleTransfers(
  deps: Pick<Deps, 'db' | 'config'>,
  actor: Actor,
  input: IdleRequestInput,
  now = new Date(),
): Promise<string[]> {
  const me = await whoAmI(deps.db, actor);
  await checkDepartment(deps.db, actor.orgId, input.departmentId);
  const sites = requestSites(actor);
  if (sites !== 'all' && sites.length === 0) throw forbidden();
  if (input.departmentId !== me.departmentId && !actor.access.has(AssetsP.manage))
    throw forbidden({
      zh: '科室负责人只能为本部门申请闲置资产',
      en: 'A department head asks for idle assets for their own department only',
    });
  return deps.db.transaction().execute(async (tx) => {
    const place = input.toLocationId
      ? await findPlace(tx, actor.orgId, input.toLocationId)
      : undefined;
    let picked: Picked[];
    if (input.assetIds) picked = await namedAssets(tx, actor.orgId, input.assetIds, now);
    else {
      const quantity = input.quantity!;
      // Read in the transaction: an asset another request takes meanwhile fails this one (409) rather than both.
      const candidates = await reusableAssets(tx, actor.orgId, {
        categoryId: input.categoryId!,
        siteId: input.siteId,
        condition: input.condition,
        exactCategory: input.exactCategory,
        ...(sites !== 'all' && { siteIds: sites }),
      });
      const best = pickAcrossSites(candidates, quantity, place?.site_id);
      if (!best)
        throw conflict({
          zh: `闲置库中该类资产只有 ${candidates.length} 件可用，不足 ${quantity} 件`,
          en: `Only ${candidates.length} idle assets of that category are available, fewer than ${quantity}`,
        });
      picked = best;
    }
    const batches = bySite(picked);
    // Approval is decided on the whole request, not on each site's part of it.
    const requestValueFen = picked.reduce((sum, a) => sum + a.netValueFen, 0);
    // Transfers of one request share an id, so the reuse report counts the request once.
    const requestId = batches.length > 1 ? newId() : undefined;
    const ids: string[] = [];
    for (const b of batches)
      ids.push(
        await createOperationInTx(
          deps,
          tx,
          actor,
          {
            kind: 'transfer',
            assetIds: b.assetIds,
            reason: input.reason,
            toDepartmentId: input.departmentId,
            ...(place && { toLocationId: place.id }),
            ...(place && place.site_id !== b.siteId && { toSiteId: place.site_id }),
          },
          now,
          {
            requestingDepartmentId: input.departmentId,
            requestValueFen,
            ...(requestId && { requestId }),
          },
        ),
      );
    return ids;
  });
}
