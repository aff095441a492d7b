/**
 * Orders rows so that a row whose parent is defined in the same file comes
 * after that parent: a file may list a room before its floor. File order is
 * kept otherwise. Rows must be loop-free (checked with `closesLoop` first).
 */
export function parentsFirst<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  parentKeyOf: (item: T) => string | null,
): T[] {
  const byKey = new Map(items.map((item) => [keyOf(item), item]));
  const placed = new Set<string>();
  const out: T[] = [];
  for (const item of items) {
    // Climb to the first ancestor already placed (or outside the file), then
    // place the chain top-down; each row is climbed over at most once.
    const chain: T[] = [];
    const onChain = new Set<string>();
    for (let cur: T | undefined = item; cur;) {
      const key = keyOf(cur);
      if (placed.has(key) || onChain.has(key)) break;
      chain.push(cur);
      onChain.add(key);
      const parent = parentKeyOf(cur);
      cur = parent === null ? undefined : byKey.get(parent);
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      placed.add(keyOf(chain[i]!));
      out.push(chain[i]!);
    }
  }
  return out;
}

/** Deeper trees are refused: real ones have a handful of levels, and the walk stays bounded. */
export const MAX_DEPTH = 64;

/**
 * Whether giving `self` the parent `parent` would make it its own ancestor,
 * or a chain deeper than MAX_DEPTH. `parentOf` answers with the parent the
 * tree will have after the import: the file's for rows in the file, the
 * database's for the others.
 */
export async function closesLoop(
  self: string,
  parent: string | null,
  parentOf: (key: string) => string | null | Promise<string | null>,
): Promise<boolean> {
  const seen = new Set<string>();
  for (let cur = parent; cur !== null; cur = await parentOf(cur)) {
    if (cur === self) return true;
    // A loop that does not pass through `self` is reported on its own rows.
    if (seen.has(cur)) return false;
    seen.add(cur);
    if (seen.size > MAX_DEPTH) return true;
  }
  return false;
}
