import { Alert, Card, Skeleton, Steps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PAGES } from '../pages.tsx';
import { useSetupProgress, type SetupStep } from './setup-progress.ts';

/** Each step and the page where it is done (linked once that page exists). */
const STEPS: { step: SetupStep; path: string }[] = [
  { step: 'sites', path: 'locations' },
  { step: 'departments', path: 'departments' },
  { step: 'people', path: 'people' },
  { step: 'users', path: 'users' },
];

const TEXT = {
  sites: ['home.stepSites', 'home.stepSitesDesc'],
  departments: ['home.stepDepartments', 'home.stepDepartmentsDesc'],
  people: ['home.stepPeople', 'home.stepPeopleDesc'],
  users: ['home.stepUsers', 'home.stepUsersDesc'],
} as const;

/**
 * For the administrator of a new organisation: what to set up first, in the
 * order later records depend on it, ticked off as records appear.
 */
export function FirstSteps() {
  const { t } = useTranslation();
  const progress = useSetupProgress();
  if (!progress) return <Skeleton active />;
  if (STEPS.every((s) => progress[s.step])) {
    return (
      <Alert
        type="success"
        showIcon
        title={t('home.readyTitle')}
        description={t('home.readyText')}
      />
    );
  }
  const current = STEPS.findIndex((s) => !progress[s.step]);
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('home.firstStepsTitle')}</h2>}>
      <Typography.Paragraph type="secondary">{t('home.firstStepsIntro')}</Typography.Paragraph>
      <Steps
        orientation="vertical"
        current={current}
        items={STEPS.map(({ step, path }) => {
          const [title, description] = TEXT[step];
          const done = progress[step];
          const hasPage = PAGES.some((p) => p.path === path);
          return {
            status: done ? 'finish' : step === STEPS[current]?.step ? 'process' : 'wait',
            title: hasPage ? <Link to={`/${path}`}>{t(title)}</Link> : t(title),
            content: t(description),
            subTitle: done ? t('home.done') : t('home.todo'),
          };
        })}
      />
    </Card>
  );
}
