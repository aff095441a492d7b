import { MenuOutlined } from '@ant-design/icons';
import { Button, Flex, Layout, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/me-context.ts';
import { LanguageSwitch } from '../language-switch.tsx';
import { NotificationBell } from './notification-bell.tsx';
import { SiteSwitcher } from './site-switcher.tsx';
import { UserMenu } from './user-menu.tsx';

/** Top bar: menu button on phones, organisation, site switcher, bell, language, user. */
export function HeaderBar({ onOpenMenu }: { onOpenMenu: (() => void) | undefined }) {
  const { t } = useTranslation();
  const me = useMe();
  const compact = onOpenMenu !== undefined;
  return (
    <Layout.Header
      style={{
        background: '#fff',
        paddingInline: compact ? 8 : 24,
        borderBottom: '1px solid #f0f0f0',
        position: 'sticky',
        top: 0,
        zIndex: 10,
      }}
    >
      <Flex align="center" justify="space-between" gap={8} style={{ height: '100%' }}>
        <Flex align="center" gap={8} style={{ minWidth: 0 }}>
          {onOpenMenu && (
            <Button
              type="text"
              icon={<MenuOutlined />}
              onClick={onOpenMenu}
              aria-label={t('nav.openMenu')}
            />
          )}
          <Typography.Text strong ellipsis style={{ fontSize: 16 }}>
            {me.organization.name}
          </Typography.Text>
        </Flex>
        <Flex align="center" gap={compact ? 0 : 4} style={{ flex: 'none' }}>
          <SiteSwitcher />
          <NotificationBell />
          <LanguageSwitch compact={compact} />
          <UserMenu compact={compact} />
        </Flex>
      </Flex>
    </Layout.Header>
  );
}
