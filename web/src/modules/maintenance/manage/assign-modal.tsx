import { ActionBodies } from '@server/modules/maintenance/schema.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { api, ApiError, unwrap } from '../../../app/api.ts';
import { useTexts } from '../../../app/texts.ts';
import { emptyToNull, zodRules } from '../../../components/form/zod-rules.ts';
import { showServerFieldErrors } from '../../../components/server-field-errors.ts';
import { WORK_ORDERS_KEY, type WorkOrder } from './work-order-model.ts';
import { useTeams, useTechnicians } from './manage-data.ts';
import { workTexts } from '../work/texts.ts';
import { manageTexts } from './texts.ts';

type Values = { assigneeUserId?: string; teamId?: string; note?: string };

const rules = zodRules(ActionBodies.assign);

/**
 * 派工: choose the technician for an order. Reassigning an order that is
 * already with someone needs a reason, which the technician is told. The
 * server decides (409 when the order moved on meanwhile, 403 when the site
 * is not the dispatcher's); its sentence is shown as it is.
 */
export function AssignModal({ order, onClose }: { order: WorkOrder | null; onClose: () => void }) {
  const tx = useTexts(manageTexts);
  const wx = useTexts(workTexts);
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const [refusal, setRefusal] = useState<string | null>(null);
  const members = useTechnicians(order?.site.id);
  // Everyone holding maintenance:work at the site, with their open orders:
  // a dispatcher needs no users:read for it (team members alone may be few).
  const workers = useQuery({
    queryKey: ['maintenance', 'technicians', 'at', order?.site.id],
    queryFn: () =>
      unwrap(
        api.GET('/api/maintenance/technicians', { params: { query: { siteId: order!.site.id } } }),
      ),
    enabled: !!order,
    staleTime: 30_000,
  });
  const technicians = mergeTechnicians(members, workers.data);
  const teams = useTeams(order?.site.id);
  const reassign = !!order?.assignee;

  const assign = useMutation({
    mutationFn: (values: Values) =>
      unwrap(
        api.POST('/api/maintenance/work-orders/{id}/assign', {
          params: { path: { id: order!.id } },
          // Unchosen fields are left out: the API takes either or both.
          body: Object.fromEntries(
            Object.entries(emptyToNull(values)).filter(([, v]) => v !== null && v !== undefined),
          ) as Values,
        }),
      ),
    onSuccess: (_detail, values) => {
      const name =
        technicians.data.find((t) => t.id === values.assigneeUserId)?.name ??
        teams.data?.find((t) => t.id === values.teamId)?.name ??
        '';
      void message.success(tx.assign.done(order!.number, name));
      void queryClient.invalidateQueries({ queryKey: WORK_ORDERS_KEY });
      close();
    },
    onError: (err) => {
      if (showServerFieldErrors(form, err)) return;
      setRefusal(err instanceof ApiError ? err.message : String(err));
    },
  });

  function close() {
    form.resetFields();
    setRefusal(null);
    assign.reset();
    onClose();
  }

  const options = technicians.data
    .filter((t) => t.id !== order?.assignee?.id)
    .map((t) => ({
      value: t.id,
      label: t.openOrders === undefined ? t.name : wx.assignBox.withLoad(t.name, t.openOrders),
    }));

  return (
    <Modal
      open={!!order}
      title={order ? tx.assign.title(order.number) : undefined}
      okText={tx.assign.submit}
      onOk={() => form.submit()}
      onCancel={close}
      confirmLoading={assign.isPending}
      destroyOnHidden
    >
      {order?.assignee && (
        <Typography.Paragraph type="secondary">
          {tx.assign.current(order.assignee.name)}
        </Typography.Paragraph>
      )}
      {refusal && (
        <Alert type="error" showIcon title={refusal} role="alert" style={{ marginBottom: 16 }} />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(values) => {
          setRefusal(null);
          assign.mutate(values);
        }}
      >
        <Form.Item
          name="assigneeUserId"
          label={tx.assign.technician}
          dependencies={['teamId']}
          rules={[
            ...rules('assigneeUserId', tx.assign.technician),
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                value || getFieldValue('teamId')
                  ? Promise.resolve()
                  : Promise.reject(new Error(tx.assign.needOne)),
            }),
          ]}
          extra={
            technicians.isSuccess && options.length === 0 ? tx.assign.noTechnicians : undefined
          }
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={tx.assign.technicianPlaceholder}
            options={options}
            loading={technicians.isLoading}
          />
        </Form.Item>
        <Form.Item name="teamId" label={tx.assign.team} rules={rules('teamId', tx.assign.team)}>
          <Select
            allowClear
            placeholder={tx.assign.teamPlaceholder}
            options={(teams.data ?? []).map((t) => ({ value: t.id, label: t.name }))}
            loading={teams.isLoading}
          />
        </Form.Item>
        {reassign && (
          <Form.Item
            name="note"
            label={tx.assign.reason}
            rules={[
              ...rules('note', tx.assign.reason),
              { required: true, whitespace: true, message: tx.assign.reasonRequired },
            ]}
          >
            <Input.TextArea rows={2} placeholder={tx.assign.reasonPlaceholder} maxLength={500} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

type Listed = { id: string; name: string; openOrders?: number };

/** Team members and the site's technicians, once each; the open-order count when known. */
function mergeTechnicians(
  members: ReturnType<typeof useTechnicians>,
  workers: { id: string; name: string; openOrders: number }[] | undefined,
) {
  const byId = new Map<string, Listed>(members.data.map((m) => [m.id, m]));
  for (const w of workers ?? []) byId.set(w.id, w);
  return {
    data: [...byId.values()].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')),
    isLoading: members.isLoading,
    isSuccess: members.isSuccess,
  };
}
