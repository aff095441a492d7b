import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { nextNumber, nextNumbers } from './next-number.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const ZC = { prefix: 'ZC', digits: 6 };

describe('numbers in bulk', () => {
  it('issues consecutive numbers that continue the single sequence', async () => {
    const input = { orgId: t.orgId, docType: 'bulk-test', defaultFormat: ZC };
    const one = await t.db.transaction().execute((tx) => nextNumber(tx, input));
    const many = await t.db.transaction().execute((tx) => nextNumbers(tx, input, 3));
    const after = await t.db.transaction().execute((tx) => nextNumber(tx, input));
    const seq = (s: string) => Number(s.split('-')[2]);
    expect([one, ...many, after].map(seq)).toEqual([1, 2, 3, 4, 5]);
    expect(await t.db.transaction().execute((tx) => nextNumbers(tx, input, 0))).toEqual([]);
  });

  it('does not overlap under concurrent transactions', async () => {
    const input = { orgId: t.orgId, docType: 'bulk-concurrent', defaultFormat: ZC };
    const batches = await Promise.all(
      Array.from({ length: 8 }, () =>
        t.db.transaction().execute((tx) => nextNumbers(tx, input, 25)),
      ),
    );
    const seqs = batches.flat().map((s) => Number(s.split('-')[2]));
    expect(new Set(seqs).size).toBe(200);
    expect(Math.max(...seqs)).toBe(200);
  });
});
