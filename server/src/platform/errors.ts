import type { LocalizedText } from './i18n.ts';

/**
 * The one error type services throw. The HTTP layer turns it into
 * `{"error":{"code","message","details"}}` in the caller's language.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly text: LocalizedText,
    readonly details?: unknown,
    readonly headers?: Record<string, string>,
  ) {
    super(text.en);
  }
}

export const badRequest = (text: LocalizedText, details?: unknown) =>
  new AppError(400, 'BAD_REQUEST', text, details);

export const unauthorized = (
  text: LocalizedText = { zh: '请先登录', en: 'Please sign in first' },
) => new AppError(401, 'UNAUTHORIZED', text);

export const forbidden = (
  text: LocalizedText = {
    zh: '您没有执行此操作的权限',
    en: 'You do not have permission to do this',
  },
) => new AppError(403, 'FORBIDDEN', text);

/** Used for missing records and for records of another organisation or site alike, so ids leak nothing. */
export const notFound = (what: LocalizedText) =>
  new AppError(404, 'NOT_FOUND', {
    zh: `${what.zh}不存在或无权访问`,
    en: `${what.en} not found`,
  });

export const conflict = (text: LocalizedText, details?: unknown) =>
  new AppError(409, 'CONFLICT', text, details);

export const unprocessable = (text: LocalizedText, details?: unknown) =>
  new AppError(422, 'UNPROCESSABLE', text, details);

export const tooManyRequests = (retryAfterSeconds: number, text: LocalizedText) =>
  new AppError(
    429,
    'TOO_MANY_REQUESTS',
    text,
    { retryAfterSeconds },
    {
      'retry-after': String(retryAfterSeconds),
    },
  );

/** Unique-constraint violations from either database, so services can answer 409. */
export function isUniqueViolation(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const e = err as { code?: unknown };
  return (
    e.code === '23505' ||
    e.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    e.code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}
