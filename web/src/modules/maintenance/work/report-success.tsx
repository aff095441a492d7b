import { CheckCircleFilled } from '@ant-design/icons';
import { Button, Card, Flex, Typography, theme } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useTexts } from '../../../app/texts.ts';
import { workTexts } from './texts.ts';

/** After the report: the number to quote on the phone, and where to follow it. */
export function ReportSuccess({
  order,
  onAnother,
}: {
  order: { id: string; number: string };
  onAnother: () => void;
}) {
  const tx = useTexts(workTexts);
  const { token } = theme.useToken();
  const navigate = useNavigate();
  return (
    <Card style={{ maxWidth: 640 }}>
      <Flex vertical align="center" gap={12} style={{ textAlign: 'center' }} role="status">
        <CheckCircleFilled style={{ fontSize: 56, color: token.colorSuccess }} aria-hidden />
        <Typography.Title level={2} style={{ margin: 0, fontSize: 22 }}>
          {tx.report.successTitle}
        </Typography.Title>
        <Typography.Text style={{ fontSize: 28, fontWeight: 600 }} copyable>
          {order.number}
        </Typography.Text>
        <Typography.Paragraph style={{ margin: 0 }}>
          {tx.report.successBody(order.number)}
        </Typography.Paragraph>
        <Button
          type="primary"
          size="large"
          block
          onClick={() => void navigate(`/maintenance/work-orders/${order.id}`)}
        >
          {tx.report.viewOrder}
        </Button>
        <Flex gap={16} wrap justify="center" align="center">
          <Button onClick={onAnother}>{tx.report.another}</Button>
          <Link to="/maintenance/my-requests">{tx.report.myRequests}</Link>
        </Flex>
      </Flex>
    </Card>
  );
}
