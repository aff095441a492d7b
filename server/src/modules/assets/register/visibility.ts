import type { ExpressionBuilder } from 'kysely';
import type { Actor } from '../../../platform/context.ts';
import type { DbOrTx } from '../../../platform/db/connect.ts';
import type { Database } from '../../../platform/db/database.ts';
import { AssetsP } from '../policy.ts';
import type { AstAssetsTable } from '../tables.ts';

/**
 * Which asset cards a user sees: every card of the sites where they read,
 * manage, approve, count or export assets; as a department head (assets:sign)
 * their department's cards; as staff (assets:request) the cards in their own
 * custody (责任到人), through the person their account is linked to.
 */
export type AssetVisibility = {
  sites: 'all' | readonly string[];
  departmentId: string | null;
  personId: string | null;
};

const SITE_WIDE = [AssetsP.read, AssetsP.manage, AssetsP.approve, AssetsP.count, AssetsP.export];

export async function assetVisibility(db: DbOrTx, actor: Actor): Promise<AssetVisibility> {
  const a = actor.access;
  const scopes = SITE_WIDE.map((p) => a.siteScope(p));
  const sites = scopes.includes('all')
    ? ('all' as const)
    : [...new Set(scopes.flatMap((s) => (s === 'all' ? [] : s)))];
  let departmentId: string | null = null;
  let personId: string | null = null;
  if (sites !== 'all' && (a.has(AssetsP.sign) || a.has(AssetsP.request)) && actor.userId) {
    const row = await db
      .selectFrom('users')
      .leftJoin('people', 'people.id', 'users.person_id')
      .select(['users.person_id', 'people.department_id'])
      .where('users.id', '=', actor.userId)
      .where('users.org_id', '=', actor.orgId)
      .executeTakeFirst();
    if (a.has(AssetsP.request)) personId = row?.person_id ?? null;
    if (a.has(AssetsP.sign)) departmentId = row?.department_id ?? null;
  }
  return { sites, departmentId, personId };
}

/** Sees nothing at all: lists answer empty without querying. */
export function seesNothing(v: AssetVisibility): boolean {
  return v.sites !== 'all' && v.sites.length === 0 && !v.departmentId && !v.personId;
}

type From = Database & { a: AstAssetsTable };

/** Restricts a query on `a` (ast_assets) to the cards a user sees. */
export function visibleAssets(v: AssetVisibility) {
  return (eb: ExpressionBuilder<From, 'a'>) => {
    if (v.sites === 'all') return eb.lit(true);
    const any = [];
    if (v.sites.length > 0) any.push(eb('a.site_id', 'in', v.sites));
    if (v.departmentId) any.push(eb('a.department_id', '=', v.departmentId));
    if (v.personId) any.push(eb('a.custodian_person_id', '=', v.personId));
    return any.length > 0 ? eb.or(any) : eb.lit(false);
  };
}
