import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Checkbox, Form, Grid, Input, InputNumber, Modal } from 'antd';
import { ItemCreateSchema } from '@server/modules/assets/stores/schema.ts';
import { api, unwrap } from '../../../../app/api.ts';
import { useTexts } from '../../../../app/texts.ts';
import { emptyToNull, zodRules } from '../../../../components/form/zod-rules.ts';
import { showServerFieldErrors } from '../../../../components/server-field-errors.ts';
import { storesKeys, type StockItem } from '../data.ts';
import { storesTexts } from '../texts.ts';

type Values = {
  code: string;
  name: string;
  spec?: string;
  unit: string;
  category?: string;
  minStock?: number;
  stopped?: boolean;
};
const rules = zodRules(ItemCreateSchema);

/** New item, or an existing one edited (`item` given); the server checks the code is unique. */
export function ItemModal({
  open,
  item,
  onClose,
}: {
  open: boolean;
  item: StockItem | null;
  onClose: () => void;
}) {
  const t = useTexts(storesTexts);
  const c = t.common;
  const { message } = App.useApp();
  const client = useQueryClient();
  const phone = Grid.useBreakpoint().md === false;
  const [form] = Form.useForm<Values>();
  const save = useMutation({
    mutationFn: async (v: Values) => {
      const { stopped, ...rest } = emptyToNull(v);
      const body = { ...rest, minStock: v.minStock ?? 0 };
      if (!item) return unwrap(api.POST('/api/stores/items', { body: body as never }));
      return unwrap(
        api.PATCH('/api/stores/items/{id}', {
          params: { path: { id: item.id } },
          body: { ...body, active: !stopped } as never,
        }),
      );
    },
    onSuccess: () => {
      void message.success(c.saved);
      void client.invalidateQueries({ queryKey: storesKeys.all });
      onClose();
    },
    onError: (err) => {
      if (!showServerFieldErrors(form, err)) void message.error(err.message);
    },
  });

  return (
    <Modal
      open={open}
      title={item ? t.items.editTitle(item.name) : t.items.create}
      okText={c.save}
      cancelText={c.cancel}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ loading: save.isPending }}
      width={phone ? '100%' : 520}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={
          item
            ? {
                ...item,
                spec: item.spec ?? undefined,
                category: item.category ?? undefined,
                stopped: !item.active,
              }
            : { minStock: 0 }
        }
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="code" label={c.code} rules={rules('code', c.code)}>
          <Input maxLength={40} autoFocus />
        </Form.Item>
        <Form.Item name="name" label={c.name} rules={rules('name', c.name)}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="spec" label={c.spec} rules={rules('spec', c.spec)}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="unit" label={c.unit} rules={rules('unit', c.unit)}>
          <Input maxLength={10} />
        </Form.Item>
        <Form.Item name="category" label={c.category} rules={rules('category', c.category)}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item
          name="minStock"
          label={c.minStock}
          extra={t.items.minStockHelp}
          rules={rules('minStock', c.minStock)}
        >
          <InputNumber min={0} precision={0} style={{ width: '100%' }} inputMode="numeric" />
        </Form.Item>
        {item && (
          <Form.Item name="stopped" valuePropName="checked">
            <Checkbox>{t.items.stop}</Checkbox>
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
