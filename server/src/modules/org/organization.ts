import { recordAudit } from '../../platform/audit/record-audit.ts';
import type { Actor } from '../../platform/context.ts';
import type { Db, DbOrTx } from '../../platform/db/connect.ts';
import { writeJson } from '../../platform/db/dialect.ts';
import { conflict, isUniqueViolation, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { z } from 'zod';
import { findOrganization, findSite, type Organization } from './repository.ts';
import type {
  OrganizationUpdateSchema,
  Site,
  SiteCreateSchema,
  SiteUpdateSchema,
} from './schema.ts';

const ORG = { zh: '组织', en: 'Organisation' };
const SITE = { zh: '院区', en: 'Site' };

export async function getOrganization(db: Db, orgId: string): Promise<Organization> {
  const org = await findOrganization(db, orgId);
  if (!org) throw notFound(ORG);
  return org;
}

export async function updateOrganization(
  db: Db,
  actor: Actor,
  patch: z.infer<typeof OrganizationUpdateSchema>,
): Promise<Organization> {
  const before = await getOrganization(db, actor.orgId);
  const settings = { ...before.settings, ...patch.settings };
  await db.transaction().execute(async (tx) => {
    await tx
      .updateTable('organizations')
      .set({
        ...(patch.name !== undefined && { name: patch.name }),
        ...(patch.timezone !== undefined && { timezone: patch.timezone }),
        settings: writeJson(settings),
        updated_at: new Date().toISOString(),
      })
      .where('id', '=', actor.orgId)
      .execute();
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'organization',
      entityId: actor.orgId,
      before,
      after: patch,
    });
  });
  return getOrganization(db, actor.orgId);
}

function siteCodeTaken(code: string) {
  return conflict({ zh: `院区编码 ${code} 已存在`, en: `Site code ${code} already exists` });
}

/** Inserts one site in the caller's transaction. */
export async function insertSite(
  tx: DbOrTx,
  actor: Actor,
  input: z.infer<typeof SiteCreateSchema>,
): Promise<string> {
  const id = newId();
  const now = new Date().toISOString();
  const row = {
    id,
    org_id: actor.orgId,
    code: input.code,
    name: input.name,
    address: input.address ?? null,
    active: 1,
    created_at: now,
    updated_at: now,
  };
  try {
    await tx.insertInto('sites').values(row).execute();
  } catch (err) {
    if (isUniqueViolation(err)) throw siteCodeTaken(input.code);
    throw err;
  }
  await recordAudit(tx, actor, {
    action: 'create',
    entityType: 'site',
    entityId: id,
    siteId: id,
    after: row,
  });
  return id;
}

export async function createSite(
  db: Db,
  actor: Actor,
  input: z.infer<typeof SiteCreateSchema>,
): Promise<Site> {
  const id = await db.transaction().execute((tx) => insertSite(tx, actor, input));
  return (await findSite(db, actor.orgId, id))!;
}

export async function getSite(db: Db, actor: Actor, id: string, permission: string): Promise<Site> {
  const site = await findSite(db, actor.orgId, id);
  if (!site || !actor.access.hasAt(permission, id)) throw notFound(SITE);
  return site;
}

export async function updateSite(
  db: Db,
  actor: Actor,
  id: string,
  patch: z.infer<typeof SiteUpdateSchema>,
): Promise<Site> {
  const before = await findSite(db, actor.orgId, id);
  if (!before) throw notFound(SITE);
  try {
    await db.transaction().execute(async (tx) => {
      await tx
        .updateTable('sites')
        .set({
          ...(patch.code !== undefined && { code: patch.code }),
          ...(patch.name !== undefined && { name: patch.name }),
          ...(patch.address !== undefined && { address: patch.address }),
          ...(patch.active !== undefined && { active: patch.active ? 1 : 0 }),
          updated_at: new Date().toISOString(),
        })
        .where('org_id', '=', actor.orgId)
        .where('id', '=', id)
        .execute();
      await recordAudit(tx, actor, {
        action: 'update',
        entityType: 'site',
        entityId: id,
        siteId: id,
        before,
        after: patch,
      });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw siteCodeTaken(patch.code ?? '');
    throw err;
  }
  return (await findSite(db, actor.orgId, id))!;
}
