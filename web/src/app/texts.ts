import { useTranslation } from 'react-i18next';
import type { Language } from './i18n.ts';

/**
 * The texts of one module or page area, both languages side by side; the
 * English object must have exactly the Chinese one's shape (a missing key is
 * a compile error). Texts live with the pages that use them, so a page's
 * chunk carries its own words and the login page carries none of them.
 * Use a function for a text with values: `deleted: (n: string) => \`已删除 ${n}\``.
 */
export type Texts<T> = Record<Language, T>;

/** Widens literal types so the English twin can differ from the Chinese. */
export type Shape<T> = {
  [K in keyof T]: T[K] extends string
    ? string
    : T[K] extends (...args: infer A) => string
      ? (...args: A) => string
      : Shape<T[K]>;
};

export function defineTexts<T>(zh: T, en: Shape<T>): Texts<Shape<T>> {
  return { 'zh-CN': zh as Shape<T>, en };
}

/** The texts in the current language; re-renders when the language changes. */
export function useTexts<T>(texts: Texts<T>): T {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? texts.en : texts['zh-CN'];
}
