import { useMutation } from '@tanstack/react-query';
import { SurplusCreateSchema } from '@server/modules/assets/stocktake/schema.ts';
import { App, Form, Input, Modal } from 'antd';
import { api, unwrap } from '../../../app/api.ts';
import { useTexts } from '../../../app/texts.ts';
import { emptyToNull, zodRules } from '../../../components/form/zod-rules.ts';
import { showServerFieldErrors } from '../../../components/server-field-errors.ts';
import { stocktakeTexts } from './texts.ts';

type Values = { name: string; tagNo?: string; note?: string };
const rules = zodRules(SurplusCreateSchema);

/** 盘盈: an item found in the room that is not on the list (no card, or another scope's). */
export function SurplusDialog({
  stocktakeId,
  locationId,
  initial,
  onClose,
  onDone,
}: {
  stocktakeId: string;
  locationId: string;
  initial: { name?: string | undefined; tagNo?: string | undefined };
  onClose: () => void;
  onDone: () => void;
}) {
  const tx = useTexts(stocktakeTexts);
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useMutation({
    mutationFn: (v: Values) => {
      const clean = emptyToNull(v);
      return unwrap(
        api.POST('/api/assets/stocktakes/{id}/surplus', {
          params: { path: { id: stocktakeId } },
          body: {
            name: v.name,
            locationId,
            ...(clean.tagNo && { tagNo: clean.tagNo }),
            ...(clean.note && { note: clean.note }),
          },
        }),
      );
    },
    onSuccess: () => {
      void message.success(tx.counter.surplusSaved);
      onDone();
    },
    onError: (err) => showServerFieldErrors(form, err),
  });
  return (
    <Modal
      open
      title={tx.counter.surplus}
      okText={tx.counter.save}
      cancelText={tx.counter.cancel}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item
          name="name"
          label={tx.counter.surplusName}
          rules={rules('name', tx.counter.surplusName)}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="tagNo"
          label={tx.counter.surplusTag}
          rules={rules('tagNo', tx.counter.surplusTag)}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="note"
          label={tx.counter.surplusNote}
          rules={rules('note', tx.counter.surplusNote)}
        >
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
