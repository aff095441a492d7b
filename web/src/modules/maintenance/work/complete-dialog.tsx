import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Form, Grid, Input, InputNumber, Modal, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ActionBodies, MaterialLineSchema } from '@server/modules/maintenance/schema.ts';
import { useMe } from '../../../app/auth/me-context.ts';
import { can } from '../../../app/auth/session.ts';
import { useTexts } from '../../../app/texts.ts';
import { zodRules } from '../../../components/form/zod-rules.ts';
import { workOrderKeys, type CompleteBody, type WorkOrderDetail } from './model.ts';
import { PhotoPicker } from './photo-picker.tsx';
import { usePhotoUpload } from './photo-upload.ts';
import { PhotoUploadStatus } from './photo-upload-status.tsx';
import { StockLines, toStockLines, type StockLineValues } from './stock-lines.tsx';
import { workTexts } from './texts.ts';

type MaterialRow = { name: string; unit?: string; quantity: number; unitCostYuan: number };
type Values = {
  actionTaken: string;
  cause?: string;
  labourMinutes?: number | null;
  materials?: MaterialRow[];
  stockLines?: StockLineValues[];
  outsideYuan?: number | null;
};

const rules = zodRules(ActionBodies.complete);
const materialRules = zodRules(MaterialLineSchema);
/** Money is typed in yuan (what is on the receipt) and sent in 分. */
const toFen = (yuan: number | null | undefined) => Math.round((yuan ?? 0) * 100);

/**
 * 完工登记: what was done, how long it took and what was used. The labour
 * line is the technician's own (the server names it after the signed-in
 * user); materials are any number of lines with a unit cost in ¥. After
 * photos go up once the order is completed (so they count as "after"); if
 * they fail, the completion stands and the dialog offers to try again.
 */
export function CompleteDialog({
  open,
  orderId,
  busy,
  onClose,
  onComplete,
}: {
  open: boolean;
  orderId: string;
  busy: boolean;
  onClose: () => void;
  /** Completes the order; false when the server refused (its message is shown). */
  onComplete: (body: CompleteBody) => Promise<boolean>;
}) {
  const tx = useTexts(workTexts);
  const t = tx.complete;
  const { message } = App.useApp();
  const phone = Grid.useBreakpoint().md === false;
  const [form] = Form.useForm<Values>();
  const [photos, setPhotos] = useState<File[]>([]);
  /** Completed, and the photos still to be sent (upload failed). */
  const [completed, setCompleted] = useState(false);
  const upload = usePhotoUpload();
  const uploading = upload.progress !== null;
  // The order is on screen behind the dialog, so its site is in the cache already.
  const me = useMe();
  const siteId = useQueryClient().getQueryData<WorkOrderDetail>(workOrderKeys.one(orderId))?.site
    .id;
  const fromStores = !!siteId && (can(me, 'stores:work', 'site') || can(me, 'stores:read', 'site'));

  const close = () => {
    setPhotos([]);
    setCompleted(false);
    upload.reset();
    onClose();
  };
  const sendPhotos = async () => {
    if (await upload.upload(orderId, photos)) {
      if (photos.length > 0) void message.success(tx.photos.uploaded(photos.length));
      close();
    }
  };

  const submit = async (v: Values) => {
    const ok = await onComplete({
      actionTaken: v.actionTaken,
      cause: v.cause?.trim() ? v.cause : null,
      labour: v.labourMinutes ? [{ minutes: v.labourMinutes }] : [],
      materials: (v.materials ?? []).map((m) => ({
        name: m.name,
        unit: m.unit?.trim() ? m.unit : null,
        quantity: m.quantity,
        unitCostFen: toFen(m.unitCostYuan),
      })),
      stockLines: toStockLines(v.stockLines),
      outsideFen: toFen(v.outsideYuan),
    });
    if (!ok) return;
    setCompleted(true);
    await sendPhotos();
  };

  return (
    <Modal
      open={open}
      title={t.title}
      okText={completed ? tx.photos.retry : t.submit}
      okButtonProps={{ loading: busy || uploading }}
      cancelText={completed ? tx.photos.skip : tx.detail.cancelButton}
      cancelButtonProps={{ disabled: uploading }}
      onCancel={close}
      onOk={() => (completed ? void sendPhotos() : form.submit())}
      maskClosable={!uploading}
      width={phone ? '100%' : 640}
      style={phone ? { top: 0, maxWidth: '100vw', margin: 0, paddingBottom: 0 } : undefined}
      destroyOnHidden
    >
      {completed && (
        <PhotoUploadStatus state={upload} count={photos.length} onRetry={() => void sendPhotos()} />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        scrollToFirstError
        hidden={completed}
      >
        <Form.Item
          name="actionTaken"
          label={t.actionTaken}
          rules={rules('actionTaken', t.actionTaken)}
        >
          <Input.TextArea rows={2} maxLength={1000} placeholder={t.actionTakenPlaceholder} />
        </Form.Item>
        <Form.Item name="cause" label={t.cause} rules={rules('cause', t.cause)}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="labourMinutes" label={t.labourMinutes}>
          <InputNumber
            min={1}
            max={10080}
            precision={0}
            style={{ width: '100%' }}
            inputMode="numeric"
          />
        </Form.Item>
        {fromStores && <StockLines siteId={siteId} />}
        <Typography.Text strong>{t.materials}</Typography.Text>
        <Form.List name="materials">
          {(fields, { add, remove }) => (
            <Flex vertical gap={8} style={{ margin: '8px 0 16px' }}>
              {fields.map((f, i) => (
                <Card key={f.key} size="small">
                  <Flex gap={8} wrap align="flex-start">
                    <Form.Item
                      name={[f.name, 'name']}
                      label={t.name}
                      rules={materialRules('name', t.name)}
                      style={{ flex: '1 1 100%', marginBottom: 8 }}
                    >
                      <Input maxLength={100} />
                    </Form.Item>
                    <Form.Item
                      name={[f.name, 'quantity']}
                      label={t.quantity}
                      rules={materialRules('quantity', t.quantity)}
                      style={{ flex: '1 1 30%', marginBottom: 8 }}
                    >
                      <InputNumber min={0} style={{ width: '100%' }} inputMode="decimal" />
                    </Form.Item>
                    <Form.Item
                      name={[f.name, 'unit']}
                      label={t.unit}
                      rules={materialRules('unit', t.unit)}
                      style={{ flex: '1 1 20%', marginBottom: 8 }}
                    >
                      <Input maxLength={20} />
                    </Form.Item>
                    <Form.Item
                      name={[f.name, 'unitCostYuan']}
                      label={t.unitCost}
                      rules={[{ required: true, message: t.unitCostRequired }]}
                      style={{ flex: '1 1 30%', marginBottom: 8 }}
                    >
                      <InputNumber
                        min={0}
                        max={100_000_000}
                        precision={2}
                        style={{ width: '100%' }}
                        inputMode="decimal"
                      />
                    </Form.Item>
                  </Flex>
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t.removeMaterial(i + 1)}
                    onClick={() => remove(f.name)}
                  />
                </Card>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ quantity: 1 })} block>
                {t.addMaterial}
              </Button>
            </Flex>
          )}
        </Form.List>
        <Form.Item name="outsideYuan" label={t.outside}>
          <InputNumber
            min={0}
            max={100_000_000}
            precision={2}
            style={{ width: '100%' }}
            inputMode="decimal"
          />
        </Form.Item>
        <Form.Item label={tx.photos.after}>
          <PhotoPicker value={photos} onChange={setPhotos} hint={tx.photos.completeHint} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
