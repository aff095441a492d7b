import { CategoryCreateSchema } from '@server/modules/maintenance/settings/schema.ts';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Form, Input, InputNumber, Modal } from 'antd';
import { useState } from 'react';
import { api, ApiError, unwrap } from '../../../../app/api.ts';
import { useTexts } from '../../../../app/texts.ts';
import { zodRules } from '../../../../components/form/zod-rules.ts';
import { showServerFieldErrors } from '../../../../components/server-field-errors.ts';
import { KEYS, useRefresh, type Category } from '../data.ts';
import { texts } from '../texts.ts';

type Values = { code: string; name: string; sortOrder?: number | null };
const rules = zodRules(CategoryCreateSchema);

/** New category (`category` null) or an existing one's code, name and order. */
export function CategoryModal({
  open,
  category,
  onClose,
}: {
  open: boolean;
  category: Category | null;
  onClose: () => void;
}) {
  const t = useTexts(texts);
  const { message } = App.useApp();
  const refresh = useRefresh();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: async (v: Values) => {
      const body = { code: v.code, name: v.name, sortOrder: v.sortOrder ?? undefined };
      return category
        ? unwrap(
            api.PATCH('/api/maintenance/categories/{id}', {
              params: { path: { id: category.id } },
              body,
            }),
          )
        : unwrap(api.POST('/api/maintenance/categories', { body }));
    },
    onSuccess: async (saved) => {
      void message.success(category ? t.common.saved : t.categories.created(saved.name));
      await refresh(KEYS.categories);
      close();
    },
    onError: (err) => {
      if (!showServerFieldErrors(form, err))
        setError(err instanceof ApiError ? err.message : String(err));
    },
  });
  function close() {
    setError(null);
    save.reset();
    onClose();
  }
  return (
    <Modal
      open={open}
      title={category ? t.categories.editTitle(category.name) : t.categories.createTitle}
      okText={t.common.save}
      cancelText={t.common.cancel}
      onOk={() => form.submit()}
      onCancel={close}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={category ?? {}}
        onFinish={(v) => save.mutate(v)}
      >
        {error && <Alert type="error" title={error} style={{ marginBottom: 16 }} />}
        <Form.Item name="code" label={t.common.code} rules={rules('code', t.common.code)}>
          <Input maxLength={40} autoComplete="off" />
        </Form.Item>
        <Form.Item name="name" label={t.common.name} rules={rules('name', t.common.name)}>
          <Input maxLength={100} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="sortOrder"
          label={t.categories.sortOrder}
          extra={t.categories.sortHelp}
          rules={rules('sortOrder', t.categories.sortOrder)}
        >
          <InputNumber min={0} max={100000} precision={0} style={{ width: 160 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
