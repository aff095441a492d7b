import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Typography } from 'antd';
import { useTexts } from '../../../../app/texts.ts';
import { texts } from '../texts.ts';
import { ShiftChip } from './shift-chip.tsx';
import type { ShiftDraft } from './shift-modal.tsx';
import { shiftKey, type Shift } from './shifts.ts';
import { shortDay, today } from './week.ts';

/** The week on a phone: a card per day listing who is on and when. */
export function RosterDays({
  days,
  shifts,
  onAdd,
  onRemove,
}: {
  days: string[];
  shifts: Shift[];
  onAdd?: (draft: ShiftDraft) => void;
  onRemove?: (shift: Shift) => void;
}) {
  const t = useTexts(texts);
  const now = today();
  return (
    <Flex vertical gap={8}>
      {days.map((day, i) => {
        const of = shifts.filter((s) => s.day === day);
        const label = `${t.roster.weekdays[i]} ${shortDay(day)}`;
        return (
          <Card
            key={day}
            size="small"
            title={
              <span>
                {label}
                {day === now && (
                  <Typography.Text style={{ marginInlineStart: 6, color: '#135200' }}>
                    {t.roster.today}
                  </Typography.Text>
                )}
              </span>
            }
            extra={
              onAdd && (
                <Button
                  size="small"
                  icon={<PlusOutlined />}
                  aria-label={t.roster.addShiftOn(day)}
                  onClick={() => onAdd({ day })}
                >
                  {t.roster.addShift}
                </Button>
              )
            }
          >
            {of.length ? (
              <Flex gap={6} wrap>
                {of.map((s) => (
                  <ShiftChip
                    key={shiftKey(s)}
                    shift={s}
                    withName
                    onRemove={onRemove && (() => onRemove(s))}
                  />
                ))}
              </Flex>
            ) : (
              <Typography.Text type="secondary">{t.roster.nobody}</Typography.Text>
            )}
          </Card>
        );
      })}
    </Flex>
  );
}
