import { useMutation } from '@tanstack/react-query';
import { App, Button, Flex, Form, Input, InputNumber } from 'antd';
import { LocationUpdateSchema } from '@server/modules/org/schema.ts';
import { api, unwrap } from '../../../app/api.ts';
import { useTexts } from '../../../app/texts.ts';
import { emptyToNull, zodRules } from '../../../components/form/zod-rules.ts';
import { showServerFieldErrors } from '../../../components/server-field-errors.ts';
import { parentPath, type Location } from './location-model.ts';
import { NO_PARENT, ParentSelect } from './parent-select.tsx';
import { placesTexts } from './texts.ts';

type Values = {
  code: string;
  name: string;
  parentId: string;
  areaM2: number | null;
  sortOrder: number;
};

const rules = zodRules(LocationUpdateSchema);

/** Edits a location in the drawer; a new parent moves it (the keyboard way to drag). */
export function LocationEditForm({
  location,
  onCancel,
  onSaved,
}: {
  location: Location;
  onCancel: () => void;
  onSaved: (saved: Location) => void;
}) {
  const tx = useTexts(placesTexts);
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const stored: Record<string, unknown> = {
    code: location.code,
    name: location.name,
    parentId: location.parentId,
    areaM2: location.areaM2,
    sortOrder: location.sortOrder,
  };
  const save = useMutation({
    // Only what changed is sent, so the audit trail shows just that.
    mutationFn: async (values: Values) => {
      const changed = Object.fromEntries(
        Object.entries(emptyToNull(values)).filter(([k, v]) => v !== stored[k]),
      );
      if (Object.keys(changed).length === 0) return location;
      return unwrap(
        api.PATCH('/api/locations/{id}', { params: { path: { id: location.id } }, body: changed }),
      );
    },
    onSuccess: (saved) => {
      void message.success(tx.form.saved);
      onSaved(saved);
    },
    onError: (err) => {
      if (!showServerFieldErrors(form, err)) void message.error(err.message);
    },
  });

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={{
        code: location.code,
        name: location.name,
        parentId: location.parentId ?? NO_PARENT,
        areaM2: location.areaM2,
        sortOrder: location.sortOrder,
      }}
      onFinish={(v) => save.mutate(v)}
    >
      <Form.Item
        name="code"
        label={tx.form.code}
        extra={tx.form.codeHelp}
        rules={rules('code', tx.form.code)}
      >
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name="name" label={tx.form.name} rules={rules('name', tx.form.name)}>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name="parentId" label={tx.form.parent} rules={rules('parentId', tx.form.parent)}>
        <ParentSelect
          siteId={location.siteId}
          type={location.type}
          selfId={location.id}
          current={location.parentId ? { id: location.parentId, path: parentPath(location) } : null}
        />
      </Form.Item>
      <Form.Item name="areaM2" label={tx.form.areaM2} rules={rules('areaM2', tx.form.areaM2)}>
        <InputNumber min={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        name="sortOrder"
        label={tx.form.sortOrder}
        extra={tx.form.sortOrderHelp}
        rules={rules('sortOrder', tx.form.sortOrder)}
      >
        <InputNumber min={0} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <Flex gap={8} justify="flex-end">
        <Button onClick={onCancel}>{tx.detail.cancelEdit}</Button>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {tx.form.save}
        </Button>
      </Flex>
    </Form>
  );
}
