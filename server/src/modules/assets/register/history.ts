import { sql, type ExpressionBuilder, type RawBuilder } from 'kysely';
import type { Database } from '../../../platform/db/database.ts';
import type { AstAssetsTable } from '../tables.ts';
import type { AssetVisibility } from './visibility.ts';

/*
 * Where a card was, and with whom, at a past instant, read from its
 * timeline: the register on a date (reports.ts) counts each card under the
 * site and the using department it had then.
 *
 * Every change of site or department is an operation taking effect (领用
 * assign, 调拨 transfer — an idle request is one, and moves the card to the
 * requesting department's site —, 交回 release; the card edit refuses both
 * fields, stock-take adjustments move places only), and each writes an
 * ast_events row at the moment it took effect whose data holds
 * `site_id: { from, to }` / `department_id: { from, to }` exactly when that
 * field changed (apply-operation.ts `changes`). So a card's value at `cut` is:
 *
 * 1. the `to` of its last such event before `cut`;
 * 2. else the `from` of its first such event from `cut` on: the value it had
 *    from its registration until that first change;
 * 3. else its current value: it never changed, so it is the one it was
 *    registered with. This is also the fallback for a card whose history
 *    does not reach back (written before timelines were kept): it is counted
 *    where it is now, for want of anything better.
 *
 * Each branch is a "latest per card" subquery, one seek on a partial index
 * of (org, card, instant) holding only the events that changed that field
 * (ast_events_department_ix, migration 0012; ast_events_site_ix, 0014). The
 * predicate is written here exactly as there, with the field name inlined,
 * because SQLite uses a partial index only for a query repeating its
 * expression. A known "no department" (released to the idle pool) is '' so
 * that it is told apart from "no event" (NULL) by coalesce. The same text
 * runs on SQLite (3.38+ `->`, `->>` on JSON text) and PostgreSQL (jsonb). A
 * card's events never share an instant: each is a separate operation taking
 * effect on a versioned row.
 *
 * Not a window over the organisation's changes joined to the cards: SQLite
 * (no statistics) then chose between indexing the window's rows and
 * scanning them for every card by the shape of the query (23 s against
 * 0.1 s at 20,000 cards); a subquery per card is the same plan every time.
 */

type From = Database & { a: AstAssetsTable };
type Field = 'department_id' | 'site_id';

/** The events of the card `a` that changed `field`, as the partial index holds them. */
const changesOf = (field: Field) =>
  sql`from ast_events e where e.org_id = a.org_id and e.asset_id = a.id
    and (e.data -> ${sql.lit(field)}) is not null`;

/** The field's value at `cut` by the card's own changes: rules 1–3 above. */
function seekValue(field: Field, cut: string): RawBuilder<string | null> {
  const changes = changesOf(field);
  return sql<string | null>`coalesce(
      (select coalesce(e.data -> ${sql.lit(field)} ->> 'to', '') ${changes}
        and e.at < ${cut} order by e.at desc limit 1),
      (select coalesce(e.data -> ${sql.lit(field)} ->> 'from', '') ${changes}
        and e.at >= ${cut} order by e.at limit 1),
      ${current(field)})`;
}

const current = (field: Field) => sql<string>`cast(a.${sql.ref(field)} as text)`;

/**
 * Whether the card `a` is one of the organisation's cards that ever changed
 * `field`. Most cards never did: their value then is today's, and seeking
 * their timeline would find nothing. One read of the partial index per query
 * (PostgreSQL probes it as a hash, SQLite as a temporary index) gates the
 * seeks.
 */
const everChanged = (field: Field, orgId: string) =>
  sql<boolean>`a.id in (select e.asset_id from ast_events e
      where e.org_id = ${orgId} and (e.data -> ${sql.lit(field)}) is not null)`;

function valueAt(field: Field, orgId: string, cut: string): RawBuilder<string | null> {
  return sql<string | null>`case when ${everChanged(field, orgId)}
    then ${seekValue(field, cut)} else ${current(field)} end`;
}

