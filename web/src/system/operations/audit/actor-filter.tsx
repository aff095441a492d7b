import { useQuery } from '@tanstack/react-query';
import { Input, Select } from 'antd';
import { useEffect, useState } from 'react';
import { api, unwrap } from '../../../app/api.ts';
import { useTexts } from '../../../app/texts.ts';
import { texts } from '../texts.ts';
import { isUuid } from './audit-query.ts';

type Props = {
  value: string | undefined;
  onChange: (id: string | undefined) => void;
  /** May the viewer read accounts (`users:read`)? Then search by name; else type the id. */
  canSearch: boolean;
};

/** The actor filter: an account picked by name, or its id typed in by one who may not list accounts. */
export function ActorFilter({ value, onChange, canSearch }: Props) {
  return canSearch ? (
    <UserSearch value={value} onChange={onChange} />
  ) : (
    <ActorIdInput key={value ?? ''} value={value} onChange={onChange} />
  );
}

function useDebounced(value: string, ms: number): string {
  const [out, setOut] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setOut(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return out;
}

function UserSearch({ value, onChange }: Omit<Props, 'canSearch'>) {
  const t = useTexts(texts);
  const [typed, setTyped] = useState('');
  const q = useDebounced(typed.trim(), 300);
  const found = useQuery({
    queryKey: ['users', 'search', q],
    queryFn: () => unwrap(api.GET('/api/users', { params: { query: { q, pageSize: 20 } } })),
    staleTime: 30_000,
  });
  // An actor chosen earlier (from the address) may not be among the results: name it anyway.
  const chosen = useQuery({
    queryKey: ['users', 'one', value],
    enabled: !!value && isUuid(value),
    queryFn: () => unwrap(api.GET('/api/users/{id}', { params: { path: { id: value ?? '' } } })),
    staleTime: 60_000,
  });
  const users = [...(found.data?.items ?? [])];
  if (chosen.data && !users.some((u) => u.id === chosen.data.id)) users.unshift(chosen.data);
  return (
    <Select
      aria-label={t.audit.actor}
      placeholder={t.audit.actor}
      allowClear
      showSearch={{ filterOption: false, onSearch: setTyped }}
      loading={found.isFetching}
      value={value}
      onChange={(v: string | undefined) => onChange(v)}
      options={users.map((u) => ({ value: u.id, label: `${u.displayName}（${u.username}）` }))}
      style={{ width: 220, maxWidth: '100%' }}
      notFoundContent={null}
    />
  );
}

function ActorIdInput({ value, onChange }: Omit<Props, 'canSearch'>) {
  const t = useTexts(texts);
  const [invalid, setInvalid] = useState(false);
  return (
    <Input.Search
      aria-label={t.audit.actorId}
      placeholder={t.audit.actorId}
      defaultValue={value}
      allowClear
      status={invalid ? 'error' : undefined}
      title={invalid ? t.audit.actorIdInvalid : undefined}
      onSearch={(v) => {
        const id = v.trim();
        const ok = id === '' || isUuid(id);
        setInvalid(!ok);
        if (ok) onChange(id || undefined);
      }}
      style={{ width: 240, maxWidth: '100%' }}
    />
  );
}
