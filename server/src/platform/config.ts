import path from 'node:path';
import { z } from 'zod';
import { isTimeZone } from './time-zone.ts';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * WEBHOOK_ALLOWED_HOSTS as normalised entries — `*`, `name` or `name:port`,
 * lower case, IPv6 in brackets — or null when an entry is not a host.
 */
function parseHostList(value: string): string[] | null {
  const out: string[] = [];
  for (const entry of value.split(',').map((s) => s.trim())) {
    if (entry === '') continue;
    if (entry === '*') {
      out.push(entry);
      continue;
    }
    const m = /^(\[[0-9a-fA-F:.]+\]|[a-zA-Z0-9.-]+)(?::(\d{1,5}))?$/.exec(entry);
    const port = m?.[2] === undefined ? undefined : Number(m[2]);
    if (!m?.[1] || (port !== undefined && (port < 1 || port > 65535))) return null;
    let name: string;
    try {
      name = new URL(`http://${m[1]}`).hostname;
    } catch {
      return null;
    }
    out.push(port === undefined ? name : `${name}:${port}`);
  }
  return out;
}

const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  TZ: z.string().refine(isTimeZone, 'is not an IANA time zone').default('Asia/Shanghai'),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  SMTP_FROM: z.string().default('Houqin <houqin@localhost>'),
  UPLOAD_LIMIT_MB: z.coerce.number().positive().max(1024).default(20),
  METRICS_TOKEN: z.string().min(16).optional(),
  SCHEDULER: z.enum(['on', 'off']).default('on'),
  WEB_DIR: z.string().min(1).optional(),
  TRUST_PROXY: z
    .string()
    .regex(
      /^(true|false|\d{1,2}|[\d.:/a-fA-F, ]+)$/,
      'must be true, false, a hop count or a list of proxy addresses',
    )
    .default('false'),
  WEBHOOK_ALLOWED_HOSTS: z
    .string()
    .transform((v, ctx) => {
      const list = parseHostList(v);
      if (list) return list;
      ctx.addIssue({
        code: 'custom',
        message: 'must be *, or host names or host:port, comma-separated',
      });
      return z.NEVER;
    })
    .optional(),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  publicUrl: string | undefined;
  logLevel: (typeof LOG_LEVELS)[number];
  timeZone: string;
  smtpUrl: string | undefined;
  smtpFrom: string;
  uploadLimitBytes: number;
  metricsToken: string | undefined;
  schedulerEnabled: boolean;
  /** The built web app served at `/`; `web/dist` unless WEB_DIR says otherwise (test builds). */
  webDir: string | undefined;
  /**
   * Whether X-Forwarded-For is believed. Off by default: otherwise any client
   * could pick the address the per-IP login throttle and the audit log see.
   */
  trustProxy: boolean | number | string;
  /**
   * Hosts webhook channels may post to besides the official 企业微信/钉钉/飞书
   * robot hosts (`name` or `name:port`; `*` = any). A host listed exactly
   * may also resolve to an internal address; see platform/notify/README.md.
   */
  webhookAllowedHosts: string[];
  /** Session cookie is Secure when the public URL is https. */
  secureCookies: boolean;
  /** Test runs turn on extra self-checks (e.g. every mutation must be audited). */
  strictChecks: boolean;
};

export class ConfigError extends Error {}

/**
 * Reads the configuration from environment variables. A wrong value throws a
 * ConfigError whose message is one line naming the variable and the problem,
 * so `main.ts` can print it and exit.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings mean "not set": shells and .env files often leave them so.
  const cleaned = Object.fromEntries(
    Object.keys(ConfigSchema.shape).map((k) => [k, env[k] === '' ? undefined : env[k]]),
  );
  const parsed = ConfigSchema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = issue?.path.join('.') ?? '?';
    throw new ConfigError(
      `Invalid configuration: ${name}=${JSON.stringify(cleaned[name] ?? '')} ${issue?.message ?? ''}`,
    );
  }
  const c = parsed.data;
  return {
    port: c.PORT,
    host: c.HOST,
    // npm runs workspace scripts inside server/; a relative DATA_DIR means the
    // directory the user ran npm from (INIT_CWD), i.e. ./data of the project.
    dataDir: path.resolve(env.INIT_CWD ?? process.cwd(), c.DATA_DIR),
    databaseUrl: c.DATABASE_URL,
    publicUrl: c.PUBLIC_URL?.replace(/\/$/, ''),
    logLevel: c.LOG_LEVEL,
    timeZone: c.TZ,
    smtpUrl: c.SMTP_URL,
    smtpFrom: c.SMTP_FROM,
    uploadLimitBytes: Math.round(c.UPLOAD_LIMIT_MB * 1024 * 1024),
    metricsToken: c.METRICS_TOKEN,
    schedulerEnabled: c.SCHEDULER === 'on',
    webDir: c.WEB_DIR === undefined ? undefined : path.resolve(c.WEB_DIR),
    trustProxy:
      c.TRUST_PROXY === 'true'
        ? true
        : c.TRUST_PROXY === 'false'
          ? false
          : /^\d+$/.test(c.TRUST_PROXY)
            ? Number(c.TRUST_PROXY)
            : c.TRUST_PROXY,
    webhookAllowedHosts: c.WEBHOOK_ALLOWED_HOSTS ?? [],
    secureCookies: c.PUBLIC_URL?.startsWith('https:') ?? false,
    strictChecks: env.NODE_ENV === 'test' || env.VITEST === 'true',
  };
}
