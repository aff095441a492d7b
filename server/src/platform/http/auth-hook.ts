import type { FastifyReply, FastifyRequest } from 'fastify';
import { resolveAccess } from '../access/resolve.ts';
import { SESSION_COOKIE, resolveApiToken, resolveSession } from '../auth/sessions.ts';
import type { UserRow } from '../auth/repository.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/connect.ts';
import { AppError, forbidden, unauthorized } from '../errors.ts';
import { langFromHeader } from '../i18n.ts';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

// While a password reset is pending, the user may only see who they are,
// change the password, and sign out.
const ALLOWED_BEFORE_PASSWORD_CHANGE = new Set([
  '/api/me',
  '/api/auth/password',
  '/api/auth/logout',
]);

function allowedOrigins(req: FastifyRequest, config: Config): string[] {
  const host = req.headers.host;
  const fromHost = host ? [`http://${host}`, `https://${host}`] : [];
  return config.publicUrl ? [new URL(config.publicUrl).origin, ...fromHost] : fromHost;
}

/**
 * Cross-site request forgery: a browser always sends Origin (or
 * Sec-Fetch-Site) with a cross-site POST, so a cookie-authenticated write
 * whose Origin is not ours is refused. API-token calls carry no ambient
 * credential and need no such check.
 */
function checkCsrf(req: FastifyRequest, config: Config): void {
  const site = req.headers['sec-fetch-site'];
  // Under `Referrer-Policy: no-referrer` (helmet's default) Chrome sends
  // `Origin: null` with a plain form POST; Sec-Fetch-Site cannot be set by a
  // page's script, so "same-origin" there is the browser's own word for it.
  const origin =
    req.headers.origin === 'null' && site === 'same-origin' ? undefined : req.headers.origin;
  const bad =
    (origin !== undefined && !allowedOrigins(req, config).includes(origin)) ||
    (origin === undefined && site === 'cross-site');
  if (bad) {
    throw new AppError(403, 'CSRF', {
      zh: '请求来源不被信任（跨站请求已拒绝）',
      en: 'Cross-site request refused',
    });
  }
}

async function identify(req: FastifyRequest, db: Db): Promise<UserRow | null> {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) {
    const found = await resolveApiToken(db, header.slice(7).trim());
    if (!found)
      throw unauthorized({ zh: 'API 令牌无效或已过期', en: 'Invalid or expired API token' });
    req.authVia = 'token';
    return found.user;
  }
  const token = req.cookies[SESSION_COOKIE];
  if (!token) return null;
  const found = await resolveSession(db, token);
  if (!found) return null;
  req.authVia = 'session';
  req.sessionId = found.sessionId;
  return found.user;
}

/**
 * One gate for every route: it reads the route's declared `auth`, identifies
 * the caller, checks CSRF and the permission, and puts the actor on the
 * request. A route under /api with nothing declared is refused (fail closed).
 */
export function authHook(db: Db, config: Config) {
  return async function (req: FastifyRequest, _reply: FastifyReply): Promise<void> {
    req.lang = langFromHeader(req.headers['accept-language']);
    req.actor = null;
    req.authVia = null;
    req.sessionId = null;
    req.auditCounter = { count: 0 };
    const url = req.routeOptions.url;
    if (url === undefined) return; // not-found handler
    const auth = req.routeOptions.config.auth;
    if (auth === undefined) {
      if (url.startsWith('/api/')) {
        req.log.error({ url }, 'route declares no auth');
        throw forbidden();
      }
      return; // static files and docs
    }
    if (auth === 'public') return;

    const user = await identify(req, db);
    if (!user) throw unauthorized();
    if (req.authVia === 'session' && MUTATING.has(req.method)) checkCsrf(req, config);
    if (user.must_change_password === 1 && !ALLOWED_BEFORE_PASSWORD_CHANGE.has(url)) {
      throw new AppError(403, 'PASSWORD_CHANGE_REQUIRED', {
        zh: '管理员已重置您的密码，请先修改密码',
        en: 'Your password was reset; change it first',
      });
    }
    const access = await resolveAccess(db, user.org_id, user.id);
    if (auth !== 'user') {
      const allowed =
        req.routeOptions.config.scope === 'site' ? access.has(auth) : access.hasOrgWide(auth);
      if (!allowed) throw forbidden();
    }
    req.actor = {
      orgId: user.org_id,
      userId: user.id,
      name: user.display_name,
      access,
      requestId: req.id,
      ip: req.ip,
      lang: req.lang,
      audit: req.auditCounter,
    };
  };
}
