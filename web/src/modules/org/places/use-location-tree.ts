import { useQueries, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { fetchAllLocations, locationKeys, type Location } from './location-model.ts';

/** The key of the site's top level in the children map. */
export const ROOT = 'root';
export const parentKey = (parentId: string | null) => parentId ?? ROOT;

/**
 * The part of one site's tree the person has opened: children are loaded
 * when a node is expanded (one request per node, in tree order), never the
 * whole site at once. Each branch is a query under 'locations', so any
 * change (which invalidates 'locations') reloads exactly the open branches,
 * and coming back to the page shows the cached tree at once.
 */
export function useLocationTree(siteId: string) {
  const client = useQueryClient();
  const [opened, setOpened] = useState<string[]>([ROOT]);
  const [expanded, setExpanded] = useState<string[]>([]);

  const branch = useCallback(
    (key: string) => ({
      queryKey: [...locationKeys.all, 'children', siteId, key],
      queryFn: () => fetchAllLocations({ siteId, parentId: key, sort: 'sortOrder', order: 'asc' }),
    }),
    [siteId],
  );
  const results = useQueries({ queries: opened.map(branch) });

  const children: Record<string, Location[]> = {};
  const byId = new Map<string, Location>();
  opened.forEach((key, i) => {
    const items = results[i]?.data;
    if (!items) return;
    children[key] = items;
    for (const l of items) byId.set(l.id, l);
  });

  /** Loads a node's children (antd Tree's loadData) and keeps them open from then on. */
  const load = useCallback(
    async (key: string) => {
      await client.fetchQuery(branch(key));
      setOpened((keys) => (keys.includes(key) ? keys : [...keys, key]));
    },
    [client, branch],
  );

  /** Opens a node (loading its children first), e.g. to show a child just added or moved there. */
  const expand = useCallback(
    async (key: string) => {
      await load(key);
      setExpanded((keys) => (keys.includes(key) ? keys : [...keys, key]));
    },
    [load],
  );

  return {
    /** The top level: its loading and error state is the tree's. */
    root: results[0]!,
    children,
    byId,
    load,
    expanded,
    setExpanded,
    expand,
  };
}

export type LocationTreeState = ReturnType<typeof useLocationTree>;
