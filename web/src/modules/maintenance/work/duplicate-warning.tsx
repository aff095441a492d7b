import { Alert, Button, Flex, List } from 'antd';
import { Link } from 'react-router';
import { useTexts } from '../../../app/texts.ts';
import { formatDateTime } from '../../../components/format.ts';
import type { Status } from './model.ts';
import { StatusTag } from './status-tag.tsx';
import { workTexts } from './texts.ts';

export type Duplicate = { id: string; number: string; status: string; submittedAt: string };

/** "Already reported?": the open orders of the same place and category, and a way on anyway. */
export function DuplicateWarning({
  items,
  busy,
  onContinue,
  onBack,
}: {
  items: Duplicate[];
  busy: boolean;
  onContinue: () => void;
  onBack: () => void;
}) {
  const tx = useTexts(workTexts);
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      style={{ marginBottom: 16 }}
      title={tx.report.duplicatesTitle(items.length)}
      description={
        <Flex vertical gap={8}>
          <span>{tx.report.duplicatesBody}</span>
          <List
            size="small"
            dataSource={items}
            renderItem={(d) => (
              <List.Item>
                <Flex gap={8} wrap align="center">
                  <Link to={`/maintenance/work-orders/${d.id}`}>{d.number}</Link>
                  <StatusTag status={d.status as Status} />
                  <span>{formatDateTime(d.submittedAt)}</span>
                </Flex>
              </List.Item>
            )}
          />
          <Flex gap={8} wrap>
            <Button type="primary" loading={busy} onClick={onContinue}>
              {tx.report.submitAnyway}
            </Button>
            <Button onClick={onBack}>{tx.report.back}</Button>
          </Flex>
        </Flex>
      }
    />
  );
}
