/** One shift of the draft roster, as the page edits it before saving. */
export type Shift = {
  day: string;
  userId: string;
  displayName: string;
  startTime: string;
  endTime: string;
};

/** The API refuses the same person twice on a day at the same start: that is the identity. */
export const shiftKey = (s: Pick<Shift, 'day' | 'userId' | 'startTime'>) =>
  `${s.day} ${s.userId} ${s.startTime}`;

/** An end at or before the start runs past midnight (a night shift). */
export const isOvernight = (s: Pick<Shift, 'startTime' | 'endTime'>) => s.endTime <= s.startTime;

export function sortShifts(shifts: Shift[]): Shift[] {
  return [...shifts].sort(
    (a, b) =>
      a.day.localeCompare(b.day) ||
      a.startTime.localeCompare(b.startTime) ||
      a.displayName.localeCompare(b.displayName, 'zh-CN'),
  );
}

/** Whether two rosters hold the same shifts (order aside). */
export function sameShifts(a: Shift[], b: Shift[]): boolean {
  if (a.length !== b.length) return false;
  const key = (s: Shift) => `${shiftKey(s)} ${s.endTime}`;
  const set = new Set(a.map(key));
  return b.every((s) => set.has(key(s)));
}

/** Adds shifts, leaving out those already there; answers the new list and how many came in. */
export function mergeShifts(current: Shift[], added: Shift[]): { shifts: Shift[]; added: number } {
  const seen = new Set(current.map(shiftKey));
  const fresh = added.filter((s) => {
    const k = shiftKey(s);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  return { shifts: sortShifts([...current, ...fresh]), added: fresh.length };
}
