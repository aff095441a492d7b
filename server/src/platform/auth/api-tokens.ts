import { randomBytes } from 'node:crypto';
import { recordAudit } from '../audit/record-audit.ts';
import type { Actor } from '../context.ts';
import type { Db } from '../db/connect.ts';
import { AppError, notFound } from '../errors.ts';
import { newId } from '../ids.ts';
import * as repo from './repository.ts';
import { sha256 } from './sessions.ts';
import { managedUser } from './users-service.ts';

const USER = { zh: '账号', en: 'User' };

export type ApiToken = {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
};

/** Issues an API token for a user; the secret is shown once and only its hash is kept. */
export async function createApiToken(
  db: Db,
  actor: Actor,
  userId: string,
  input: { name: string; expiresAt?: string | null | undefined },
): Promise<{ token: string; item: ApiToken }> {
  const user = await managedUser(db, actor, userId);
  // A token acts as its account. Issued for someone else's personal account it
  // would let an administrator act in that person's name, so tokens go to
  // one's own account or to a service account (one not linked to a person).
  if (user.id !== actor.userId && user.person_id !== null) {
    throw new AppError(403, 'TOKEN_FOR_PERSON', {
      zh: '只能为自己或未关联人员的服务账号签发 API 令牌',
      en: 'API tokens can be issued only for your own account or a service account not linked to a person',
    });
  }
  const secret = `hq_${randomBytes(24).toString('base64url')}`;
  const id = newId();
  const row = {
    id,
    org_id: actor.orgId,
    user_id: userId,
    name: input.name,
    token_hash: sha256(secret),
    prefix: secret.slice(0, 10),
    created_at: new Date().toISOString(),
    last_used_at: null,
    expires_at: input.expiresAt ?? null,
    revoked_at: null,
  };
  await db.transaction().execute(async (tx) => {
    await tx.insertInto('api_tokens').values(row).execute();
    await recordAudit(tx, actor, {
      action: 'create_token',
      entityType: 'user',
      entityId: userId,
      after: { id, name: input.name, expiresAt: row.expires_at },
    });
  });
  return { token: secret, item: tokenFromRow(row) };
}

function tokenFromRow(r: {
  id: string;
  name: string;
  prefix: string;
  created_at: string;
  last_used_at: string | null;
  expires_at: string | null;
  revoked_at: string | null;
}): ApiToken {
  return {
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    createdAt: r.created_at,
    lastUsedAt: r.last_used_at,
    expiresAt: r.expires_at,
    revokedAt: r.revoked_at,
  };
}

export async function listApiTokens(db: Db, orgId: string, userId: string): Promise<ApiToken[]> {
  if (!(await repo.findUser(db, orgId, userId))) throw notFound(USER);
  const rows = await db
    .selectFrom('api_tokens')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map(tokenFromRow);
}

export async function revokeApiToken(
  db: Db,
  actor: Actor,
  userId: string,
  tokenId: string,
): Promise<void> {
  await managedUser(db, actor, userId);
  const row = await db
    .selectFrom('api_tokens')
    .selectAll()
    .where('org_id', '=', actor.orgId)
    .where('user_id', '=', userId)
    .where('id', '=', tokenId)
    .executeTakeFirst();
  if (!row) throw notFound({ zh: 'API 令牌', en: 'API token' });
  await db.transaction().execute(async (tx) => {
    await tx
      .updateTable('api_tokens')
      .set({ revoked_at: new Date().toISOString() })
      .where('org_id', '=', actor.orgId)
      .where('id', '=', tokenId)
      .execute();
    await recordAudit(tx, actor, {
      action: 'revoke_token',
      entityType: 'user',
      entityId: userId,
      before: { id: tokenId, name: row.name },
    });
  });
}
