import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Form, InputNumber, Typography } from 'antd';
import { useTexts } from '../../../../app/texts.ts';
import type { WritableKind } from '../data.ts';
import { ItemPicker, type PickedItem } from '../item-picker.tsx';
import { storesTexts } from '../texts.ts';

/** One line as the form holds it; `book` is the stock-take's book quantity, for reference. */
export type LineValues = {
  item?: PickedItem;
  quantity?: number;
  unitPriceYuan?: number;
  counted?: number;
  book?: string;
};

/**
 * The item lines of a new document: item × quantity, plus the unit price
 * (stock in, in yuan) or the counted quantity (stock-take). One card per
 * line, so a line reads the same on a phone as on a desk.
 */
export function DocumentLines({ kind }: { kind: WritableKind }) {
  const t = useTexts(storesTexts);
  const f = t.form;
  const c = t.common;
  return (
    <Form.List
      name="lines"
      rules={[
        {
          validator: async (_r, lines: unknown[] | undefined) => {
            if (!lines?.length) throw new Error(f.addLine);
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <Flex vertical gap={8} style={{ marginBottom: 16 }}>
          <Typography.Text strong>{f.lines}</Typography.Text>
          {fields.map((field, i) => (
            <Card key={field.key} size="small">
              <Flex gap={8} wrap align="flex-start">
                <Form.Item
                  name={[field.name, 'item']}
                  label={c.item}
                  rules={[{ required: true, message: f.itemRequired }]}
                  // minWidth 0: a long item name must not push the card wider than a phone.
                  style={{ flex: '1 1 100%', minWidth: 0, marginBottom: 8 }}
                  extra={
                    <Form.Item noStyle shouldUpdate>
                      {({ getFieldValue }) =>
                        (getFieldValue(['lines', field.name, 'book']) as string | undefined) ?? null
                      }
                    </Form.Item>
                  }
                >
                  <ItemPicker />
                </Form.Item>
                {kind === 'stocktake' ? (
                  <Form.Item
                    name={[field.name, 'counted']}
                    label={f.counted}
                    rules={[{ required: true, message: f.countedRequired }]}
                    style={{ flex: '1 1 40%', marginBottom: 8 }}
                  >
                    <InputNumber
                      min={0}
                      max={1_000_000}
                      precision={0}
                      style={{ width: '100%' }}
                      inputMode="numeric"
                    />
                  </Form.Item>
                ) : (
                  <Form.Item
                    name={[field.name, 'quantity']}
                    label={c.quantity}
                    rules={[{ required: true, message: f.quantityRequired }]}
                    style={{ flex: '1 1 40%', marginBottom: 8 }}
                  >
                    <InputNumber
                      min={1}
                      max={1_000_000}
                      precision={0}
                      style={{ width: '100%' }}
                      inputMode="numeric"
                    />
                  </Form.Item>
                )}
                {kind === 'stock_in' && (
                  <Form.Item
                    name={[field.name, 'unitPriceYuan']}
                    label={f.unitPrice}
                    rules={[{ required: true, message: f.unitPriceRequired }]}
                    style={{ flex: '1 1 40%', marginBottom: 8 }}
                  >
                    <InputNumber
                      min={0}
                      max={100_000_000}
                      precision={2}
                      style={{ width: '100%' }}
                      inputMode="decimal"
                    />
                  </Form.Item>
                )}
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={f.removeLine(i + 1)}
                  onClick={() => remove(field.name)}
                  style={{ marginTop: 30 }}
                />
              </Flex>
            </Card>
          ))}
          <Form.ErrorList errors={errors} />
          <Button icon={<PlusOutlined />} onClick={() => add({})} block>
            {f.addLine}
          </Button>
        </Flex>
      )}
    </Form.List>
  );
}
