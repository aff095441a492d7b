import { GlobalOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from './api.ts';
import { MeContext } from './auth/me-context.ts';
import { currentLanguage, setLanguage, toServerLocale } from './i18n.ts';

/**
 * 中文 / English. The button names the language it switches to, in that
 * language, so someone who cannot read the current one still finds it.
 */
export function LanguageSwitch({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const me = useContext(MeContext);
  const choose = async (lang: 'zh-CN' | 'en') => {
    await setLanguage(lang);
    // Signed in, the choice follows the user to other devices. A failure
    // only means it is not remembered there; this page has switched.
    if (me) await api.PATCH('/api/me', { body: { locale: toServerLocale(lang) } }).catch(() => {});
  };
  const next = currentLanguage() === 'en' ? 'zh-CN' : 'en';
  const label = next === 'en' ? 'English' : '中文';
  return (
    <Button
      type="text"
      icon={<GlobalOutlined />}
      onClick={() => void choose(next)}
      aria-label={`${t('header.language')}: ${label}`}
      lang={next}
      title={t('header.language')}
    >
      {compact ? null : label}
    </Button>
  );
}
