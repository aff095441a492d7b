import { buildApp } from '../app.ts';
import type { Config } from '../platform/config.ts';
import { allJobs } from '../modules.ts';
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
  app.log.info(
    `Houqin on http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port} (${handle.dialect}${handle.sqlitePath ? ` ${handle.sqlitePath}` : ''})`,
  );
}
