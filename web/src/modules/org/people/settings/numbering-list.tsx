import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Form, Input, InputNumber, Typography } from 'antd';
import type { FormRule } from 'antd';
import { useTranslation } from 'react-i18next';
import { DocTypeSchema, NumberingFormatSchema } from '@server/modules/org/settings.ts';
import { useTexts } from '../../../../app/texts.ts';
import { zodRules } from '../../../../components/form/zod-rules.ts';
import { problemsOf } from '@server/platform/http/zod-messages.ts';
import { currentLanguage } from '../../../../app/i18n.ts';
import { texts } from '../texts.ts';
import { numberPreview, type NumberingRow } from './settings-form.ts';

const formatRules = zodRules(NumberingFormatSchema);

/** The record key is a bare zod string, not an object field: checked with the same words. */
const docTypeRule: FormRule = {
  validator: async (_r, value: unknown) => {
    if (value === undefined || value === null || value === '') return; // "required" says it
    const problem = problemsOf(DocTypeSchema, value, currentLanguage() === 'en' ? 'en' : 'zh')[0];
    if (problem) throw new Error(problem.message);
  },
};

/**
 * The document numbering formats, one row per document type: its prefix,
 * the number of sequence digits, and an example of the resulting number.
 */
export function NumberingList({ disabled }: { disabled: boolean }) {
  const t = useTexts(texts);
  const { t: tShell } = useTranslation();
  const form = Form.useFormInstance();
  const year = new Date().getFullYear();
  const duplicateRule = (index: number): FormRule => ({
    validator: async (_r, value: string) => {
      const rows = (form.getFieldValue('numbering') ?? []) as NumberingRow[];
      if (rows.some((r, i) => i !== index && r?.type === value))
        throw new Error(t.settings.docTypeDuplicate);
    },
  });

  return (
    <Form.List name="numbering">
      {(fields, { add, remove }) => (
        <Flex vertical gap={8}>
          {fields.length === 0 && (
            <Typography.Text type="secondary">{t.settings.noFormats}</Typography.Text>
          )}
          {fields.map((field) => (
            <Card key={field.key} size="small" styles={{ body: { paddingBottom: 0 } }}>
              <Flex wrap gap={12} align="flex-start">
                <Form.Item
                  name={[field.name, 'type']}
                  label={t.settings.docType}
                  rules={[
                    {
                      required: true,
                      message: tShell('common.required', { field: t.settings.docType }),
                    },
                    docTypeRule,
                    duplicateRule(field.name),
                  ]}
                  style={{ flex: '1 1 180px', minWidth: 0 }}
                >
                  <Input placeholder="work_order" autoComplete="off" maxLength={40} />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'prefix']}
                  label={t.settings.prefix}
                  rules={formatRules('prefix', t.settings.prefix)}
                  normalize={(v: string) => v?.toUpperCase()}
                  style={{ flex: '0 1 120px', minWidth: 0 }}
                >
                  <Input placeholder="WO" autoComplete="off" maxLength={8} />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'digits']}
                  label={t.settings.digits}
                  rules={formatRules('digits', t.settings.digits)}
                  style={{ flex: '0 1 110px', minWidth: 0 }}
                >
                  <InputNumber min={3} max={10} precision={0} style={{ width: '100%' }} />
                </Form.Item>
                <Form.Item
                  noStyle
                  shouldUpdate={(a, b) =>
                    JSON.stringify(a.numbering?.[field.name]) !==
                    JSON.stringify(b.numbering?.[field.name])
                  }
                >
                  {() => {
                    const row = form.getFieldValue(['numbering', field.name]) as
                      NumberingRow | undefined;
                    return (
                      <div style={{ flex: '1 1 160px', paddingTop: 30 }}>
                        <Typography.Text type="secondary">{t.settings.preview}：</Typography.Text>
                        <Typography.Text code>
                          {numberPreview(row?.prefix ?? '', row?.digits ?? 6, year)}
                        </Typography.Text>
                      </div>
                    );
                  }}
                </Form.Item>
                {!disabled && (
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t.settings.removeFormat(
                      (form.getFieldValue(['numbering', field.name, 'type']) as string) ?? '',
                    )}
                    onClick={() => remove(field.name)}
                    style={{ marginTop: 30 }}
                  />
                )}
              </Flex>
            </Card>
          ))}
          {!disabled && (
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add({ type: '', prefix: '', digits: 6 })}
              style={{ alignSelf: 'flex-start' }}
            >
              {t.settings.addFormat}
            </Button>
          )}
        </Flex>
      )}
    </Form.List>
  );
}
