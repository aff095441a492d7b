import { buildApp } from '../app.ts';
import type { Config } from '../platform/config.ts';
import { allJobs } from '../modules.ts';
import { listOrganizationIds } from '../modules/org/index.ts';
import { createScheduler } from '../platform/scheduler/index.ts';
import { openForWrite } from './open.ts';

/** Serves HTTP until SIGINT/SIGTERM, then closes cleanly and releases the data directory. */
export async function start(config: Config): Promise<void> {
  const { handle, release } = await openForWrite(config);
  const { app, deps } = await buildApp({ config, handle });
  const scheduler = config.schedulerEnabled
    ? createScheduler(deps, allJobs(), { logger: app.log.child({ part: 'scheduler' }) })
    : null;
  const stop = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    await scheduler?.stop();
    await app.close();
    await handle.close();
    release();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  scheduler?.start();
  if ((await listOrganizationIds(handle.db)).length === 0) {
    app.log.warn(
      `尚未初始化：请在浏览器中打开本服务完成设置；从其他电脑设置时需要初始化口令 ${deps.setupToken} / ` +
        `Not set up yet: open Houqin in a browser; from another computer, the set-up token is ${deps.setupToken}`,
    );
  }
  app.log.info(
    `Houqin on http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port} (${handle.dialect}${handle.sqlitePath ? ` ${handle.sqlitePath}` : ''})`,
  );
}
