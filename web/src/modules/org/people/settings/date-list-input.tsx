import { CloseOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Flex, Popconfirm, Space, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTexts } from '../../../../app/texts.ts';
import { texts } from '../texts.ts';
import { daysBetween, isoWeekday } from './settings-form.ts';

type Props = {
  /** Form.Item passes id / value / onChange. */
  id?: string;
  value?: string[];
  onChange?: (value: string[]) => void;
  /** What the list holds ("法定节假日"), for labels. */
  label: string;
  /** A note on a day that is probably a mistake (e.g. a make-up day that is a working day anyway). */
  warn?: (date: string) => string | null;
  disabled?: boolean;
};

/**
 * A set of dates, entered a range at a time: China's holidays come as
 * blocks (国庆 10-01 to 10-07), so picking a range and pressing 加入 adds
 * every day of it; a single day is a range of one (click it twice). The
 * dates are shown by year, each removable, a whole year clearable.
 */
export function DateListInput({ id, value = [], onChange, label, warn, disabled }: Props) {
  const t = useTexts(texts);
  const { message } = App.useApp();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const weekdays = t.settings.weekdays;

  const add = () => {
    const [from, to] = range ?? [];
    if (!from) return;
    const days = daysBetween(from.format('YYYY-MM-DD'), (to ?? from).format('YYYY-MM-DD'));
    const next = [...new Set([...value, ...days])].sort();
    onChange?.(next);
    setRange(null);
    void message.success(t.settings.addedDays(next.length - value.length));
  };

  const byYear = new Map<string, string[]>();
  for (const d of value) {
    const y = d.slice(0, 4);
    byYear.set(y, [...(byYear.get(y) ?? []), d]);
  }
  const years = [...byYear.keys()].sort().reverse();

  return (
    <Flex vertical gap={8}>
      {!disabled && (
        // Enter confirms a typed date in the picker; it must not also submit the settings form.
        <Space wrap onKeyDown={(e) => e.key === 'Enter' && e.preventDefault()}>
          <DatePicker.RangePicker
            id={id}
            aria-label={`${label}：${t.settings.addRange}`}
            value={range}
            onChange={(r) => setRange(r)}
            // A typed or clicked start is enough to add one day; no need to confirm the end.
            onCalendarChange={(r) => setRange(r)}
            allowEmpty={[false, true]}
          />
          <Button icon={<PlusOutlined />} onClick={add} disabled={!range?.[0]}>
            {t.settings.add}
          </Button>
        </Space>
      )}
      {years.length === 0 && (
        <Typography.Text type="secondary">{t.settings.noDays}</Typography.Text>
      )}
      {years.map((year) => (
        <div key={year} role="group" aria-label={`${label} ${year}`}>
          <Flex align="center" gap={8} wrap>
            <Typography.Text strong>
              {t.settings.yearCount(year, byYear.get(year)!.length)}
            </Typography.Text>
            {!disabled && (
              <Popconfirm
                title={t.settings.clearYearConfirm(year, label)}
                okText={t.settings.clearYear(year)}
                cancelText={t.common.cancel}
                onConfirm={() => onChange?.(value.filter((d) => !d.startsWith(year)))}
              >
                <Button type="link" size="small">
                  {t.settings.clearYear(year)}
                </Button>
              </Popconfirm>
            )}
          </Flex>
          <Flex wrap gap={4} style={{ marginTop: 4 }}>
            {byYear.get(year)!.map((d) => {
              const note = warn?.(d) ?? null;
              return (
                <Tag
                  key={d}
                  color={note ? 'warning' : undefined}
                  title={note ?? undefined}
                  style={{ marginInlineEnd: 0, display: 'inline-flex', alignItems: 'center' }}
                >
                  <span>
                    {d.slice(5)} {weekdays[isoWeekday(d) - 1]}
                    {note ? `（${note}）` : ''}
                  </span>
                  {!disabled && (
                    <Button
                      type="text"
                      size="small"
                      icon={<CloseOutlined />}
                      aria-label={t.settings.removeDay(d)}
                      onClick={() => onChange?.(value.filter((x) => x !== d))}
                      style={{ marginInlineStart: 2, width: 20, height: 20, minWidth: 20 }}
                    />
                  )}
                </Tag>
              );
            })}
          </Flex>
        </div>
      ))}
    </Flex>
  );
}
