import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useDeferredValue, useState } from 'react';
import { api, unwrap } from '../../../app/api.ts';
import { useTexts } from '../../../app/texts.ts';
import { storesKeys, type StockItem } from './data.ts';
import { storesTexts } from './texts.ts';

/** A picked item: its id and the words shown for it (kept so a loaded line needs no lookup). */
export type PickedItem = { value: string; label: string };

export const itemLabel = (i: Pick<StockItem, 'code' | 'name' | 'spec' | 'unit'>) =>
  `${i.name}${i.spec ? ` ${i.spec}` : ''}（${i.code}，${i.unit}）`;

type Props = {
  id?: string;
  value?: PickedItem;
  onChange?: (value: PickedItem | undefined) => void;
  'aria-label'?: string;
  allowClear?: boolean;
};

/**
 * Picks an item of the catalogue, searched on the server by code, name or
 * specification as the person types (catalogues run to thousands of items).
 */
export function ItemPicker(props: Props) {
  const t = useTexts(storesTexts);
  const [q, setQ] = useState('');
  const term = useDeferredValue(q.trim());
  const found = useQuery({
    queryKey: [...storesKeys.items, 'pick', term],
    queryFn: () =>
      unwrap(
        api.GET('/api/stores/items', {
          params: { query: { active: 'true', pageSize: 30, ...(term ? { q: term } : {}) } },
        }),
      ),
    staleTime: 30_000,
  });
  const options = (found.data?.items ?? []).map((i) => ({ value: i.id, label: itemLabel(i) }));
  if (props.value && !options.some((o) => o.value === props.value?.value)) {
    options.unshift(props.value);
  }
  return (
    <Select<PickedItem>
      {...props}
      labelInValue
      showSearch={{ filterOption: false, onSearch: setQ }}
      placeholder={t.common.searchItem}
      options={options}
      loading={found.isFetching}
      style={{ width: '100%' }}
    />
  );
}
