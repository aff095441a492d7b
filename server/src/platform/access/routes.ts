import { z } from 'zod';
import type { Deps } from '../deps.ts';
import { actorOf } from '../http/actor.ts';
import { IdParams, OkSchema } from '../http/schemas.ts';
import type { App } from '../http/types.ts';
import { P } from './platform-permissions.ts';
import { allPermissions } from './permissions.ts';
import {
  RoleCreateSchema,
  RoleListItemSchema,
  RoleSchema,
  RoleUpdateSchema,
} from '../auth/schema.ts';
import { countRoleHolders, listRoles } from './repository.ts';
import { createRole, deleteRole, updateRole } from './roles-service.ts';

const tags = ['roles'];

/** Roles are bundles of permissions; built-in ones come from code, custom ones are data. */
export function rolesRoutes(app: App, { db }: Deps): void {
  app.get(
    '/api/permissions',
    {
      config: { auth: P.users.read },
      schema: {
        tags,
        summary: '权限目录 Permission catalogue',
        response: {
          200: z.array(
            z.object({
              key: z.string(),
              module: z.string(),
              label: z.object({ zh: z.string(), en: z.string() }),
            }),
          ),
        },
      },
    },
    async () => allPermissions(),
  );

  app.get(
    '/api/roles',
    {
      config: { auth: P.users.read },
      schema: {
        tags,
        summary: '角色列表 List roles (with how many accounts hold each)',
        response: { 200: z.array(RoleListItemSchema) },
      },
    },
    async (req) => {
      const orgId = actorOf(req).orgId;
      const [roles, holders] = await Promise.all([
        listRoles(db, orgId),
        countRoleHolders(db, orgId),
      ]);
      return roles.map((r) => ({ ...r, userCount: holders.get(r.id) ?? 0 }));
    },
  );

  app.post(
    '/api/roles',
    {
      config: { auth: P.users.manage },
      schema: {
        tags,
        summary: '新建自定义角色 Create a custom role',
        body: RoleCreateSchema,
        response: { 201: RoleSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await createRole(db, actorOf(req), req.body)),
  );

  app.patch(
    '/api/roles/:id',
    {
      config: { auth: P.users.manage },
      schema: {
        tags,
        summary: '修改自定义角色 Update a custom role',
        params: IdParams,
        body: RoleUpdateSchema,
        response: { 200: RoleSchema },
      },
    },
    async (req) => updateRole(db, actorOf(req), req.params.id, req.body),
  );

  app.delete(
    '/api/roles/:id',
    {
      config: { auth: P.users.manage },
      schema: {
        tags,
        summary: '删除自定义角色 Delete a custom role',
        params: IdParams,
        response: { 200: OkSchema },
      },
    },
    async (req) => {
      await deleteRole(db, actorOf(req), req.params.id);
      return { ok: true as const };
    },
  );
}
