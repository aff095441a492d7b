import { PrinterOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Col,
  Divider,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Segmented,
  Select,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { AssetBatchSchema, AssetCreateSchema } from '@server/modules/assets/register/schema.ts';
import { api, ApiError, unwrap } from '../../../app/api.ts';
import { useSiteChoice, useSites } from '../../../app/site-choice.ts';
import { useTexts } from '../../../app/texts.ts';
import { emptyToNull, zodRules } from '../../../components/form/zod-rules.ts';
import { ErrorResult } from '../../../components/error-result.tsx';
import { showServerFieldErrors } from '../../../components/server-field-errors.ts';
import { DepartmentSelect } from '../../org/people/departments/department-select.tsx';
import { cleanCustom, CustomFields, DateInput, dateItem, YuanInput } from './form-fields.tsx';
import { batchTag, labelsHref, toFen, type RegisterResult } from './model.ts';
import {
  CategorySelect,
  LocationSelect,
  PersonSelect,
  SiteSelect,
  useCategories,
} from './pickers.tsx';
import { registerTexts } from './texts.ts';

type Mode = 'single' | 'batch';
type Values = {
  siteId: string;
  categoryId: string;
  name: string;
  model?: string;
  unit?: string;
  unitPrice?: number | null;
  quantity?: number;
  code?: string;
  tagNo?: string;
  count?: number;
  tagPrefix?: string;
  tagStart?: number;
  tagDigits?: number;
  purchaseDate?: string | null;
  source?: string;
  supplier?: string;
  invoiceNo?: string;
  warrantyEnd?: string | null;
  departmentId?: string | null;
  locationId?: string | null;
  custodianPersonId?: string | null;
  depreciationMethod?: 'straight_line' | 'none';
  lifeMonths?: number | null;
  residualPct?: number | null;
  custom?: Record<string, unknown>;
  notes?: string;
};

const single = zodRules(AssetCreateSchema);
const batch = zodRules(AssetBatchSchema);

/**
 * Registers one card or a batch of identical cards with consecutive tags
 * (120 desks ZY-0001 … ZY-0120). The category brings its unit, extra fields
 * and depreciation terms; after a batch the labels of exactly those cards
 * are one click away.
 */
export function AssetCreateModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: () => void;
}) {
  const tx = useTexts(registerTexts);
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [mode, setMode] = useState<Mode>('single');
  const [error, setError] = useState<ApiError | null>(null);
  const [siteChoice] = useSiteChoice();
  const sites = useSites();
  const categories = useCategories(true);
  const siteId = Form.useWatch('siteId', form);
  const categoryId = Form.useWatch('categoryId', form);
  const category = categories.data?.find((c) => c.id === categoryId);
  const [prefix, start, digits, count] = [
    Form.useWatch('tagPrefix', form) ?? '',
    Form.useWatch('tagStart', form) ?? 1,
    Form.useWatch('tagDigits', form) ?? 4,
    Form.useWatch('count', form) ?? 0,
  ];
  const rules = mode === 'single' ? single : batch;

  const save = useMutation({
    mutationFn: (v: Values): Promise<RegisterResult> => {
      const common = {
        siteId: v.siteId,
        categoryId: v.categoryId,
        name: v.name,
        model: v.model,
        unit: v.unit,
        unitPriceFen: toFen(v.unitPrice),
        purchaseDate: v.purchaseDate ?? null,
        source: (v.source ?? 'purchase') as 'purchase',
        supplier: v.supplier,
        invoiceNo: v.invoiceNo,
        warrantyEnd: v.warrantyEnd ?? null,
        departmentId: v.departmentId ?? null,
        locationId: v.locationId ?? null,
        custodianPersonId: v.custodianPersonId ?? null,
        depreciationMethod: v.depreciationMethod,
        lifeMonths: v.lifeMonths ?? undefined,
        residualBp: v.residualPct == null ? undefined : Math.round(v.residualPct * 100),
        custom: cleanCustom(v.custom),
        notes: v.notes,
      };
      const body = emptyToNull(common);
      return mode === 'single'
        ? unwrap(
            api.POST('/api/assets', {
              body: {
                ...body,
                code: v.code || undefined,
                tagNo: v.tagNo || undefined,
                quantity: v.quantity ?? 1,
              },
            }),
          )
        : unwrap(
            api.POST('/api/assets/batch', {
              body: {
                ...body,
                count: v.count ?? 1,
                tagPrefix: v.tagPrefix ?? '',
                tagStart: v.tagStart ?? 1,
                tagDigits: v.tagDigits ?? 4,
              },
            }),
          );
    },
    onError: (err) => {
      if (err instanceof ApiError && err.code === 'CONFLICT') {
        form.setFields([
          { name: mode === 'single' ? 'tagNo' : 'tagPrefix', errors: [err.message] },
        ]);
      } else if (!showServerFieldErrors(form, err)) setError(err as ApiError);
    },
    onSuccess: (r) => {
      onCreated();
      close();
      const pending = r.operation.status === 'pending_approval';
      if (pending) void message.info(tx.form.pendingApproval);
      const first = r.assets[0];
      if (mode === 'single' && first) {
        void message.success(tx.form.created(first.code));
        void navigate(`/assets/${first.id}`);
        return;
      }
      void message.success(tx.form.createdBatch(r.count, r.operation.number));
      const last = r.assets[r.assets.length - 1];
      modal.confirm({
        title: tx.form.afterBatchTitle,
        content: tx.form.afterBatchBody(r.count, first?.tagNo ?? '', last?.tagNo ?? ''),
        icon: <PrinterOutlined />,
        okText: tx.list.printLabels,
        cancelText: tx.form.later,
        onOk: () =>
          void navigate(
            labelsHref(
              r.assets.map((a) => a.id),
              r.operation.id,
            ),
          ),
      });
    },
  });

  function close() {
    form.resetFields();
    setError(null);
    onClose();
  }

  // The category's defaults fill the unit and depreciation terms the person has not touched.
  function onCategory(id: string | null) {
    const c = categories.data?.find((x) => x.id === id);
    if (!c) return;
    form.setFieldsValue({
      unit: form.getFieldValue('unit') || c.unit || undefined,
      depreciationMethod: c.depreciationMethod,
      lifeMonths: c.lifeMonths,
      residualPct: c.residualBp / 100,
    });
  }

  const onlySite = sites.data?.length === 1 ? sites.data[0]?.id : undefined;
  const half = { xs: 24, md: 12 };
  const n = Math.max(0, Math.min(count, 2000));

  return (
    <Modal
      open={open}
      title={tx.form.createTitle}
      onCancel={close}
      width={760}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={close}>
          {tx.common.cancel}
        </Button>,
        <Button key="ok" type="primary" loading={save.isPending} onClick={() => form.submit()}>
          {mode === 'single' ? tx.form.submit : tx.form.submitBatch(n)}
        </Button>,
      ]}
    >
      <Segmented<Mode>
        block
        value={mode}
        onChange={setMode}
        options={[
          { value: 'single', label: tx.form.single },
          { value: 'batch', label: tx.form.batch },
        ]}
        style={{ marginBottom: 16 }}
      />
      {error && <ErrorResult error={error} />}
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          siteId: siteChoice ?? onlySite,
          quantity: 1,
          count: 40,
          tagStart: 1,
          tagDigits: 4,
          source: 'purchase',
        }}
        onFinish={(v) => {
          setError(null);
          save.mutate(v);
        }}
      >
        <Row gutter={16}>
          <Col {...half}>
            <Form.Item name="siteId" label={tx.field.site} rules={rules('siteId', tx.field.site)}>
              <SiteSelect />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item
              name="categoryId"
              label={tx.field.category}
              rules={rules('categoryId', tx.field.category)}
            >
              <CategorySelect activeOnly onChange={onCategory} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="name" label={tx.field.name} rules={rules('name', tx.field.name)}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="model" label={tx.field.model} rules={rules('model', tx.field.model)}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          {mode === 'single' ? (
            <>
              <Col {...half}>
                <Form.Item
                  name="code"
                  label={tx.field.code}
                  extra={tx.form.codeHint}
                  rules={single('code', tx.field.code)}
                >
                  <Input maxLength={40} />
                </Form.Item>
              </Col>
              <Col {...half}>
                <Form.Item
                  name="tagNo"
                  label={tx.field.tagNo}
                  extra={tx.form.tagHint}
                  rules={single('tagNo', tx.field.tagNo)}
                >
                  <Input maxLength={40} />
                </Form.Item>
              </Col>
              {category?.tracking === 'bulk' && (
                <Col {...half}>
                  <Form.Item
                    name="quantity"
                    label={tx.field.quantity}
                    rules={single('quantity', tx.field.quantity)}
                  >
                    <InputNumber min={1} max={1_000_000} precision={0} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              )}
            </>
          ) : (
            <>
              <Col xs={12} md={6}>
                <Form.Item name="count" label={tx.form.count} rules={batch('count', tx.form.count)}>
                  <InputNumber min={1} max={2000} precision={0} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={12} md={6}>
                <Form.Item
                  name="tagPrefix"
                  label={tx.form.tagPrefix}
                  rules={batch('tagPrefix', tx.form.tagPrefix)}
                >
                  <Input maxLength={20} placeholder="ZY-" />
                </Form.Item>
              </Col>
              <Col xs={12} md={6}>
                <Form.Item
                  name="tagStart"
                  label={tx.form.tagStart}
                  rules={batch('tagStart', tx.form.tagStart)}
                >
                  <InputNumber min={0} precision={0} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={12} md={6}>
                <Form.Item
                  name="tagDigits"
                  label={tx.form.tagDigits}
                  rules={batch('tagDigits', tx.form.tagDigits)}
                >
                  <InputNumber min={1} max={8} precision={0} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col span={24}>
                <Typography.Paragraph data-testid="tag-preview" role="status">
                  {tx.form.preview}：
                  <Typography.Text code>
                    {n > 0
                      ? tx.form.previewText(
                          batchTag(prefix, start, digits, 0),
                          batchTag(prefix, start, digits, n - 1),
                          n,
                        )
                      : tx.common.none}
                  </Typography.Text>
                </Typography.Paragraph>
              </Col>
            </>
          )}
          <Col {...half}>
            <Form.Item name="unit" label={tx.field.unit} rules={rules('unit', tx.field.unit)}>
              <Input maxLength={10} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="unitPrice" label={tx.field.unitPrice}>
              <YuanInput />
            </Form.Item>
          </Col>
        </Row>

        <Divider titlePlacement="start">{tx.form.placement}</Divider>
        <Typography.Paragraph type="secondary">{tx.form.placementHint}</Typography.Paragraph>
        <Row gutter={16}>
          <Col {...half}>
            <Form.Item name="departmentId" label={tx.field.department}>
              <DepartmentSelect />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="locationId" label={tx.field.location}>
              <LocationSelect
                siteId={siteId}
                disabled={!siteId}
                placeholder={siteId ? undefined : tx.form.siteFirst}
              />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="custodianPersonId" label={tx.field.custodian}>
              <PersonSelect />
            </Form.Item>
          </Col>
        </Row>

        {category && category.fields.length > 0 && (
          <>
            <Divider titlePlacement="start">{tx.form.customFields}</Divider>
            <CustomFields fields={category.fields} />
          </>
        )}

        <Divider titlePlacement="start">{tx.form.more}</Divider>
        <Row gutter={16}>
          <Col {...half}>
            <Form.Item name="purchaseDate" label={tx.field.purchaseDate} {...dateItem}>
              <DateInput />
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

        <Divider titlePlacement="start">{tx.form.money}</Divider>
        {category && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={tx.form.depreciationHint(
              category.lifeMonths ? tx.categories.lifeYears(category.lifeMonths) : tx.form.noLife,
              String(category.residualBp / 100),
            )}
          />
        )}
        <DepreciationFields />
        <Form.Item name="notes" label={tx.field.notes} rules={rules('notes', tx.field.notes)}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Method, life and residual rate: the category's defaults, changeable per card. */
export function DepreciationFields({ disabled }: { disabled?: boolean }) {
  const tx = useTexts(registerTexts);
  const half = { xs: 24, md: 8 };
  return (
    <Row gutter={16}>
      <Col {...half}>
        <Form.Item name="depreciationMethod" label={tx.field.method}>
          <Select
            disabled={disabled}
            allowClear
            options={(['straight_line', 'none'] as const).map((m) => ({
              value: m,
              label: tx.method[m],
            }))}
          />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="lifeMonths" label={tx.field.lifeMonths}>
          <InputNumber
            disabled={disabled}
            min={1}
            max={1200}
            precision={0}
            style={{ width: '100%' }}
          />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="residualPct" label={tx.field.residual}>
          <InputNumber
            disabled={disabled}
            min={0}
            max={100}
            precision={2}
            style={{ width: '100%' }}
          />
        </Form.Item>
      </Col>
    </Row>
  );
}
