import { PlusOutlined } from '@ant-design/icons';
import { Button, Empty } from 'antd';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useMe } from '../../../app/auth/me-context.ts';
import { can } from '../../../app/auth/session.ts';
import { useSiteChoice, useSites } from '../../../app/site-choice.ts';
import { useTexts } from '../../../app/texts.ts';
import { ErrorResult } from '../../../components/error-result.tsx';
import { PageLoading } from '../../../components/page-loading.tsx';
import { PageTitle } from '../../../components/page-title.tsx';
import { SiteBar } from './site-bar.tsx';
import { SiteFormModal } from './site-form-modal.tsx';
import { SiteWorkspace } from './site-workspace.tsx';
import { canAt } from './location-model.ts';
import { placesTexts } from './texts.ts';

/**
 * 位置管理: the sites, and for the chosen site (kept in the address as
 * `siteId`, starting from the header's site) its location tree beside the
 * list of its locations.
 */
export default function LocationsPage() {
  const tx = useTexts(placesTexts);
  const me = useMe();
  const sites = useSites();
  const [headerSite] = useSiteChoice();
  const [search, setSearch] = useSearchParams();
  const [siteForm, setSiteForm] = useState<'create' | 'edit' | null>(null);
  const canManageSites = can(me, 'org:manage');

  const all = sites.data ?? [];
  const site = all.find((s) => s.id === search.get('siteId'));
  const fallback = all.find((s) => s.id === headerSite) ?? all.find((s) => s.active) ?? all[0];
  const chooseSite = (id: string) =>
    setSearch(
      (prev) => {
        // A new site: the tree scope and the page of the old one mean nothing there.
        const next = new URLSearchParams(prev);
        next.set('siteId', id);
        next.delete('under');
        next.delete('page');
        return next;
      },
      { replace: !site },
    );
  useEffect(() => {
    if (!site && fallback) chooseSite(fallback.id);
    // chooseSite is a new function every render; the choice depends on these only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [site, fallback]);

  const siteModal = (
    <SiteFormModal
      open={siteForm !== null}
      site={siteForm === 'edit' ? (site ?? null) : null}
      onClose={() => setSiteForm(null)}
      onSaved={(saved) => {
        setSiteForm(null);
        chooseSite(saved.id);
      }}
    />
  );

  if (sites.isError)
    return <ErrorResult error={sites.error} onRetry={() => void sites.refetch()} />;
  if (sites.isPending) return <PageLoading />;
  if (all.length === 0)
    return (
      <>
        <PageTitle>{tx.title}</PageTitle>
        <Empty
          style={{ padding: '48px 0' }}
          description={
            <>
              <div style={{ fontSize: 16, marginBottom: 4 }}>{tx.site.noneTitle}</div>
              <div>{canManageSites ? tx.site.noneManage : tx.site.noneRead}</div>
            </>
          }
        >
          {canManageSites && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setSiteForm('create')}>
              {tx.site.create}
            </Button>
          )}
        </Empty>
        {siteModal}
      </>
    );
  if (!site) return <PageLoading />;

  return (
    <>
      <PageTitle
        actions={
          <SiteBar
            sites={all}
            site={site}
            onChange={chooseSite}
            canCreate={canManageSites}
            canEdit={canAt(me, 'org:manage', site.id)}
            onCreate={() => setSiteForm('create')}
            onEdit={() => setSiteForm('edit')}
          />
        }
      >
        {tx.title}
      </PageTitle>
      <SiteWorkspace key={site.id} site={site} />
      {siteModal}
    </>
  );
}
