import { describe, expect, it } from 'vitest';
import type { ReusableAsset } from './find-reusable.ts';
import { pickAcrossSites } from './pick-sites.ts';

/** Candidates best first, as reusableAssets gives them: `A:good` → one good asset at site A. */
function pool(...specs: string[]): ReusableAsset[] {
  const rank: Record<string, number> = { good: 0, fair: 1 };
  return specs
    .map((s, i) => {
      const [siteId, condition] = s.split(':') as [string, string];
      return {
        id: `${s}#${i}`,
        tagNo: String(i).padStart(4, '0'),
        name: '床',
        siteId,
        condition,
        netValueFen: 0,
        originalValueFen: 0,
      };
    })
    .sort((a, b) => rank[a.condition]! - rank[b.condition]! || a.tagNo.localeCompare(b.tagNo));
}

const sites = (picked: ReusableAsset[] | null) => picked?.map((a) => `${a.siteId}:${a.condition}`);

describe('picking idle assets across sites', () => {
  it('answers null when there are fewer than asked', () => {
    expect(pickAcrossSites(pool('A:good', 'B:fair'), 3)).toBeNull();
  });

  it('takes them from one site when one site can, though another holds the very best', () => {
    const c = pool('A:good', 'B:good', 'B:good', 'B:good');
    expect(sites(pickAcrossSites(c, 3))).toEqual(['B:good', 'B:good', 'B:good']);
  });

  it('never gives a fair one where a good one was free, even at the cost of a site', () => {
    const c = pool('A:good', 'B:fair', 'B:fair', 'B:fair');
    expect(sites(pickAcrossSites(c, 3))).toEqual(['A:good', 'B:fair', 'B:fair']);
  });

  it('breaks a tie between sites by their best asset', () => {
    const c = pool('B:good', 'A:good', 'A:good', 'B:good');
    expect(pickAcrossSites(c, 2)?.map((a) => a.tagNo)).toEqual(['0000', '0003']);
  });

  it('takes from the place’s site first, and ignores it when it holds nothing needed', () => {
    const c = pool('A:good', 'A:good', 'B:good', 'B:good');
    expect(sites(pickAcrossSites(c, 3, 'B'))).toEqual(['B:good', 'B:good', 'A:good']);
    const d = pool('A:good', 'A:good', 'B:fair');
    expect(sites(pickAcrossSites(d, 2, 'B'))).toEqual(['A:good', 'A:good']);
  });
});
