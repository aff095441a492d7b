import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Form, Input, Radio, Tag, Typography } from 'antd';
import type { CSSProperties } from 'react';
import { CallbackSchema } from '@server/modules/maintenance/schema.ts';
import { api, unwrap } from '../../../app/api.ts';
import type { ApiBody } from '../../../app/api-models.ts';
import { useTexts } from '../../../app/texts.ts';
import { emptyToNull, zodRules } from '../../../components/form/zod-rules.ts';
import { formatDateTime } from '../../../components/format.ts';
import { showServerFieldErrors } from '../../../components/server-field-errors.ts';
import { workOrderKeys, type WorkOrderDetail } from './model.ts';
import { workTexts } from './texts.ts';

type Body = ApiBody<'/api/maintenance/work-orders/{id}/callbacks', 'post'>;
type Outcome = Body['outcome'];

const rules = zodRules(CallbackSchema);
const OUTCOMES: Outcome[] = ['satisfied', 'unsatisfied', 'unreachable'];
/** antd's preset green/red tags fail WCAG AA contrast: the 8th shade of each hue for the text. */
const STYLES: Record<string, CSSProperties> = {
  satisfied: { color: '#135200', background: '#f6ffed', borderColor: '#b7eb8f' },
  unsatisfied: { color: '#a8071a', background: '#fff1f0', borderColor: '#ffa39e' },
};

/**
 * 回访: after the work, the dispatcher calls the requester and writes down
 * what they said. Shown when there are call-backs or the viewer may record
 * one (the server's `canCallback`: a dispatcher of the site, order completed).
 */
export function CallbackCard({ order }: { order: WorkOrderDetail }) {
  const tx = useTexts(workTexts);
  const t = tx.callback;
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<{ outcome: Outcome; note?: string }>();
  const save = useMutation({
    mutationFn: (body: Body) =>
      unwrap(
        api.POST('/api/maintenance/work-orders/{id}/callbacks', {
          params: { path: { id: order.id } },
          body,
        }),
      ),
    onSuccess: () => {
      void message.success(t.done);
      form.resetFields();
      void client.invalidateQueries({ queryKey: workOrderKeys.one(order.id) });
    },
    onError: (err) => {
      if (!showServerFieldErrors(form, err)) void message.error(err.message);
    },
  });
  if (order.callbacks.length === 0 && !order.canCallback) return null;
  const label = (o: string) => (t.outcomes as Record<string, string>)[o] ?? o;

  return (
    <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>{t.title}</h2>}>
      <Flex vertical gap={16}>
        {order.callbacks.length === 0 ? (
          <Typography.Text type="secondary">{t.none}</Typography.Text>
        ) : (
          <Flex vertical gap={12} role="list">
            {order.callbacks.map((c) => (
              <div key={c.id} role="listitem">
                <Flex gap={8} wrap align="center">
                  <Tag style={STYLES[c.outcome]}>{label(c.outcome)}</Tag>
                  <Typography.Text type="secondary">
                    {[formatDateTime(c.at), c.userName].filter(Boolean).join(' · ')}
                  </Typography.Text>
                </Flex>
                {c.note && (
                  <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>
                    {c.note}
                  </Typography.Paragraph>
                )}
              </div>
            ))}
          </Flex>
        )}
        {order.canCallback && (
          <Form
            form={form}
            layout="vertical"
            onFinish={(v) =>
              save.mutate({ outcome: v.outcome, note: emptyToNull({ n: v.note }).n ?? null })
            }
          >
            <Typography.Text strong style={{ display: 'block', marginBottom: 8 }}>
              {t.record}
            </Typography.Text>
            <Form.Item
              name="outcome"
              label={t.outcome}
              rules={[{ required: true, message: t.outcomeRequired }]}
            >
              <Radio.Group
                optionType="button"
                options={OUTCOMES.map((o) => ({ value: o, label: label(o) }))}
              />
            </Form.Item>
            <Form.Item name="note" label={t.note} rules={rules('note', t.note)}>
              <Input.TextArea rows={2} maxLength={1000} placeholder={t.notePlaceholder} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              {t.submit}
            </Button>
          </Form>
        )}
      </Flex>
    </Card>
  );
}
