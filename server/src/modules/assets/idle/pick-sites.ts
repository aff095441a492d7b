import type { ReusableAsset } from './find-reusable.ts';

/** More sites than this holding candidates: take the best N wherever they are (no search). */
const MAX_SEARCHED_SITES = 12;

/** Subsets of `items` of size `k`, in lexicographic order of their positions. */
function* combinations<T>(items: readonly T[], k: number, from = 0): Generator<T[]> {
  if (k === 0) {
    yield [];
    return;
  }
  for (let i = from; i <= items.length - k; i++)
    for (const rest of combinations(items, k - 1, i + 1)) yield [items[i]!, ...rest];
}

/** The candidates with, within each condition, those of `siteId` first (otherwise in their order). */
function mustFirst(candidates: readonly ReusableAsset[], siteId: string | undefined) {
  if (!siteId) return candidates;
  const block = new Map<string, number>();
  for (const a of candidates) if (!block.has(a.condition)) block.set(a.condition, block.size);
  return [...candidates].sort(
    (a, b) =>
      block.get(a.condition)! - block.get(b.condition)! ||
      Number(a.siteId !== siteId) - Number(b.siteId !== siteId),
  );
}

/**
 * Which `quantity` of the reusable assets (best first: good before fair, then
 * by tag) a request takes, when one operation holds one site's assets and so
 * every site used is one more transfer to approve and sign for.
 *
 * Condition comes first: the result has exactly as many good (and fair) ones
 * as the best `quantity` — never a fair bed where a good one was free. Among
 * the ways to do that, the fewest sites: whether a set of sites can serve is
 * a count per condition, so the smallest sets are tried first and the first
 * that serves wins (sites ordered by their best asset, so ties go to the sites
 * holding the better-ranked ones). Within the chosen sites the assets are
 * taken best first. `mustSiteId` (the site of the place the assets go to) is
 * in every set tried, when it holds any asset of a needed condition, and
 * gives its assets first within each condition.
 *
 * Hospitals have a handful of campuses; past MAX_SEARCHED_SITES sites the
 * search is skipped and the best `quantity` are taken wherever they are.
 * Null: fewer than `quantity` candidates.
 */
export function pickAcrossSites(
  candidates: readonly ReusableAsset[],
  quantity: number,
  mustSiteId?: string,
): ReusableAsset[] | null {
  if (candidates.length < quantity) return null;
  const best = candidates.slice(0, quantity);
  const need = new Map<string, number>();
  for (const a of best) need.set(a.condition, (need.get(a.condition) ?? 0) + 1);
  // Candidates of a needed condition, per site; sites in order of their best asset.
  const held = new Map<string, Map<string, number>>();
  for (const a of candidates) {
    if (!need.has(a.condition)) continue;
    const counts = held.get(a.siteId) ?? new Map<string, number>();
    counts.set(a.condition, (counts.get(a.condition) ?? 0) + 1);
    held.set(a.siteId, counts);
  }
  const sites = [...held.keys()];
  if (sites.length > MAX_SEARCHED_SITES) return best;
  const must = mustSiteId && held.has(mustSiteId) ? mustSiteId : undefined;
  const serves = (set: string[]) =>
    [...need].every(([condition, n]) => {
      let have = 0;
      for (const s of set) have += held.get(s)!.get(condition) ?? 0;
      return have >= n;
    });
  const others = sites.filter((s) => s !== must);
  for (let k = must ? 0 : 1; k <= others.length; k++)
    for (const subset of combinations(others, k)) {
      const set = must ? [must, ...subset] : subset;
      if (!serves(set)) continue;
      const chosen = new Set(set);
      const left = new Map(need);
      const out: ReusableAsset[] = [];
      for (const a of mustFirst(candidates, must)) {
        const n = left.get(a.condition) ?? 0;
        if (n === 0 || !chosen.has(a.siteId)) continue;
        left.set(a.condition, n - 1);
        out.push(a);
      }
      return out;
    }
  return best;
}
