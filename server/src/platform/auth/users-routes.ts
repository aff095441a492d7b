import { z } from 'zod';
import { P } from '../access/platform-permissions.ts';
import type { Deps } from '../deps.ts';
import { actorOf } from '../http/actor.ts';
import { IdParams, OkSchema, paged } from '../http/schemas.ts';
import type { App } from '../http/types.ts';
import {
  ApiTokenCreateSchema,
  ApiTokenSchema,
  GrantCreateSchema,
  ResetPasswordSchema,
  UserCreateSchema,
  UserListQuerySchema,
  UserSchema,
  UserUpdateSchema,
} from './schema.ts';
import * as tokens from './api-tokens.ts';
import * as users from './users-service.ts';

const tags = ['users'];
const UserGrantParams = z.strictObject({ id: z.uuid(), grantId: z.uuid() });
const UserTokenParams = z.strictObject({ id: z.uuid(), tokenId: z.uuid() });

/** Account administration: users, their role grants per site, password resets, API tokens. */
export function usersRoutes(app: App, { db, dialect }: Deps): void {
  app.get(
    '/api/users',
    {
      config: { auth: P.users.read },
      schema: {
        tags,
        summary: '账号列表 List accounts',
        querystring: UserListQuerySchema,
        response: { 200: paged(UserSchema) },
      },
    },
    async (req) => ({
      ...(await users.listUsers(db, dialect, actorOf(req).orgId, req.query)),
      page: req.query.page,
      pageSize: req.query.pageSize,
    }),
  );

  app.post(
    '/api/users',
    {
      config: { auth: P.users.manage },
      schema: {
        tags,
        summary: '新建账号 Create account',
        body: UserCreateSchema,
        response: { 201: UserSchema },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await users.createUser(db, actorOf(req), req.body)),
  );

  app.get(
    '/api/users/:id',
    {
      config: { auth: P.users.read },
      schema: {
        tags,
        summary: '账号详情 Get account',
        params: IdParams,
        response: { 200: UserSchema },
      },
    },
    async (req) => users.getUser(db, actorOf(req).orgId, req.params.id),
  );

  app.patch(
    '/api/users/:id',
    {
      config: { auth: P.users.manage },
      schema: {
        tags,
        summary: '修改账号 Update account',
        params: IdParams,
        body: UserUpdateSchema,
        response: { 200: UserSchema },
      },
    },
    async (req) => users.updateUser(db, actorOf(req), req.params.id, req.body),
  );

  app.post(
    '/api/users/:id/reset-password',
    {
      config: { auth: P.users.manage },
      schema: {
        tags,
        summary: '重置密码 Reset password (user must change it)',
        params: IdParams,
        body: ResetPasswordSchema,
        response: { 200: OkSchema },
      },
    },
    async (req) => {
      await users.resetPassword(db, actorOf(req), req.params.id, req.body.password);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/users/:id/grants',
    {
      config: { auth: P.users.manage },
      schema: {
        tags,
        summary: '授予角色 Grant a role (org-wide or at one site)',
        params: IdParams,
        body: GrantCreateSchema,
        response: { 200: UserSchema },
      },
    },
    async (req) => users.grantUserRole(db, actorOf(req), req.params.id, req.body),
  );

  app.delete(
    '/api/users/:id/grants/:grantId',
    {
      config: { auth: P.users.manage },
      schema: {
        tags,
        summary: '撤销授权 Revoke a grant',
        params: UserGrantParams,
        response: { 200: UserSchema },
      },
    },
    async (req) => users.revokeUserGrant(db, actorOf(req), req.params.id, req.params.grantId),
  );

  app.get(
    '/api/users/:id/tokens',
    {
      config: { auth: P.users.manage },
      schema: {
        tags,
        summary: 'API 令牌列表 List API tokens',
        params: IdParams,
        response: { 200: z.array(ApiTokenSchema) },
      },
    },
    async (req) => tokens.listApiTokens(db, actorOf(req).orgId, req.params.id),
  );

  app.post(
    '/api/users/:id/tokens',
    {
      config: { auth: P.users.manage },
      schema: {
        tags,
        summary: '签发 API 令牌 Issue an API token (shown once)',
        params: IdParams,
        body: ApiTokenCreateSchema,
        response: { 201: z.object({ token: z.string(), item: ApiTokenSchema }) },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await tokens.createApiToken(db, actorOf(req), req.params.id, req.body)),
  );

  app.delete(
    '/api/users/:id/tokens/:tokenId',
    {
      config: { auth: P.users.manage },
      schema: {
        tags,
        summary: '吊销 API 令牌 Revoke an API token',
        params: UserTokenParams,
        response: { 200: OkSchema },
      },
    },
    async (req) => {
      await tokens.revokeApiToken(db, actorOf(req), req.params.id, req.params.tokenId);
      return { ok: true as const };
    },
  );
}
