import { DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Empty, Flex, List, Row, Segmented, Statistic, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, unwrap } from '../../../app/api.ts';
import { useTexts } from '../../../app/texts.ts';
import { ErrorResult } from '../../../components/error-result.tsx';
import { formatYuan } from '../../../components/format.ts';
import { RESULT_STYLE, type Line, type StocktakeDetail } from './model.ts';
import { stocktakeTexts } from './texts.ts';

type Kind = 'all' | 'missing' | 'wrong_place' | 'damaged';
const PAGE_SIZE = 20;

/** 盘点差异: the figures (count and original value per kind), the lines, the surplus, the export. */
export function VariancePanel({
  stocktake,
  phone,
}: {
  stocktake: StocktakeDetail;
  /** Below 768 px: lines as a list (tag, name, difference, places) rather than a wide table. */
  phone: boolean;
}) {
  const tx = useTexts(stocktakeTexts);
  const [kind, setKind] = useState<Kind>('all');
  const [page, setPage] = useState(1);
  const id = stocktake.id;
  const variance = useQuery({
    queryKey: [
      'assets',
      'stocktakes',
      id,
      'variance',
      kind,
      page,
      stocktake.countedCount,
      stocktake.status,
    ],
    queryFn: () =>
      unwrap(
        api.GET('/api/assets/stocktakes/{id}/variance', {
          params: {
            path: { id },
            query: { page, pageSize: PAGE_SIZE, ...(kind !== 'all' && { kind }) },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });
  const resultTag = (l: Line) => (
    <Tag style={RESULT_STYLE[l.result]}>
      {l.result === 'pending' ? tx.variance.missing : tx.result[l.result]}
    </Tag>
  );
  const title = <h2 style={{ fontSize: 16, margin: 0 }}>{tx.detail.variance}</h2>;
  const extra = stocktake.may.export && (
    <Button
      icon={<DownloadOutlined />}
      href={`/api/assets/stocktakes/${id}/variance/export.xlsx`}
      download
    >
      {tx.variance.export}
    </Button>
  );
  if (variance.isError)
    return (
      <Card title={title}>
        <ErrorResult error={variance.error} onRetry={() => void variance.refetch()} />
      </Card>
    );
  const v = variance.data;
  const figure = (label: string, f: { count: number; valueFen?: number } | undefined) => (
    <Col xs={12} md={6}>
      <Statistic title={label} value={f?.count ?? 0} loading={!v} />
      {f?.valueFen !== undefined && (
        <div style={{ color: 'rgba(0,0,0,0.65)', fontSize: 12 }}>
          {tx.variance.value(formatYuan(f.valueFen))}
        </div>
      )}
    </Col>
  );

  return (
    <Card size={phone ? 'small' : 'default'} title={title} extra={extra}>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {figure(tx.variance.missing, v?.summary.missing)}
        {figure(tx.variance.wrongPlace, v?.summary.wrongPlace)}
        {figure(tx.variance.damaged, v?.summary.damaged)}
        {figure(tx.variance.surplus, v?.summary.surplus)}
      </Row>
      {stocktake.status === 'counting' && (
        <p style={{ color: 'rgba(0,0,0,0.65)' }}>{tx.variance.missingWhileCounting}</p>
      )}
      <Segmented<Kind>
        aria-label={tx.variance.kind}
        value={kind}
        onChange={(k) => {
          setKind(k);
          setPage(1);
        }}
        options={[
          { value: 'all', label: tx.variance.all },
          { value: 'missing', label: tx.variance.missing },
          { value: 'wrong_place', label: tx.variance.wrongPlace },
          { value: 'damaged', label: tx.variance.damaged },
        ]}
        style={{ marginBottom: 12, maxWidth: '100%', overflowX: 'auto' }}
      />
      {phone ? (
        <List<Line>
          size="small"
          rowKey={(l) => l.asset.id}
          loading={variance.isFetching}
          dataSource={v?.lines.items ?? []}
          locale={{ emptyText: <Empty description={tx.variance.none} /> }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: v?.lines.total ?? 0,
            onChange: setPage,
            size: 'small',
            align: 'center',
            hideOnSinglePage: true,
          }}
          renderItem={(l) => (
            <List.Item>
              <List.Item.Meta
                title={
                  <Flex justify="space-between" gap={8} wrap>
                    <span>
                      {l.asset.tagNo} {l.asset.name}
                    </span>
                    {resultTag(l)}
                  </Flex>
                }
                description={
                  <>
                    <div>
                      {tx.variance.expected}：{l.expectedLocation?.name ?? '—'}
                      {l.foundLocation && ` → ${tx.variance.found}：${l.foundLocation.name}`}
                    </div>
                    <div>
                      {tx.variance.originalValue} {formatYuan(l.asset.originalValueFen)} ·{' '}
                      {tx.assetStatus[l.asset.status] ?? l.asset.status}
                      {l.note && ` · ${l.note}`}
                    </div>
                  </>
                }
              />
            </List.Item>
          )}
        />
      ) : (
        <Table<Line>
          size="small"
          rowKey={(l) => l.asset.id}
          loading={variance.isFetching}
          dataSource={v?.lines.items ?? []}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <Empty description={tx.variance.none} /> }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: v?.lines.total ?? 0,
            onChange: setPage,
            showSizeChanger: false,
          }}
          columns={[
            {
              key: 'result',
              title: tx.variance.result,
              render: (_, l) => (
                <Tag style={RESULT_STYLE[l.result]}>
                  {l.result === 'pending' ? tx.variance.missing : tx.result[l.result]}
                </Tag>
              ),
            },
            { key: 'tag', title: tx.variance.tag, render: (_, l) => l.asset.tagNo },
            { key: 'asset', title: tx.variance.asset, render: (_, l) => l.asset.name },
            {
              key: 'expected',
              title: tx.variance.expected,
              render: (_, l) => l.expectedLocation?.name ?? '—',
            },
            {
              key: 'found',
              title: tx.variance.found,
              render: (_, l) => l.foundLocation?.name ?? '—',
            },
            {
              key: 'value',
              title: tx.variance.originalValue,
              align: 'right',
              render: (_, l) => formatYuan(l.asset.originalValueFen),
            },
            {
              key: 'status',
              title: tx.variance.status,
              render: (_, l) => tx.assetStatus[l.asset.status] ?? l.asset.status,
            },
            { key: 'note', title: tx.variance.note, render: (_, l) => l.note ?? '' },
          ]}
        />
      )}
      {v && v.surplus.length > 0 && (
        <List
          header={<strong>{tx.variance.surplus}</strong>}
          dataSource={v.surplus}
          renderItem={(s) => (
            <List.Item>
              <List.Item.Meta
                title={[s.tagNo, s.name].filter(Boolean).join(' ')}
                description={
                  <>
                    {[s.location?.name, s.note].filter(Boolean).join(' · ')}
                    {s.card && (
                      <div>
                        <Link to={`/assets/${s.card.id}`}>
                          {s.registered
                            ? tx.surplus.registered(s.card.code)
                            : tx.surplus.card(s.card.code)}
                        </Link>
                        {s.card.tagNo !== s.card.code && ` · ${s.card.tagNo}`}
                        {s.card.status === 'pending' && (
                          <Tag style={{ marginInlineStart: 8 }}>{tx.assetStatus.pending}</Tag>
                        )}
                      </div>
                    )}
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
