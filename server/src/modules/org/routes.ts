import { z } from 'zod';
import type { Deps } from '../../platform/deps.ts';
import { actorOf } from '../../platform/http/actor.ts';
import { ErrorSchema, IdParams } from '../../platform/http/schemas.ts';
import type { App } from '../../platform/http/types.ts';
import {
  createSite,
  getOrganization,
  getSite,
  updateOrganization,
  updateSite,
} from './organization.ts';
import { OrgP } from './policy.ts';
import { countOrganizations, listSites } from './repository.ts';
import {
  OrganizationSchema,
  OrganizationUpdateSchema,
  SetupSchema,
  SiteCreateSchema,
  SiteSchema,
  SiteUpdateSchema,
} from './schema.ts';
import { checkSetupToken, isLoopback, setupInstallation } from './setup.ts';

/** First-run set-up, organisation settings and sites. */
export function orgRoutes(app: App, { db, config, setupToken }: Deps): void {
  app.get(
    '/api/setup',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['setup'],
        summary: '是否需要初始化 Is first-run set-up needed',
        response: {
          200: z.object({
            needsSetup: z.boolean(),
            tokenRequired: z
              .boolean()
              .describe('Set-up from this address needs the token printed on the server console'),
          }),
        },
      },
    },
    async (req) => ({
      needsSetup: (await countOrganizations(db)) === 0,
      tokenRequired: !isLoopback(req.ip),
    }),
  );

  app.post(
    '/api/setup',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['setup'],
        summary: '首次初始化 First-run set-up (only while no organisation exists)',
        body: SetupSchema,
        response: {
          201: z.object({ organizationId: z.string(), userId: z.string() }),
          409: ErrorSchema,
        },
      },
    },
    async (req, reply) => {
      checkSetupToken(req.ip, req.headers['x-setup-token'], setupToken);
      const result = await setupInstallation(db, req.body, {
        requestId: req.id,
        ip: req.ip,
        audit: req.auditCounter,
        defaultTimeZone: config.timeZone,
      });
      return reply.status(201).send(result);
    },
  );

  app.get(
    '/api/organization',
    {
      config: { auth: OrgP.read },
      schema: {
        tags: ['organization'],
        summary: '组织设置 Organisation settings',
        response: { 200: OrganizationSchema },
      },
    },
    async (req) => getOrganization(db, actorOf(req).orgId),
  );

  app.patch(
    '/api/organization',
    {
      config: { auth: OrgP.manage },
      schema: {
        tags: ['organization'],
        summary: '修改组织设置 Update organisation settings',
        body: OrganizationUpdateSchema,
        response: { 200: OrganizationSchema },
      },
    },
    async (req) => {
      return updateOrganization(db, actorOf(req), req.body);
    },
  );

  app.get(
    '/api/sites',
    {
      config: { auth: OrgP.read, scope: 'site' },
      schema: {
        tags: ['organization'],
        summary: '院区列表 Sites the user may see',
        response: { 200: z.array(SiteSchema) },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      return listSites(db, actor.orgId, actor.access.siteScope(OrgP.read));
    },
  );

  app.post(
    '/api/sites',
    {
      config: { auth: OrgP.manage },
      schema: {
        tags: ['organization'],
        summary: '新建院区 Create a site',
        body: SiteCreateSchema,
        response: { 201: SiteSchema },
      },
    },
    async (req, reply) => {
      // A new site is an organisation-level decision: the gate requires an org-wide grant.
      return reply.status(201).send(await createSite(db, actorOf(req), req.body));
    },
  );

  app.get(
    '/api/sites/:id',
    {
      config: { auth: OrgP.read, scope: 'site' },
      schema: {
        tags: ['organization'],
        summary: '院区详情 Get a site',
        params: IdParams,
        response: { 200: SiteSchema },
      },
    },
    async (req) => getSite(db, actorOf(req), req.params.id, OrgP.read),
  );

  app.patch(
    '/api/sites/:id',
    {
      config: { auth: OrgP.manage, scope: 'site' },
      schema: {
        tags: ['organization'],
        summary: '修改院区 Update a site',
        params: IdParams,
        body: SiteUpdateSchema,
        response: { 200: SiteSchema },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await getSite(db, actor, req.params.id, OrgP.manage);
      return updateSite(db, actor, req.params.id, req.body);
    },
  );
}
