import { z } from 'zod';
import type { Deps } from '../../platform/deps.ts';
import { AppError, forbidden } from '../../platform/errors.ts';
import { actorOf } from '../../platform/http/actor.ts';
import { IdParams, OkSchema } from '../../platform/http/schemas.ts';
import type { App } from '../../platform/http/types.ts';
import { createWorkOrder, probableDuplicates } from './create-work-order.ts';
import { MaintP } from './policy.ts';
import {
  ActionBodies,
  CallbackSchema,
  DuplicateQuery,
  WorkOrderCreatedSchema,
  WorkOrderCreateSchema,
  WorkOrderDetailSchema,
  WorkOrderListQuery,
  WorkOrderPageSchema,
} from './schema.ts';
import { transitionWorkOrder } from './transition-work-order.ts';
import {
  addCallback,
  getWorkOrderDetail,
  listWorkOrders,
  searchCallers,
  techniciansAt,
} from './work-orders.ts';
import { ACTION_LABELS, ACTIONS } from './workflow.ts';
import { registerWorkOrderAttachments } from './attachments.ts';
import { referenceRoutes } from './routes-reference.ts';
import { statsRoutes } from './routes-stats.ts';
import { settingsRoutes } from './settings/routes-settings.ts';
import { exportRoutes } from './routes-export.ts';

const tags = ['maintenance'];

const CallerQuery = z.strictObject({ q: z.string().trim().min(1).max(50) });
const TechnicianQuery = z.strictObject({ siteId: z.uuid() });
const TechnicianSchema = z.object({ id: z.string(), name: z.string(), openOrders: z.number() });
const CallerSchema = z.object({
  userId: z.string().nullable(),
  personId: z.string().nullable(),
  name: z.string(),
  employeeNo: z.string().nullable(),
  phone: z.string().nullable(),
  departmentId: z.string().nullable(),
  departmentName: z.string().nullable(),
});

/**
 * Work orders. Who sees which order depends on the person (own requests,
 * assigned work, team queue, department, sites dispatched): list and detail
 * are open to every signed-in user and scoped by the service; each action
 * checks the actor's role for that order.
 */
export function maintenanceRoutes(app: App, deps: Deps): void {
  const { db, dialect } = deps;
  app.get(
    '/api/maintenance/work-orders',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary: '工单列表 List work orders (only those the user may see)',
        querystring: WorkOrderListQuery,
        response: { 200: WorkOrderPageSchema },
      },
    },
    async (req) => listWorkOrders(db, dialect, actorOf(req), req.query),
  );
  app.post(
    '/api/maintenance/work-orders',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary: '报修 Report a fault (needs maintenance:request or :dispatch at the site)',
        body: WorkOrderCreateSchema,
        response: { 201: WorkOrderCreatedSchema },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const created = await createWorkOrder(deps, actor, req.body);
      const detail = await getWorkOrderDetail(db, actor, created.id);
      return reply.status(201).send({ ...detail, probableDuplicates: created.probableDuplicates });
    },
  );
  app.get(
    '/api/maintenance/work-orders/duplicates',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary: '疑似重复报修 Open orders of the same place and category in the last 24 h',
        querystring: DuplicateQuery,
        response: { 200: WorkOrderCreatedSchema.shape.probableDuplicates },
      },
    },
    async (req) => probableDuplicates(db, actorOf(req).orgId, req.query),
  );
  app.get(
    '/api/maintenance/callers',
    {
      config: { auth: MaintP.dispatch, scope: 'site' },
      schema: {
        tags,
        summary:
          '电话报修：查找报修人 Find the caller of a phoned-in request (name, number, phone)',
        querystring: CallerQuery,
        response: { 200: z.array(CallerSchema) },
      },
    },
    async (req) => searchCallers(db, dialect, actorOf(req).orgId, req.query.q),
  );
  app.get(
    '/api/maintenance/technicians',
    {
      config: { auth: MaintP.dispatch, scope: 'site' },
      schema: {
        tags,
        summary: '可派工人员 Technicians of a site (maintenance:work there) with their open orders',
        querystring: TechnicianQuery,
        response: { 200: z.array(TechnicianSchema) },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      if (!actor.access.hasAt(MaintP.dispatch, req.query.siteId)) throw forbidden();
      return techniciansAt(db, actor.orgId, req.query.siteId);
    },
  );
  app.get(
    '/api/maintenance/work-orders/:id',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary: '工单详情 Work order with its history and the actions the user may take',
        params: IdParams,
        response: { 200: WorkOrderDetailSchema },
      },
    },
    async (req) => getWorkOrderDetail(db, actorOf(req), req.params.id),
  );
  for (const action of ACTIONS) {
    const label = ACTION_LABELS[action];
    app.post(
      `/api/maintenance/work-orders/:id/${action}`,
      {
        config: { auth: 'user' },
        schema: {
          tags,
          summary: `${label.zh} ${label.en} (409 when the order's state does not allow it)`,
          params: IdParams,
          body: ActionBodies[action],
          // null: done, and the order is no longer the caller's to see (handed back to dispatch).
          response: { 200: WorkOrderDetailSchema.nullable() },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        await transitionWorkOrder(deps, actor, req.params.id, action, req.body as never);
        return getWorkOrderDetail(db, actor, req.params.id).catch((err: unknown) => {
          if (err instanceof AppError && err.status === 404) return null;
          throw err;
        });
      },
    );
  }
  app.post(
    '/api/maintenance/work-orders/:id/callbacks',
    {
      config: { auth: MaintP.dispatch, scope: 'site' },
      schema: {
        tags,
        summary: '回访记录 Record a call-back to the requester',
        params: IdParams,
        body: CallbackSchema,
        response: { 200: OkSchema },
      },
    },
    async (req) => {
      await addCallback(deps, actorOf(req), req.params.id, req.body);
      return { ok: true as const };
    },
  );
  referenceRoutes(app, deps);
  registerWorkOrderAttachments();
  statsRoutes(app, deps);
  exportRoutes(app, deps);
  settingsRoutes(app, deps);
}
