import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, InputNumber, Modal, Typography } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../../app/api.ts';
import { useTexts } from '../../../app/texts.ts';
import { ErrorResult } from '../../../components/error-result.tsx';
import { formatYuan } from '../../../components/format.ts';
import { ASSETS_KEY, yuanToFen, type CompensationRow } from './model.ts';
import { opsTexts } from './texts.ts';

export type Entry = { kind: 'payment' | 'waiver'; row: CompensationRow };
type Values = { amountYuan: number; receiptNo?: string; note?: string };

/**
 * 登记收款 / 减免: an amount in yuan (the outstanding sum by default), a
 * receipt number for a payment, the reason for a waiver. The server refuses
 * more than is outstanding; the form says so first.
 */
export function CompensationEntryDialog({
  entry,
  onClose,
}: {
  entry: Entry | null;
  onClose: () => void;
}) {
  const tx = useTexts(opsTexts);
  const t = tx.comp;
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const row = entry?.row;
  const max = (row?.outstandingFen ?? 0) / 100;

  const save = useMutation({
    mutationFn: (v: Values) => {
      const path = { params: { path: { id: row!.id } } };
      const amountFen = yuanToFen(v.amountYuan);
      return entry!.kind === 'payment'
        ? unwrap(
            api.POST('/api/assets/compensations/{id}/payments', {
              ...path,
              body: {
                amountFen,
                ...(v.receiptNo?.trim() && { receiptNo: v.receiptNo.trim() }),
                ...(v.note?.trim() && { note: v.note.trim() }),
              },
            }),
          )
        : unwrap(
            api.POST('/api/assets/compensations/{id}/waivers', {
              ...path,
              body: { amountFen, note: v.note?.trim() ?? '' },
            }),
          );
    },
    onSuccess: () => {
      void message.success(entry!.kind === 'payment' ? t.paidOk : t.waivedOk);
      void client.invalidateQueries({ queryKey: ASSETS_KEY });
      onClose();
    },
    onError: setError,
  });

  const payment = entry?.kind === 'payment';
  return (
    <Modal
      open={!!entry}
      title={row ? (payment ? t.payTitle(row.partyName) : t.waiveTitle(row.partyName)) : ''}
      okText={payment ? t.pay : t.waive}
      cancelText={tx.common.cancel}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      destroyOnHidden
      afterOpenChange={(open) => {
        if (!open) return;
        setError(null);
        form.setFieldsValue({ amountYuan: max });
      }}
    >
      {row && (
        <Typography.Paragraph>
          {`${row.asset.tagNo} ${row.asset.name} · ${t.outstanding} `}
          <Typography.Text strong>{formatYuan(row.outstandingFen)}</Typography.Text>
        </Typography.Paragraph>
      )}
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Form.Item
          name="amountYuan"
          label={t.amountYuan}
          rules={[
            { required: true, message: t.amountYuan },
            { type: 'number', min: 0.01, max, message: t.tooMuch(formatYuan(max * 100)) },
          ]}
        >
          <InputNumber min={0.01} max={max} precision={2} style={{ width: '100%' }} />
        </Form.Item>
        {payment && (
          <Form.Item name="receiptNo" label={t.receiptNo}>
            <Input maxLength={60} />
          </Form.Item>
        )}
        <Form.Item
          name="note"
          label={payment ? t.note : t.waiveReason}
          rules={
            payment ? [] : [{ required: true, whitespace: true, min: 2, message: t.waiveReason }]
          }
        >
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
      {error !== null && <ErrorResult error={error} />}
    </Modal>
  );
}
