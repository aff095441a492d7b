import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { CloseSchema, SurplusRegisterSchema } from '@server/modules/assets/stocktake/schema.ts';
import {
  Alert,
  App,
  Checkbox,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Skeleton,
  Typography,
} from 'antd';
import { api, unwrap } from '../../../app/api.ts';
import { useTexts } from '../../../app/texts.ts';
import { ErrorResult } from '../../../components/error-result.tsx';
import { zodRules } from '../../../components/form/zod-rules.ts';
import { stocktakeKey, type StocktakeDetail, type Surplus } from './model.ts';
import { stocktakeTexts } from './texts.ts';

type Decision = {
  register?: boolean;
  categoryId?: string;
  departmentId?: string;
  unitPrice?: number | null;
};
type Values = { note?: string; surplus?: Record<string, Decision> };

const lineRules = zodRules(SurplusRegisterSchema);
const closeRules = zodRules(CloseSchema);

/**
 * Closing a campaign: the manager decides, per surplus item (盘盈) not yet on
 * the register, whether it becomes an asset card and under which category
 * (the counter could not say); the server then registers them, with the
 * differences, in one transaction — all of it or nothing.
 */
export function CloseDialog({
  stocktake,
  onClose,
}: {
  stocktake: StocktakeDetail;
  onClose: () => void;
}) {
  const tx = useTexts(stocktakeTexts);
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const id = stocktake.id;
  // The variance report carries every surplus entry; one line of the rest is enough.
  const surplus = useQuery({
    queryKey: [...stocktakeKey(id), 'surplus'],
    queryFn: () =>
      unwrap(
        api.GET('/api/assets/stocktakes/{id}/variance', {
          params: { path: { id }, query: { page: 1, pageSize: 1 } },
        }),
      ),
    select: (v) => v.surplus.filter((s) => !s.card),
  });
  const categories = useQuery({
    queryKey: ['assets', 'categories', 'tree'],
    queryFn: () => unwrap(api.GET('/api/assets/categories', { params: { query: {} } })),
    enabled: !!surplus.data?.length,
  });
  const departments = useQuery({
    queryKey: ['departments', 'all'],
    queryFn: () =>
      unwrap(api.GET('/api/departments', { params: { query: { active: 'true', pageSize: 200 } } })),
    enabled: !!surplus.data?.length,
  });
  const decisions = Form.useWatch('surplus', form);

  const close = useMutation({
    mutationFn: (v: Values) => {
      const registerSurplus = Object.entries(v.surplus ?? {})
        .filter(([, d]) => d.register && d.categoryId)
        .map(([surplusId, d]) => ({
          surplusId,
          categoryId: d.categoryId!,
          ...(d.departmentId && { departmentId: d.departmentId }),
          unitPriceFen: Math.round((d.unitPrice ?? 0) * 100),
        }));
      return unwrap(
        api.POST('/api/assets/stocktakes/{id}/close', {
          params: { path: { id } },
          body: {
            ...(v.note?.trim() && { note: v.note.trim() }),
            ...(registerSurplus.length && { registerSurplus }),
          },
        }),
      ).then((st) => ({ st, cards: registerSurplus.length }));
    },
    onSuccess: ({ st, cards }) => {
      client.setQueryData(stocktakeKey(id), st);
      void client.invalidateQueries({ queryKey: ['assets'] });
      void message.success(cards ? tx.closing.doneWithCards(cards) : tx.detail.closed);
      onClose();
    },
  });

  const categoryOptions = categories.data
    ?.filter((c) => c.active)
    .map((c) => ({ value: c.id, label: `${'　'.repeat(c.depth ?? 0)}${c.name}` }));
  const departmentOptions = departments.data?.items.map((d) => ({ value: d.id, label: d.name }));

  const item = (s: Surplus) => {
    const on = !!decisions?.[s.id]?.register;
    return (
      <div
        key={s.id}
        style={{ border: '1px solid #f0f0f0', borderRadius: 8, padding: 12 }}
        data-testid="close-surplus"
      >
        <Form.Item name={['surplus', s.id, 'register']} valuePropName="checked" noStyle>
          <Checkbox>
            <strong>{tx.closing.register(s.name)}</strong>
          </Checkbox>
        </Form.Item>
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0 24px' }}>
          {[s.tagNo && tx.closing.tag(s.tagNo), s.location && tx.closing.place(s.location.name)]
            .filter(Boolean)
            .join(' · ')}
        </Typography.Paragraph>
        {on && (
          <div style={{ marginTop: 8 }}>
            <Form.Item
              name={['surplus', s.id, 'categoryId']}
              label={tx.closing.category}
              rules={lineRules('categoryId', tx.closing.category)}
            >
              <Select
                loading={categories.isPending}
                options={categoryOptions}
                showSearch={{ optionFilterProp: 'label' }}
              />
            </Form.Item>
            <Form.Item name={['surplus', s.id, 'departmentId']} label={tx.closing.department}>
              <Select
                allowClear
                loading={departments.isPending}
                options={departmentOptions}
                showSearch={{ optionFilterProp: 'label' }}
              />
            </Form.Item>
            <Form.Item
              name={['surplus', s.id, 'unitPrice']}
              label={tx.closing.value}
              style={{ marginBottom: 0 }}
            >
              <InputNumber min={0} max={100_000_000} precision={2} style={{ width: '100%' }} />
            </Form.Item>
          </div>
        )}
      </div>
    );
  };

  return (
    <Modal
      open
      title={tx.closing.title}
      okText={tx.closing.submit}
      cancelText={tx.closing.cancel}
      okButtonProps={{ disabled: surplus.isPending || surplus.isError }}
      onOk={() => form.submit()}
      confirmLoading={close.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph>{tx.closing.hint}</Typography.Paragraph>
      {close.isError && (
        <Alert
          type="error"
          showIcon
          title={tx.closing.failed}
          description={close.error.message}
          style={{ marginBottom: 12 }}
        />
      )}
      <Form<Values> form={form} layout="vertical" onFinish={(v) => close.mutate(v)}>
        <h3 style={{ fontSize: 15, margin: '0 0 4px' }}>{tx.closing.surplusTitle}</h3>
        {surplus.isError ? (
          <ErrorResult error={surplus.error} onRetry={() => void surplus.refetch()} />
        ) : !surplus.data ? (
          <Skeleton active paragraph={{ rows: 2 }} />
        ) : surplus.data.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={tx.closing.noSurplus} />
        ) : (
          <>
            <Typography.Paragraph type="secondary">{tx.closing.surplusHint}</Typography.Paragraph>
            <Flex vertical gap={8} style={{ marginBottom: 16 }}>
              {surplus.data.map(item)}
            </Flex>
          </>
        )}
        <Form.Item
          name="note"
          label={tx.closing.note}
          rules={closeRules('note', tx.closing.note)}
          style={{ marginTop: 12 }}
        >
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
