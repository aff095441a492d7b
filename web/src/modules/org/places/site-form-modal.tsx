import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Switch } from 'antd';
import { SiteCreateSchema, SiteUpdateSchema } from '@server/modules/org/schema.ts';
import { api, unwrap } from '../../../app/api.ts';
import { useTexts } from '../../../app/texts.ts';
import { emptyToNull, zodRules } from '../../../components/form/zod-rules.ts';
import { showServerFieldErrors } from '../../../components/server-field-errors.ts';
import type { Site } from './location-model.ts';
import { placesTexts } from './texts.ts';

type Values = { code: string; name: string; address?: string | null; active?: boolean };

const createRules = zodRules(SiteCreateSchema);
const updateRules = zodRules(SiteUpdateSchema);

/** New site, or edit one (`site` given): code, name, address, and active when editing. */
export function SiteFormModal({
  open,
  site,
  onClose,
  onSaved,
}: {
  open: boolean;
  site: Site | null;
  onClose: () => void;
  onSaved: (site: Site) => void;
}) {
  const tx = useTexts(placesTexts);
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const rules = site ? updateRules : createRules;

  const save = useMutation({
    mutationFn: (values: Values) => {
      const body = emptyToNull(values);
      if (site)
        return unwrap(api.PATCH('/api/sites/{id}', { params: { path: { id: site.id } }, body }));
      const { active: _newSitesAreActive, ...create } = body;
      return unwrap(api.POST('/api/sites', { body: create }));
    },
    onSuccess: async (saved) => {
      await client.invalidateQueries({ queryKey: ['sites'] });
      void message.success(site ? tx.site.saved(saved.name) : tx.site.created(saved.name));
      onSaved(saved);
    },
    onError: (err) => {
      if (!showServerFieldErrors(form, err)) void message.error(err.message);
    },
  });

  return (
    <Modal
      open={open}
      title={site ? tx.site.edit : tx.site.create}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={tx.form.save}
      confirmLoading={save.isPending}
      destroyOnHidden
      // The form instance outlives the dialog: start each opening from this site's values.
      afterOpenChange={(visible) => visible && form.resetFields()}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={site ?? { active: true }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="code" label={tx.site.code} rules={rules('code', tx.site.code)}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="name" label={tx.site.name} rules={rules('name', tx.site.name)}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="address" label={tx.site.address} rules={rules('address', tx.site.address)}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} />
        </Form.Item>
        {site && (
          <Form.Item name="active" label={tx.site.active} valuePropName="checked">
            <Switch />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
