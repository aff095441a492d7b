import type { Actor } from '../../../platform/context.ts';
import { forbidden } from '../../../platform/errors.ts';
import type { SiteScope } from '../../../platform/access/access.ts';
import { StoresP } from '../policy.ts';

/** Sites where the user holds any of these permissions: 'all' or ids. */
export function sitesWith(actor: Actor, ...perms: string[]): SiteScope {
  const scopes = perms.map((p) => actor.access.siteScope(p));
  if (scopes.includes('all')) return 'all';
  return [...new Set(scopes.flatMap((s) => (s === 'all' ? [] : s)))];
}

/**
 * Stock, ledger and reports: whoever reads or keeps the stores there, or may
 * export them (the export routes need stores:export; the lists need read).
 */
export const readSites = (actor: Actor) =>
  sitesWith(actor, StoresP.read, StoresP.manage, StoresP.export);

/** The item catalogue is the organisation's: any stores role may look items up. */
export function requireAnyStoresRole(actor: Actor): void {
  const all = [StoresP.read, StoresP.manage, StoresP.request, StoresP.work, StoresP.approve];
  if (!all.some((p) => actor.access.has(p))) throw forbidden();
}

/** The first instant of a calendar day in a time zone, as ISO UTC (reports bucket by the org's days). */
export function startOfDayIn(timeZone: string, date: string, addDays = 0): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const utc = Date.UTC(y, m - 1, d + addDays);
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(utc));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return new Date(utc - (local - utc)).toISOString();
}
