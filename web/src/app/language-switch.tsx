import { GlobalOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLanguage, setLanguage } from './i18n.ts';

/**
 * 中文 / English. The button names the language it switches to, in that
 * language, so someone who cannot read the current one still finds it.
 */
export function LanguageSwitch({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const next = currentLanguage() === 'en' ? 'zh-CN' : 'en';
  const label = next === 'en' ? 'English' : '中文';
  return (
    <Button
      type="text"
      icon={<GlobalOutlined />}
      onClick={() => void setLanguage(next)}
      aria-label={`${t('header.language')}: ${label}`}
      lang={next}
      title={t('header.language')}
    >
      {compact ? null : label}
    </Button>
  );
}
