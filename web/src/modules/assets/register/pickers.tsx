import { useQuery } from '@tanstack/react-query';
import { Select, TreeSelect } from 'antd';
import { useMemo, useState, type CSSProperties } from 'react';
import { api, unwrap } from '../../../app/api.ts';
import { useMe } from '../../../app/auth/me-context.ts';
import { can } from '../../../app/auth/session.ts';
import { useSites } from '../../../app/site-choice.ts';
import { assetKeys, type Category } from './model.ts';

/*
 * The pickers of the register's filters and forms. Places and people are
 * searched on the server (a hospital has thousands of each); categories and
 * sites are few and loaded whole.
 */

type Common = {
  id?: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
  placeholder?: string;
  'aria-label'?: string;
  style?: CSSProperties;
  disabled?: boolean;
};

export function useCategories(activeOnly = false) {
  return useQuery({
    queryKey: [...assetKeys.categories, activeOnly],
    queryFn: () =>
      unwrap(
        api.GET('/api/assets/categories', {
          params: { query: activeOnly ? { active: 'true' } : {} },
        }),
      ),
    staleTime: 60_000,
  });
}

type TreeOption = { value: string; title: string; search: string; children: TreeOption[] };

/** Nests the server's depth-first list (parent, then its sub-categories) by parentId. */
export function nestCategories(all: Category[]): TreeOption[] {
  const byId = new Map<string, TreeOption>();
  const roots: TreeOption[] = [];
  for (const c of all) {
    const node = {
      value: c.id,
      title: `${c.name}（${c.code}）`,
      search: `${c.name} ${c.code}`.toLowerCase(),
      children: [],
    };
    byId.set(c.id, node);
    const parent = c.parentId ? byId.get(c.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

export function CategorySelect({
  value,
  onChange,
  activeOnly,
  ...rest
}: Common & { activeOnly?: boolean }) {
  const all = useCategories(activeOnly);
  const tree = useMemo(() => nestCategories(all.data ?? []), [all.data]);
  return (
    <TreeSelect<string>
      {...rest}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      treeData={tree}
      loading={all.isLoading}
      allowClear
      showSearch={{
        filterTreeNode: (input, node) =>
          String((node as unknown as TreeOption).search).includes(input.trim().toLowerCase()),
      }}
      popupMatchSelectWidth={false}
      style={{ width: '100%', ...rest.style }}
    />
  );
}

export function SiteSelect({ value, onChange, ...rest }: Common) {
  const sites = useSites();
  return (
    <Select
      {...rest}
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v ?? null)}
      allowClear
      loading={sites.isLoading}
      options={(sites.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
      style={{ width: '100%', ...rest.style }}
    />
  );
}

/** A place of a site (or of every site the user sees), searched by name or code. */
export function LocationSelect({
  siteId,
  current,
  value,
  onChange,
  ...rest
}: Common & { siteId?: string | null; current?: { id: string; name: string } | null }) {
  const [q, setQ] = useState('');
  const found = useQuery({
    queryKey: ['locations', 'asset-pick', siteId ?? '', q],
    queryFn: () =>
      unwrap(
        api.GET('/api/locations', {
          params: {
            query: { siteId: siteId ?? undefined, q: q || undefined, active: 'true', pageSize: 30 },
          },
        }),
      ),
    staleTime: 30_000,
  });
  const items = found.data?.items ?? [];
  const options = [
    ...(current && !items.some((l) => l.id === current.id)
      ? [{ value: current.id, label: current.name }]
      : []),
    ...items.map((l) => ({ value: l.id, label: `${l.path}（${l.code}）` })),
  ];
  return (
    <Select
      {...rest}
      allowClear
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={found.isFetching}
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v ?? null)}
      options={options}
      popupMatchSelectWidth={false}
      style={{ width: '100%', ...rest.style }}
    />
  );
}

type PersonOption = { id: string; name: string; employeeNo: string };

/**
 * A person (custodian), searched by name or staff number. Asset managers and
 * approvers search the register's site-scoped lookup (`/api/assets/people`:
 * no people:read needed); a reader filtering the list by custodian searches
 * the people list when they may read it. Nobody else gets a search they
 * would be refused.
 */
export function PersonSelect({
  current,
  value,
  onChange,
  ...rest
}: Common & { current?: { id: string; name: string } | null }) {
  const me = useMe();
  const source =
    can(me, 'assets:manage', 'site') || can(me, 'assets:approve', 'site')
      ? 'assets'
      : can(me, 'people:read')
        ? 'people'
        : null;
  const [q, setQ] = useState('');
  const found = useQuery({
    queryKey: ['people', 'asset-custodian', source, q],
    queryFn: async (): Promise<{ items: PersonOption[] }> =>
      source === 'assets'
        ? {
            items: await unwrap(
              api.GET('/api/assets/people', {
                params: { query: { q: q || undefined, limit: 20 } },
              }),
            ),
          }
        : unwrap(
            api.GET('/api/people', {
              params: { query: { q: q || undefined, active: 'true', pageSize: 20 } },
            }),
          ),
    enabled: source !== null,
    staleTime: 30_000,
  });
  const items = found.data?.items ?? [];
  const options = [
    ...(current && !items.some((p) => p.id === current.id)
      ? [{ value: current.id, label: current.name }]
      : []),
    ...items.map((p) => ({ value: p.id, label: `${p.name}（${p.employeeNo}）` })),
  ];
  return (
    <Select
      {...rest}
      allowClear
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={found.isFetching}
      disabled={rest.disabled || (source === null && !current)}
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v ?? null)}
      options={options}
      popupMatchSelectWidth={false}
      style={{ width: '100%', ...rest.style }}
    />
  );
}
