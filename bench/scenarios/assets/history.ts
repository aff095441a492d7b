/**
 * The loaded cards' past moves, as timeline events (ast_events): the
 * register on a past date (register/history.ts) reads a card's site and
 * department then from the events that changed them, so a register without
 * any would answer every such seek with nothing. A tenth of the loaded cards
 * changed department once (调拨 transfer), and a tenth of those — 1 % of the
 * cards — moved campus with it, at an instant between the card's
 * registration and now (or its disposal). Each event is what the server
 * writes when a transfer takes effect (apply-operation.ts `changes`): data
 * `{department_id: {from, to}}`, plus `site_id: {from, to}` for a campus
 * move, whose `to` is the card's value now; in use before and after (a
 * transfer's rule: operation-kinds.ts), since a card now lent, in repair,
 * lost or disposed of was moved while in use. The place is left out of the
 * data (the report does not read it). Operations, their lines and audit
 * rows are not loaded: the report reads only the events.
 */
import { v7 } from 'uuid';
import { rng } from '../../lib/random.ts';
import type { Fixtures } from './fixtures.ts';

export type Value = string | number | null;

/** Share of the loaded cards that changed department once; of them, moved campus too. */
const DEPARTMENT_SHARE = 0.1;
const CAMPUS_SHARE = 0.01;

/** ast_events columns in the order `mover` writes their values, with their PostgreSQL types. */
export const EVENT_COLUMNS = [
  ['id', 'uuid'],
  ['org_id', 'uuid'],
  ['asset_id', 'uuid'],
  ['operation_id', 'uuid'],
  ['action', 'text'],
  ['from_status', 'text'],
  ['to_status', 'text'],
  ['actor_user_id', 'uuid'],
  ['actor_name', 'text'],
  ['note', 'text'],
  ['data', 'jsonb'],
  ['at', 'timestamptz'],
] as const;

/** A loaded card as it is now; `until`: now, or the instant it was disposed of. */
export type LoadedCard = {
  id: string;
  site: number;
  department: number | null;
  registeredAt: number;
  until: number;
};

/**
 * Called with every loaded card in order, appends to `out` the event rows of
 * those that moved. `candidates`: how many of the cards have a department;
 * exactly `DEPARTMENT_SHARE` of `count` are drawn among them (selection
 * sampling: each is taken with the chance of the draws left over the cards
 * left), and `CAMPUS_SHARE` of `count` among those, the same way.
 */
export function mover(fx: Fixtures, count: number, candidates: number, out: Value[][]) {
  const r = rng(20261125);
  let left = candidates;
  let moves = Math.min(candidates, Math.round(count * DEPARTMENT_SHARE));
  let campuses = Math.min(moves, Math.round(count * CAMPUS_SHARE));
  /** Another index than `i` among `n`, uniformly. */
  const other = (i: number, n: number) => {
    const j = Math.floor(r() * (n - 1));
    return j >= i ? j + 1 : j;
  };
  return (c: LoadedCard): void => {
    if (c.department === null) return;
    if (r() * left-- >= moves) return;
    const campus = r() * moves-- < campuses;
    if (campus) campuses--;
    const at = c.registeredAt + 1 + Math.floor(r() * Math.max(0, c.until - c.registeredAt - 2));
    const departments = fx.departments;
    const data: Record<string, { from: string; to: string }> = {
      department_id: {
        from: departments[other(c.department, departments.length)]!.id,
        to: departments[c.department]!.id,
      },
    };
    if (campus)
      data.site_id = {
        from: fx.sites[other(c.site, fx.sites.length)]!.id,
        to: fx.sites[c.site]!.id,
      };
    out.push([
      v7({ msecs: at }),
      fx.orgId,
      c.id,
      null,
      'transfer',
      'in_use',
      'in_use',
      null,
      '基准数据',
      null,
      JSON.stringify(data),
      new Date(at).toISOString(),
    ]);
  };
}
