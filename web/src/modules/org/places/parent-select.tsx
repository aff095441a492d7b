import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../../app/api.ts';
import { useTexts } from '../../../app/texts.ts';
import { locationKeys, type LocationType } from './location-model.ts';
import { ALLOWED_PARENTS } from './location-rules.ts';
import { placesTexts } from './texts.ts';

/** '' stands for "directly under the site" (emptyToNull sends it as null). */
export const NO_PARENT = '';

type Props = {
  siteId: string;
  /** The type of the location being placed: only parents it may sit under are offered. */
  type: LocationType;
  /** The location itself when editing (never its own parent). */
  selfId?: string;
  /** The current parent, so its name shows before any search. */
  current?: { id: string; path: string } | null;
  value?: string;
  onChange?: (value: string) => void;
  id?: string;
  'aria-label'?: string;
};

/**
 * The parent of a location, searched on the server by name or code (a site
 * may have thousands of rooms). The keyboard way to move a node, besides
 * dragging it in the tree.
 */
export function ParentSelect({ siteId, type, selfId, current, value, onChange, ...rest }: Props) {
  const tx = useTexts(placesTexts);
  const [q, setQ] = useState('');
  const allowed = ALLOWED_PARENTS[type];
  const found = useQuery({
    queryKey: [...locationKeys.all, 'parent-search', siteId, q],
    queryFn: () =>
      unwrap(
        api.GET('/api/locations', {
          params: { query: { siteId, q: q || undefined, active: 'true', pageSize: 50 } },
        }),
      ),
    staleTime: 30_000,
  });
  const options = [
    ...(allowed.includes(null) ? [{ value: NO_PARENT, label: tx.form.parentNone }] : []),
    ...(current && !found.data?.items.some((l) => l.id === current.id)
      ? [{ value: current.id, label: current.path }]
      : []),
    ...(found.data?.items ?? [])
      .filter((l) => l.id !== selfId && allowed.includes(l.type))
      .map((l) => ({ value: l.id, label: `${l.path}（${l.code}）` })),
  ];
  return (
    <Select
      {...rest}
      showSearch={{ filterOption: false, onSearch: setQ }}
      placeholder={tx.form.parentSearch}
      loading={found.isFetching}
      value={value}
      onChange={onChange}
      options={options}
    />
  );
}
