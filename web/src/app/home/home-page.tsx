import { Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/me-context.ts';
import { can } from '../auth/session.ts';
import { FirstSteps } from './first-steps.tsx';
import { QuickLinks } from './quick-links.tsx';

/**
 * The page everyone lands on: a greeting, for an administrator the first
 * steps of a new organisation, and for everyone the pages their roles open
 * (so a technician's home differs from an administrator's). Role dashboards
 * (open work orders, today's inspections) join here as the modules arrive.
 */
export default function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  const admin = can(me, 'org:manage') && can(me, 'users:manage');
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%', maxWidth: 880 }}>
      <div>
        <Typography.Title level={1} style={{ fontSize: 24, marginBottom: 4 }}>
          {t('home.greeting', { name: me.user.displayName })}
        </Typography.Title>
        <Typography.Text type="secondary">
          {t('home.orgLine', { org: me.organization.name })}
        </Typography.Text>
      </div>
      {admin && <FirstSteps />}
      <QuickLinks />
      {me.permissions.length === 0 && (
        <Typography.Paragraph>{t('home.noModules')}</Typography.Paragraph>
      )}
    </Space>
  );
}
