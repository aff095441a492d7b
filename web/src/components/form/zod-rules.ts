import type { FormRule } from 'antd';
import type { z } from 'zod';
import { problemsOf } from '@server/platform/http/zod-messages.ts';
import { currentLanguage, i18next } from '../../app/i18n.ts';

type ObjectSchema = z.ZodObject<z.ZodRawShape>;

const isEmpty = (v: unknown) => v === undefined || v === null || v === '';

/**
 * Form rules for one field, taken from the API's own zod schema (the module's
 * `schema.ts` on the server): the form refuses exactly what the API would,
 * with the API's words, before anything is sent. A required field says so in
 * the form's words ("请填写编码") rather than zod's "expected string".
 *
 *   const rules = zodRules(PersonCreateSchema);
 *   <Form.Item name="employeeNo" label="工号" rules={rules('employeeNo', '工号')}>
 */
export function zodRules<S extends ObjectSchema>(schema: S) {
  return (field: keyof S['shape'] & string, label: string): FormRule[] => {
    const fieldSchema = schema.shape[field] as z.ZodType | undefined;
    if (!fieldSchema) throw new Error(`zodRules: ${field} is not in the schema`);
    const required = !fieldSchema.safeParse(undefined).success;
    return [
      ...(required
        ? [{ required: true, message: i18next.t('common.required', { field: label }) }]
        : []),
      {
        validator: async (_rule, value: unknown) => {
          if (isEmpty(value)) return;
          const problems = problemsOf(fieldSchema, value, currentLanguage() === 'en' ? 'en' : 'zh');
          if (problems[0]) throw new Error(problems[0].message);
        },
      },
    ];
  };
}

/**
 * What a form sends: an emptied optional text becomes `null` (cleared), the
 * way the API expects "no phone number" rather than an empty string.
 */
export function emptyToNull<T extends Record<string, unknown>>(values: T): T {
  return Object.fromEntries(
    Object.entries(values).map(([k, v]) => [
      k,
      typeof v === 'string' && v.trim() === '' ? null : v,
    ]),
  ) as T;
}
