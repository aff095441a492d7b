import type { Selectable } from 'kysely';
import type { SiteScope } from '../../platform/access/access.ts';
import type { DbOrTx } from '../../platform/db/connect.ts';
import { readJson } from '../../platform/db/dialect.ts';
import type { Site } from './schema.ts';
import { DEFAULT_SETTINGS, type OrgSettings } from './settings.ts';
import type { OrganizationsTable, SitesTable } from './tables.ts';

// ---- organisations -------------------------------------------------------

export type Organization = {
  id: string;
  name: string;
  timezone: string;
  settings: OrgSettings;
  createdAt: string;
  updatedAt: string;
};

export function orgFromRow(r: Selectable<OrganizationsTable>): Organization {
  const stored = readJson<Partial<OrgSettings>>(r.settings);
  return {
    id: r.id,
    name: r.name,
    timezone: r.timezone,
    settings: { ...DEFAULT_SETTINGS, ...stored },
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function countOrganizations(db: DbOrTx): Promise<number> {
  const row = await db
    .selectFrom('organizations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findOrganization(
  db: DbOrTx,
  orgId: string,
): Promise<Organization | undefined> {
  const row = await db
    .selectFrom('organizations')
    .selectAll()
    .where('id', '=', orgId)
    .executeTakeFirst();
  return row && orgFromRow(row);
}

export async function listOrganizationIds(db: DbOrTx): Promise<string[]> {
  return (await db.selectFrom('organizations').select('id').execute()).map((r) => r.id);
}

// ---- sites --------------------------------------------------------------

export function siteFromRow(r: SitesTable): Site {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    address: r.address,
    active: r.active === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function listSites(db: DbOrTx, orgId: string, scope: SiteScope): Promise<Site[]> {
  let q = db.selectFrom('sites').selectAll().where('org_id', '=', orgId);
  if (scope !== 'all') {
    if (scope.length === 0) return [];
    q = q.where('id', 'in', scope);
  }
  return (await q.orderBy('code').execute()).map(siteFromRow);
}

export async function findSite(db: DbOrTx, orgId: string, id: string): Promise<Site | undefined> {
  const row = await db
    .selectFrom('sites')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && siteFromRow(row);
}

// All SQL of the module; one file per entity, re-exported here so the module
// reads `repo.x` whatever entity x belongs to.
export * from './batches.ts';
export * from './departments-repository.ts';
export * from './locations-repository.ts';
export * from './people-repository.ts';
