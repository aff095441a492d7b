import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import { Fragment, useState } from 'react';
import { useNavigate } from 'react-router';
import { IdleRequestSchema } from '@server/modules/assets/idle/schema.ts';
import { api, unwrap } from '../../../app/api.ts';
import { useSiteChoice, useSites } from '../../../app/site-choice.ts';
import { useTexts } from '../../../app/texts.ts';
import { ErrorResult } from '../../../components/error-result.tsx';
import { zodRules } from '../../../components/form/zod-rules.ts';
import { showServerFieldErrors } from '../../../components/server-field-errors.ts';
import { ASSETS_KEY, isReusable, type IdleGroup } from './model.ts';
import { DepartmentPicker, LocationPicker } from './pickers.tsx';
import { opsTexts } from './texts.ts';

type Values = {
  departmentId: string;
  quantity: number;
  reason: string;
  /** Only to choose the place from; the place's site is where the assets go. */
  placeSiteId?: string;
  toLocationId?: string;
};
const rules = zodRules(IdleRequestSchema);

/**
 * 申请调用闲置资产: a department asks for N idle assets of the group's
 * category (not its sub-categories) and condition instead of buying; the server picks them and starts
 * a transfer that the department signs for on arrival — one per site when the
 * assets are at several (each listed, with a link, in the message). A place
 * to put them is optional: given, the assets move there, site and all.
 */
export function IdleRequestDialog({
  group,
  siteId,
  onClose,
  onDone,
}: {
  group: IdleGroup | null;
  siteId: string | undefined;
  onClose: () => void;
  /** The transfers started: one per site the assets are at. */
  onDone: (operationIds: string[]) => void;
}) {
  const tx = useTexts(opsTexts);
  const t = tx.idle;
  const { message } = App.useApp();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const [siteChoice] = useSiteChoice();
  const sites = useSites();
  const placeSiteId = Form.useWatch('placeSiteId', form);
  const ask = useMutation({
    mutationFn: (v: Values) =>
      unwrap(
        api.POST('/api/assets/idle/requests', {
          body: {
            categoryId: group!.category.id,
            // The group counts its own category only; so does what it hands out.
            exactCategory: true,
            ...(isReusable(group!.condition) && { condition: group!.condition }),
            quantity: v.quantity,
            departmentId: v.departmentId,
            reason: v.reason.trim(),
            ...(siteId && { siteId }),
            ...(v.toLocationId && { toLocationId: v.toLocationId }),
          },
        }),
      ),
    onSuccess: ({ operations }) => {
      const [only] = operations;
      if (operations.length === 1 && only) void message.success(t.requested(only.number));
      else
        void message.success({
          duration: 10,
          content: (
            <span>
              {t.requestedSites(operations.length)}
              {operations.map((op, i) => (
                <Fragment key={op.id}>
                  {i > 0 && t.listSeparator}
                  <a
                    href={`/assets/operations/${op.id}`}
                    onClick={(e) => {
                      e.preventDefault();
                      void navigate(`/assets/operations/${op.id}`);
                    }}
                  >
                    {op.number}
                  </a>
                </Fragment>
              ))}
            </span>
          ),
        });
      void client.invalidateQueries({ queryKey: ASSETS_KEY });
      onDone(operations.map((op) => op.id));
    },
    onError: (err) => setError(showServerFieldErrors(form, err) ? null : err),
  });
  return (
    <Modal
      open={!!group}
      title={group ? t.requestTitle(group.category.name, tx.condition[group.condition] ?? '') : ''}
      okText={t.request}
      cancelText={tx.common.cancel}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={ask.isPending}
      destroyOnHidden
      afterOpenChange={(open) => {
        if (open) setError(null);
      }}
    >
      {group && (
        <Typography.Paragraph type="secondary">{t.available(group.count)}</Typography.Paragraph>
      )}
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => ask.mutate(v)}
        initialValues={{
          quantity: 1,
          placeSiteId: siteChoice ?? (sites.data?.length === 1 ? sites.data[0]!.id : undefined),
        }}
      >
        <Form.Item
          name="departmentId"
          label={t.department}
          rules={rules('departmentId', t.department)}
        >
          <DepartmentPicker />
        </Form.Item>
        <Form.Item
          name="quantity"
          label={t.quantityToAsk}
          rules={rules('quantity', t.quantityToAsk)}
        >
          <InputNumber min={1} max={Math.min(200, group?.count ?? 200)} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="placeSiteId" label={t.placeSite}>
          <Select
            allowClear
            loading={sites.isPending}
            options={sites.data?.map((s) => ({ value: s.id, label: s.name }))}
            onChange={() => form.setFieldValue('toLocationId', undefined)}
          />
        </Form.Item>
        <Form.Item name="toLocationId" label={t.location} extra={t.locationHelp}>
          {placeSiteId ? (
            <LocationPicker siteId={placeSiteId} />
          ) : (
            <Select disabled placeholder={t.placeSiteFirst} />
          )}
        </Form.Item>
        <Form.Item name="reason" label={t.reason} rules={rules('reason', t.reason)}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
      {error !== null && <ErrorResult error={error} />}
    </Modal>
  );
}
