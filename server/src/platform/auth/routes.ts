import { z } from 'zod';
import type { Deps } from '../deps.ts';
import { actorOf } from '../http/actor.ts';
import { ErrorSchema, OkSchema } from '../http/schemas.ts';
import type { App } from '../http/types.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { Access } from '../access/access.ts';
import {
  ChangePasswordSchema,
  LoginSchema,
  MeSchema,
  OwnProfileUpdateSchema,
  UserSchema,
} from './schema.ts';
import { SESSION_ABSOLUTE_MS, SESSION_COOKIE, login } from './sessions.ts';
import { changeOwnPassword, getUser, updateOwnProfile } from './users-service.ts';
import * as repo from './repository.ts';

/** Sign-in, sign-out, who am I, change my password. */
export function authRoutes(app: App, { db, config }: Deps): void {
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: config.secureCookies,
  };

  app.post(
    '/api/auth/login',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['auth'],
        summary: '登录 Sign in',
        body: LoginSchema,
        response: {
          200: z.object({
            userId: z.string(),
            mustChangePassword: z.boolean(),
            expiresAt: z.string(),
          }),
          401: ErrorSchema,
          429: ErrorSchema,
        },
      },
    },
    async (req, reply) => {
      const result = await login(
        db,
        { ...req.body, ip: req.ip, userAgent: req.headers['user-agent'] ?? null },
        (tx, user) =>
          recordAudit(
            tx,
            {
              orgId: user.org_id,
              userId: user.id,
              name: user.display_name,
              access: Access.none(),
              requestId: req.id,
              ip: req.ip,
              lang: req.lang,
              audit: req.auditCounter,
            },
            { action: 'login', entityType: 'user', entityId: user.id },
          ),
      );
      reply.setCookie(SESSION_COOKIE, result.token, {
        ...cookieOptions,
        maxAge: SESSION_ABSOLUTE_MS / 1000,
      });
      return {
        userId: result.user.id,
        mustChangePassword: result.user.must_change_password === 1,
        expiresAt: result.expiresAt,
      };
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { auth: 'user' },
      schema: { tags: ['auth'], summary: '退出登录 Sign out', response: { 200: OkSchema } },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      if (req.sessionId) await repo.deleteSession(db, req.sessionId);
      await recordAudit(db, actor, {
        action: 'logout',
        entityType: 'user',
        entityId: actor.userId,
      });
      reply.clearCookie(SESSION_COOKIE, cookieOptions);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/me',
    {
      config: { auth: 'user' },
      schema: { tags: ['auth'], summary: '当前用户 Current user', response: { 200: MeSchema } },
    },
    async (req) => {
      const actor = actorOf(req);
      const [user, org, department] = await Promise.all([
        getUser(db, actor.orgId, actor.userId),
        db
          .selectFrom('organizations')
          .select(['id', 'name', 'timezone'])
          .where('id', '=', actor.orgId)
          .executeTakeFirstOrThrow(),
        // The account's staff record and its department, for pages about "my department".
        db
          .selectFrom('users as u')
          .innerJoin('people as p', 'p.id', 'u.person_id')
          .innerJoin('departments as d', 'd.id', 'p.department_id')
          .select(['d.id', 'd.name'])
          .where('u.id', '=', actor.userId)
          .where('u.org_id', '=', actor.orgId)
          .executeTakeFirst(),
      ]);
      return {
        user,
        organization: org,
        permissions: actor.access.list(),
        authVia: req.authVia ?? 'session',
        departmentId: department?.id ?? null,
        departmentName: department?.name ?? null,
      };
    },
  );

  app.patch(
    '/api/me',
    {
      config: { auth: 'user' },
      schema: {
        tags: ['auth'],
        summary: '修改我的偏好 Update my language or display name',
        body: OwnProfileUpdateSchema,
        response: { 200: UserSchema },
      },
    },
    async (req) => updateOwnProfile(db, actorOf(req), req.body),
  );

  app.post(
    '/api/auth/password',
    {
      config: { auth: 'user' },
      schema: {
        tags: ['auth'],
        summary: '修改密码 Change my password',
        body: ChangePasswordSchema,
        response: { 200: OkSchema, 401: ErrorSchema },
      },
    },
    async (req) => {
      await changeOwnPassword(db, actorOf(req), { ...req.body, keepSessionId: req.sessionId });
      return { ok: true as const };
    },
  );
}
