import type { Actor } from '../../../platform/context.ts';
import type { DbOrTx } from '../../../platform/db/connect.ts';
import { badRequest } from '../../../platform/errors.ts';
import { findCategoryRow } from './categories.ts';
import {
  cardProblems,
  cardRow,
  checkPlacement,
  codesTaken,
  nextAssetCodes,
  registerCards,
  tagsTaken,
  takenKeys,
  type Registered,
} from './register-cards.ts';
import { AssetCreateSchema } from './schema.ts';

/*
 * Cards for property found that the register did not know (盘盈, a stock-take's
 * surplus): each item has its own category and place, so the cards are
 * checked one by one like a single registration, then written together by
 * the shared write path — one 'register' operation (with the organisation's
 * approval rule), lines, timeline events and audit — in the caller's
 * transaction, so a stock-take's closing stays all or nothing.
 */

export type FoundItem = {
  name: string;
  /** The label already on the item; none: the tag is the new code. */
  tagNo: string | null;
  categoryId: string;
  locationId: string | null;
  departmentId: string | null;
  unitPriceFen: number;
};

/** Registers found items at one site; the cards come back in the items' order. */
export async function registerFoundItems(
  tx: DbOrTx,
  actor: Actor,
  siteId: string,
  items: FoundItem[],
  now: Date,
  reason: string,
): Promise<Registered> {
  const tags = items.flatMap((i) => (i.tagNo ? [i.tagNo] : []));
  const twice = tags.find((t, i) => tags.indexOf(t) !== i);
  if (twice) throw tagsTaken([twice]);
  const clashes = await takenKeys(tx, actor.orgId, 'tag_no', tags);
  if (clashes.length > 0) throw tagsTaken(clashes);
  const codes = await nextAssetCodes(tx, actor.orgId, items.length, now);
  const codeClashes = await takenKeys(tx, actor.orgId, 'code', codes);
  if (codeClashes.length > 0) throw codesTaken(codeClashes);
  const at = now.toISOString();
  const rows = [];
  for (const [i, item] of items.entries()) {
    // The register's own schema fills the defaults (quantity 1, source, condition) as for any card.
    const input = AssetCreateSchema.parse({
      siteId,
      categoryId: item.categoryId,
      name: item.name,
      unitPriceFen: item.unitPriceFen,
      source: 'other',
      ...(item.locationId && { locationId: item.locationId }),
      ...(item.departmentId && { departmentId: item.departmentId }),
    });
    const category = await findCategoryRow(tx, actor.orgId, item.categoryId);
    if (!category)
      throw badRequest({
        zh: `「${item.name}」的资产分类不存在`,
        en: `The category of "${item.name}" does not exist`,
      });
    const problems = cardProblems(category, input);
    if (problems.length > 0)
      throw badRequest(
        {
          zh: `「${item.name}」：${problems.map((p) => p.zh).join('；')}`,
          en: `"${item.name}": ${problems.map((p) => p.en).join('; ')}`,
        },
        { problems },
      );
    await checkPlacement(tx, actor.orgId, input);
    const code = codes[i]!;
    rows.push(cardRow(actor, { siteId, category, input, code, tagNo: item.tagNo ?? code, at }));
  }
  return registerCards(tx, actor, siteId, rows, now, { reason, via: 'batch' });
}
