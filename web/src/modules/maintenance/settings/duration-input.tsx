import { InputNumber, Select, Space } from 'antd';
import { useState } from 'react';
import { useTexts } from '../../../app/texts.ts';
import { splitMinutes, toMinutes, type DurationUnit } from './duration.ts';
import { texts } from './texts.ts';

type Props = {
  /** Minutes (the form's value); undefined = empty. */
  value?: number;
  onChange?: (minutes: number | undefined) => void;
  /** Names the number and the unit for screen readers ("响应时限"). */
  label: string;
  id?: string;
  disabled?: boolean;
  /** Units offered; e.g. only minutes and hours for a warning lead time. */
  units?: readonly DurationUnit[];
};

/**
 * A duration typed as a number and a unit, held by the form as minutes:
 * "4" + "小时" is 240. Decimals are allowed (1.5 小时 = 90 分钟).
 */
export function DurationInput({
  value,
  onChange,
  label,
  id,
  disabled,
  units = ['minute', 'hour', 'day'],
}: Props) {
  const t = useTexts(texts);
  const initial = value === undefined ? null : splitMinutes(value);
  // The unit is the person's choice while typing; the amount follows the value.
  const [chosen, setUnit] = useState<DurationUnit>(
    initial && units.includes(initial.unit) ? initial.unit : (units[1] ?? units[0]!),
  );
  // Offered units can shrink (round the clock switched off): fall back to hours.
  const unit = units.includes(chosen) ? chosen : (units[1] ?? units[0]!);
  const amount = value === undefined ? null : value / toMinutes(1, unit);
  return (
    <Space.Compact style={{ width: '100%', maxWidth: 260 }}>
      <InputNumber
        id={id}
        aria-label={t.duration.amount(label)}
        min={0}
        step={unit === 'minute' ? 5 : 0.5}
        value={amount === null ? null : Math.round(amount * 100) / 100}
        disabled={disabled}
        onChange={(n) => onChange?.(n === null ? undefined : toMinutes(n, unit))}
        style={{ width: '100%' }}
      />
      <Select<DurationUnit>
        aria-label={t.duration.unit(label)}
        value={unit}
        disabled={disabled}
        style={{ width: 100, flex: 'none' }}
        options={units.map((u) => ({ value: u, label: t.duration.units[u] }))}
        onChange={(u) => {
          setUnit(u);
          // Keep the number the person typed, now in the new unit: "4" 分钟 → "4" 小时.
          if (amount !== null) onChange?.(toMinutes(amount, u));
        }}
      />
    </Space.Compact>
  );
}
