import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { modules } from './modules.ts';
import type { Config } from './platform/config.ts';
import type { DbHandle } from './platform/db/connect.ts';
import type { Deps } from './platform/deps.ts';
import { authHook } from './platform/http/auth-hook.ts';
import { handleError, handleNotFound } from './platform/http/error-handler.ts';
import { registerMetrics } from './platform/http/metrics.ts';
import type { App } from './platform/http/types.ts';
import { zodValidatorCompiler } from './platform/http/validation.ts';
import { newId, newToken } from './platform/ids.ts';

export const VERSION = '0.1.0';
const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

export type BuildOptions = {
  config: Config;
  handle: DbHandle;
  logger?: FastifyServerOptions['logger'];
};

/** Builds the HTTP application; the caller owns the database handle and listening. */
/** A registered route and who may call it, for the test that every route declares its access. */
export type RouteInfo = { method: string; url: string; auth: string | undefined };

export async function buildApp({
  config,
  handle,
  logger,
}: BuildOptions): Promise<{ app: App; deps: Deps; routes: RouteInfo[] }> {
  const deps: Deps = { db: handle.db, dialect: handle.dialect, config, setupToken: newToken(9) };
  const app = Fastify({
    logger: logger ?? { level: config.logLevel },
    bodyLimit: 1024 * 1024,
    // A hop count is accepted at run time (proxy-addr) though the type omits it.
    trustProxy: config.trustProxy as boolean | string,
    // Honour a request id from our own proxy so logs can be followed across
    // hops; from anyone else it would let a client choose what the audit log says.
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return config.trustProxy !== false &&
        typeof given === 'string' &&
        /^[\w.-]{1,100}$/.test(given)
        ? given
        : newId();
    },
  }).withTypeProvider<ZodTypeProvider>();

  const routes: RouteInfo[] = [];
  app.addHook('onRoute', (r) => {
    // Swagger UI's own routes are the public API documentation.
    if (r.url.startsWith('/api/docs')) r.config = { ...r.config, auth: 'public' };
    for (const method of [r.method].flat()) {
      routes.push({ method, url: r.url, auth: r.config?.auth });
    }
  });
  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  app.setNotFoundHandler(handleNotFound);

  await app.register(helmet, {
    // Swagger UI and the Vite bundle load only same-origin scripts and styles;
    // antd injects styles at run time, hence 'unsafe-inline' for styles only.
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    hsts: config.secureCookies,
  });
  await app.register(compress, { global: true, threshold: 1024 });
  await app.register(cookie);
  await app.register(multipart, {
    limits: { fileSize: config.uploadLimitBytes, files: 10, fields: 20 },
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Houqin 后勤 API',
        version: VERSION,
        description:
          'All endpoints answer errors as {"error":{"code","message","details"}}; messages are in Chinese unless Accept-Language asks for English. Sign in with POST /api/auth/login (cookie) or send an API token as Authorization: Bearer.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'houqin_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  app.addHook('onRequest', authHook(deps.db, config));
  app.addHook('onSend', async (req, reply, payload) => {
    reply.header('x-request-id', req.id);
    return payload;
  });
  if (config.strictChecks) enforceAudit(app);
  registerMetrics(app, config.metricsToken);

  app.get('/api/openapi.json', { config: { auth: 'public' }, schema: { hide: true } }, async () =>
    app.swagger(),
  );
  app.get('/healthz', { config: { auth: 'public' }, schema: { hide: true } }, async () => ({
    status: 'ok',
  }));
  app.get(
    '/readyz',
    { config: { auth: 'public' }, schema: { hide: true } },
    async (_req, reply) => {
      try {
        await deps.db.selectFrom('organizations').select('id').limit(1).execute();
        return { status: 'ready', database: deps.dialect };
      } catch {
        return reply.status(503).send({ status: 'unavailable', database: deps.dialect });
      }
    },
  );

  for (const mod of modules) await mod.routes(app, deps);

  const webDir = config.webDir ?? WEB_DIST;
  if (fs.existsSync(path.join(webDir, 'index.html'))) {
    await app.register(fastifyStatic, { root: webDir, wildcard: false, index: 'index.html' });
    // The web app routes on the client: unknown non-API paths get index.html.
    app.get('/*', { schema: { hide: true } }, async (req, reply) => {
      if (req.url.startsWith('/api/')) return handleNotFound(req, reply);
      return reply.sendFile('index.html');
    });
  }
  return { app, deps, routes };
}

/**
 * Test-time guard: a successful write that left no audit row is a bug, so
 * the response turns into a 500 that names the route.
 */
function enforceAudit(app: App): void {
  app.addHook('onSend', async (req, reply, payload) => {
    const mutating = ['POST', 'PUT', 'PATCH', 'DELETE'].includes(req.method);
    const exempt =
      req.routeOptions.config.noAudit !== undefined || !req.routeOptions.url?.startsWith('/api/');
    if (mutating && !exempt && reply.statusCode < 400 && req.auditCounter?.count === 0) {
      reply.status(500);
      return JSON.stringify({
        error: {
          code: 'AUDIT_MISSING',
          message: `${req.method} ${req.routeOptions.url} wrote no audit row`,
        },
      });
    }
    return payload;
  });
}
