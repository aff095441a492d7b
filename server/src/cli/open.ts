import { syncBuiltinRoles } from '../platform/access/roles-service.ts';
import type { Config } from '../platform/config.ts';
import { connect, type DbHandle } from '../platform/db/connect.ts';
import { lockDataDir } from '../platform/db/lock.ts';
import { migrateToLatest } from '../platform/db/migrate.ts';
import { prepareOrganization } from '../platform/org-lifecycle.ts';
import { listOrganizationIds } from '../modules/org/index.ts';
import '../modules.ts'; // loads every module's permissions before roles are synced

/**
 * Opens the configured database for a command that writes: takes the data
 * directory lock on SQLite, migrates, brings built-in roles up to date and
 * lets every module prepare its defaults for organisations made before it.
 */
export async function openForWrite(
  config: Config,
): Promise<{ handle: DbHandle; release: () => void }> {
  const release = config.databaseUrl ? () => {} : lockDataDir(config.dataDir);
  const handle = connect({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateToLatest(handle.db);
    for (const orgId of await listOrganizationIds(handle.db)) {
      await syncBuiltinRoles(handle.db, orgId);
      await handle.db.transaction().execute((tx) => prepareOrganization(tx, orgId));
    }
  } catch (err) {
    await handle.close();
    release();
    throw err;
  }
  return { handle, release };
}
