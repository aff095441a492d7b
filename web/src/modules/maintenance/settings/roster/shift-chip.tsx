import { CloseOutlined } from '@ant-design/icons';
import { Button, Tag } from 'antd';
import { useTexts } from '../../../../app/texts.ts';
import { texts } from '../texts.ts';
import { isOvernight, type Shift } from './shifts.ts';

/** One shift: "08:00–17:30", a night shift marked 次日, with a remove button when editable. */
export function ShiftChip({
  shift,
  withName,
  onRemove,
}: {
  shift: Shift;
  /** The phone's day list names the person; the grid has them as the row. */
  withName?: boolean;
  onRemove?: () => void;
}) {
  const t = useTexts(texts);
  const hours = `${shift.startTime}–${isOvernight(shift) ? `${t.roster.overnight} ` : ''}${shift.endTime}`;
  return (
    <Tag
      color={isOvernight(shift) ? 'purple' : 'blue'}
      style={{ marginInlineEnd: 0, color: isOvernight(shift) ? '#391085' : '#003a8c' }}
    >
      {withName && <strong style={{ marginInlineEnd: 6 }}>{shift.displayName}</strong>}
      {hours}
      {onRemove && (
        <Button
          type="text"
          size="small"
          icon={<CloseOutlined style={{ fontSize: 10 }} />}
          aria-label={t.roster.removeShift(shift.displayName, shift.day, hours)}
          onClick={onRemove}
          style={{ marginInlineStart: 2, width: 20, height: 20, minWidth: 20, color: 'inherit' }}
        />
      )}
    </Tag>
  );
}
