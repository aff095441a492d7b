import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../platform/config.ts';
import { connect } from '../platform/db/connect.ts';
import { seedDemoHospital } from '../seed/demo-hospital.ts';
import { createAdmin } from './create-admin.ts';
import { openForWrite } from './open.ts';

// The CLI works on the data directory itself, so this test uses SQLite in a
// temp dir whatever the suite's database (the PostgreSQL path is the same code
// behind connect()).
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'houqin-cli-'));
const config = loadConfig({ DATA_DIR: dataDir, NODE_ENV: 'test' });
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('create-admin', () => {
  it('refuses before set-up, then adds an administrator who must change the password', async () => {
    await expect(
      createAdmin(config, ['--username', 'ops', '--password', 'ops-pass-1']),
    ).rejects.toThrow(/尚未初始化/);
    const { handle, release } = await openForWrite(config);
    await seedDemoHospital(handle.db);
    await handle.close();
    release();
    await createAdmin(config, ['--username', 'ops', '--password', 'ops-pass-1', '--name', '运维']);
    const check = connect({ dataDir });
    const user = await check.db
      .selectFrom('users')
      .selectAll()
      .where('username', '=', 'ops')
      .executeTakeFirstOrThrow();
    expect(user.must_change_password).toBe(1);
    const grants = await check.db
      .selectFrom('user_roles as g')
      .innerJoin('roles as r', 'r.id', 'g.role_id')
      .select(['r.key', 'g.site_id'])
      .where('g.user_id', '=', user.id)
      .execute();
    expect(grants).toEqual([{ key: 'admin', site_id: null }]);
    await check.close();
  });

  it('rejects a short password', async () => {
    await expect(createAdmin(config, ['--username', 'x', '--password', 'short'])).rejects.toThrow(
      /usage/,
    );
  });
});
