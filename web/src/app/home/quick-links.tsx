import { Card, Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../auth/me-context.ts';
import { canOpen } from '../auth/session.ts';
import { currentLanguage } from '../i18n.ts';
import { MENU_GROUPS, menuLabel, PAGES } from '../pages.tsx';

/**
 * What this person can do here, as large tap targets: the menu pages their
 * roles open, grouped like the menu. A technician sees their work pages, an
 * administrator the set-up pages; nobody sees a link that leads to "no access".
 */
export function QuickLinks() {
  const { t } = useTranslation();
  const me = useMe();
  const lang = currentLanguage();
  const pages = PAGES.filter(
    (p) => p.menu && p.path !== '' && p.path !== 'notifications' && canOpen(me, p.permission),
  );
  if (pages.length === 0) return null;
  return (
    <section aria-labelledby="quick-links-title">
      <Typography.Title level={2} id="quick-links-title" style={{ fontSize: 16 }}>
        {t('home.quickLinks')}
      </Typography.Title>
      {MENU_GROUPS.map((group) => {
        const inGroup = pages.filter((p) => p.menu?.group === group);
        if (inGroup.length === 0) return null;
        return (
          <div key={group} style={{ marginBottom: 16 }}>
            <Typography.Text type="secondary">{t(`nav.group.${group}`)}</Typography.Text>
            <Row gutter={[12, 12]} style={{ marginTop: 8 }}>
              {inGroup.map((p) => (
                <Col key={p.path} xs={12} sm={8} lg={6}>
                  <Link to={`/${p.path}`}>
                    <Card size="small" hoverable>
                      <span aria-hidden style={{ marginInlineEnd: 8 }}>
                        {p.menu?.icon}
                      </span>
                      {p.menu && menuLabel(p.menu, t, lang)}
                    </Card>
                  </Link>
                </Col>
              ))}
            </Row>
          </div>
        );
      })}
    </section>
  );
}
