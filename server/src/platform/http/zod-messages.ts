import { z } from 'zod';
import type { Lang } from '../i18n.ts';

/*
 * How validation problems are worded for people. No server dependencies:
 * the web app imports this file (and the modules' schema.ts files) so its
 * forms check input with the API's own zod rules and show the API's words.
 */

// Marks "no message chosen by the schema": such issues are worded at response
// time in the caller's language by zod's own locales.
export const DEFAULT_MESSAGE = '\u0000';
const SEPARATOR = '\u0001';

/** A schema-level message in both languages: `z.string().min(8, { error: msg('至少 8 位', 'at least 8 characters') })`. */
export function msg(zh: string, en: string): string {
  return `${zh}${SEPARATOR}${en}`;
}

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
 * Parses like the API does and words every problem: `[]` when the value is
 * acceptable. The web app's forms validate fields with it.
 */
export function problemsOf(schema: z.ZodType, value: unknown, lang: Lang): FieldError[] {
  const result = schema.safeParse(value, { error: () => DEFAULT_MESSAGE });
  return result.success ? [] : describeIssues(result.error, lang);
}
