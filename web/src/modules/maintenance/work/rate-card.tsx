import { Button, Card, Form, Input, Rate } from 'antd';
import { ActionBodies } from '@server/modules/maintenance/schema.ts';
import { useTexts } from '../../../app/texts.ts';
import { emptyToNull, zodRules } from '../../../components/form/zod-rules.ts';
import type { WorkOrderDetail } from './model.ts';
import type { useWorkOrderAction } from './use-action.ts';
import { workTexts } from './texts.ts';

const rules = zodRules(ActionBodies.rate);

/** The requester's last step: stars and a word; rating a completed order also accepts it. */
export function RateCard({
  order,
  act,
}: {
  order: WorkOrderDetail;
  act: ReturnType<typeof useWorkOrderAction>;
}) {
  const tx = useTexts(workTexts);
  const [form] = Form.useForm<{ rating: number; comment?: string }>();
  return (
    <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>{tx.rate.title}</h2>}>
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          act.mutate({
            id: order.id,
            action: 'rate',
            body: { rating: v.rating, comment: emptyToNull({ c: v.comment }).c ?? null },
          })
        }
      >
        <Form.Item
          name="rating"
          label={tx.rate.rating}
          rules={[{ required: true, message: tx.rate.ratingRequired }]}
        >
          <Rate style={{ fontSize: 32 }} aria-label={tx.rate.rating} />
        </Form.Item>
        <Form.Item name="comment" label={tx.rate.comment} rules={rules('comment', tx.rate.comment)}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Button
          type="primary"
          size="large"
          htmlType="submit"
          block
          loading={act.isPending && act.variables?.action === 'rate'}
        >
          {tx.rate.submit}
        </Button>
      </Form>
    </Card>
  );
}
