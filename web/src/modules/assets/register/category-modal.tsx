import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Divider,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Typography,
} from 'antd';
import { useState } from 'react';
import { CategoryCreateSchema } from '@server/modules/assets/register/schema.ts';
import { api, ApiError, unwrap } from '../../../app/api.ts';
import { useTexts } from '../../../app/texts.ts';
import { ErrorResult } from '../../../components/error-result.tsx';
import { emptyToNull, zodRules } from '../../../components/form/zod-rules.ts';
import { showServerFieldErrors } from '../../../components/server-field-errors.ts';
import { assetKeys, type Category, type FieldDef } from './model.ts';
import { CategorySelect } from './pickers.tsx';
import { registerTexts } from './texts.ts';

const rules = zodRules(CategoryCreateSchema);

type FieldValues = Omit<FieldDef, 'options'> & { options?: string };
type Values = {
  parentId?: string | null;
  code: string;
  name: string;
  tracking: 'unit' | 'bulk';
  unit?: string | null;
  depreciationMethod: 'straight_line' | 'none';
  lifeMonths?: number | null;
  residualPct?: number | null;
  sortOrder?: number;
  fields?: FieldValues[];
};

/** What the editor opens: a new category (under a parent or at the top) or an existing one. */
export type CategoryEdit = { category?: Category; parentId?: string | null } | null;

/**
 * A category's form: where it sits, code and name, how its cards are kept
 * (one per item or by quantity), the depreciation terms new cards take, and
 * the extra fields its cards record (出厂编号, 床位号 …).
 */
export function CategoryModal({ edit, onClose }: { edit: CategoryEdit; onClose: () => void }) {
  const tx = useTexts(registerTexts);
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<ApiError | null>(null);
  const current = edit?.category;

  const save = useMutation({
    mutationFn: (v: Values) => {
      const body = {
        ...emptyToNull({
          parentId: v.parentId ?? null,
          code: v.code,
          name: v.name,
          tracking: v.tracking,
          unit: v.unit,
          depreciationMethod: v.depreciationMethod,
          lifeMonths: v.lifeMonths ?? null,
        }),
        residualBp: Math.round((v.residualPct ?? 0) * 100),
        sortOrder: v.sortOrder ?? 0,
        fields: (v.fields ?? []).map((f) => ({
          key: f.key,
          label: f.label,
          type: f.type,
          required: !!f.required,
          ...(f.type === 'select'
            ? {
                options: (f.options ?? '')
                  .split('\n')
                  .map((o) => o.trim())
                  .filter(Boolean),
              }
            : {}),
        })),
      };
      return current
        ? unwrap(
            api.PATCH('/api/assets/categories/{id}', {
              params: { path: { id: current.id } },
              body,
            }),
          )
        : unwrap(api.POST('/api/assets/categories', { body }));
    },
    onSuccess: (c) => {
      void client.invalidateQueries({ queryKey: assetKeys.categories });
      void message.success(current ? tx.categories.saved(c.name) : tx.categories.created(c.name));
      onClose();
    },
    onError: (err) => {
      if (err instanceof ApiError && err.code === 'CONFLICT')
        form.setFields([{ name: 'code', errors: [err.message] }]);
      else if (!showServerFieldErrors(form, err)) setError(err as ApiError);
    },
  });

  const half = { xs: 24, md: 12 };
  return (
    <Modal
      open={!!edit}
      title={current ? `${tx.categories.edit} · ${current.name}` : tx.categories.create}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={tx.form.save}
      cancelText={tx.common.cancel}
      okButtonProps={{ loading: save.isPending }}
      width={760}
      destroyOnHidden
    >
      {error && <ErrorResult error={error} />}
      {edit && (
        <Form<Values>
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={
            current
              ? {
                  ...current,
                  residualPct: current.residualBp / 100,
                  fields: current.fields.map((f) => ({ ...f, options: f.options?.join('\n') })),
                }
              : {
                  parentId: edit.parentId ?? null,
                  tracking: 'unit',
                  depreciationMethod: 'straight_line',
                  residualPct: 0,
                  sortOrder: 0,
                  fields: [],
                }
          }
          onFinish={(v) => {
            setError(null);
            save.mutate(v);
          }}
        >
          <Row gutter={16}>
            <Col span={24}>
              <Form.Item name="parentId" label={tx.categories.parent}>
                <CategorySelect placeholder={tx.categories.parentNone} />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item
                name="code"
                label={tx.categories.code}
                rules={rules('code', tx.categories.code)}
              >
                <Input maxLength={40} />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item
                name="name"
                label={tx.categories.name}
                rules={rules('name', tx.categories.name)}
              >
                <Input maxLength={60} />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item name="tracking" label={tx.categories.tracking}>
                <Select
                  options={(['unit', 'bulk'] as const).map((t) => ({
                    value: t,
                    label: tx.tracking[t],
                  }))}
                />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item name="unit" label={tx.field.unit} rules={rules('unit', tx.field.unit)}>
                <Input maxLength={10} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="depreciationMethod" label={tx.field.method}>
                <Select
                  options={(['straight_line', 'none'] as const).map((m) => ({
                    value: m,
                    label: tx.method[m],
                  }))}
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item name="lifeMonths" label={tx.field.lifeMonths}>
                <InputNumber min={1} max={1200} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item name="residualPct" label={tx.field.residual}>
                <InputNumber min={0} max={100} precision={2} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item name="sortOrder" label={tx.categories.sortOrder}>
                <InputNumber min={0} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
          <Divider titlePlacement="start">{tx.categories.fields}</Divider>
          <Typography.Paragraph type="secondary">{tx.categories.fieldsHint}</Typography.Paragraph>
          <FieldsEditor />
        </Form>
      )}
    </Modal>
  );
}

