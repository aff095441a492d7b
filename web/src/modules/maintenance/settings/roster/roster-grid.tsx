import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Table, Typography } from 'antd';
import { useTexts } from '../../../../app/texts.ts';
import { texts } from '../texts.ts';
import { ShiftChip } from './shift-chip.tsx';
import type { ShiftDraft } from './shift-modal.tsx';
import { shiftKey, type Shift } from './shifts.ts';
import { shortDay, today } from './week.ts';

type Row = { userId: string; displayName: string };

/** The week as a table: a member per row, a day per column, their shifts in the cells. */
export function RosterGrid({
  rows,
  days,
  shifts,
  onAdd,
  onRemove,
}: {
  rows: Row[];
  days: string[];
  shifts: Shift[];
  /** Omitted: read only. */
  onAdd?: (draft: ShiftDraft) => void;
  onRemove?: (shift: Shift) => void;
}) {
  const t = useTexts(texts);
  const now = today();
  return (
    <Table<Row>
      rowKey="userId"
      size="small"
      bordered
      pagination={false}
      dataSource={rows}
      scroll={{ x: 'max-content' }}
      columns={[
        {
          key: 'member',
          title: t.roster.member,
          fixed: 'left',
          render: (_: unknown, r) => r.displayName,
        },
        ...days.map((day, i) => ({
          key: day,
          title: (
            <span>
              {t.roster.weekdays[i]} {shortDay(day)}
              {day === now && (
                <Typography.Text type="success" style={{ marginInlineStart: 4, color: '#135200' }}>
                  {t.roster.today}
                </Typography.Text>
              )}
            </span>
          ),
          render: (_: unknown, r: Row) => (
            <Flex vertical gap={4} align="start" style={{ minWidth: 120 }}>
              {shifts
                .filter((s) => s.day === day && s.userId === r.userId)
                .map((s) => (
                  <ShiftChip
                    key={shiftKey(s)}
                    shift={s}
                    onRemove={onRemove && (() => onRemove(s))}
                  />
                ))}
              {onAdd && (
                <Button
                  type="dashed"
                  size="small"
                  icon={<PlusOutlined />}
                  aria-label={t.roster.addShiftFor(r.displayName, day)}
                  onClick={() => onAdd({ userId: r.userId, day })}
                />
              )}
            </Flex>
          ),
        })),
      ]}
    />
  );
}
