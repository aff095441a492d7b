import { App as AntApp, Drawer, Grid, Layout, Typography } from 'antd';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { PageLoading } from '../../components/page-loading.tsx';
import { HeaderBar } from './header-bar.tsx';
import { SideMenu } from './side-menu.tsx';

function Brand() {
  const { t } = useTranslation();
  return (
    <div style={{ padding: '16px 24px' }}>
      <Typography.Text strong style={{ fontSize: 20 }}>
        {t('app.name')}
      </Typography.Text>
    </div>
  );
}

/**
 * The signed-in shell. From 768 px up the menu is a side bar; on a phone it
 * folds into a drawer opened from the header, leaving the width to the page.
 */
export default function AppLayout() {
  const { i18n } = useTranslation();
  // Date pickers name months and weekdays in the page's language (antd's locale does not set dayjs's).
  dayjs.locale(i18n.language === 'en' ? 'en' : 'zh-cn');
  const screens = Grid.useBreakpoint();
  const mobile = screens.md === false;
  const [drawerOpen, setDrawerOpen] = useState(false);

  // AntApp gives pages `App.useApp()` (message, modal) with the theme; it
  // lives here so the pages before sign-in do not load modal and notification.
  return (
    <AntApp>
      <Layout style={{ minHeight: '100vh' }}>
        {mobile ? (
          <Drawer
            placement="left"
            open={drawerOpen}
            onClose={() => setDrawerOpen(false)}
            size={260}
            title={<Brand />}
            styles={{ body: { padding: 0 }, header: { padding: 0 } }}
          >
            <SideMenu onNavigate={() => setDrawerOpen(false)} />
          </Drawer>
        ) : (
          <Layout.Sider theme="light" width={220} style={{ borderInlineEnd: '1px solid #f0f0f0' }}>
            <Brand />
            <SideMenu />
          </Layout.Sider>
        )}
        <Layout>
          <HeaderBar onOpenMenu={mobile ? () => setDrawerOpen(true) : undefined} />
          <Layout.Content style={{ padding: mobile ? 12 : 24 }}>
            <Suspense fallback={<PageLoading fullScreen={false} />}>
              <Outlet />
            </Suspense>
          </Layout.Content>
        </Layout>
      </Layout>
    </AntApp>
  );
}
