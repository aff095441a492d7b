import type { Actor } from '../../../platform/context.ts';
import type { Db } from '../../../platform/db/connect.ts';
import { badRequest, isUniqueViolation, notFound } from '../../../platform/errors.ts';
import type { LocalizedText } from '../../../platform/i18n.ts';
import { AssetsP } from '../policy.ts';
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
import type { AssetBatch, AssetCreate } from './schema.ts';

const SITE = { zh: '院区', en: 'Site' };

function refuse(problems: LocalizedText[]): never {
  throw badRequest(
    { zh: problems.map((p) => p.zh).join('；'), en: problems.map((p) => p.en).join('; ') },
    { problems },
  );
}

/** The database caught a code or tag taken a moment ago by someone else: still a 409 with names. */
async function uniqueRace<T>(
  write: () => Promise<T>,
  keys: { codes: string[]; tags: string[] },
): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    throw keys.codes.length === 1 && keys.tags.length === 1
      ? codesTaken([`${keys.codes[0]} / ${keys.tags[0]}`])
      : tagsTaken(keys.tags.slice(0, 20));
  }
}

/** Registers one card (资产登记). */
export async function createAsset(db: Db, actor: Actor, input: AssetCreate): Promise<Registered> {
  if (!actor.access.hasAt(AssetsP.manage, input.siteId)) throw notFound(SITE);
  const run = () =>
    db.transaction().execute(async (tx) => {
      const category = await findCategoryRow(tx, actor.orgId, input.categoryId);
      if (!category) throw badRequest({ zh: '资产分类不存在', en: 'The category does not exist' });
      const problems = cardProblems(category, input);
      if (problems.length > 0) refuse(problems);
      await checkPlacement(tx, actor.orgId, input);
      const now = new Date();
      const code = input.code ?? (await nextAssetCodes(tx, actor.orgId, 1, now))[0]!;
      const tagNo = input.tagNo ?? code;
      const taken = await takenKeys(tx, actor.orgId, 'code', [code]);
      if (taken.length > 0) throw codesTaken(taken);
      const tagTaken = await takenKeys(tx, actor.orgId, 'tag_no', [tagNo]);
      if (tagTaken.length > 0) throw tagsTaken(tagTaken);
      const row = cardRow(actor, {
        siteId: input.siteId,
        category,
        input,
        code,
        tagNo,
        at: now.toISOString(),
      });
      return registerCards(tx, actor, input.siteId, [row], now, { via: 'single', shared: true });
    });
  return uniqueRace(run, {
    codes: [input.code ?? '?'],
    tags: [input.tagNo ?? input.code ?? '?'],
  });
}

/** ZY-0001 … ZY-0120: `count` tags from `start`, padded to `digits`. */
export function batchTags(b: Pick<AssetBatch, 'tagPrefix' | 'tagStart' | 'tagDigits' | 'count'>) {
  return Array.from(
    { length: b.count },
    (_, i) => `${b.tagPrefix}${String(b.tagStart + i).padStart(b.tagDigits, '0')}`,
  );
}

/**
 * 批量登记: `count` identical cards with consecutive tags (120 student desks
 * ZY-0001…ZY-0120), one operation with a line each, all or nothing. Any tag
 * already in use refuses the whole batch, naming the first clashes.
 */
export async function createBatch(db: Db, actor: Actor, input: AssetBatch): Promise<Registered> {
  if (!actor.access.hasAt(AssetsP.manage, input.siteId)) throw notFound(SITE);
  const tags = batchTags(input);
  const tooLong = tags.find((t) => t.length > 40);
  if (tooLong)
    throw badRequest({
      zh: `标签号 ${tooLong} 过长（最多 40 个字符）`,
      en: `Tag ${tooLong} is too long (40 characters at most)`,
    });
  const card = { ...input, quantity: 1 };
  const run = () =>
    db.transaction().execute(async (tx) => {
      const category = await findCategoryRow(tx, actor.orgId, input.categoryId);
      if (!category) throw badRequest({ zh: '资产分类不存在', en: 'The category does not exist' });
      const problems = cardProblems(category, card);
      if (problems.length > 0) refuse(problems);
      await checkPlacement(tx, actor.orgId, input);
      const clashes = await takenKeys(tx, actor.orgId, 'tag_no', tags);
      if (clashes.length > 0) throw tagsTaken(clashes);
      const now = new Date();
      const at = now.toISOString();
      const codes = await nextAssetCodes(tx, actor.orgId, tags.length, now);
      const codeClashes = await takenKeys(tx, actor.orgId, 'code', codes);
      if (codeClashes.length > 0) throw codesTaken(codeClashes);
      const rows = tags.map((tagNo, i) =>
        cardRow(actor, { siteId: input.siteId, category, input: card, code: codes[i]!, tagNo, at }),
      );
      return registerCards(tx, actor, input.siteId, rows, now, { via: 'batch', shared: true });
    });
  return uniqueRace(run, { codes: [], tags });
}
