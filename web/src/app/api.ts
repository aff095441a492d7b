import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './api-types.ts';
import { currentLanguage } from './i18n.ts';

/** The server's error body: `{"error":{"code","message","details","requestId"}}`. */
export type ApiErrorBody = {
  error: { code: string; message: string; details?: unknown; requestId?: string };
};

/**
 * Every failed API call becomes one ApiError: the HTTP status, the server's
 * code and (already translated) message, and the request id a person can
 * quote to the administrator, who finds it in the log and the audit trail.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  readonly requestId: string | undefined;

  constructor(
    status: number,
    body: Partial<ApiErrorBody['error']> & { message: string },
    requestId?: string,
  ) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code ?? `HTTP_${status}`;
    this.details = body.details;
    this.requestId = body.requestId ?? requestId;
  }
}

function isErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const inner = (value as { error: unknown }).error;
  return typeof inner === 'object' && inner !== null && 'message' in inner;
}

/** Turns an openapi-fetch error value and its response into an ApiError. */
export function toApiError(error: unknown, response: Response): ApiError {
  const requestId = response.headers.get('x-request-id') ?? undefined;
  if (isErrorBody(error)) return new ApiError(response.status, error.error, requestId);
  const text = typeof error === 'string' && error ? error : response.statusText;
  return new ApiError(response.status, { message: text || `HTTP ${response.status}` }, requestId);
}

const language: Middleware = {
  onRequest({ request }) {
    request.headers.set('Accept-Language', currentLanguage() === 'en' ? 'en' : 'zh-CN');
    return request;
  },
};

/**
 * The typed client of the Houqin API. Same origin (Vite proxies /api in
 * development), so the session cookie and the browser's Origin header (the
 * server's CSRF check) come along by themselves.
 */
export const api = createClient<paths>({ baseUrl: '/', credentials: 'same-origin' });
api.use(language);

type FetchResult<T> = { data?: T; error?: unknown; response: Response };

/**
 * Awaits an openapi-fetch call and returns its data, or throws an ApiError:
 * `const me = await unwrap(api.GET('/api/me'))`. A network failure becomes
 * an ApiError with status 0 and code NETWORK.
 */
export async function unwrap<T>(call: Promise<FetchResult<T>>): Promise<T> {
  let result: FetchResult<T>;
  try {
    result = await call;
  } catch (err) {
    throw new ApiError(0, {
      code: 'NETWORK',
      message: err instanceof Error ? err.message : String(err),
    });
  }
  if (result.error !== undefined || !result.response.ok) {
    throw toApiError(result.error, result.response);
  }
  return result.data as T;
}
