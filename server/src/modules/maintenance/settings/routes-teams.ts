import { z } from 'zod';
import type { Deps } from '../../../platform/deps.ts';
import { actorOf } from '../../../platform/http/actor.ts';
import { IdParams, OkSchema } from '../../../platform/http/schemas.ts';
import type { App } from '../../../platform/http/types.ts';
import { MaintP } from '../policy.ts';
import {
  createDispatchRule,
  deleteDispatchRule,
  listDispatchRules,
  updateDispatchRule,
} from './dispatch-rules.ts';
import { listDuty, putDuty } from './duty.ts';
import {
  DispatchRuleCreateSchema,
  DispatchRuleSchema,
  DispatchRuleUpdateSchema,
  DutyEntrySchema,
  DutyPutSchema,
  DutyQuery,
  TeamCreateSchema,
  TeamListQuery,
  TeamMembersPutSchema,
  TeamSchema,
  TeamUpdateSchema,
} from './schema.ts';
import { createTeam, listTeams, putTeamMembers, updateTeam } from './teams.ts';

const tags = ['maintenance-settings'];
const manage = { auth: MaintP.manage } as const;

/**
 * Teams, their duty roster and the dispatch rules. Teams and rosters are
 * also read by dispatchers (the dispatch page assigns to them): those two
 * reads are open to signed-in users and the service admits settings
 * managers and dispatchers (of the team's site, or any site for teams
 * serving every site).
 */
export function teamRoutes(app: App, { db }: Deps): void {
  app.get(
    '/api/maintenance/teams',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary: '班组及成员 Teams and members (settings managers and dispatchers)',
        querystring: TeamListQuery,
        response: { 200: z.array(TeamSchema) },
      },
    },
    async (req) => listTeams(db, actorOf(req), req.query),
  );
  app.post(
    '/api/maintenance/teams',
    {
      config: manage,
      schema: {
        tags,
        summary: '新建班组 Add a team (409 when the name exists)',
        body: TeamCreateSchema,
        response: { 201: TeamSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await createTeam(db, actorOf(req), req.body)),
  );
  app.patch(
    '/api/maintenance/teams/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: '修改班组 Rename, move or retire a team',
        params: IdParams,
        body: TeamUpdateSchema,
        response: { 200: TeamSchema },
      },
    },
    async (req) => updateTeam(db, actorOf(req), req.params.id, req.body),
  );
  app.put(
    '/api/maintenance/teams/:id/members',
    {
      config: manage,
      schema: {
        tags,
        summary: '设置班组成员 Replace the member list (active users of the organisation)',
        params: IdParams,
        body: TeamMembersPutSchema,
        response: { 200: TeamSchema },
      },
    },
    async (req) => putTeamMembers(db, actorOf(req), req.params.id, req.body),
  );
  app.get(
    '/api/maintenance/teams/:id/duty',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary: '排班表 Duty roster of a team, from–to (62 days at most)',
        params: IdParams,
        querystring: DutyQuery,
        response: { 200: z.array(DutyEntrySchema) },
      },
    },
    async (req) => listDuty(db, actorOf(req), req.params.id, req.query.from, req.query.to),
  );
  app.put(
    '/api/maintenance/teams/:id/duty',
    {
      config: manage,
      schema: {
        tags,
        summary: '排班 Replace the roster of the given days (members only; HH:MM)',
        params: IdParams,
        body: DutyPutSchema,
        response: { 200: z.array(DutyEntrySchema) },
      },
    },
    async (req) => putDuty(db, actorOf(req), req.params.id, req.body),
  );
  app.get(
    '/api/maintenance/dispatch-rules',
    {
      config: manage,
      schema: {
        tags,
        summary: '派工规则 Dispatch rules, most specific first',
        response: { 200: z.array(DispatchRuleSchema) },
      },
    },
    async (req) => listDispatchRules(db, actorOf(req).orgId),
  );
  app.post(
    '/api/maintenance/dispatch-rules',
    {
      config: manage,
      schema: {
        tags,
        summary: '新建派工规则 Add a rule (409 when the category × site has one)',
        body: DispatchRuleCreateSchema,
        response: { 201: DispatchRuleSchema },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await createDispatchRule(db, actorOf(req), req.body)),
  );
  app.patch(
    '/api/maintenance/dispatch-rules/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: '修改派工规则 Change a rule',
        params: IdParams,
        body: DispatchRuleUpdateSchema,
        response: { 200: DispatchRuleSchema },
      },
    },
    async (req) => updateDispatchRule(db, actorOf(req), req.params.id, req.body),
  );
  app.delete(
    '/api/maintenance/dispatch-rules/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: '删除派工规则 Remove a rule',
        params: IdParams,
        response: { 200: OkSchema },
      },
    },
    async (req) => {
      await deleteDispatchRule(db, actorOf(req), req.params.id);
      return { ok: true as const };
    },
  );
}
