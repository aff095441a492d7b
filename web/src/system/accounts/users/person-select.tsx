import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../../app/api.ts';
import { useTexts } from '../../../app/texts.ts';
import { texts } from '../texts.ts';

type Props = {
  /** The person linked now, so their name shows before any search. */
  current?: { id: string; name: string } | null;
  value?: string | null;
  onChange?: (value: string | null) => void;
  id?: string;
  'aria-label'?: string;
  disabled?: boolean;
};

/**
 * A person to link an account to, searched on the server by name or staff
 * number (a hospital has thousands of staff). Cleared = a service account.
 */
export function PersonSelect({ current, value, onChange, disabled, ...rest }: Props) {
  const t = useTexts(texts);
  const [q, setQ] = useState('');
  const found = useQuery({
    queryKey: ['people', 'account-link', q],
    queryFn: () =>
      unwrap(
        api.GET('/api/people', {
          params: { query: { q: q || undefined, active: 'true', pageSize: 20 } },
        }),
      ),
    enabled: !disabled,
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
      disabled={disabled}
      allowClear
      showSearch={{ filterOption: false, onSearch: setQ }}
      placeholder={disabled ? t.users.personNoAccess : t.users.personSearch}
      loading={found.isFetching}
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v ?? null)}
      options={options}
    />
  );
}
