import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson, buildSite } from '../../../test/factories.ts';
import { createTestApp, type Agent, type TestApp } from '../../../test/test-app.ts';
import { addDays, localToday } from '../operations/index.ts';
// eslint-disable-next-line no-restricted-imports -- the module's shared test factories, never imported by code that ships
import { buildAssets, buildLinkedUser, type OpDetail } from '../operations/test-support.ts';
import { loansReminderJob, remindOverdueLoans } from './loans-job.ts';

let t: TestApp;
let manager: Agent;
let borrower: Agent;
let borrowerPerson: string;
let siteId: string;

beforeAll(async () => {
  t = await createTestApp();
  siteId = (await buildSite(t.admin)).id;
  borrowerPerson = (await buildPerson(t.admin, { name: '赵老师' })).id;
  manager = await buildLinkedUser(t, { roleKey: 'manager', siteId });
  borrower = await buildLinkedUser(t, { roleKey: 'staff', siteId, personId: borrowerPerson });
});
afterAll(() => t.close());

const inbox = (userId: string) =>
  t.db
    .selectFrom('notifications')
    .select('title')
    .where('user_id', '=', userId)
    .where('title', 'like', '借用逾期%')
    .execute();

describe('overdue loan reminders (assets.loans)', () => {
  it('tells the borrower and the lender once a day, and not before the due date has passed', async () => {
    expect(loansReminderJob.name).toBe('assets.loans');
    const [a] = await buildAssets(t, siteId);
    const res = await manager.post('/api/assets/operations', {
      kind: 'lend',
      assetIds: [a],
      borrowerPersonId: borrowerPerson,
      dueDate: localToday('Asia/Shanghai'),
    });
    expect(res.statusCode, res.body).toBe(201);
    const op = res.json<OpDetail>();
    const now = new Date();
    expect(await remindOverdueLoans(t, now)).toBe('reminded 0 overdue loans');

    await t.db
      .updateTable('ast_operations')
      .set({ due_date: addDays(localToday('Asia/Shanghai'), -2) })
      .where('id', '=', op.id)
      .execute();
    expect(await remindOverdueLoans(t, now)).toBe('reminded 1 overdue loans');
    expect(await inbox(borrower.userId)).toEqual([{ title: `借用逾期 ${op.number}` }]);
    expect(await inbox(manager.userId)).toHaveLength(1);
    // Twice at once, or again within the day: nothing more.
    await Promise.all([remindOverdueLoans(t, now), remindOverdueLoans(t, now)]);
    expect(await remindOverdueLoans(t, new Date(now.getTime() + 3600_000))).toBe(
      'reminded 0 overdue loans',
    );
    expect(await inbox(borrower.userId)).toHaveLength(1);
    // The next day, again.
    expect(await remindOverdueLoans(t, new Date(now.getTime() + 24 * 3600_000))).toBe(
      'reminded 1 overdue loans',
    );
    expect(await inbox(borrower.userId)).toHaveLength(2);
    // Returned: no more reminders.
    expect(
      (await manager.post('/api/assets/operations', { kind: 'return', assetIds: [a] })).statusCode,
    ).toBe(201);
    expect(await remindOverdueLoans(t, new Date(now.getTime() + 48 * 3600_000))).toBe(
      'reminded 0 overdue loans',
    );
  });
});
