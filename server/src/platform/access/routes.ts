import { z } from 'zod';
import type { Deps } from '../deps.ts';
import { actorOf } from '../http/actor.ts';
import { IdParams, OkSchema } from '../http/schemas.ts';
import type { App } from '../http/types.ts';
import { P } from './platform-permissions.ts';
import { allPermissions } from './permissions.ts';
import { listRoles } from './repository.ts';
import { createRole, deleteRole, updateRole } from './roles-service.ts';

const tags = ['roles'];
const RoleSchema = z.object({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  permissions: z.array(z.string()),
  builtin: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
const Permissions = z.array(z.string().regex(/^[a-z_]+:[a-z_]+$/)).max(500);
const RoleCreateSchema = z.strictObject({
  key: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{1,39}$/),
  name: z.string().trim().min(1).max(60),
  description: z.string().trim().max(500).nullable().optional(),
  permissions: Permissions,
});
const RoleUpdateSchema = RoleCreateSchema.omit({ key: true }).partial();

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
      schema: { tags, summary: '角色列表 List roles', response: { 200: z.array(RoleSchema) } },
    },
    async (req) => listRoles(db, actorOf(req).orgId),
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
