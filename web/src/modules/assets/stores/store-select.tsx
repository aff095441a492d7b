import { Select } from 'antd';
import { useTexts } from '../../../app/texts.ts';
import { useStores, type Store } from './data.ts';
import { storesTexts } from './texts.ts';

type Props = {
  id?: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
  'aria-label'?: string;
  /** Only these stores (e.g. where the user may stock in); default all visible ones. */
  filter?: (s: Store) => boolean;
  allowClear?: boolean;
  /** Filters may pick a closed store; forms may not. */
  includeClosed?: boolean;
  style?: React.CSSProperties;
};

/** Picks one store, shown as "院区 · 仓库" so two sites' "总库" are told apart. */
export function StoreSelect({ filter, includeClosed, ...rest }: Props) {
  const t = useTexts(storesTexts);
  const stores = useStores(includeClosed);
  const options = (stores.data ?? [])
    .filter((s) => !filter || filter(s))
    .map((s) => ({
      value: s.id,
      label: `${s.site.name} · ${s.name}${s.active ? '' : `（${t.common.activeNo}）`}`,
    }));
  return (
    <Select
      {...rest}
      options={options}
      loading={stores.isLoading}
      showSearch={{ optionFilterProp: 'label' }}
      notFoundContent={stores.isLoading ? undefined : t.common.noStores}
      style={{ width: '100%', minWidth: 160, ...rest.style }}
    />
  );
}
