import type { DbOrTx } from '../../../platform/db/connect.ts';

/** A category and every category below it: "beds" includes "hospital beds" and "dormitory beds". */
export async function categorySubtree(
  db: DbOrTx,
  orgId: string,
  rootId: string,
): Promise<string[]> {
  // Category trees are small (hundreds at most): read them whole rather than recurse in SQL.
  const rows = await db
    .selectFrom('ast_categories')
    .select(['id', 'parent_id'])
    .where('org_id', '=', orgId)
    .execute();
  if (!rows.some((r) => r.id === rootId)) return [];
  const children = new Map<string, string[]>();
  for (const r of rows)
    if (r.parent_id) children.set(r.parent_id, [...(children.get(r.parent_id) ?? []), r.id]);
  const out: string[] = [];
  const stack = [rootId];
  while (stack.length > 0) {
    const id = stack.pop()!;
    out.push(id);
    stack.push(...(children.get(id) ?? []));
  }
  return out;
}