/** The department the card `a` of `orgId` was with at `cut`; '' for none (the idle pool). */
export const departmentAt = (orgId: string, cut: string) => valueAt('department_id', orgId, cut);

/** The site the card `a` of `orgId` was at at `cut`. */
export const siteAt = (orgId: string, cut: string) => valueAt('site_id', orgId, cut);

/**
 * The months in which the card `a` was at one of `sites`, as one character
 * a month ('1' there, '0' elsewhere), from the instants the months end: the
 * site a card is at when a month ends bears that month's depreciation.
 */
export function monthsAt(orgId: string, ends: readonly string[], sites: readonly string[]) {
  const at = (site: RawBuilder<string | null>, yes: string, no: string) =>
    sql`case when ${site} in (${sql.join(sites)}) then ${sql.lit(yes)} else ${sql.lit(no)} end`;
  const months = ends.map((end) => at(seekValue('site_id', end), '1', '0'));
  return sql<string>`case when ${everChanged('site_id', orgId)}
    then ${sql.join(months, sql` || `)}
    else ${at(current('site_id'), '1'.repeat(ends.length), '0'.repeat(ends.length))} end`;
}

/**
 * The sites a report on the past is of, by where the cards were then: the
 * one asked for, or every site the user reads. null: the whole organisation,
 * or a department head's or custodian's view (their cards of today).
 */
export function reportSites(
  v: AssetVisibility,
  siteId: string | undefined,
): readonly string[] | null {
  if (siteId) return [siteId];
  return v.sites !== 'all' && !v.departmentId && !v.personId ? v.sites : null;
}

/**
 * The organisation's cards that may have been at one of `sites` at some past
 * instant: those at one now (index on org and site), and those that ever
 * changed site (the partial index). The report keeps those whose `siteAt`
 * is one of the sites. Without this every card of the organisation would
 * run the `siteAt` seeks.
 *
 * This term scopes the query to the organisation on its own (both halves
 * read only its rows), and it must be the only indexed term on the card:
 * SQLite, without statistics, ranks `org_id = ?` above `id in (…)` and would
 * read every card of the organisation, testing each against the list.
 */
export function cardsThatMayHaveBeenAt(orgId: string, sites: readonly string[]) {
  return (eb: ExpressionBuilder<From, 'a'>) =>
    eb(
      'a.id',
      'in',
      sql<string>`(select s.id from ast_assets s where s.org_id = ${orgId}
          and s.site_id in (${sql.join(sites)})
        union select e.asset_id from ast_events e where e.org_id = ${orgId}
          and (e.data -> ${sql.lit('site_id')}) is not null)`,
    );
}

/**
 * `visibleAssets` (visibility.ts) on past instants, over a subquery `c` of
 * cards: the sites a user reads are matched against the card's site then
 * (`columns.sites`: one instant, or the two ends of a period — a card at the
 * user's campus at either end is theirs to see), their department against
 * `columns.department`, so a campus's manager reads last year's register of
 * their campus as it stood, including cards that have moved to another
 * campus since. A custodian sees the cards in their custody now (custody
 * history is not read).
 */
export function visibleThen(
  v: AssetVisibility,
  columns: { sites: readonly string[]; department: string },
) {
  return <DB, TB extends keyof DB>(eb: ExpressionBuilder<DB, TB>) => {
    if (v.sites === 'all') return eb.lit(true);
    const any = [];
    if (v.sites.length > 0)
      for (const column of columns.sites) any.push(eb(sql.ref(column), 'in', v.sites));
    if (v.departmentId) any.push(eb(sql.ref(columns.department), '=', v.departmentId));
    if (v.personId) any.push(eb(sql.ref('c.custodian_person_id'), '=', v.personId));
    return any.length > 0 ? eb.or(any) : eb.lit(false);
  };
}
