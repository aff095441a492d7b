import type { Access } from '../../../platform/access/access.ts';
import { recordAudit } from '../../../platform/audit/record-audit.ts';
import type { Actor } from '../../../platform/context.ts';
import type { Db, DbOrTx } from '../../../platform/db/connect.ts';
import { conflict, forbidden, isUniqueViolation, notFound } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { getOrganization } from '../../org/index.ts';
import { MaintP } from '../policy.ts';
import { fieldError } from './field-error.ts';
import type { TeamCreate, TeamMembersPut, TeamUpdate } from './schema.ts';

export const TEAM = { zh: '班组', en: 'Team' };

/**
 * Which teams a person may read: settings managers and organisation-wide
 * dispatchers all of them; a dispatcher of some sites the teams of those
 * sites and the teams serving every site (what they can assign to).
 */
export function teamReadScope(access: Access): 'all' | string[] {
  if (access.hasOrgWide(MaintP.manage)) return 'all';
  const scope = access.siteScope(MaintP.dispatch);
  if (scope === 'all') return 'all';
  if (scope.length === 0) throw forbidden();
  return [...scope];
}

type TeamRow = {
  id: string;
  name: string;
  site_id: string | null;
  site_name: string | null;
  active: number;
};

async function teamRows(
  db: DbOrTx,
  orgId: string,
  filter: { id?: string; active?: boolean; scope: 'all' | string[] },
): Promise<TeamRow[]> {
  let q = db
    .selectFrom('mnt_teams as t')
    .leftJoin('sites as s', 's.id', 't.site_id')
    .select(['t.id', 't.name', 't.site_id', 's.name as site_name', 't.active'])
    .where('t.org_id', '=', orgId);
  if (filter.id) q = q.where('t.id', '=', filter.id);
  if (filter.active !== undefined) q = q.where('t.active', '=', filter.active ? 1 : 0);
  if (filter.scope !== 'all') {
    const sites = filter.scope;
    q = q.where((eb) =>
      sites.length
        ? eb.or([eb('t.site_id', 'is', null), eb('t.site_id', 'in', sites)])
        : eb('t.site_id', 'is', null),
    );
  }
  return q.orderBy('t.name').execute();
}

async function withMembers(db: DbOrTx, orgId: string, teams: TeamRow[]) {
  const ids = teams.map((t) => t.id);
  const members = ids.length
    ? await db
        .selectFrom('mnt_team_members as m')
        .innerJoin('users as u', 'u.id', 'm.user_id')
        .select(['m.team_id', 'm.user_id', 'm.leader', 'u.display_name', 'u.active'])
        .where('m.org_id', '=', orgId)
        .where('m.team_id', 'in', ids)
        .orderBy('m.leader', 'desc')
        .orderBy('u.display_name')
        .execute()
    : [];
  return teams.map((t) => ({
    id: t.id,
    name: t.name,
    siteId: t.site_id,
    siteName: t.site_name,
    active: t.active === 1,
    members: members
      .filter((m) => m.team_id === t.id)
      .map((m) => ({
        userId: m.user_id,
        displayName: m.display_name,
        leader: m.leader === 1,
        active: m.active === 1,
      })),
  }));
}

export async function listTeams(db: DbOrTx, actor: Actor, q: { active?: boolean | undefined }) {
  const scope = teamReadScope(actor.access);
  return withMembers(db, actor.orgId, await teamRows(db, actor.orgId, { ...q, scope }));
}

/** One team, as `scope` lets the caller see it (404 otherwise, another organisation's included). */
export async function getTeam(db: DbOrTx, orgId: string, id: string, scope: 'all' | string[]) {
  const [row] = await teamRows(db, orgId, { id, scope });
  if (!row) throw notFound(TEAM);
  const [team] = await withMembers(db, orgId, [row]);
  return team!;
}

async function checkSite(tx: DbOrTx, orgId: string, siteId: string | null | undefined) {
  if (!siteId) return;
  const site = await tx
    .selectFrom('sites')
    .select('id')
    .where('org_id', '=', orgId)
    .where('id', '=', siteId)
    .executeTakeFirst();
  if (!site) throw notFound({ zh: '院区', en: 'Site' });
}

const nameTaken = (name: string) =>
  conflict({ zh: `班组名称“${name}”已存在`, en: `A team named “${name}” already exists` });

