// Paging helpers for Excel export and import.

/**
 * Walks every row a paged list function matches, one page at a time, so an
 * export of 100k rows never holds them all in memory. It calls the list
 * functions above unchanged (same filters, same order as the screen); pages
 * are read by offset, so a row added or removed while an export runs may
 * shift a page boundary by one row, which is acceptable for a snapshot file.
 */
export async function* iterateInBatches<T>(
  fetchPage: (page: number, pageSize: number) => Promise<readonly T[]>,
  // Offset paging costs more the deeper it goes: 5,000-row pages read 100k
  // people in ~1 s where 1,000-row pages take ~4 s, and hold only a few MB.
  batchSize = 5000,
): AsyncGenerator<T[]> {
  for (let page = 1; ; page++) {
    const rows = await fetchPage(page, batchSize);
    if (rows.length > 0) yield [...rows];
    if (rows.length < batchSize) return;
  }
}

// Both databases cap bound parameters (SQLite 32766, PostgreSQL 65535);
// IN lists are sent in slices well below either.
const IN_CHUNK = 500;

export async function inChunks<K, R>(
  keys: readonly K[],
  query: (slice: K[]) => Promise<R[]>,
): Promise<R[]> {
  const unique = [...new Set(keys)];
  const out: R[] = [];
  for (let i = 0; i < unique.length; i += IN_CHUNK) {
    out.push(...(await query(unique.slice(i, i + IN_CHUNK))));
  }
  return out;
}
