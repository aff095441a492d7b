import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { newId } from '../ids.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type JobStatus = { name: string; everyMs: number; lastRun: { status: string } | null };

describe('system jobs', () => {
  it('lists the registered jobs with their schedule and last run', async () => {
    const res = await t.admin.get('/api/system/jobs');
    expect(res.statusCode).toBe(200);
    const body = res.json<{ lease: unknown; jobs: JobStatus[] }>();
    expect(body.lease).toBeNull();
    expect(body.jobs.map((j) => [j.name, j.everyMs])).toEqual([
      ['notify.deliver', 30_000],
      ['auth.cleanup', 3600_000],
      ['system.prune-logs', 86_400_000],
      ['maintenance.sla', 300_000],
      ['assets.loans', 3600_000],
    ]);
    expect(body.jobs.every((j) => j.lastRun === null)).toBe(true);
  });

  it('runs auth.cleanup now: expired sessions and month-old login attempts go, and it is audited', async () => {
    const leaving = await buildUser(t, { roleKey: 'staff' });
    const staying = await buildUser(t, { roleKey: 'staff' });
    await t.db
      .updateTable('sessions')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('user_id', '=', leaving.userId)
      .execute();
    const old = new Date(Date.now() - 31 * 24 * 3600_000).toISOString();
    await t.db
      .insertInto('login_attempts')
      .values({ id: newId(), username: 'someone', ip: '10.1.1.1', success: 0, at: old })
      .execute();

    const res = await t.admin.post('/api/system/jobs/auth.cleanup/run');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      job: 'auth.cleanup',
      status: 'ok',
      detail: 'deleted 1 sessions, 1 login attempts',
    });
    const left = await t.db
      .selectFrom('sessions')
      .select('user_id')
      .where('user_id', 'in', [leaving.userId, staying.userId])
      .execute();
    expect(left.map((s) => s.user_id)).toEqual([staying.userId]);
    expect((await staying.get('/api/me')).statusCode).toBe(200);

    const audit = await t.admin.get('/api/audit?entityType=job&entityId=auth.cleanup');
    expect(audit.json().total).toBe(1);
    const jobs = (await t.admin.get('/api/system/jobs')).json<{ jobs: JobStatus[] }>().jobs;
    expect(jobs.find((j) => j.name === 'auth.cleanup')!.lastRun).toMatchObject({ status: 'ok' });
    const runs = await t.admin.get('/api/system/job-runs?job=auth.cleanup');
    expect(runs.json()).toMatchObject({ total: 1, items: [{ status: 'ok' }] });
  });

  it('runs the delivery sender on demand', async () => {
    const res = await t.admin.post('/api/system/jobs/notify.deliver/run');
    expect(res.json()).toMatchObject({ status: 'ok', detail: 'sent 0, retrying 0, failed 0' });
  });

  it('answers 404 for an unknown job and 403 without system:manage', async () => {
    const unknown = await t.admin.post('/api/system/jobs/no.such.job/run');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('NOT_FOUND');
    expect((await t.admin.post('/api/system/jobs/Bad Name!/run')).statusCode).toBe(400);
    // Managers hold every *:manage except system:manage.
    const manager = await buildUser(t, { roleKey: 'manager' });
    expect((await manager.get('/api/system/jobs')).statusCode).toBe(403);
    expect((await manager.post('/api/system/jobs/auth.cleanup/run')).statusCode).toBe(403);
  });
});
