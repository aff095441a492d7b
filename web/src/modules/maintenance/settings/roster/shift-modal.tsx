import { Button, Checkbox, Flex, Form, Modal, Select, Space, TimePicker } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useTexts } from '../../../../app/texts.ts';
import { texts } from '../texts.ts';
import type { Shift } from './shifts.ts';
import { shortDay } from './week.ts';

/** What the dialog opens with: a member and/or a day already chosen (the cell clicked). */
export type ShiftDraft = { userId?: string; day?: string };
type Values = { userId: string; days: string[]; startTime: string; endTime: string };
type Member = { userId: string; displayName: string };

/** "HH:mm" in the form, a dayjs value in the TimePicker. */
const timeProps = {
  getValueProps: (v: string | undefined) => ({
    value: v
      ? dayjs()
          .hour(Number(v.slice(0, 2)))
          .minute(Number(v.slice(3, 5)))
      : null,
  }),
  normalize: (d: dayjs.Dayjs | null) => (d ? d.format('HH:mm') : undefined),
};

const PRESETS = [
  { key: 'presetDay', start: '08:00', end: '17:30' },
  { key: 'presetNight', start: '17:30', end: '08:00' },
  { key: 'presetFull', start: '08:00', end: '08:00' },
] as const;

/**
 * 添加班次: a member, one or more days of the week (to fill a week at
 * once) and the hours; the usual shifts are one click. Adds to the draft
 * only: the roster is saved with its own button.
 */
export function ShiftModal({
  draft,
  members,
  days,
  onAdd,
  onClose,
}: {
  draft: ShiftDraft | null;
  members: Member[];
  days: string[];
  onAdd: (shifts: Shift[]) => void;
  onClose: () => void;
}) {
  const t = useTexts(texts);
  const { t: tShell } = useTranslation();
  const [form] = Form.useForm<Values>();
  const required = (label: string) => [
    { required: true, message: tShell('common.required', { field: label }) },
  ];
  const finish = (v: Values) => {
    const name = members.find((m) => m.userId === v.userId)?.displayName ?? '';
    onAdd(
      v.days.map((day) => ({
        day,
        userId: v.userId,
        displayName: name,
        startTime: v.startTime,
        endTime: v.endTime,
      })),
    );
  };
  return (
    <Modal
      open={!!draft}
      title={t.roster.dialogTitle}
      okText={t.roster.addShift}
      cancelText={t.common.cancel}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ userId: draft?.userId, days: draft?.day ? [draft.day] : [] }}
        onFinish={finish}
      >
        <Form.Item name="userId" label={t.roster.member} rules={required(t.roster.member)}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={members.map((m) => ({ value: m.userId, label: m.displayName }))}
          />
        </Form.Item>
        <Form.Item name="days" label={t.roster.days} rules={required(t.roster.days)}>
          <Checkbox.Group
            options={days.map((d, i) => ({
              value: d,
              label: `${t.roster.weekdays[i]} ${shortDay(d)}`,
            }))}
          />
        </Form.Item>
        <Form.Item label={t.roster.presets}>
          <Space wrap>
            {PRESETS.map((p) => (
              <Button
                key={p.key}
                size="small"
                onClick={() => form.setFieldsValue({ startTime: p.start, endTime: p.end })}
              >
                {t.roster[p.key]}
              </Button>
            ))}
          </Space>
        </Form.Item>
        <Flex gap={16} wrap>
          <Form.Item
            name="startTime"
            label={t.roster.start}
            rules={required(t.roster.start)}
            {...timeProps}
          >
            <TimePicker format="HH:mm" minuteStep={5} needConfirm={false} />
          </Form.Item>
          <Form.Item
            name="endTime"
            label={t.roster.end}
            rules={required(t.roster.end)}
            extra={t.roster.endHelp}
            {...timeProps}
          >
            <TimePicker format="HH:mm" minuteStep={5} needConfirm={false} />
          </Form.Item>
        </Flex>
      </Form>
    </Modal>
  );
}
