import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/test-db.ts';
import { loadConfig } from '../config.ts';
import { connect, type DbHandle } from '../db/connect.ts';
import type { Deps } from '../deps.ts';
import type { Job } from './job.ts';
import { createScheduler } from './scheduler.ts';

// Two schedulers on two connections to one database stand for two processes
// sharing PostgreSQL (on SQLite, two connections to one file). Time is passed
// to tick() explicitly: nothing here sleeps.
let testDb: TestDb;
let second: DbHandle;
let depsA: Deps;
let depsB: Deps;
const T0 = new Date('2026-05-01T00:00:00.000Z');
const at = (s: number) => new Date(T0.getTime() + s * 1000);

beforeAll(async () => {
  testDb = await createTestDb();
  second = connect({ databaseUrl: testDb.databaseUrl, dataDir: testDb.dataDir, poolSize: 2 });
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: testDb.dataDir, LOG_LEVEL: 'silent' });
  depsA = { db: testDb.handle.db, dialect: testDb.handle.dialect, config, setupToken: 'unused' };
  depsB = { db: second.db, dialect: testDb.handle.dialect, config, setupToken: 'unused' };
});
afterAll(async () => {
  await second.close();
  await testDb.drop();
});

const quiet = { error: () => {}, info: () => {} };

function countingJob(name: string, everyMs: number) {
  const calls: { holderDb: unknown; now: Date }[] = [];
  const job: Job = {
    name,
    everyMs,
    async run(deps, now) {
      calls.push({ holderDb: deps.db, now });
      return `call ${calls.length}`;
    },
  };
  return { job, calls };
}

async function runsOf(job: string) {
  return testDb.handle.db
    .selectFrom('job_runs')
    .selectAll()
    .where('job', '=', job)
    .orderBy('started_at')
    .execute();
}

describe('scheduler lease', () => {
  it('only one of two schedulers runs a job in a tick; the other takes over when the lease lapses', async () => {
    const { job, calls } = countingJob('test.count', 10_000);
    const a = createScheduler(depsA, [job], { holder: 'A', logger: quiet });
    const b = createScheduler(depsB, [job], { holder: 'B', logger: quiet });

    const [ra, rb] = await Promise.all([a.tick(at(0)), b.tick(at(0))]);
    expect([ra.leader, rb.leader].filter(Boolean)).toHaveLength(1);
    expect(calls).toHaveLength(1);
    const leader = ra.leader ? a : b;
    const follower = ra.leader ? b : a;
    const followerDeps = ra.leader ? depsB : depsA;

    // The leader renews; the job is not due again until 10 s later.
    expect(await leader.tick(at(5))).toEqual({ leader: true, ran: [] });
    expect((await follower.tick(at(6))).leader).toBe(false);
    const again = await leader.tick(at(10));
    expect(again.ran.map((r) => r.status)).toEqual(['ok']);
    expect(calls).toHaveLength(2);

    // The leader goes silent (lease to t+40 s); the follower waits, then takes over.
    expect((await follower.tick(at(39))).leader).toBe(false);
    const takeover = await follower.tick(at(41));
    expect(takeover.leader).toBe(true);
    expect(takeover.ran).toHaveLength(1);
    expect(calls.at(-1)!.holderDb).toBe(followerDeps.db);
    expect((await leader.tick(at(42))).leader).toBe(false);

    const runs = await runsOf('test.count');
    expect(runs.map((r) => [r.status, r.detail])).toEqual([
      ['ok', 'call 1'],
      ['ok', 'call 2'],
      ['ok', 'call 3'],
    ]);
    expect(runs.every((r) => r.finished_at !== null)).toBe(true);
    await follower.stop();
    await leader.stop();
  });

  it('a restart does not rerun jobs that are not due; stop() hands the lease over', async () => {
    const { job, calls } = countingJob('test.hourly', 3600_000);
    const first = createScheduler(depsA, [job], { holder: 'first', logger: quiet });
    expect((await first.tick(at(100))).ran).toHaveLength(1);
    await first.stop();
    // A new process (e.g. after a deploy) gets the released lease at once.
    const restarted = createScheduler(depsB, [job], { holder: 'restarted', logger: quiet });
    expect(await restarted.tick(at(101))).toEqual({ leader: true, ran: [] });
    expect(calls).toHaveLength(1);
    expect((await restarted.tick(at(100 + 3600))).ran).toHaveLength(1);
    await restarted.stop();
  });

  it('logs a failing job as an error and still runs the others', async () => {
    const failing: Job = {
      name: 'test.failing',
      everyMs: 60_000,
      async run() {
        throw new Error('SMTP 服务器拒绝连接');
      },
    };
    const { job: fine, calls } = countingJob('test.fine', 60_000);
    const errors: object[] = [];
    const s = createScheduler(depsA, [failing, fine], {
      holder: 'solo',
      logger: { error: (obj) => errors.push(obj), info: () => {} },
    });
    const { ran } = await s.tick(at(10_000));
    expect(ran.map((r) => [r.job, r.status, r.error])).toEqual([
      ['test.failing', 'error', 'SMTP 服务器拒绝连接'],
      ['test.fine', 'ok', null],
    ]);
    expect(calls).toHaveLength(1);
    expect(errors).toHaveLength(1);
    const [row] = await runsOf('test.failing');
    expect(row).toMatchObject({ status: 'error', error: 'SMTP 服务器拒绝连接' });
    expect(row!.finished_at).not.toBeNull();
    await s.stop();
  });

  it('start() ticks on its own timer until stop()', async () => {
    let resolveRan: () => void = () => {};
    const ran = new Promise<void>((resolve) => (resolveRan = resolve));
    const job: Job = {
      name: 'test.timer',
      everyMs: 3600_000,
      async run() {
        resolveRan();
      },
    };
    const s = createScheduler(depsA, [job], { holder: 'timer', tickMs: 20, logger: quiet });
    s.start();
    await ran;
    await s.stop();
    // Released: the next process to tick takes the lease.
    const lease = await testDb.handle.db.selectFrom('scheduler_lease').selectAll().execute();
    expect(lease).toEqual([]);
    expect(await runsOf('test.timer')).toHaveLength(1);
  });
});
