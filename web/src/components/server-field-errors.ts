import type { FormInstance } from 'antd';
import { ApiError } from '../app/api.ts';

type FieldError = { path: string; message: string };

function isFieldErrors(value: unknown): value is FieldError[] {
  return (
    Array.isArray(value) &&
    value.every((v) => typeof v === 'object' && v !== null && 'path' in v && 'message' in v)
  );
}

/**
 * Puts the server's per-field validation messages (VALIDATION_FAILED
 * details: `[{path: 'admin.username', message}]`, already in the user's
 * language) under the matching form fields. Returns whether any field
 * matched; when none did, the caller shows the error as a whole.
 */
export function showServerFieldErrors(form: FormInstance, error: unknown): boolean {
  if (!(error instanceof ApiError) || !isFieldErrors(error.details)) return false;
  const fields = error.details
    .filter((d) => d.path !== '')
    .map((d) => ({ name: d.path.split('.'), errors: [d.message] }))
    .filter((f) => form.getFieldInstance(f.name) !== undefined);
  form.setFields(fields);
  return fields.length > 0;
}
