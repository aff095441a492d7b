import { useQuery } from '@tanstack/react-query';
import { Alert, Flex, Radio, Spin } from 'antd';
import { useEffect } from 'react';
import { api, unwrap } from '../../../app/api.ts';
import { useTexts } from '../../../app/texts.ts';
import { useTranslation } from 'react-i18next';
import { formatMinutes } from './model.ts';
import { workTexts } from './texts.ts';

/**
 * The urgency of a request, 普通 unless the person says otherwise; choosing
 * 紧急 explains what it is for (it calls people out at night).
 */
export function PriorityChoice({
  id,
  value,
  onChange,
}: {
  id?: string;
  value?: string;
  onChange?: (id: string) => void;
}) {
  const tx = useTexts(workTexts);
  const en = useTranslation().i18n.language === 'en';
  const priorities = useQuery({
    queryKey: ['maintenance', 'priorities'],
    queryFn: () => unwrap(api.GET('/api/maintenance/priorities')),
    staleTime: 300_000,
  });
  const active = (priorities.data ?? []).filter((p) => p.active);
  const normal = active.find((p) => p.code === 'normal') ?? active[active.length - 1];
  useEffect(() => {
    if (!value && normal) onChange?.(normal.id);
  }, [value, normal, onChange]);
  if (priorities.isPending) return <Spin />;
  const chosen = active.find((p) => p.id === value);
  return (
    <Flex vertical gap={8}>
      <Radio.Group
        id={id}
        aria-label={tx.report.priority}
        value={value}
        onChange={(e) => onChange?.(e.target.value as string)}
        optionType="button"
        buttonStyle="solid"
        size="large"
        options={active.map((p) => ({ value: p.id, label: p.name }))}
      />
      {chosen && (
        <Alert
          type={chosen.code === 'urgent' ? 'warning' : 'info'}
          showIcon
          title={
            chosen.code === 'urgent'
              ? tx.report.urgentHint
              : tx.report.responseWithin(chosen.name, formatMinutes(chosen.responseMinutes, en))
          }
        />
      )}
    </Flex>
  );
}
