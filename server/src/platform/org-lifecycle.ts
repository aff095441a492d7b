import type { DbOrTx } from './db/connect.ts';

/**
 * What a module sets up for every organisation (its default categories,
 * settings rows…). Hooks run inside the transaction that creates an
 * organisation, and at every start for each existing one (so an installation
 * upgraded to a version with a new module gets its defaults): they must be
 * idempotent and must not overwrite what the organisation has changed.
 */
export type OrganizationHook = (tx: DbOrTx, orgId: string) => Promise<void>;

const hooks = new Map<string, OrganizationHook>();

/** Registered by a module when it is loaded (its index.ts). */
export function onOrganizationPrepared(name: string, hook: OrganizationHook): void {
  hooks.set(name, hook);
}

export async function prepareOrganization(tx: DbOrTx, orgId: string): Promise<void> {
  for (const hook of hooks.values()) await hook(tx, orgId);
}
