import type { FastifySchemaCompiler } from 'fastify';
import { z } from 'zod';
import type { Lang } from '../i18n.ts';

// Marks "no message chosen by the schema": such issues are worded at response
// time in the caller's language by zod's own locales.
const DEFAULT_MESSAGE = '\u0000';
const SEPARATOR = '\u0001';

/** A schema-level message in both languages: `z.string().min(8, { error: msg('至少 8 位', 'at least 8 characters') })`. */
export function msg(zh: string, en: string): string {
  return `${zh}${SEPARATOR}${en}`;
}

/**
 * Fastify validator compiler for zod schemas. It keeps the raw issues (with
 * their inputs) so the error handler can word them per request.
 */
export const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema }) =>
  (data) => {
    const nul = pathOfNul(data, []);
    if (nul) return { error: nulError(nul) };
    const result = schema.safeParse(data, { reportInput: true, error: () => DEFAULT_MESSAGE });
    return result.success ? { value: result.data } : { error: result.error };
  };

const locales = { zh: z.locales.zhCN(), en: z.locales.en() };

export type FieldError = { path: string; message: string };

/** Words zod issues for people: field path plus a sentence in their language. */
export function describeIssues(error: z.ZodError, lang: Lang): FieldError[] {
  return error.issues.map((issue) => {
    let message: string;
    if (issue.message === DEFAULT_MESSAGE) {
      const out = locales[lang].localeError(issue as never);
      message = typeof out === 'string' ? out : (out?.message ?? issue.code);
    } else if (issue.message.includes(SEPARATOR)) {
      const [zh, en] = issue.message.split(SEPARATOR);
      message = (lang === 'en' ? en : zh) ?? issue.message;
    } else {
      message = issue.message;
    }
    return { path: issue.path.map(String).join('.'), message };
  });
}

/**
 * PostgreSQL refuses NUL in text (a 500 there, stored silently on SQLite), and
 * no person types one: refuse it at the door, the same on both databases.
 */
function pathOfNul(value: unknown, path: PropertyKey[]): PropertyKey[] | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const found = pathOfNul(v, [...path, i]);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const found = k.includes('\u0000') ? [...path, k] : pathOfNul(v, [...path, k]);
      if (found) return found;
    }
  }
  return null;
}

// Built through a parse so it is a real ZodError (an Error, as Fastify expects).
function nulError(path: PropertyKey[]): z.ZodError {
  const message = msg('不能包含空字符（\\u0000）', 'must not contain NUL characters (\\u0000)');
  return z
    .any()
    .superRefine((_, ctx) => ctx.addIssue({ code: 'custom', path, message }))
    .safeParse(null).error!;
}
