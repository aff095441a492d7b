import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { api, unwrap } from '../../../app/api.ts';

/** Typing pauses this long before asking the server, so each key press is not a request. */
const DEBOUNCE_MS = 250;

function useDebounced(value: string): string {
  const [v, setV] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setV(value.trim()), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [value]);
  return v;
}

export type Option = { value: string; label: string };

type PickerProps = {
  id?: string;
  value?: string;
  onChange?: (id: string | undefined, label?: string) => void;
  placeholder?: string;
  'aria-label'?: string;
};

/**
 * A searchable select over a server list: the first 20 on opening, then
 * what matches the typed text. The chosen option is kept so its name stays
 * on screen after the search changes.
 */
function ServerSelect({
  queryKey,
  load,
  known = [],
  ...props
}: PickerProps & { queryKey: string; load: (q: string) => Promise<Option[]>; known?: Option[] }) {
  const [typed, setTyped] = useState('');
  const q = useDebounced(typed);
  const [chosen, setChosen] = useState<Option | null>(null);
  const found = useQuery({
    queryKey: ['assets', 'picker', queryKey, q],
    queryFn: () => load(q),
    staleTime: 60_000,
    // A 403 (a user who may not look people up) leaves the known options.
    retry: false,
  });
  const typedKnown = known.filter((o) => !q || o.label.includes(q));
  const list = [
    ...typedKnown,
    ...(found.data ?? []).filter((o) => !typedKnown.some((k) => k.value === o.value)),
  ];
  const options =
    chosen && chosen.value === props.value && !list.some((o) => o.value === chosen.value)
      ? [chosen, ...list]
      : list;
  return (
    <Select
      id={props.id}
      aria-label={props['aria-label']}
      allowClear
      showSearch={{ filterOption: false, onSearch: setTyped }}
      placeholder={props.placeholder}
      loading={found.isFetching}
      value={props.value}
      options={options}
      onChange={(v: string | undefined) => {
        const o = options.find((x) => x.value === v) ?? null;
        setChosen(o);
        props.onChange?.(v, o?.label);
      }}
    />
  );
}

/**
 * A person, by name, staff number or phone, from the assets module's own
 * lookup (`GET /api/assets/people`): people of departments at the user's
 * sites, for managers and approvers granted at one site who hold no
 * organisation-wide people:read. `known`: people the record already names
 * (the assets' custodians, the borrower), offered first — and alone when the
 * lookup refuses (a 403 leaves them).
 */
export function PersonPicker({ known, ...props }: PickerProps & { known?: Option[] }) {
  return (
    <ServerSelect
      {...props}
      known={known}
      queryKey="asset-people"
      load={async (q) => {
        const people = await unwrap(
          api.GET('/api/assets/people', { params: { query: { ...(q && { q }), limit: 20 } } }),
        );
        return people.map((p) => ({
          value: p.id,
          label: [p.employeeNo ? `${p.name}（${p.employeeNo}）` : p.name, p.departmentName]
            .filter(Boolean)
            .join(' · '),
        }));
      }}
    />
  );
}

/** A department of the organisation (`GET /api/departments`). */
export function DepartmentPicker(props: PickerProps) {
  return (
    <ServerSelect
      {...props}
      queryKey="departments"
      load={async (q) => {
        const page = await unwrap(
          api.GET('/api/departments', {
            params: { query: { ...(q && { q }), active: 'true', pageSize: 20 } },
          }),
        );
        return page.items.map((d) => ({ value: d.id, label: d.name }));
      }}
    />
  );
}

/** A place at one site, searched by name or code and shown with its path (门诊楼 / 3F / 301). */
export function LocationPicker({ siteId, ...props }: PickerProps & { siteId: string }) {
  return (
    <ServerSelect
      {...props}
      queryKey={`locations-${siteId}`}
      load={async (q) => {
        const page = await unwrap(
          api.GET('/api/locations', {
            params: { query: { siteId, ...(q && { q }), active: 'true', pageSize: 30 } },
          }),
        );
        return page.items.map((l) => ({ value: l.id, label: l.path || l.name }));
      }}
    />
  );
}
