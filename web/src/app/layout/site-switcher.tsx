import { EnvironmentOutlined } from '@ant-design/icons';
import { Grid, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/me-context.ts';
import { can } from '../auth/session.ts';
import { useSiteChoice, useSites } from '../site-choice.ts';

/**
 * The site (院区 / 校区) the person works in. Shown when there is a choice
 * (two or more sites); lists that filter by site start from it.
 */
export function SiteSwitcher() {
  const { t } = useTranslation();
  const me = useMe();
  const allowed = can(me, 'org:read', 'site');
  const sites = useSites(allowed).data ?? [];
  const [siteId, setSiteId] = useSiteChoice();
  const phone = Grid.useBreakpoint().md === false;
  const active = sites.filter((s) => s.active);
  if (!allowed || active.length < 2) return null;
  return (
    <Select
      aria-label={t('header.site')}
      value={siteId ?? ''}
      onChange={(v: string) => setSiteId(v || null)}
      suffixIcon={<EnvironmentOutlined aria-hidden />}
      variant="borderless"
      popupMatchSelectWidth={false}
      style={{ width: phone ? 104 : 168 }}
      options={[
        { value: '', label: t('header.allSites') },
        ...active.map((s) => ({ value: s.id, label: s.name })),
      ]}
    />
  );
}
