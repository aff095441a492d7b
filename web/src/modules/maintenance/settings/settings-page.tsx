import { Grid, Select, Tabs } from 'antd';
import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { useSearchParams } from 'react-router';
import { useTexts } from '../../../app/texts.ts';
import { PageLoading } from '../../../components/page-loading.tsx';
import { PageTitle } from '../../../components/page-title.tsx';
import { texts } from './texts.ts';

// Each tab is its own chunk: opening 报修类别 does not load the roster editor.
const TABS = {
  categories: lazy(() => import('./categories/categories-tab.tsx')),
  sla: lazy(() => import('./sla/sla-tab.tsx')),
  teams: lazy(() => import('./teams/teams-tab.tsx')),
  roster: lazy(() => import('./roster/roster-tab.tsx')),
  rules: lazy(() => import('./rules/rules-tab.tsx')),
  general: lazy(() => import('./general/general-tab.tsx')),
} satisfies Record<string, LazyExoticComponent<ComponentType>>;
type TabKey = keyof typeof TABS;

const isTab = (k: string | null): k is TabKey => k !== null && k in TABS;

/**
 * 维修设置: one page, a tab per kind of setting; the open tab is in the
 * address (`?tab=sla`) so a link or a reload lands on it.
 */
export default function MaintenanceSettingsPage() {
  const t = useTexts(texts);
  const [params, setParams] = useSearchParams();
  const raw = params.get('tab');
  const tab: TabKey = isTab(raw) ? raw : 'categories';
  const Tab = TABS[tab];
  const phone = Grid.useBreakpoint().md === false;
  const keys = Object.keys(TABS) as TabKey[];
  // A tab's own address state (the roster's team and week) does not carry over.
  const open = (k: string) => setParams({ tab: k });
  const body = (
    <Suspense fallback={<PageLoading fullScreen={false} />}>
      <Tab />
    </Suspense>
  );
  if (phone)
    // Six tabs overflow a phone, and antd's overflow menu sits inside the tab list
    // (which may hold only tabs): a plain choice of section instead.
    return (
      <>
        <PageTitle>{t.title}</PageTitle>
        <Select
          aria-label={t.section}
          value={tab}
          onChange={open}
          options={keys.map((k) => ({ value: k, label: t.tabs[k] }))}
          style={{ width: '100%', marginBottom: 16 }}
        />
        {body}
      </>
    );
  return (
    <>
      <PageTitle>{t.title}</PageTitle>
      <Tabs
        activeKey={tab}
        onChange={open}
        items={keys.map((k) => ({ key: k, label: t.tabs[k], children: k === tab ? body : null }))}
      />
    </>
  );
}
