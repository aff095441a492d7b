import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './locales/en.ts';
import { zhCN } from './locales/zh-CN.ts';

/** The two languages of the product; Chinese is the default for everyone. */
export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'houqin.language';

declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: typeof zhCN };
  }
}

function storedLanguage(): Language {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN'; // storage disabled (private mode on some phones)
  }
}

void i18next.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
});
document.documentElement.lang = storedLanguage();

export function currentLanguage(): Language {
  return i18next.language === 'en' ? 'en' : 'zh-CN';
}

/** The account's locale as the server stores it, and back. */
export const toServerLocale = (lang: Language) => (lang === 'en' ? 'en-US' : 'zh-CN');
export const fromServerLocale = (locale: string): Language =>
  locale.startsWith('en') ? 'en' : 'zh-CN';

/**
 * Switches the language and remembers it in this browser; signed-in users'
 * choice is also saved on their account (see LanguageSwitch and RequireAuth).
 */
export async function setLanguage(lang: Language): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // not remembered; the switch still applies to this visit
  }
  document.documentElement.lang = lang;
  await i18next.changeLanguage(lang);
}

export { i18next };