export async function createTeam(db: Db, actor: Actor, input: TeamCreate) {
  return db.transaction().execute(async (tx) => {
    await checkSite(tx, actor.orgId, input.siteId);
    const now = new Date().toISOString();
    const row = {
      id: newId(),
      org_id: actor.orgId,
      site_id: input.siteId ?? null,
      name: input.name,
      active: 1,
      created_at: now,
      updated_at: now,
    };
    try {
      await tx.insertInto('mnt_teams').values(row).execute();
    } catch (err) {
      if (isUniqueViolation(err)) throw nameTaken(input.name);
      throw err;
    }
    await recordAudit(tx, actor, {
      action: 'create',
      entityType: 'maintenance_team',
      entityId: row.id,
      siteId: row.site_id,
      after: row,
    });
    return getTeam(tx, actor.orgId, row.id, 'all');
  });
}

/** Renames, moves or retires a team (a retired team gets no new orders by rule). */
export async function updateTeam(db: Db, actor: Actor, id: string, patch: TeamUpdate) {
  return db.transaction().execute(async (tx) => {
    const before = await getTeam(tx, actor.orgId, id, 'all');
    await checkSite(tx, actor.orgId, patch.siteId);
    try {
      await tx
        .updateTable('mnt_teams')
        .set({
          ...(patch.name !== undefined && { name: patch.name }),
          ...(patch.siteId !== undefined && { site_id: patch.siteId }),
          ...(patch.active !== undefined && { active: patch.active ? 1 : 0 }),
          updated_at: new Date().toISOString(),
        })
        .where('org_id', '=', actor.orgId)
        .where('id', '=', id)
        .execute();
    } catch (err) {
      if (isUniqueViolation(err)) throw nameTaken(patch.name ?? '');
      throw err;
    }
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'maintenance_team',
      entityId: id,
      siteId: before.siteId,
      before: { name: before.name, siteId: before.siteId, active: before.active },
      after: patch,
    });
    return getTeam(tx, actor.orgId, id, 'all');
  });
}

/** Today's date (YYYY-MM-DD) where the organisation is. */
export async function orgToday(db: DbOrTx, orgId: string): Promise<string> {
  const { timezone } = await getOrganization(db, orgId);
  return new Intl.DateTimeFormat('en-CA', { timeZone: timezone }).format(new Date());
}

/**
 * Replaces the member list. Everyone listed must be an active user of the
 * organisation. People taken off the team also come off its roster from
 * today on (past days stay as the record of who was on duty).
 */
export async function putTeamMembers(db: Db, actor: Actor, id: string, input: TeamMembersPut) {
  return db.transaction().execute(async (tx) => {
    const before = await getTeam(tx, actor.orgId, id, 'all');
    const ids = input.members.map((m) => m.userId);
    const users = ids.length
      ? await tx
          .selectFrom('users')
          .select(['id', 'active'])
          .where('org_id', '=', actor.orgId)
          .where('id', 'in', ids)
          .execute()
      : [];
    const ok = new Set(users.filter((u) => u.active === 1).map((u) => u.id));
    const bad = ids.findIndex((u) => !ok.has(u));
    if (bad >= 0)
      throw fieldError(actor, `members.${bad}.userId`, {
        zh: '该用户不存在或已停用',
        en: 'No such active user',
      });
    await tx
      .deleteFrom('mnt_team_members')
      .where('org_id', '=', actor.orgId)
      .where('team_id', '=', id)
      .execute();
    if (input.members.length)
      await tx
        .insertInto('mnt_team_members')
        .values(
          input.members.map((m) => ({
            team_id: id,
            user_id: m.userId,
            org_id: actor.orgId,
            leader: m.leader ? 1 : 0,
          })),
        )
        .execute();
    const removed = before.members.map((m) => m.userId).filter((u) => !ids.includes(u));
    if (removed.length)
      await tx
        .deleteFrom('mnt_duty')
        .where('org_id', '=', actor.orgId)
        .where('team_id', '=', id)
        .where('user_id', 'in', removed)
        .where('day', '>=', await orgToday(tx, actor.orgId))
        .execute();
    await recordAudit(tx, actor, {
      action: 'update_members',
      entityType: 'maintenance_team',
      entityId: id,
      siteId: before.siteId,
      before: before.members.map((m) => ({ userId: m.userId, leader: m.leader })),
      after: input.members,
    });
    return getTeam(tx, actor.orgId, id, 'all');
  });
}
