/**
 * Moving one category up or down: the list is renumbered in steps of ten in
 * its new order and only the categories whose number changed are sent
 * (usually two), so equal or crowded numbers sort themselves out too.
 */
export function reorder<T extends { id: string; sortOrder: number }>(
  rows: readonly T[],
  from: number,
  to: number,
): { id: string; body: { sortOrder: number } }[] {
  if (to < 0 || to >= rows.length) return [];
  const next = [...rows];
  const [moved] = next.splice(from, 1);
  next.splice(to, 0, moved!);
  return next
    .map((row, i) => ({ row, sortOrder: (i + 1) * 10 }))
    .filter(({ row, sortOrder }) => row.sortOrder !== sortOrder)
    .map(({ row, sortOrder }) => ({ id: row.id, body: { sortOrder } }));
}
