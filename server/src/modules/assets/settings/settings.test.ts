import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
// eslint-disable-next-line no-restricted-imports -- the module's shared test factories, never imported by code that ships
import { buildLinkedUser } from '../operations/test-support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('asset settings', () => {
  it('gives each organisation the default approvals and 30-day loans', async () => {
    const res = await t.admin.get('/api/assets/settings');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      approvalKinds: ['transfer', 'damage', 'loss', 'dispose', 'adjust'],
      approvalThresholdFen: 0,
      loanDays: 30,
    });
  });

  it('is changed by an organisation-wide manager only, with readable refusals', async () => {
    const site = await buildSite(t.admin);
    const siteManager = await buildLinkedUser(t, { roleKey: 'manager', siteId: site.id });
    expect((await siteManager.get('/api/assets/settings')).statusCode).toBe(200);
    expect((await siteManager.patch('/api/assets/settings', { loanDays: 10 })).statusCode).toBe(
      403,
    );
    const bad = await t.admin.patch('/api/assets/settings', { loanDays: 0 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { message: string } }>().error.message).toContain('1–365');
    expect(
      (await t.admin.patch('/api/assets/settings', { approvalKinds: ['return'] })).statusCode,
    ).toBe(400);
    const ok = await t.admin.patch('/api/assets/settings', {
      approvalKinds: ['dispose', 'lend', 'dispose'],
      approvalThresholdFen: 100_000,
      loanDays: 14,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      approvalKinds: ['dispose', 'lend'],
      approvalThresholdFen: 100_000,
      loanDays: 14,
    });
    const audit = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'asset_settings')
      .execute();
    expect(audit).toHaveLength(1);
  });
});
