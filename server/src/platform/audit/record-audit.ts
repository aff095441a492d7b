import type { Actor } from '../context.ts';
import type { DbOrTx } from '../db/connect.ts';
import { writeJson } from '../db/dialect.ts';
import { newId } from '../ids.ts';
import type { PlatformAuditAction, PlatformAuditEntityType } from './audit-codes.ts';

/**
 * Every code written to the audit log, by who writes it: the platform here,
 * each module (and the demo seeds) in its own `audit-codes.ts`, which adds an
 * entry to this interface (declaration merging). A service cannot record an
 * action missing from those lists, and the web names every listed code.
 * A TypeScript program that compiles a module's services must therefore
 * include every `audit-codes.ts` (the root tsconfig.json lists them for the
 * bench and scripts, which import services without the module's index).
 */
export interface AuditCodes {
  platform: { entityType: PlatformAuditEntityType; action: PlatformAuditAction };
}
export type AuditAction = AuditCodes[keyof AuditCodes]['action'];
export type AuditEntityType = AuditCodes[keyof AuditCodes]['entityType'];

export type AuditEntry = {
  action: AuditAction;
  /**
   * One of `AuditEntityType`, or an attachable record type (attachments) or
   * the type an Excel import names; those arrive as strings.
   */
  entityType: string;
  entityId: string;
  siteId?: string | null;
  before?: unknown;
  after?: unknown;
};

// Secrets never reach the audit log, whatever a service passes in.
const REDACTED_KEYS = new Set([
  'password',
  'password_hash',
  'passwordHash',
  'token',
  'token_hash',
  'secret',
]);

function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, REDACTED_KEYS.has(k) ? '[redacted]' : redact(v)]),
    );
  }
  return value;
}

/**
 * Writes one audit row in the caller's transaction, so the change and its
 * record commit or roll back together.
 */
export async function recordAudit(tx: DbOrTx, actor: Actor, entry: AuditEntry): Promise<void> {
  await tx
    .insertInto('audit_log')
    .values({
      id: newId(),
      org_id: actor.orgId,
      at: new Date().toISOString(),
      actor_user_id: actor.userId,
      actor_name: actor.name,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      site_id: entry.siteId ?? null,
      before: entry.before === undefined ? null : writeJson(redact(entry.before)),
      after: entry.after === undefined ? null : writeJson(redact(entry.after)),
      request_id: actor.requestId,
      ip: actor.ip,
    })
    .execute();
  actor.audit.count += 1;
}
