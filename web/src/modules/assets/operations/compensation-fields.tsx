import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Form, Input, InputNumber, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CompensationDecisionSchema } from '@server/modules/assets/operations/schema.ts';
import { useTexts } from '../../../app/texts.ts';
import { zodRules } from '../../../components/form/zod-rules.ts';
import { formatYuan } from '../../../components/format.ts';
import { shareAmount } from './model.ts';
import { PersonPicker, type Option } from './pickers.tsx';
import { opsTexts } from './texts.ts';

/** An asset a decision may name, with its net value on the request date (when known). */
export type ValuedAsset = { id: string; label: string; valueFen: number | null };

/** One row of the form: the share in percent as people say it ("50%"). */
export type DecisionRow = {
  assetId?: string;
  partyType: 'person' | 'vendor' | 'other';
  personId?: string;
  partyName?: string;
  sharePercent: number;
};

const rules = zodRules(CompensationDecisionSchema);

/** The form rows as the API wants them: basis points, a person or a name. */
export function toDecisions(rows: DecisionRow[] | undefined) {
  return (rows ?? []).map((r) => ({
    ...(r.assetId && { assetId: r.assetId }),
    partyType: r.partyType,
    ...(r.partyType === 'person' ? { personId: r.personId } : { partyName: r.partyName }),
    shareBp: Math.round(r.sharePercent * 100),
  }));
}

/**
 * 按比例赔偿: who pays for a damaged or lost asset and what share of its net
 * value, one row per asset and party; the amount shows as the share is typed,
 * computed the way the server will (round(net value × share)).
 */
export function CompensationFields({
  assets,
  people,
  name = 'compensations',
}: {
  assets: ValuedAsset[];
  /** People the operation names (custodians, borrower): offered first in the person search. */
  people?: Option[];
  name?: string;
}) {
  const tx = useTexts(opsTexts);
  const t = tx.action;
  const form = Form.useFormInstance();
  const { t: shell } = useTranslation();
  const required = (field: string) => shell('common.required', { field });
  const first = assets[0]?.id;
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <Flex vertical gap={8}>
          <Typography.Text type="secondary">{t.decisionsHelp}</Typography.Text>
          {fields.map((f, i) => (
            <Card key={f.key} size="small">
              <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
                <Typography.Text strong>{`${t.decisions} ${i + 1}`}</Typography.Text>
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={`${t.removeParty} ${i + 1}`}
                  onClick={() => remove(f.name)}
                />
              </Flex>
              {assets.length > 1 && (
                <Form.Item name={[f.name, 'assetId']} label={t.asset} rules={[{ required: true }]}>
                  <Select options={assets.map((a) => ({ value: a.id, label: a.label }))} />
                </Form.Item>
              )}
              <Form.Item name={[f.name, 'partyType']} label={t.partyType}>
                <Select
                  options={(['person', 'vendor', 'other'] as const).map((v) => ({
                    value: v,
                    label: tx.party[v],
                  }))}
                />
              </Form.Item>
              <Form.Item noStyle dependencies={[[name, f.name, 'partyType']]}>
                {() =>
                  form.getFieldValue([name, f.name, 'partyType']) === 'person' ? (
                    <Form.Item
                      name={[f.name, 'personId']}
                      label={t.person}
                      rules={[{ required: true, message: required(t.person) }]}
                    >
                      <PersonPicker known={people} />
                    </Form.Item>
                  ) : (
                    <Form.Item
                      name={[f.name, 'partyName']}
                      label={t.partyName}
                      rules={[
                        { required: true, message: required(t.partyName) },
                        ...rules('partyName', t.partyName),
                      ]}
                    >
                      <Input maxLength={100} />
                    </Form.Item>
                  )
                }
              </Form.Item>
              <Form.Item
                name={[f.name, 'sharePercent']}
                label={t.share}
                rules={[{ required: true, type: 'number', min: 0, max: 100 }]}
              >
                <InputNumber min={0} max={100} style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item noStyle shouldUpdate>
                {() => {
                  const row = form.getFieldValue([name, f.name]) as DecisionRow | undefined;
                  const asset = assets.find((a) => a.id === (row?.assetId ?? first));
                  if (asset?.valueFen == null || row?.sharePercent == null) return null;
                  return (
                    <Typography.Text aria-live="polite">
                      {`${t.amount}：${formatYuan(shareAmount(asset.valueFen, row.sharePercent))}`}
                      {assets.length === 1 ? '' : ` · ${asset.label}`}
                    </Typography.Text>
                  );
                }}
              </Form.Item>
            </Card>
          ))}
          <Button
            icon={<PlusOutlined />}
            onClick={() =>
              add({
                partyType: 'person',
                sharePercent: 100,
                ...(assets.length > 1 && { assetId: first }),
              })
            }
          >
            {t.addParty}
          </Button>
        </Flex>
      )}
    </Form.List>
  );
}
