import { Alert, type FormInstance } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../app/api.ts';
import { showServerFieldErrors } from '../../components/server-field-errors.ts';

/**
 * What a form shows when the server refuses it: per-field messages under the
 * fields, anything else (a 403 "you cannot hand out what you do not hold", a
 * 409 "username taken") as an alert above the form, in the server's words.
 */
export function useFormError(form: FormInstance) {
  const [error, setError] = useState<ApiError | null>(null);
  const fail = (err: unknown) => {
    if (showServerFieldErrors(form, err)) return setError(null);
    setError(err instanceof ApiError ? err : new ApiError(0, { message: String(err) }));
  };
  const alert = error && (
    <Alert type="error" showIcon role="alert" title={error.message} style={{ marginBottom: 16 }} />
  );
  return { fail, clear: () => setError(null), alert };
}

/**
 * For buttons outside a form (revoke, disable…): runs the action and, when
 * the server refuses, keeps its message on screen in an alert the user
 * closes, rather than a toast that vanishes before it is read.
 */
export function useActionError() {
  const [error, setError] = useState<string | null>(null);
  const run = async (action: () => Promise<unknown>): Promise<boolean> => {
    setError(null);
    try {
      await action();
      return true;
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      return false;
    }
  };
  const alert = error && (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={error}
      closable={{ onClose: () => setError(null) }}
      style={{ marginBottom: 16 }}
    />
  );
  return { run, alert };
}
