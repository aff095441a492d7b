import { parseArgs } from 'node:util';
import { findRoleByKey } from '../platform/access/repository.ts';
import { systemActor } from '../platform/context.ts';
import type { Config } from '../platform/config.ts';
import { insertUserWithGrants } from '../platform/auth/users-service.ts';
import { listOrganizationIds } from '../modules/org/index.ts';
import { openForWrite } from './open.ts';

/**
 * `create-admin --username U --password P [--name N]`: a new administrator for
 * the (single) organisation, for when the last admin is locked out.
 */
export async function createAdmin(config: Config, argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      username: { type: 'string' },
      password: { type: 'string' },
      name: { type: 'string' },
    },
  });
  if (!values.username || !values.password || values.password.length < 8) {
    throw new Error(
      '用法 / usage: create-admin --username NAME --password PASSWORD(≥8) [--name 显示名]',
    );
  }
  const { handle, release } = await openForWrite(config);
  try {
    const [orgId, ...others] = await listOrganizationIds(handle.db);
    if (!orgId)
      throw new Error('尚未初始化：请先访问网页完成设置 / Not set up yet: open the web page first');
    if (others.length)
      throw new Error(
        '多个组织：请在管理页面创建管理员 / Several organisations: create admins in the web app',
      );
    const admin = await findRoleByKey(handle.db, orgId, 'admin');
    await handle.db.transaction().execute((tx) =>
      insertUserWithGrants(tx, systemActor(orgId, 'CLI'), {
        username: values.username!,
        password: values.password!,
        displayName: values.name ?? values.username!,
        grants: admin ? [{ roleId: admin.id, siteId: null }] : [],
        mustChangePassword: true,
      }),
    );
    console.log(
      `已创建管理员 ${values.username}（首次登录须修改密码）/ Administrator ${values.username} created (must change password at first sign-in).`,
    );
  } finally {
    await handle.close();
    release();
  }
}
