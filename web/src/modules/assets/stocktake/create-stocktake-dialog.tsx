import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { StocktakeCreateSchema } from '@server/modules/assets/stocktake/schema.ts';
import { App, Form, Input, Modal, Select, Typography } from 'antd';
import { api, unwrap } from '../../../app/api.ts';
import { useSiteChoice, useSites } from '../../../app/site-choice.ts';
import { useTexts } from '../../../app/texts.ts';
import { zodRules } from '../../../components/form/zod-rules.ts';
import { showServerFieldErrors } from '../../../components/server-field-errors.ts';
import { stocktakeTexts } from './texts.ts';

type Values = {
  name: string;
  siteId: string;
  buildingId?: string;
  locationId?: string;
  departmentId?: string;
  categoryId?: string;
};

const rules = zodRules(StocktakeCreateSchema);

/**
 * Starts a campaign over a scope: a site, optionally one building (or one
 * place under it), a department and a category. The server snapshots the
 * expected list at once.
 */
export function CreateStocktakeDialog({
  onClose,
  onDone,
}: {
  onClose: () => void;
  onDone: (id: string) => void;
}) {
  const tx = useTexts(stocktakeTexts);
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [siteChoice] = useSiteChoice();
  const sites = useSites();
  const siteId = Form.useWatch('siteId', form);
  const buildingId = Form.useWatch('buildingId', form);
  const buildings = useQuery({
    queryKey: ['locations', 'children', siteId, 'root'],
    queryFn: () =>
      unwrap(
        api.GET('/api/locations', {
          params: { query: { siteId, parentId: 'root', active: 'true', pageSize: 200 } },
        }),
      ),
    enabled: !!siteId,
  });
  const places = useQuery({
    queryKey: ['locations', 'under', buildingId],
    queryFn: () =>
      unwrap(
        api.GET('/api/locations', {
          params: { query: { under: buildingId, active: 'true', pageSize: 200 } },
        }),
      ),
    enabled: !!buildingId,
  });
  const departments = useQuery({
    queryKey: ['departments', 'all'],
    queryFn: () =>
      unwrap(api.GET('/api/departments', { params: { query: { active: 'true', pageSize: 200 } } })),
  });
  const categories = useQuery({
    queryKey: ['assets', 'categories', 'tree'],
    queryFn: () => unwrap(api.GET('/api/assets/categories', { params: { query: {} } })),
  });
  const create = useMutation({
    mutationFn: (v: Values) =>
      unwrap(
        api.POST('/api/assets/stocktakes', {
          body: {
            name: v.name,
            siteId: v.siteId,
            scope: {
              // A place under the building narrows the building down.
              ...(v.locationId
                ? { locationId: v.locationId }
                : v.buildingId && { buildingId: v.buildingId }),
              ...(v.departmentId && { departmentId: v.departmentId }),
              ...(v.categoryId && { categoryId: v.categoryId }),
            },
          },
        }),
      ),
    onSuccess: (st) => {
      void client.invalidateQueries({ queryKey: ['assets', 'stocktakes'] });
      void message.success(tx.create.done(st.expectedCount));
      onDone(st.id);
    },
    onError: (err) => showServerFieldErrors(form, err),
  });
  const any = { placeholder: tx.create.any, allowClear: true };

  return (
    <Modal
      open
      title={tx.create.title}
      okText={tx.create.submit}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ siteId: siteChoice ?? undefined }}
        onFinish={(v) => create.mutate(v)}
      >
        <Form.Item name="name" label={tx.create.name} rules={rules('name', tx.create.name)}>
          <Input placeholder={tx.create.namePlaceholder} maxLength={100} />
        </Form.Item>
        <Form.Item name="siteId" label={tx.create.site} rules={rules('siteId', tx.create.site)}>
          <Select
            loading={sites.isPending}
            options={sites.data?.map((s) => ({ value: s.id, label: s.name }))}
            onChange={() => form.setFieldsValue({ buildingId: undefined, locationId: undefined })}
          />
        </Form.Item>
        <Form.Item name="buildingId" label={tx.create.building}>
          <Select
            {...any}
            disabled={!siteId}
            loading={buildings.isFetching}
            options={buildings.data?.items.map((l) => ({ value: l.id, label: l.name }))}
            onChange={() => form.setFieldsValue({ locationId: undefined })}
            showSearch={{ optionFilterProp: 'label' }}
          />
        </Form.Item>
        {buildingId && (
          <Form.Item name="locationId" label={tx.create.room}>
            <Select
              {...any}
              loading={places.isFetching}
              options={places.data?.items.map((l) => ({ value: l.id, label: l.name }))}
              showSearch={{ optionFilterProp: 'label' }}
            />
          </Form.Item>
        )}
        <Form.Item name="departmentId" label={tx.create.department}>
          <Select
            {...any}
            loading={departments.isPending}
            options={departments.data?.items.map((d) => ({ value: d.id, label: d.name }))}
            showSearch={{ optionFilterProp: 'label' }}
          />
        </Form.Item>
        <Form.Item name="categoryId" label={tx.create.category}>
          <Select
            {...any}
            loading={categories.isPending}
            options={categories.data?.map((c) => ({
              value: c.id,
              label: `${'　'.repeat(c.depth ?? 0)}${c.name}`,
            }))}
            showSearch={{ optionFilterProp: 'label' }}
          />
        </Form.Item>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {tx.create.hint}
        </Typography.Paragraph>
      </Form>
    </Modal>
  );
}
