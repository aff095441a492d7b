import { z } from 'zod';
import type { Deps } from '../../../platform/deps.ts';
import { actorOf } from '../../../platform/http/actor.ts';
import { IdParams, OkSchema } from '../../../platform/http/schemas.ts';
import type { App } from '../../../platform/http/types.ts';
import { MaintP } from '../policy.ts';
import { createCategory, createPriority, updateCategory, updatePriority } from './catalogue.ts';
import { teamRoutes } from './routes-teams.ts';
import {
  CategoryCreateSchema,
  CategorySchema,
  CategoryUpdateSchema,
  MaintenanceSettingsSchema,
  MaintenanceSettingsUpdateSchema,
  PriorityCreateSchema,
  PrioritySchema,
  PriorityUpdateSchema,
  SlaTargetPutSchema,
  SlaTargetSchema,
} from './schema.ts';
import {
  deleteSlaTarget,
  getMaintenanceSettings,
  listSlaTargets,
  putSlaTarget,
  updateMaintenanceSettings,
} from './sla-settings.ts';

const tags = ['maintenance-settings'];
// Settings are the organisation's: every write needs maintenance:manage organisation-wide.
const manage = { auth: MaintP.manage } as const;

/** Categories, priorities, SLA overrides and the module's settings; then teams, roster and rules. */
export function settingsRoutes(app: App, deps: Deps): void {
  const { db } = deps;
  app.post(
    '/api/maintenance/categories',
    {
      config: manage,
      schema: {
        tags,
        summary: '新建报修类别 Add a category (409 when the code exists)',
        body: CategoryCreateSchema,
        response: { 201: CategorySchema },
      },
    },
    async (req, reply) => reply.status(201).send(await createCategory(db, actorOf(req), req.body)),
  );
  app.patch(
    '/api/maintenance/categories/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: '修改报修类别 Change a category (retire it with active: false; never deleted)',
        params: IdParams,
        body: CategoryUpdateSchema,
        response: { 200: CategorySchema },
      },
    },
    async (req) => updateCategory(db, actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/maintenance/priorities',
    {
      config: manage,
      schema: {
        tags,
        summary: '新建优先级 Add a priority (409 when the code exists)',
        body: PriorityCreateSchema,
        response: { 201: PrioritySchema },
      },
    },
    async (req, reply) => reply.status(201).send(await createPriority(db, actorOf(req), req.body)),
  );
  app.patch(
    '/api/maintenance/priorities/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: '修改优先级 Change a priority and its default targets (new orders only)',
        params: IdParams,
        body: PriorityUpdateSchema,
        response: { 200: PrioritySchema },
      },
    },
    async (req) => updatePriority(db, actorOf(req), req.params.id, req.body),
  );
  app.get(
    '/api/maintenance/sla-targets',
    {
      config: manage,
      schema: {
        tags,
        summary: '时限矩阵 Category × priority overrides of the targets',
        response: { 200: z.array(SlaTargetSchema) },
      },
    },
    async (req) => listSlaTargets(db, actorOf(req).orgId),
  );
  app.put(
    '/api/maintenance/sla-targets',
    {
      config: manage,
      schema: {
        tags,
        summary: '设置类别时限 Set the targets of one category × priority',
        body: SlaTargetPutSchema,
        response: { 200: SlaTargetSchema },
      },
    },
    async (req) => putSlaTarget(db, actorOf(req), req.body),
  );
  app.delete(
    '/api/maintenance/sla-targets/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: '删除类别时限 Remove an override (the priority’s targets apply again)',
        params: IdParams,
        response: { 200: OkSchema },
      },
    },
    async (req) => {
      await deleteSlaTarget(db, actorOf(req), req.params.id);
      return { ok: true as const };
    },
  );
  app.get(
    '/api/maintenance/settings',
    {
      config: manage,
      schema: {
        tags,
        summary: '维修设置 Maintenance settings',
        response: { 200: MaintenanceSettingsSchema },
      },
    },
    async (req) => getMaintenanceSettings(db, actorOf(req).orgId),
  );
  app.patch(
    '/api/maintenance/settings',
    {
      config: manage,
      schema: {
        tags,
        summary: '修改维修设置 Change the maintenance settings',
        body: MaintenanceSettingsUpdateSchema,
        response: { 200: MaintenanceSettingsSchema },
      },
    },
    async (req) => updateMaintenanceSettings(db, actorOf(req), req.body),
  );
  teamRoutes(app, deps);
}
