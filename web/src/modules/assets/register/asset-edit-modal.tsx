import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Col, Form, Input, Modal, Row, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AssetUpdateSchema } from '@server/modules/assets/register/schema.ts';
import { api, ApiError, unwrap } from '../../../app/api.ts';
import { useTexts } from '../../../app/texts.ts';
import { ErrorResult } from '../../../components/error-result.tsx';
import { emptyToNull, zodRules } from '../../../components/form/zod-rules.ts';
import { showServerFieldErrors } from '../../../components/server-field-errors.ts';
import { DepreciationFields } from './asset-create-modal.tsx';
import { cleanCustom, CustomFields, DateInput, dateItem, YuanInput } from './form-fields.tsx';
import { assetKeys, toFen, type AssetDetail } from './model.ts';
import { CategorySelect, useCategories } from './pickers.tsx';
import { registerTexts } from './texts.ts';

const rules = zodRules(AssetUpdateSchema);

type Values = {
  name: string;
  model?: string | null;
  unit?: string | null;
  tagNo: string;
  categoryId: string;
  unitPrice?: number | null;
  purchaseDate?: string | null;
  inServiceDate?: string | null;
  source?: 'purchase' | 'donation' | 'transfer_in' | 'self_built' | 'other';
  supplier?: string | null;
  invoiceNo?: string | null;
  warrantyEnd?: string | null;
  depreciationMethod?: 'straight_line' | 'none';
  lifeMonths?: number | null;
  residualPct?: number | null;
  custom?: Record<string, unknown>;
  notes?: string | null;
};

/**
 * Corrects a card's description. Place, department, custodian, status and
 * quantity are not here: they change through operations, and the form says
 * so. Once depreciation is booked the money terms are frozen (the server
 * refuses them; the form shows them read-only).
 */
export function AssetEditModal({
  asset,
  onClose,
}: {
  asset: AssetDetail | null;
  onClose: () => void;
}) {
  const tx = useTexts(registerTexts);
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<ApiError | null>(null);
  const categories = useCategories();
  const categoryId = Form.useWatch('categoryId', form);
  const fields =
    categories.data?.find((c) => c.id === categoryId)?.fields ?? asset?.categoryFields ?? [];
  const frozen = (asset?.accumulatedDepreciationFen ?? 0) > 0;

  const save = useMutation({
    mutationFn: (v: Values) => {
      if (!asset) throw new Error('no asset');
      const body = emptyToNull({
        version: asset.version,
        name: v.name,
        model: v.model,
        unit: v.unit,
        tagNo: v.tagNo,
        categoryId: v.categoryId,
        source: v.source,
        supplier: v.supplier,
        invoiceNo: v.invoiceNo,
        warrantyEnd: v.warrantyEnd ?? null,
        custom: cleanCustom(v.custom),
        notes: v.notes,
        ...(frozen
          ? {}
          : {
              unitPriceFen: toFen(v.unitPrice),
              purchaseDate: v.purchaseDate ?? null,
              inServiceDate: v.inServiceDate ?? null,
              depreciationMethod: v.depreciationMethod,
              lifeMonths: v.lifeMonths ?? null,
              residualBp: v.residualPct == null ? undefined : Math.round(v.residualPct * 100),
            }),
      });
      return unwrap(api.PATCH('/api/assets/{id}', { params: { path: { id: asset.id } }, body }));
    },
    onSuccess: (updated) => {
      client.setQueryData(assetKeys.detail(updated.id), updated);
      void client.invalidateQueries({ queryKey: assetKeys.list });
      void message.success(tx.form.saved);
      onClose();
    },
    onError: (err) => {
      if (err instanceof ApiError && err.status === 409 && asset) {
        // Someone else saved first: reload the card so the next try sends the new version.
        void client.invalidateQueries({ queryKey: assetKeys.detail(asset.id) });
        void message.warning(tx.form.conflict);
        onClose();
      } else if (!showServerFieldErrors(form, err)) setError(err as ApiError);
    },
  });

  const half = { xs: 24, md: 12 };
  return (
    <Modal
      open={!!asset}
      title={tx.form.editTitle}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={tx.form.save}
      cancelText={tx.common.cancel}
      okButtonProps={{ loading: save.isPending }}
      width={760}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={tx.form.editHint} style={{ marginBottom: 16 }} />
      {frozen && (
        <Alert type="warning" showIcon title={tx.form.frozenHint} style={{ marginBottom: 16 }} />
      )}
      {error && <ErrorResult error={error} />}
      {asset && (
        <Form<Values>
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{
            ...asset,
            categoryId: asset.category.id,
            source: asset.source as Values['source'],
            unitPrice: asset.unitPriceFen / 100,
            residualPct: asset.residualBp / 100,
            custom: asset.custom,
          }}
          onFinish={(v) => {
            setError(null);
            save.mutate(v);
          }}
        >
          <Row gutter={16}>
            <Col {...half}>
              <Form.Item
                name="name"
                label={tx.field.name}
                rules={[
                  { required: true, message: t('common.required', { field: tx.field.name }) },
                  ...rules('name', tx.field.name),
                ]}
              >
                <Input maxLength={100} />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item name="tagNo" label={tx.field.tagNo} rules={rules('tagNo', tx.field.tagNo)}>
                <Input maxLength={40} />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item
                name="categoryId"
                label={tx.field.category}
                rules={rules('categoryId', tx.field.category)}
              >
                <CategorySelect activeOnly />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item name="model" label={tx.field.model} rules={rules('model', tx.field.model)}>
                <Input maxLength={100} />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item name="unit" label={tx.field.unit} rules={rules('unit', tx.field.unit)}>
                <Input maxLength={10} />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item name="unitPrice" label={tx.field.unitPrice}>
                <YuanInput disabled={frozen} />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item name="purchaseDate" label={tx.field.purchaseDate} {...dateItem}>
                <DateInput disabled={frozen} />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item name="inServiceDate" label={tx.field.inServiceDate} {...dateItem}>
                <DateInput disabled={frozen} />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item name="source" label={tx.field.source}>
                <Select
                  options={(
                    ['purchase', 'donation', 'transfer_in', 'self_built', 'other'] as const
                  ).map((s) => ({ value: s, label: tx.source[s] }))}
                />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item
                name="supplier"
                label={tx.field.supplier}
                rules={rules('supplier', tx.field.supplier)}
              >
                <Input maxLength={100} />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item
                name="invoiceNo"
                label={tx.field.invoiceNo}
                rules={rules('invoiceNo', tx.field.invoiceNo)}
              >
                <Input maxLength={60} />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item name="warrantyEnd" label={tx.field.warrantyEnd} {...dateItem}>
                <DateInput />
              </Form.Item>
            </Col>
          </Row>
          <DepreciationFields disabled={frozen} />
          <CustomFields fields={fields} />
          <Form.Item name="notes" label={tx.field.notes} rules={rules('notes', tx.field.notes)}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
