import type { Config } from '../platform/config.ts';
import { openForWrite } from './open.ts';

export async function migrate(config: Config): Promise<void> {
  const { handle, release } = await openForWrite(config);
  await handle.close();
  release();
  console.log(`数据库已是最新结构 / Database schema is up to date (${handle.dialect}).`);
}
