import { theme } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../language-switch.tsx';

/**
 * The frame of the pages before sign-in: brand, language switch, one panel.
 * Plain elements styled from the antd theme rather than Card and Typography,
 * which would bring tabs, tooltips and skeletons into the login page's bundle.
 */
export function AuthFrame({
  title,
  children,
  width = 400,
}: {
  title: string;
  children: ReactNode;
  width?: number;
}) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  return (
    <div style={{ minHeight: '100vh', background: token.colorBgLayout, padding: 16 }}>
      <div style={{ display: 'flex', justifyContent: 'flex-end' }}>
        <LanguageSwitch />
      </div>
      <main style={{ maxWidth: width, margin: '6vh auto 0' }}>
        <div style={{ textAlign: 'center', marginBottom: 16 }}>
          <div style={{ fontSize: 28, fontWeight: 600, color: token.colorText }}>
            {t('app.name')}
          </div>
          <div style={{ color: token.colorTextSecondary }}>{t('app.fullName')}</div>
        </div>
        <section
          style={{
            background: token.colorBgContainer,
            borderRadius: token.borderRadiusLG,
            boxShadow: token.boxShadowTertiary,
            padding: 24,
          }}
        >
          <h1 style={{ fontSize: 20, fontWeight: 600, margin: '0 0 16px', color: token.colorText }}>
            {title}
          </h1>
          {children}
        </section>
      </main>
    </div>
  );
}
