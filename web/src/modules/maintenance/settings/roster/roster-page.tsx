import { useMe } from '../../../../app/auth/me-context.ts';
import { can } from '../../../../app/auth/session.ts';
import { useTexts } from '../../../../app/texts.ts';
import { PageTitle } from '../../../../components/page-title.tsx';
import { texts } from '../texts.ts';
import { RosterView } from './roster-view.tsx';

/**
 * 值班表 for dispatchers: who of each team is on this week (teams of their
 * sites and those serving every site). Settings managers edit it here too.
 */
export default function RosterPage() {
  const t = useTexts(texts);
  const me = useMe();
  return (
    <>
      <PageTitle>{t.rosterTitle}</PageTitle>
      <RosterView editable={can(me, 'maintenance:manage')} />
    </>
  );
}
