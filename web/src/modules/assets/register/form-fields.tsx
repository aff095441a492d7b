import { DatePicker, Form, Input, InputNumber, Select } from 'antd';
import type { FormRule } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTexts } from '../../../app/texts.ts';
import type { FieldDef } from './model.ts';
import { registerTexts } from './texts.ts';

/*
 * Form pieces shared by "register an asset" and "edit a card": dates kept as
 * `YYYY-MM-DD` strings in the form values (what the API takes), and the
 * category's extra fields.
 */

/** Form.Item props that show a string date in a DatePicker and keep it a string. */
export const dateItem = {
  getValueProps: (v: string | null | undefined) => ({ value: v ? dayjs(v) : undefined }),
  normalize: (d: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null),
};

export function DateInput(props: {
  id?: string;
  value?: Dayjs;
  onChange?: (d: Dayjs | null) => void;
  disabled?: boolean;
}) {
  return <DatePicker {...props} style={{ width: '100%' }} />;
}

/** Money typed in yuan with two decimals (the API stores 分). */
export function YuanInput(props: {
  id?: string;
  value?: number | null;
  onChange?: (v: number | null) => void;
  disabled?: boolean;
}) {
  return (
    <InputNumber<number>
      {...props}
      min={0}
      max={100_000_000}
      precision={2}
      step={100}
      prefix="¥"
      style={{ width: '100%' }}
    />
  );
}

/** The category's extra fields (出厂编号, 床位号 …) under `custom.<key>`. */
export function CustomFields({ fields }: { fields: FieldDef[] }) {
  const tx = useTexts(registerTexts);
  return fields.map((f) => {
    const rules: FormRule[] = f.required
      ? [{ required: true, message: `${tx.form.chooseSelect}: ${f.label}` }]
      : [];
    const name = ['custom', f.key];
    switch (f.type) {
      case 'number':
        return (
          <Form.Item key={f.key} name={name} label={f.label} rules={rules}>
            <InputNumber style={{ width: '100%' }} />
          </Form.Item>
        );
      case 'date':
        return (
          <Form.Item key={f.key} name={name} label={f.label} rules={rules} {...dateItem}>
            <DateInput />
          </Form.Item>
        );
      case 'select':
        return (
          <Form.Item key={f.key} name={name} label={f.label} rules={rules}>
            <Select
              allowClear
              placeholder={tx.form.chooseSelect}
              options={(f.options ?? []).map((o) => ({ value: o, label: o }))}
            />
          </Form.Item>
        );
      default:
        return (
          <Form.Item key={f.key} name={name} label={f.label} rules={rules}>
            <Input maxLength={200} />
          </Form.Item>
        );
    }
  });
}

/** Custom values as the API takes them: emptied ones dropped. */
export function cleanCustom(custom: Record<string, unknown> | undefined) {
  return Object.fromEntries(
    Object.entries(custom ?? {}).filter(([, v]) => v !== undefined && v !== null && v !== ''),
  ) as Record<string, string | number | null>;
}
