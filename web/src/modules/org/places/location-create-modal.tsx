import { useMutation } from '@tanstack/react-query';
import { App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { LocationCreateSchema } from '@server/modules/org/schema.ts';
import { api, unwrap } from '../../../app/api.ts';
import { useTexts } from '../../../app/texts.ts';
import { emptyToNull, zodRules } from '../../../components/form/zod-rules.ts';
import { showServerFieldErrors } from '../../../components/server-field-errors.ts';
import type { Location, LocationType, Site } from './location-model.ts';
import { childTypes, defaultChildType } from './location-rules.ts';
import { NO_PARENT, ParentSelect } from './parent-select.tsx';
import { placesTexts } from './texts.ts';

type Values = {
  type: LocationType;
  parentId: string;
  code: string;
  name: string;
  areaM2?: number | null;
};

const rules = zodRules(LocationCreateSchema);

/**
 * A new location under `parent` (null: at the top of the site). The type
 * starts as what usually goes there (building → floor → room); `sortOrder`
 * puts it after the siblings already ordered in the tree.
 */
export function LocationCreateModal({
  site,
  parent,
  sortOrder,
  onClose,
  onCreated,
}: {
  site: Site;
  parent: Location | null;
  sortOrder: number | undefined;
  onClose: () => void;
  onCreated: (l: Location) => void;
}) {
  const tx = useTexts(placesTexts);
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const type = Form.useWatch('type', form) ?? defaultChildType(parent?.type ?? null);
  const types = childTypes(parent?.type ?? null);

  const create = useMutation({
    mutationFn: (values: Values) =>
      unwrap(
        api.POST('/api/locations', {
          body: { ...emptyToNull(values), siteId: site.id, sortOrder },
        }),
      ),
    onSuccess: (l) => {
      void message.success(tx.form.created(l.name));
      onCreated(l);
    },
    onError: (err) => {
      if (!showServerFieldErrors(form, err)) void message.error(err.message);
    },
  });

  const typeName = tx.types[type];
  return (
    <Modal
      open
      title={parent ? tx.form.createUnder(typeName, parent.name) : tx.form.createTitle(typeName)}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={tx.form.create}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ type, parentId: parent?.id ?? NO_PARENT }}
        onFinish={(v) => create.mutate(v)}
      >
        <Form.Item name="type" label={tx.form.type} rules={rules('type', tx.form.type)}>
          <Select options={types.map((t) => ({ value: t, label: tx.types[t] }))} />
        </Form.Item>
        <Form.Item name="parentId" label={tx.form.parent} rules={rules('parentId', tx.form.parent)}>
          <ParentSelect
            siteId={site.id}
            type={type}
            current={parent && { id: parent.id, path: parent.path }}
          />
        </Form.Item>
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
        <Form.Item name="areaM2" label={tx.form.areaM2} rules={rules('areaM2', tx.form.areaM2)}>
          <InputNumber min={0} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
