import {
  DEMO_ORG_NAME,
  DEMO_PASSWORD,
  DEMO_USERS,
  seedDemoHospital,
} from '../seed/demo-hospital.ts';
import type { Config } from '../platform/config.ts';
import { openForWrite } from './open.ts';
import { start } from './start.ts';

/**
 * `npm run demo`: on an empty database, seeds the demo hospital; then serves
 * it like `start` and prints the demo sign-ins. Refuses to mix demo data into
 * a database that holds a real organisation.
 */
export async function demo(config: Config): Promise<void> {
  const { handle, release } = await openForWrite(config);
  try {
    const orgs = await handle.db.selectFrom('organizations').select('name').execute();
    if (orgs.length === 0) {
      console.log('正在生成演示数据… / Seeding the demo hospital…');
      const { workOrders } = await seedDemoHospital(handle.db);
      console.log(
        `已生成近 12 个月的报修工单 ${workOrders} 张 / Added ${workOrders} work orders of the last 12 months`,
      );
    } else if (!orgs.some((o) => o.name === DEMO_ORG_NAME)) {
      throw new Error(
        `数据库中已有组织「${orgs[0]!.name}」，不会混入演示数据；请用另一个数据目录，例如 DATA_DIR=./demo-data npm run demo / ` +
          'This database holds a real organisation; run the demo on another data directory, e.g. DATA_DIR=./demo-data npm run demo',
      );
    }
  } finally {
    await handle.close();
    release();
  }
  console.log(
    `\n演示账号（密码均为 ${DEMO_PASSWORD}）/ Demo sign-ins (password ${DEMO_PASSWORD}):`,
  );
  for (const u of DEMO_USERS) console.log(`  ${u.username.padEnd(10)} ${u.name}（${u.role}）`);
  console.log('');
  await start(config);
}
