import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Checkbox, Form, Grid, Input, Modal, Select } from 'antd';
import { StoreCreateSchema } from '@server/modules/assets/stores/schema.ts';
import { api, unwrap } from '../../../../app/api.ts';
import { useMe } from '../../../../app/auth/me-context.ts';
import { can } from '../../../../app/auth/session.ts';
import { useSites } from '../../../../app/site-choice.ts';
import { useTexts } from '../../../../app/texts.ts';
import { zodRules } from '../../../../components/form/zod-rules.ts';
import { showServerFieldErrors } from '../../../../components/server-field-errors.ts';
import { storesKeys, type Store } from '../data.ts';
import { storesTexts } from '../texts.ts';
import { KeeperSelect } from './keeper-select.tsx';

type Values = {
  siteId: string;
  code: string;
  name: string;
  keeper?: { value: string; label: string } | null;
  closed?: boolean;
};
const rules = zodRules(StoreCreateSchema);

/** New store at a site, or an existing one edited (name, keeper, closed). */
export function StoreModal({
  open,
  store,
  onClose,
}: {
  open: boolean;
  store: Store | null;
  onClose: () => void;
}) {
  const t = useTexts(storesTexts);
  const c = t.common;
  const me = useMe();
  const { message } = App.useApp();
  const client = useQueryClient();
  const phone = Grid.useBreakpoint().md === false;
  const sites = useSites();
  const [form] = Form.useForm<Values>();
  const siteId = Form.useWatch('siteId', form);
  // Only an account administrator may list accounts; others leave the keeper as it is.
  const pickKeeper = can(me, 'users:read');
  const save = useMutation({
    mutationFn: async (v: Values) => {
      const keeper = pickKeeper ? { keeperUserId: v.keeper?.value ?? null } : {};
      if (!store) {
        return unwrap(
          api.POST('/api/stores/stores', {
            body: { siteId: v.siteId, code: v.code, name: v.name, ...keeper },
          }),
        );
      }
      return unwrap(
        api.PATCH('/api/stores/stores/{id}', {
          params: { path: { id: store.id } },
          body: { code: v.code, name: v.name, active: !v.closed, ...keeper },
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
      title={store ? t.stores.editTitle(store.name) : t.stores.create}
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
          store
            ? {
                siteId: store.site.id,
                code: store.code,
                name: store.name,
                keeper: store.keeper && { value: store.keeper.id, label: store.keeper.name },
                closed: !store.active,
              }
            : {}
        }
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="siteId" label={c.site} rules={rules('siteId', c.site)}>
          <Select
            disabled={!!store}
            loading={sites.isLoading}
            options={(sites.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
            showSearch={{ optionFilterProp: 'label' }}
          />
        </Form.Item>
        <Form.Item name="code" label={c.code} rules={rules('code', c.code)}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="name" label={c.name} rules={rules('name', c.name)}>
          <Input maxLength={60} />
        </Form.Item>
        {pickKeeper && (
          <Form.Item name="keeper" label={t.stores.keeper} extra={t.stores.keeperHelp}>
            <KeeperSelect siteId={siteId} />
          </Form.Item>
        )}
        {store && (
          <Form.Item name="closed" valuePropName="checked">
            <Checkbox>{t.stores.stop}</Checkbox>
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