/** The list of extra fields: key, label, type, options for a choice, required. */
function FieldsEditor() {
  const tx = useTexts(registerTexts);
  return (
    <Form.List name="fields">
      {(items, { add, remove }) => (
        <>
          {items.map((item, i) => (
            <Card key={item.key} size="small" style={{ marginBottom: 12 }}>
              <Row gutter={12} align="bottom">
                <Col xs={24} md={6}>
                  <Form.Item
                    name={[item.name, 'key']}
                    label={tx.categories.fieldKey}
                    rules={[
                      {
                        required: true,
                        pattern: /^[a-zA-Z][a-zA-Z0-9_]{0,39}$/,
                        message: tx.categories.fieldKey,
                      },
                    ]}
                  >
                    <Input maxLength={40} placeholder="serialNo" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={7}>
                  <Form.Item
                    name={[item.name, 'label']}
                    label={tx.categories.fieldLabel}
                    rules={[{ required: true, max: 40, message: tx.categories.fieldLabel }]}
                  >
                    <Input maxLength={40} />
                  </Form.Item>
                </Col>
                <Col xs={16} md={6}>
                  <Form.Item
                    name={[item.name, 'type']}
                    label={tx.categories.fieldType}
                    initialValue="text"
                  >
                    <Select
                      options={(['text', 'number', 'date', 'select'] as const).map((t) => ({
                        value: t,
                        label: tx.categories.fieldTypes[t],
                      }))}
                    />
                  </Form.Item>
                </Col>
                <Col xs={8} md={5}>
                  <Form.Item name={[item.name, 'required']} valuePropName="checked">
                    <Checkbox>{tx.categories.fieldRequired}</Checkbox>
                  </Form.Item>
                </Col>
                <Form.Item noStyle shouldUpdate>
                  {({ getFieldValue }) =>
                    getFieldValue(['fields', item.name, 'type']) === 'select' && (
                      <Col span={24}>
                        <Form.Item
                          name={[item.name, 'options']}
                          label={tx.categories.fieldOptions}
                          rules={[{ required: true, message: tx.categories.fieldOptions }]}
                        >
                          <Input.TextArea rows={3} />
                        </Form.Item>
                      </Col>
                    )
                  }
                </Form.Item>
                <Col span={24} style={{ textAlign: 'right' }}>
                  <Button
                    danger
                    type="text"
                    icon={<DeleteOutlined />}
                    aria-label={tx.categories.removeField(i + 1)}
                    onClick={() => remove(item.name)}
                  />
                </Col>
              </Row>
            </Card>
          ))}
          <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ type: 'text' })}>
            {tx.categories.addField}
          </Button>
        </>
      )}
    </Form.List>
  );
}
