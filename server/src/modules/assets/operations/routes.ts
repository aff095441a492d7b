import type { Deps } from '../../../platform/deps.ts';
import { actorOf } from '../../../platform/http/actor.ts';
import { IdParams } from '../../../platform/http/schemas.ts';
import type { App } from '../../../platform/http/types.ts';
import { compensationRoutes } from '../compensation/index.ts';
import { idleRoutes } from '../idle/index.ts';
import { loansRoutes } from './routes-loans.ts';
import { settingsRoutes } from '../settings/index.ts';
import { actOnOperation } from './act-on-operation.ts';
import { createOperation } from './create-operation.ts';
import { getOperationDetail, listOperations } from './read-operations.ts';
import {
  ActionBodies,
  OPERATION_ACTIONS,
  OperationCreateSchema,
  OperationDetailSchema,
  OperationListQuery,
  OperationPageSchema,
} from './schema.ts';

const tags = ['assets-operations'];

const ACTION_SUMMARY = {
  approve: '审批通过 Approve (assets:approve at the site, not the requester; decides compensation)',
  reject: '驳回 Reject (frees the assets)',
  confirm: '确认接收 Confirm receipt (the custodian or department head; a manager with a note)',
  cancel: '撤销 Cancel before it takes effect (the requester or a manager; frees the assets)',
} as const;

/**
 * Asset operations (领用、调拨、交回、借用/归还、送修/修复、报损、报失、找回、处置):
 * the only way an asset's status, place or custody changes. Who may start or
 * act on one depends on the kind, the site and the person (manager,
 * department head, custodian, approver), so routes are open to signed-in
 * users and the services decide.
 */
export function operationRoutes(app: App, deps: Deps): void {
  const { db } = deps;
  app.post(
    '/api/assets/operations',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary:
          '办理资产业务 Start an operation on assets of one site (approval per settings; 409 when an asset cannot take it)',
        body: OperationCreateSchema,
        response: { 201: OperationDetailSchema },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const id = await createOperation(deps, actor, req.body);
      return reply.status(201).send(await getOperationDetail(db, actor, id));
    },
  );
  app.get(
    '/api/assets/operations',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary:
          '资产业务单 Operations the user may see (waitingForMe: approvals and receipts of mine)',
        querystring: OperationListQuery,
        response: { 200: OperationPageSchema },
      },
    },
    async (req) => listOperations(db, actorOf(req), req.query),
  );
  app.get(
    '/api/assets/operations/:id',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary:
          '业务单详情 An operation with its assets, compensations and the actions open to the user',
        params: IdParams,
        response: { 200: OperationDetailSchema },
      },
    },
    async (req) => getOperationDetail(db, actorOf(req), req.params.id),
  );
  for (const action of OPERATION_ACTIONS) {
    app.post(
      `/api/assets/operations/:id/${action}`,
      {
        config: { auth: 'user' },
        schema: {
          tags,
          summary: ACTION_SUMMARY[action],
          params: IdParams,
          body: ActionBodies[action],
          response: { 200: OperationDetailSchema },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        await actOnOperation(deps, actor, req.params.id, action, req.body as never);
        return getOperationDetail(db, actor, req.params.id);
      },
    );
  }
  compensationRoutes(app, deps);
  idleRoutes(app, deps);
  loansRoutes(app, deps);
  settingsRoutes(app, deps);
}
