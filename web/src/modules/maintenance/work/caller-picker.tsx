import { useQuery } from '@tanstack/react-query';
import { Flex, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, unwrap } from '../../../app/api.ts';
import type { ApiResponse } from '../../../app/api-models.ts';
import { useTexts } from '../../../app/texts.ts';
import { workTexts } from './texts.ts';

export type Caller = ApiResponse<'/api/maintenance/callers', 'get'>[number];

/** Typing pauses this long before asking the server, so each key press is not a request. */
const DEBOUNCE_MS = 250;

const keyOf = (c: Caller) => c.personId ?? c.userId ?? c.name;

/**
 * 电话报修: find the person on the phone by name, staff number or phone
 * (`GET /api/maintenance/callers`, open to dispatchers). Picking one fills
 * their name, phone and department; nobody found → type the name instead.
 */
export function CallerPicker({
  id,
  value,
  onChange,
}: {
  id?: string;
  value?: Caller | null;
  onChange?: (caller: Caller | null) => void;
}) {
  const tx = useTexts(workTexts);
  const t = tx.phoneIn;
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [typed]);
  const found = useQuery({
    queryKey: ['maintenance', 'callers', q],
    queryFn: () => unwrap(api.GET('/api/maintenance/callers', { params: { query: { q } } })),
    enabled: q.length > 0,
    staleTime: 60_000,
  });
  const list = found.data ?? [];
  const options = (value && !list.some((c) => keyOf(c) === keyOf(value)) ? [value] : [])
    .concat(list)
    .map((c) => ({
      value: keyOf(c),
      label: c.name,
      caller: c,
    }));

  return (
    <Select
      id={id}
      size="large"
      showSearch={{ filterOption: false, onSearch: setTyped }}
      allowClear
      placeholder={t.callerPlaceholder}
      value={value ? keyOf(value) : undefined}
      loading={found.isFetching}
      notFoundContent={q && found.isSuccess ? t.callerNotFound : null}
      options={options}
      optionRender={(o) => {
        const c = o.data.caller;
        return (
          <Flex vertical>
            <span>
              {c.name}
              {c.employeeNo ? ` · ${c.employeeNo}` : ''}
            </span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {[
                c.phone,
                c.departmentName && t.department(c.departmentName),
                !c.userId && t.noAccount,
              ]
                .filter(Boolean)
                .join(' · ')}
            </Typography.Text>
          </Flex>
        );
      }}
      onChange={(key) => onChange?.(options.find((o) => o.value === key)?.caller ?? null)}
    />
  );
}
