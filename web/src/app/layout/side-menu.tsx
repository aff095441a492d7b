import { Menu, type MenuProps } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useMe } from '../auth/me-context.ts';
import { canOpen } from '../auth/session.ts';
import { currentLanguage } from '../i18n.ts';
import { MENU_GROUPS, menuLabel, PAGES } from '../pages.tsx';

/** The page a path belongs to: the longest registered page path that prefixes it. */
function selectedKey(pathname: string, paths: string[]): string {
  const here = pathname.replace(/^\/+|\/+$/g, '');
  const match = paths
    .filter((p) => p === here || (p !== '' && here.startsWith(`${p}/`)))
    .sort((a, b) => b.length - a.length)[0];
  return `/${match ?? here}`;
}

/** Side navigation: the pages of the registry this user may open, grouped by module. */
export function SideMenu({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const { pathname } = useLocation();

  const visible = useMemo(() => PAGES.filter((p) => p.menu && canOpen(me, p.permission)), [me]);
  const items: MenuProps['items'] = MENU_GROUPS.map((group) => ({
    group,
    pages: visible.filter((p) => p.menu?.group === group),
  }))
    .filter((g) => g.pages.length > 0)
    .map((g) => ({
      type: 'group' as const,
      key: g.group,
      label: t(`nav.group.${g.group}`),
      children: g.pages.map((p) => ({
        key: `/${p.path}`,
        icon: p.menu?.icon,
        label: (
          <Link to={`/${p.path}`} onClick={onNavigate}>
            {p.menu && menuLabel(p.menu, t, currentLanguage())}
          </Link>
        ),
      })),
    }));

  return (
    <nav aria-label={t('nav.mainNavigation')}>
      <Menu
        mode="inline"
        items={items}
        selectedKeys={[
          selectedKey(
            pathname,
            visible.map((p) => p.path),
          ),
        ]}
        style={{ borderInlineEnd: 'none' }}
      />
    </nav>
  );
}
