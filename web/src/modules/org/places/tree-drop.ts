import type { Location } from './location-model.ts';

/** One PATCH a drop needs: the dragged node (parent and/or position) or a sibling renumbered. */
export type DropPatch = { id: string; parentId?: string | null; sortOrder?: number };

const STEP = 10;
/** The API's largest sortOrder. */
const MAX = 100_000;

/**
 * The changes that put `dragged` where it was dropped, among `siblings` (in
 * tree order) at `index`. Usually one PATCH: a number between its new
 * neighbours. When there is no room between them (new siblings all start at
 * 0), the siblings are renumbered 10, 20, 30… The dragged node comes first,
 * so when the server refuses the move nothing else has changed.
 */
export function planDrop(
  dragged: Location,
  target: { parentId: string | null; siblings: readonly Location[]; index: number },
): DropPatch[] {
  const moving = target.parentId !== dragged.parentId;
  const others = target.siblings.filter((s) => s.id !== dragged.id);
  // The index counted the dragged node if it sat above the drop point among the same siblings.
  const draggedAt = target.siblings.findIndex((s) => s.id === dragged.id);
  const index = draggedAt >= 0 && draggedAt < target.index ? target.index - 1 : target.index;
  const prev = others[index - 1];
  const next = others[index];
  const fits = (n: number) =>
    n >= 0 && n <= MAX && (!prev || n > prev.sortOrder) && (!next || n < next.sortOrder);

  const single = fits(dragged.sortOrder)
    ? dragged.sortOrder
    : [
        prev && next ? Math.floor((prev.sortOrder + next.sortOrder) / 2) : NaN,
        prev && !next ? prev.sortOrder + STEP : NaN,
        !prev && next ? Math.max(0, next.sortOrder - STEP) : NaN,
      ].find(fits);
  if (single !== undefined) {
    const patch: DropPatch = {
      id: dragged.id,
      ...(moving && { parentId: target.parentId }),
      ...(single !== dragged.sortOrder && { sortOrder: single }),
    };
    return patch.parentId !== undefined || patch.sortOrder !== undefined ? [patch] : [];
  }

  const ordered = [...others.slice(0, index), dragged, ...others.slice(index)];
  const patches: DropPatch[] = [];
  ordered.forEach((node, i) => {
    const sortOrder = (i + 1) * STEP;
    if (node.id === dragged.id) {
      patches.unshift({ id: node.id, ...(moving && { parentId: target.parentId }), sortOrder });
    } else if (node.sortOrder !== sortOrder) {
      patches.push({ id: node.id, sortOrder });
    }
  });
  return patches;
}

/** Into a node whose children may not be loaded: last if they are, else just the new parent. */
export function planDropInto(
  dragged: Location,
  parentId: string,
  loadedChildren: readonly Location[] | undefined,
): DropPatch[] {
  if (loadedChildren) {
    return planDrop(dragged, { parentId, siblings: loadedChildren, index: loadedChildren.length });
  }
  return dragged.parentId === parentId ? [] : [{ id: dragged.id, parentId }];
}
