import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { formatNumber, nextNumber, yearIn } from './next-number.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const WX = { prefix: 'WX', digits: 6 };

describe('document numbers', () => {
  it('formats with prefix, year and zero padding', () => {
    expect(formatNumber(WX, 2026, 123)).toBe('WX-2026-000123');
  });

  it('takes the year in the organisation time zone', () => {
    // 2026-12-31 17:00 UTC is already 2027-01-01 01:00 in Beijing.
    expect(yearIn('Asia/Shanghai', new Date('2026-12-31T17:00:00Z'))).toBe(2027);
    expect(yearIn('UTC', new Date('2026-12-31T17:00:00Z'))).toBe(2026);
  });

  it('is unique and gap-free under concurrent transactions', async () => {
    const n = 40;
    const numbers = await Promise.all(
      Array.from({ length: n }, () =>
        t.db
          .transaction()
          .execute((tx) =>
            nextNumber(tx, { orgId: t.orgId, docType: 'concurrent', defaultFormat: WX }),
          ),
      ),
    );
    const seqs = numbers.map((s) => Number(s.split('-')[2])).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: n }, (_, i) => i + 1));
  });

  it('gives a rolled-back number back', async () => {
    const first = await t.db
      .transaction()
      .execute((tx) => nextNumber(tx, { orgId: t.orgId, docType: 'rollback', defaultFormat: WX }));
    await expect(
      t.db.transaction().execute(async (tx) => {
        await nextNumber(tx, { orgId: t.orgId, docType: 'rollback', defaultFormat: WX });
        throw new Error('document insert failed');
      }),
    ).rejects.toThrow('document insert failed');
    const next = await t.db
      .transaction()
      .execute((tx) => nextNumber(tx, { orgId: t.orgId, docType: 'rollback', defaultFormat: WX }));
    expect(Number(next.split('-')[2])).toBe(Number(first.split('-')[2]) + 1);
  });

  it('restarts each year and follows the organisation format setting', async () => {
    const at2025 = new Date('2025-06-01T00:00:00Z');
    const a = await t.db
      .transaction()
      .execute((tx) =>
        nextNumber(tx, { orgId: t.orgId, docType: 'yearly', defaultFormat: WX, at: at2025 }),
      );
    expect(a).toBe('WX-2025-000001');
    const res = await t.admin.patch('/api/organization', {
      settings: { numbering: { yearly: { prefix: 'BX', digits: 4 } } },
    });
    expect(res.statusCode).toBe(200);
    const b = await t.db.transaction().execute((tx) =>
      nextNumber(tx, {
        orgId: t.orgId,
        docType: 'yearly',
        defaultFormat: WX,
        at: new Date('2026-06-01T00:00:00Z'),
      }),
    );
    expect(b).toBe('BX-2026-0001');
  });
});
