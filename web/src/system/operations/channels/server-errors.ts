import type { FormInstance } from 'antd';
import { ApiError } from '../../../app/api.ts';
import { showServerFieldErrors } from '../../../components/server-field-errors.ts';

/**
 * Puts a refusal under its field: zod's per-field list, or the single
 * `{ field }` the channel service names (a webhook host outside the allowed
 * list). Returns whether a field took it.
 */
export function showChannelFieldErrors(form: FormInstance, err: unknown): boolean {
  if (showServerFieldErrors(form, err)) return true;
  if (!(err instanceof ApiError)) return false;
  const details = err.details as { field?: unknown } | null | undefined;
  const field = typeof details?.field === 'string' ? details.field : null;
  if (!field || form.getFieldInstance(field) === undefined) return false;
  form.setFields([{ name: field, errors: [err.message] }]);
  return true;
}
