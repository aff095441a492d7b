import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Actor } from '../context.ts';
import type { Lang } from '../i18n.ts';

/**
 * Every route declares who may call it:
 * - `'public'`: anyone (health checks, sign-in, first-run setup);
 * - `'user'`: any signed-in user (their own inbox, their own profile);
 * - `'x:y'`: a signed-in user holding that permission somewhere.
 * Site-level checks happen in services, which know the record's site.
 */
export type RouteAuth = 'public' | 'user' | `${string}:${string}`;

declare module 'fastify' {
  interface FastifyContextConfig {
    auth?: RouteAuth;
    /**
     * A permission route needs the permission for the whole organisation,
     * unless it declares `scope: 'site'`: then a grant at any site lets the
     * call through and the service checks the record's site (`hasAt`) or
     * scopes its list (`siteScope`). Forgetting this can only refuse, never
     * leak: site-level grants must be opted into route by route.
     */
    scope?: 'site';
    /** Set with a reason on mutating routes that legitimately change nothing worth auditing. */
    noAudit?: string;
  }
  interface FastifyRequest {
    lang: Lang;
    /** Set by the auth hook on routes that need a user. */
    actor: Actor | null;
    /** Counts audit rows written while serving this request (see strict checks). */
    auditCounter: { count: number };
    authVia: 'session' | 'token' | null;
    sessionId: string | null;
  }
}

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;
