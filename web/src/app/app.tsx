import { QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router';
import { createQueryClient } from './query-client.ts';
import { createRouter } from './router.tsx';

// Several antd defaults are below WCAG AA contrast on white (axe checks every
// page): secondary/tertiary grey (45 %), placeholder grey (25 % — the list
// filters show their label as placeholder), link blue #1677ff (not derived
// from colorPrimary) and danger red #ff4d4f. These pass on white and on the grey page.
// Hover and pressed blues are derived lighter than the primary, which fails on
// white (a hovered default button's text, white text on a hovered primary
// button): they are darker here instead.
const theme = {
  token: {
    colorPrimary: '#1668dc',
    colorPrimaryHover: '#0f55b8',
    colorPrimaryActive: '#0b4596',
    colorLink: '#1668dc',
    colorLinkHover: '#0f55b8',
    colorLinkActive: '#0b4596',
    colorError: '#cf1322',
    borderRadius: 6,
    colorTextSecondary: 'rgba(0, 0, 0, 0.62)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.57)',
  },
};

/** Providers of the whole app: antd (locale follows the language), queries, router. */
export function App() {
  const { i18n } = useTranslation();
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(createRouter);
  return (
    <ConfigProvider
      locale={i18n.language === 'en' ? enUS : zhCN}
      theme={theme}
      // "登录", not "登 录": labels read the same to people, screen readers and tests.
      button={{ autoInsertSpace: false }}
    >
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </ConfigProvider>
  );
}
