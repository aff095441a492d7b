import { RosterView } from './roster-view.tsx';

/** The roster tab of 维修设置 (the page is for maintenance:manage, who may edit). */
export default function RosterTab() {
  return <RosterView editable />;
}
