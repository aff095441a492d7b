/**
 * Seeded random data for bulk loads: the same seed loads the same rows on
 * every run and every database, so figures compare.
 */

/** mulberry32: small, fast and good enough to spread test data. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Draws one of `items` with the given relative weights (binary search: O(log n) a draw). */
export function picker<T>(r: () => number, items: readonly T[], weights: readonly number[]) {
  const total = weights.reduce((a, b) => a + b, 0);
  let sum = 0;
  const cumulative = weights.map((w) => (sum += w / total));
  return (): T => {
    const x = r();
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (x < cumulative[mid]!) hi = mid;
      else lo = mid + 1;
    }
    return items[lo]!;
  };
}

/** Zipf-like weights: the first of n is the most common, the tail still gets some. */
export const zipf = (n: number, s = 0.8) => Array.from({ length: n }, (_, i) => 1 / (i + 1) ** s);

/** A whole number between min and max, log-uniform (prices: many cheap, few dear). */
export function logUniform(r: () => number, min: number, max: number): number {
  return Math.round(Math.exp(Math.log(min) + r() * (Math.log(max) - Math.log(min))));
}
