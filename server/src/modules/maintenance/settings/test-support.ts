import { createOrganization } from '../../org/index.ts';
import type { Agent, TestApp } from '../../../test/test-app.ts';

/** A second organisation with its own signed-in administrator, for isolation checks. */
export async function otherOrganization(t: TestApp, tag: string): Promise<Agent> {
  const username = `other-${tag}`;
  const password = 'other-pass-1';
  await t.db.transaction().execute((tx) =>
    createOrganization(
      tx,
      {
        organization: { name: `另一家医院 ${tag}` },
        admin: { username, password, name: '他院管理员' },
      },
      { requestId: null, ip: null, audit: { count: 0 }, defaultTimeZone: 'Asia/Shanghai' },
    ),
  );
  return t.login(username, password);
}
