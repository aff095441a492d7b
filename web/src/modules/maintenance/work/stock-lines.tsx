import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Flex, Form, InputNumber, Select, Typography } from 'antd';
import { useDeferredValue, useState } from 'react';
import { api, unwrap } from '../../../app/api.ts';
import type { ApiResponse } from '../../../app/api-models.ts';
import { useTexts } from '../../../app/texts.ts';
import { formatYuan } from '../../../components/format.ts';
import { stockTexts } from './stock-texts.ts';

type Pickable = ApiResponse<'/api/stores/stock/pickable', 'get'>[number];
/** A line as the form holds it: the picked "store:item" and how many. */
export type StockLineValues = { pick?: string; quantity?: number };
export const pickKey = (p: Pick<Pickable, 'storeId' | 'itemId'>) => `${p.storeId}:${p.itemId}`;

/** The body's `stockLines` from the form's rows. */
export function toStockLines(rows: StockLineValues[] | undefined) {
  return (rows ?? []).flatMap((r) => {
    const [storeId, itemId] = (r.pick ?? '').split(':');
    return storeId && itemId && r.quantity ? [{ storeId, itemId, quantity: r.quantity }] : [];
  });
}

/** Items on hand in the site's stores, searched on the server as the technician types. */
function usePickable(siteId: string, q: string) {
  const term = useDeferredValue(q.trim());
  return useQuery({
    queryKey: ['stores', 'pickable', siteId, term],
    queryFn: () =>
      unwrap(
        api.GET('/api/stores/stock/pickable', {
          params: { query: { siteId, ...(term ? { q: term } : {}) } },
        }),
      ),
    staleTime: 10_000,
    retry: false,
  });
}

function PartSelect({
  siteId,
  value,
  onChange,
  onPicked,
  id,
}: {
  siteId: string;
  value?: string;
  onChange?: (v: string) => void;
  onPicked: (p: Pickable | undefined) => void;
  id?: string;
}) {
  const t = useTexts(stockTexts);
  const [q, setQ] = useState('');
  const found = usePickable(siteId, q);
  const options = (found.data ?? []).map((p) => ({
    value: pickKey(p),
    label: `${p.name}${p.spec ? ` ${p.spec}` : ''}（${p.code}）`,
    title: t.available(p.quantity, p.unit, formatYuan(p.averageCostFen), p.storeName),
    p,
  }));
  return (
    <Select
      id={id}
      value={value}
      onChange={(v: string) => {
        onChange?.(v);
        onPicked(found.data?.find((p) => pickKey(p) === v));
      }}
      showSearch={{ filterOption: false, onSearch: setQ }}
      placeholder={t.search}
      loading={found.isFetching}
      notFoundContent={found.isFetching ? undefined : t.none}
      options={options}
      optionRender={(o) => (
        <div style={{ whiteSpace: 'normal' }}>
          <div>{o.label}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {o.data.title}
          </Typography.Text>
        </div>
      )}
      style={{ width: '100%' }}
    />
  );
}

/**
 * 从仓库领用: spare parts drawn from a store at the order's site, sent as
 * `stockLines`; the server takes them at the moving-average cost in the
 * completion's transaction and answers 409 in words when a part is short.
 * Free-text material lines stay for what is not kept in a store.
 */
export function StockLines({ siteId }: { siteId: string }) {
  const t = useTexts(stockTexts);
  // What each line picked (on hand, unit), to cap the quantity and say what is there.
  const [picked, setPicked] = useState<Record<number, Pickable | undefined>>({});
  return (
    <>
      <Typography.Text strong>{t.title}</Typography.Text>
      <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0', fontSize: 12 }}>
        {t.hint}
      </Typography.Paragraph>
      <Form.List name="stockLines">
        {(fields, { add, remove }) => (
          <Flex vertical gap={8} style={{ margin: '8px 0 16px' }}>
            {fields.map((f, i) => {
              const p = picked[f.key];
              return (
                <Card key={f.key} size="small">
                  <Flex gap={8} wrap align="flex-start">
                    <Form.Item
                      name={[f.name, 'pick']}
                      label={t.part}
                      rules={[{ required: true, message: t.partRequired }]}
                      extra={
                        p &&
                        t.available(p.quantity, p.unit, formatYuan(p.averageCostFen), p.storeName)
                      }
                      // minWidth 0: a long part name must not push the card wider than a phone.
                      style={{ flex: '1 1 100%', minWidth: 0, marginBottom: 8 }}
                    >
                      <PartSelect
                        siteId={siteId}
                        onPicked={(x) => setPicked((s) => ({ ...s, [f.key]: x }))}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[f.name, 'quantity']}
                      label={p ? `${t.quantity}（${p.unit}）` : t.quantity}
                      rules={[{ required: true, message: t.quantityRequired }]}
                      style={{ flex: '1 1 40%', marginBottom: 8 }}
                    >
                      <InputNumber
                        min={1}
                        max={p?.quantity ?? 1_000_000}
                        precision={0}
                        style={{ width: '100%' }}
                        inputMode="numeric"
                      />
                    </Form.Item>
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t.remove(i + 1)}
                      onClick={() => remove(f.name)}
                      style={{ marginTop: 30 }}
                    />
                  </Flex>
                </Card>
              );
            })}
            <Button icon={<PlusOutlined />} onClick={() => add({ quantity: 1 })} block>
              {t.add}
            </Button>
          </Flex>
        )}
      </Form.List>
    </>
  );
}
