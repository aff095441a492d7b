/** The two languages of the product; zh-CN is the default for everyone. */
export type Lang = 'zh' | 'en';

export type LocalizedText = { zh: string; en: string };

/** Picks the language from an Accept-Language header: English only when asked for first. */
export function langFromHeader(header: string | undefined): Lang {
  if (!header) return 'zh';
  const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh';
}

export function pick(text: LocalizedText, lang: Lang): string {
  return text[lang];
}
