import { DatePicker, Input, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { ListFilter } from './list-types.ts';

type Props = {
  filters: readonly ListFilter[];
  values: Record<string, string>;
  onChange: (patch: Record<string, string | undefined>) => void;
};

function SearchFilter({
  filter,
  value,
  onChange,
}: {
  filter: Extract<ListFilter, { type: 'search' }>;
  value: string | undefined;
  onChange: (v: string | undefined) => void;
}) {
  // Typed text stays local until Enter or the search button; the URL (and the
  // request) changes once per search, not once per keystroke. The parent keys
  // this by the URL value, so back/forward starts it afresh.
  const [text, setText] = useState(value ?? '');
  return (
    <Input.Search
      aria-label={filter.label}
      placeholder={filter.placeholder ?? filter.label}
      allowClear
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        if (e.target.value === '' && value) onChange(undefined);
      }}
      onSearch={(v) => onChange(v.trim() || undefined)}
      style={{ width: 240, maxWidth: '100%' }}
    />
  );
}

/** The filters above a list; every value lives in the URL (see useListParams). */
export function FilterBar({ filters, values, onChange }: Props) {
  return (
    <Space wrap size={[8, 8]}>
      {filters.map((f) => {
        switch (f.type) {
          case 'search':
            return (
              <SearchFilter
                key={`${f.key}=${values[f.key] ?? ''}`}
                filter={f}
                value={values[f.key]}
                onChange={(v) => onChange({ [f.key]: v })}
              />
            );
          case 'select':
            return (
              <Select
                key={f.key}
                aria-label={f.label}
                placeholder={f.label}
                allowClear
                showSearch={f.options.length > 8 ? { optionFilterProp: 'label' } : false}
                value={values[f.key]}
                options={f.options}
                onChange={(v: string | undefined) => onChange({ [f.key]: v })}
                style={{ minWidth: 140 }}
                // Options longer than the field (资产分类（asset_category）) show whole, up to 320 px.
                popupMatchSelectWidth={false}
                styles={{ popup: { root: { maxWidth: 320 } } }}
              />
            );
          case 'dateRange': {
            const from = values[f.key];
            const to = values[f.toKey];
            return (
              <DatePicker.RangePicker
                key={f.key}
                aria-label={f.label}
                value={[from ? dayjs(from) : null, to ? dayjs(to) : null]}
                allowEmpty={[true, true]}
                onChange={(range) =>
                  onChange({
                    [f.key]: range?.[0]?.format('YYYY-MM-DD'),
                    [f.toKey]: range?.[1]?.format('YYYY-MM-DD'),
                  })
                }
              />
            );
          }
          case 'custom':
            return (
              <span key={f.key}>{f.render(values[f.key], (v) => onChange({ [f.key]: v }))}</span>
            );
        }
      })}
    </Space>
  );
}
