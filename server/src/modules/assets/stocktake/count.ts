import { recordAudit } from '../../../platform/audit/record-audit.ts';
import type { Actor } from '../../../platform/context.ts';
import type { DbOrTx } from '../../../platform/db/connect.ts';
import type { Deps } from '../../../platform/deps.ts';
import { badRequest, conflict, forbidden, notFound } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { loadStocktake, mayCount, type StocktakeRow } from './access.ts';
import type { LineResult, ScanInput, ScanResult, Surplus, SurplusCreate } from './schema.ts';

/*
 * Counting: a scan marks an expected asset found (or in the wrong place, or
 * damaged) where the counter stands; scanning it again changes nothing. An
 * asset outside the list is answered, not added: the counter decides whether
 * to record it as surplus. Counters may also mark lines by hand.
 */

async function countable(db: DbOrTx, actor: Actor, id: string): Promise<StocktakeRow> {
  const st = await loadStocktake(db, actor, id);
  if (!mayCount(actor, st.site_id))
    throw forbidden({ zh: '您不能参与该院区的盘点', en: 'You may not count at this site' });
  if (st.status !== 'counting')
    throw conflict({ zh: '该盘点已结束，不能再盘点', en: 'This stock-take is no longer counting' });
  return st;
}

async function placeAt(db: DbOrTx, st: StocktakeRow, locationId: string) {
  const loc = await db
    .selectFrom('locations')
    .select(['id', 'name', 'site_id'])
    .where('org_id', '=', st.org_id)
    .where('id', '=', locationId)
    .executeTakeFirst();
  if (!loc) throw notFound({ zh: '位置', en: 'Location' });
  if (loc.site_id !== st.site_id)
    throw badRequest({
      zh: '该位置不在本次盘点的院区',
      en: 'That place is not at this stock-take’s site',
    });
  return loc;
}

export async function scanAsset(
  db: DbOrTx,
  actor: Actor,
  id: string,
  input: ScanInput,
  now = new Date(),
): Promise<ScanResult> {
  const st = await countable(db, actor, id);
  const here = await placeAt(db, st, input.locationId);
  let q = db
    .selectFrom('ast_assets as a')
    .leftJoin('locations as loc', 'loc.id', 'a.location_id')
    .select(['a.id', 'a.tag_no', 'a.name', 'a.status', 'a.location_id', 'loc.name as loc_name'])
    .where('a.org_id', '=', actor.orgId);
  q = input.qrToken
    ? q.where('a.qr_token', '=', input.qrToken)
    : q.where('a.tag_no', '=', input.tag!);
  const asset = await q.executeTakeFirst();
  if (!asset) return { outcome: 'unknown', asset: null, expectedLocation: null, repeated: false };
  const shown = {
    id: asset.id,
    tagNo: asset.tag_no,
    name: asset.name,
    status: asset.status,
    location:
      asset.location_id && asset.loc_name ? { id: asset.location_id, name: asset.loc_name } : null,
  };
  const line = await db
    .selectFrom('ast_stocktake_lines as l')
    .leftJoin('locations as el', 'el.id', 'l.expected_location_id')
    .select(['l.result', 'l.found_location_id', 'l.expected_location_id', 'el.name as el_name'])
    .where('l.stocktake_id', '=', id)
    .where('l.asset_id', '=', asset.id)
    .executeTakeFirst();
  if (!line)
    return { outcome: 'not_listed', asset: shown, expectedLocation: null, repeated: false };
  const expectedLocation =
    line.expected_location_id && line.el_name
      ? { id: line.expected_location_id, name: line.el_name }
      : null;
  const result: LineResult =
    input.result === 'damaged'
      ? 'damaged'
      : line.expected_location_id === here.id
        ? 'found'
        : 'wrong_place';
  const repeated = line.result === result && line.found_location_id === here.id;
  if (!repeated) {
    await db
      .updateTable('ast_stocktake_lines')
      .set({
        result,
        found_location_id: here.id,
        counted_by: actor.userId,
        counted_at: now.toISOString(),
        ...(input.note !== undefined && { note: input.note || null }),
      })
      .where('stocktake_id', '=', id)
      .where('asset_id', '=', asset.id)
      .execute();
  }
  return { outcome: result, asset: shown, expectedLocation, repeated };
}

/** Marks a line by hand: missing, damaged, found where expected, or back to not counted. */
export async function markLine(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  id: string,
  assetId: string,
  input: { result: 'pending' | 'found' | 'missing' | 'damaged'; note?: string | undefined },
  now = new Date(),
) {
  return deps.db.transaction().execute(async (tx) => {
    const st = await countable(tx, actor, id);
    const line = await tx
      .selectFrom('ast_stocktake_lines')
      .select(['result', 'expected_location_id', 'found_location_id'])
      .where('stocktake_id', '=', id)
      .where('asset_id', '=', assetId)
      .executeTakeFirst();
    if (!line) throw notFound({ zh: '盘点明细', en: 'Stock-take line' });
    const pending = input.result === 'pending';
    await tx
      .updateTable('ast_stocktake_lines')
      .set({
        result: input.result,
        found_location_id:
          input.result === 'found'
            ? line.expected_location_id
            : input.result === 'damaged'
              ? (line.found_location_id ?? line.expected_location_id)
              : null,
        counted_by: pending ? null : actor.userId,
        counted_at: pending ? null : now.toISOString(),
        note: input.note || null,
      })
      .where('stocktake_id', '=', id)
      .where('asset_id', '=', assetId)
      .execute();
    // A hand mark is a judgement (not a scan): it is audited.
    await recordAudit(tx, actor, {
      action: 'mark',
      entityType: 'asset_stocktake',
      entityId: id,
      siteId: st.site_id,
      before: { assetId, result: line.result },
      after: { assetId, result: input.result, note: input.note ?? null },
    });
    return { ok: true as const };
  });
}

/** Records an item found that is not on the list (盘盈); its tag links to a card if there is one. */
export async function addSurplus(
  db: DbOrTx,
  actor: Actor,
  id: string,
  input: SurplusCreate,
  now = new Date(),
): Promise<Surplus> {
  const st = await countable(db, actor, id);
  const here = await placeAt(db, st, input.locationId);
  const tagNo = input.tagNo || null;
  const card = tagNo
    ? await db
        .selectFrom('ast_assets')
        .select(['id', 'code', 'tag_no', 'status'])
        .where('org_id', '=', actor.orgId)
        .where('tag_no', '=', tagNo)
        .executeTakeFirst()
    : undefined;
  const row = {
    id: newId(),
    org_id: actor.orgId,
    stocktake_id: id,
    name: input.name,
    tag_no: tagNo,
    location_id: here.id,
    note: input.note || null,
    counted_by: actor.userId,
    counted_at: now.toISOString(),
    asset_id: card?.id ?? null,
  };
  await db.insertInto('ast_stocktake_surplus').values(row).execute();
  await recordAudit(db, actor, {
    action: 'surplus',
    entityType: 'asset_stocktake',
    entityId: id,
    siteId: st.site_id,
    after: { name: row.name, tagNo, location: here.name },
  });
  return {
    id: row.id,
    name: row.name,
    tagNo,
    location: { id: here.id, name: here.name },
    note: row.note,
    countedAt: row.counted_at,
    card: card ? { id: card.id, code: card.code, tagNo: card.tag_no, status: card.status } : null,
    registered: false,
  };
}
