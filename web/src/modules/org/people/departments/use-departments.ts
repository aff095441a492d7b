import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api, unwrap } from '../../../../app/api.ts';
import type { Department } from '../models.ts';

export const DEPARTMENTS_KEY = ['departments'] as const;
const PAGE = 200;
/** Enough for any hospital or school (~2,000 departments at most); beyond it the tree says so. */
export const MAX_DEPARTMENTS = 5000;

/**
 * Every department of the organisation, for the tree and the pickers. The
 * list endpoint pages at 200, so this walks the pages; departments change
 * rarely, so the answer is kept for a minute and shared by every picker.
 */
export function useAllDepartments(enabled = true) {
  return useQuery({
    queryKey: [...DEPARTMENTS_KEY, 'all'],
    enabled,
    staleTime: 60_000,
    queryFn: async () => {
      const items: Department[] = [];
      let total = 0;
      for (let page = 1; items.length < MAX_DEPARTMENTS; page++) {
        const res = await unwrap(
          api.GET('/api/departments', {
            params: { query: { page, pageSize: PAGE, sort: 'code' } },
          }),
        );
        items.push(...res.items);
        total = res.total;
        if (res.items.length < PAGE || items.length >= total) break;
      }
      return { items, total };
    },
  });
}

/** Refreshes everything that shows departments (tree, list, pickers, home page progress). */
export function useRefreshDepartments() {
  const client = useQueryClient();
  return useCallback(async () => {
    await Promise.all([
      client.invalidateQueries({ queryKey: DEPARTMENTS_KEY }),
      client.invalidateQueries({ queryKey: ['setup-progress'] }),
      // People rows carry their department's name.
      client.invalidateQueries({ queryKey: ['people'] }),
      client.invalidateQueries({ queryKey: ['audit', 'department'] }),
    ]);
  }, [client]);
}

export type DepartmentNode = Department & { children: DepartmentNode[] };

const bySortThenCode = (a: Department, b: Department) =>
  a.sortOrder - b.sortOrder || a.code.localeCompare(b.code);

/** The departments as a forest, siblings by sort order then code. An orphan (parent not loaded) becomes a root. */
export function buildTree(items: readonly Department[]): DepartmentNode[] {
  const nodes = new Map<string, DepartmentNode>(items.map((d) => [d.id, { ...d, children: [] }]));
  const roots: DepartmentNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const sort = (list: DepartmentNode[]) => {
    list.sort(bySortThenCode);
    for (const n of list) sort(n.children);
  };
  sort(roots);
  return roots;
}

/** The ids of a department and everything below it (it cannot move there). */
export function subtreeIds(items: readonly Department[], rootId: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const d of items) {
    if (!d.parentId) continue;
    const list = children.get(d.parentId) ?? [];
    list.push(d.id);
    children.set(d.parentId, list);
  }
  const out = new Set<string>();
  const stack = [rootId];
  while (stack.length) {
    const id = stack.pop()!;
    if (out.has(id)) continue;
    out.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return out;
}

/** "医务处 / 设备科": the names from the top down to the department. */
export function departmentPath(byId: ReadonlyMap<string, Department>, id: string): string {
  const names: string[] = [];
  for (let cur = byId.get(id), i = 0; cur && i < 50; cur = byId.get(cur.parentId ?? ''), i++)
    names.unshift(cur.name);
  return names.join(' / ');
}
