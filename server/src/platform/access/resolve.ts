import type { Db } from '../db/connect.ts';
import { type Access, accessFromGrants } from './access.ts';
import { loadGrantRows } from './repository.ts';

// Permissions are read on every request; a short cache saves a query per call.
// Changes made by this process invalidate at once; another process sharing
// PostgreSQL sees them within CACHE_MS.
const CACHE_MS = 5_000;
const cache = new Map<string, { access: Access; at: number }>();

export async function resolveAccess(db: Db, orgId: string, userId: string): Promise<Access> {
  const key = `${orgId}:${userId}`;
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.access;
  const access = accessFromGrants(await loadGrantRows(db, orgId, userId));
  if (cache.size > 10_000) cache.clear();
  cache.set(key, { access, at: Date.now() });
  return access;
}

/** Forget cached permissions: of one user, or of everyone (after a role changes). */
export function invalidateAccess(orgId?: string, userId?: string): void {
  if (orgId && userId) cache.delete(`${orgId}:${userId}`);
  else cache.clear();
}
