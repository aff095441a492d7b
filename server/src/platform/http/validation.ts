import type { FastifySchemaCompiler } from 'fastify';
import { z } from 'zod';
import { DEFAULT_MESSAGE, msg } from './zod-messages.ts';

export { describeIssues, msg, type FieldError } from './zod-messages.ts';

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
