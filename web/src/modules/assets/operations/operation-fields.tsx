import { useQuery } from '@tanstack/react-query';
import { DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { OperationCreateSchema } from '@server/modules/assets/operations/schema.ts';
import { api, unwrap } from '../../../app/api.ts';
import { useSites } from '../../../app/site-choice.ts';
import { useTexts } from '../../../app/texts.ts';
import { zodRules } from '../../../components/form/zod-rules.ts';
import { CompensationFields, type DecisionRow, type ValuedAsset } from './compensation-fields.tsx';
import { DepartmentPicker, LocationPicker, PersonPicker } from './pickers.tsx';
import type { OperationKindChoice } from './start-operation-dialog.tsx';
import { opsTexts } from './texts.ts';

export type OperationFormValues = {
  reason?: string;
  toSiteId?: string;
  toLocationId?: string;
  toDepartmentId?: string;
  toCustodianPersonId?: string;
  borrowerPersonId?: string;
  borrowerName?: string;
  dueDate?: string;
  condition?: 'good' | 'fair' | 'poor' | 'damaged';
  workOrder?: { categoryId?: string; description?: string; priorityId?: string };
  compensations?: DecisionRow[];
};

const rules = zodRules(OperationCreateSchema);

/** Dates travel as YYYY-MM-DD strings; the picker works with dayjs. */
const dateProps = {
  getValueProps: (v: string | undefined) => ({ value: v ? dayjs(v) : null }),
  normalize: (v: Dayjs | null) => (v ? v.format('YYYY-MM-DD') : undefined),
};

/** The fields each kind of operation asks for, and nothing else. */
export function OperationFields({
  kind,
  siteId,
  assets,
  loanDays,
  compensate,
}: {
  kind: OperationKindChoice;
  siteId: string;
  assets: ValuedAsset[];
  loanDays: number | undefined;
  compensate: boolean;
}) {
  const tx = useTexts(opsTexts);
  const t = tx.start;
  const conditions = (['good', 'fair', 'poor', 'damaged'] as const).map((c) => ({
    value: c,
    label: tx.condition[c],
  }));
  const condition = (
    <Form.Item name="condition" label={t.condition} rules={rules('condition', t.condition)}>
      <Select allowClear options={conditions} />
    </Form.Item>
  );
  const reason = (required: boolean) => (
    <Form.Item
      name="reason"
      label={t.reason}
      rules={[
        ...(required ? [{ required: true, whitespace: true, message: t.reason }] : []),
        ...rules('reason', t.reason),
      ]}
    >
      <Input.TextArea rows={2} maxLength={1000} />
    </Form.Item>
  );

  switch (kind) {
    case 'assign':
    case 'transfer':
      return (
        <>
          {kind === 'transfer' && <SiteField />}
          <Form.Item
            name="toDepartmentId"
            label={t.department}
            rules={rules('toDepartmentId', t.department)}
          >
            <DepartmentPicker />
          </Form.Item>
          <Form.Item noStyle dependencies={['toSiteId']}>
            {({ getFieldValue }) => (
              <Form.Item name="toLocationId" label={t.location}>
                <LocationPicker siteId={(getFieldValue('toSiteId') as string) || siteId} />
              </Form.Item>
            )}
          </Form.Item>
          <Form.Item
            name="toCustodianPersonId"
            label={t.custodian}
            extra={t.custodianHelp}
            rules={rules('toCustodianPersonId', t.custodian)}
          >
            <PersonPicker />
          </Form.Item>
          {reason(false)}
        </>
      );
    case 'lend':
      return (
        <>
          <Form.Item name="borrowerPersonId" label={t.borrower} extra={t.borrowerHelp}>
            <PersonPicker />
          </Form.Item>
          <Form.Item
            name="borrowerName"
            label={t.borrowerName}
            rules={rules('borrowerName', t.borrowerName)}
          >
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item
            name="dueDate"
            label={t.dueDate}
            extra={loanDays ? t.dueDefault(loanDays) : undefined}
            rules={rules('dueDate', t.dueDate)}
            {...dateProps}
          >
            <DatePicker
              style={{ width: '100%' }}
              disabledDate={(d) => d.isBefore(dayjs(), 'day')}
            />
          </Form.Item>
          {reason(false)}
        </>
      );
    case 'repair':
      return (
        <>
          {assets.length === 1 && <WorkOrderFields />}
          {reason(false)}
        </>
      );
    case 'damage':
      return (
        <>
          {reason(true)}
          {condition}
          {compensate && <CompensationFields assets={assets} />}
        </>
      );
    case 'loss':
      return (
        <>
          {reason(true)}
          {compensate && <CompensationFields assets={assets} />}
        </>
      );
    case 'dispose':
      return reason(true);
    default:
      // release, return, repaired, recover: how the asset comes back.
      return (
        <>
          {condition}
          {reason(false)}
        </>
      );
  }
}

function SiteField() {
  const t = useTexts(opsTexts).start;
  const sites = useSites();
  return (
    <Form.Item name="toSiteId" label={t.toSite}>
      <Select
        allowClear
        loading={sites.isPending}
        options={sites.data?.map((s) => ({ value: s.id, label: s.name }))}
      />
    </Form.Item>
  );
}

/** 送修: the maintenance work order raised with the operation. */
function WorkOrderFields() {
  const t = useTexts(opsTexts).start;
  const categories = useQuery({
    queryKey: ['maintenance', 'categories'],
    queryFn: () => unwrap(api.GET('/api/maintenance/categories')),
    staleTime: 60_000,
  });
  const priorities = useQuery({
    queryKey: ['maintenance', 'priorities'],
    queryFn: () => unwrap(api.GET('/api/maintenance/priorities')),
    staleTime: 60_000,
  });
  return (
    <>
      <Form.Item
        name={['workOrder', 'categoryId']}
        label={t.category}
        rules={[{ required: true, message: t.category }]}
      >
        <Select
          loading={categories.isPending}
          options={categories.data
            ?.filter((c) => c.active)
            .map((c) => ({ value: c.id, label: c.name }))}
        />
      </Form.Item>
      <Form.Item
        name={['workOrder', 'description']}
        label={t.description}
        rules={[{ required: true, whitespace: true, min: 2, message: t.description }]}
      >
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <Form.Item name={['workOrder', 'priorityId']} label={t.priority}>
        <Select
          allowClear
          loading={priorities.isPending}
          options={priorities.data?.map((p) => ({ value: p.id, label: p.name }))}
        />
      </Form.Item>
    </>
  );
}
