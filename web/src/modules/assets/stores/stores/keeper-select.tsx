import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useDeferredValue, useState } from 'react';
import { api, unwrap } from '../../../../app/api.ts';
import { useTexts } from '../../../../app/texts.ts';
import { storesTexts } from '../texts.ts';

type Picked = { value: string; label: string };
type Props = {
  id?: string;
  value?: Picked | null;
  onChange?: (value: Picked | null) => void;
  siteId?: string;
};

/** Picks the store's keeper among the accounts that work at the store's site. */
export function KeeperSelect({ value, onChange, siteId, id }: Props) {
  const t = useTexts(storesTexts);
  const [q, setQ] = useState('');
  const term = useDeferredValue(q.trim());
  const users = useQuery({
    queryKey: ['stores', 'keepers', siteId, term],
    queryFn: () =>
      unwrap(
        api.GET('/api/users', {
          params: {
            query: {
              active: 'true',
              pageSize: 30,
              ...(siteId ? { siteId } : {}),
              ...(term ? { q: term } : {}),
            },
          },
        }),
      ),
    staleTime: 30_000,
  });
  const options = (users.data?.items ?? []).map((u) => ({
    value: u.id,
    label: `${u.displayName}（${u.username}）`,
  }));
  if (value && !options.some((o) => o.value === value.value)) options.unshift(value);
  return (
    <Select<Picked>
      id={id}
      labelInValue
      allowClear
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      showSearch={{ filterOption: false, onSearch: setQ }}
      placeholder={t.stores.keeperSearch}
      options={options}
      loading={users.isFetching}
      style={{ width: '100%' }}
    />
  );
}
