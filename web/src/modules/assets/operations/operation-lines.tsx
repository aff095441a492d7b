import { ArrowRightOutlined } from '@ant-design/icons';
import { Card, Flex, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useTexts } from '../../../app/texts.ts';
import { formatDate, formatYuan } from '../../../components/format.ts';
import type { OperationDetail } from './model.ts';
import { opsTexts } from './texts.ts';
import { ToneTag } from './tone-tag.tsx';

/**
 * The assets of an operation, each with its status before → now and its net
 * value on the request date; then any compensation decided for them. Rows
 * (not a wide table) so they read on a phone.
 */
export function OperationLines({ op }: { op: OperationDetail }) {
  const tx = useTexts(opsTexts);
  const t = tx.detail;
  const status = (s: string) => tx.assetStatus[s] ?? s;
  return (
    <>
      <Card
        title={<h2 style={{ margin: 0, fontSize: 16 }}>{`${t.lines}（${op.lines.length}）`}</h2>}
      >
        <Flex vertical role="list">
          {op.lines.map((l) => (
            <Flex
              key={l.assetId}
              role="listitem"
              justify="space-between"
              align="center"
              wrap
              gap={8}
              style={{ padding: '8px 0', borderBottom: '1px solid rgba(5,5,5,0.06)' }}
            >
              <span>
                <Typography.Text strong>{l.tagNo}</Typography.Text> {l.name}
              </span>
              <Flex gap={8} align="center" wrap>
                <span>
                  {status(l.before.status)}
                  {l.before.condition !== 'good' && ` · ${tx.condition[l.before.condition] ?? ''}`}
                </span>
                <ArrowRightOutlined aria-hidden />
                <Tag>{status(l.status)}</Tag>
                {l.returnedAt && (
                  <ToneTag tone="ok">{`${t.returned} ${formatDate(l.returnedAt)}`}</ToneTag>
                )}
                <Typography.Text type="secondary">{formatYuan(l.valueFen)}</Typography.Text>
              </Flex>
            </Flex>
          ))}
        </Flex>
      </Card>
      {op.compensations.length > 0 && (
        <Card
          title={<h2 style={{ margin: 0, fontSize: 16 }}>{t.compensations}</h2>}
          extra={<Link to="/assets/compensations">{tx.comp.title}</Link>}
        >
          <Flex vertical gap={8} role="list">
            {op.compensations.map((c) => (
              <Flex key={c.id} role="listitem" justify="space-between" wrap gap={8}>
                <span>{`${c.asset.tagNo} · ${c.partyName}（${tx.party[c.partyType]}）`}</span>
                <span>
                  {`${formatYuan(c.netValueFen)} × ${c.shareBp / 100}% = `}
                  <Typography.Text strong>{formatYuan(c.amountFen)}</Typography.Text>
                  {' · '}
                  {c.status === 'settled' ? (
                    <ToneTag tone="ok">{tx.comp.statusSettled}</ToneTag>
                  ) : (
                    <ToneTag tone="warn">{`${tx.comp.outstanding} ${formatYuan(c.outstandingFen)}`}</ToneTag>
                  )}
                </span>
              </Flex>
            ))}
          </Flex>
        </Card>
      )}
    </>
  );
}
