import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDepartment } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { newId } from '../ids.ts';
import { auditBatches, auditFacets, listAudit } from './repository.ts';

/**
 * The audit page's list and drop-downs read the largest table: the count
 * stops at a cap, and the drop-downs come from a loose index scan rather than
 * a read of every row (migration 0013 gives both their indexes).
 */
let t: TestApp;
let otherOrgId: string;

beforeAll(async () => {
  t = await createTestApp();
  // Another organisation's log holds codes this one never wrote.
  otherOrgId = newId();
  const now = new Date().toISOString();
  await t.db
    .insertInto('organizations')
    .values({
      id: otherOrgId,
      name: '另一家医院',
      timezone: 'Asia/Shanghai',
      settings: '{}',
      created_at: now,
      updated_at: now,
    })
    .execute();
  await t.db
    .insertInto('audit_log')
    .values(
      ['zz_other_a', 'zz_other_b'].map((code) => ({
        id: newId(),
        org_id: otherOrgId,
        at: now,
        action: code,
        entity_type: code,
        entity_id: code,
      })),
    )
    .execute();
  for (const code of ['LIST-1', 'LIST-2', 'LIST-3', 'LIST-4'])
    await buildDepartment(t.admin, { code });
});
afterAll(() => t.close());

describe('audit log list and drop-downs', () => {
  it('offers exactly the record types and actions of the organisation’s own log', async () => {
    const distinct = async (column: 'entity_type' | 'action') =>
      (
        await t.db
          .selectFrom('audit_log')
          .select(sql.ref<string>(column).as('v'))
          .distinct()
          .where('org_id', '=', t.orgId)
          .orderBy('v')
          .execute()
      ).map((r) => r.v);
    const res = await t.admin.get('/api/audit/facets');
    expect(res.statusCode).toBe(200);
    const facets = res.json<{ entityTypes: string[]; actions: string[] }>();
    expect(facets.entityTypes).toEqual(await distinct('entity_type'));
    expect(facets.actions).toEqual(await distinct('action'));
    expect(facets.entityTypes).toContain('department');
    expect(facets.actions).not.toContain('zz_other_a');
    // One record type: its own actions only.
    const ofType = async (type: string) =>
      (
        await t.db
          .selectFrom('audit_log')
          .select('action as v')
          .distinct()
          .where('org_id', '=', t.orgId)
          .where('entity_type', '=', type)
          .orderBy('v')
          .execute()
      ).map((r) => r.v);
    const departments = (await t.admin.get('/api/audit/facets?entityType=department')).json<{
      actions: string[];
      entityTypes: string[];
    }>();
    expect(departments.actions).toEqual(await ofType('department'));
    expect(departments.actions).toContain('create');
    expect(departments.actions).not.toContain('login');
    expect(departments.entityTypes).toEqual(facets.entityTypes);
    expect((await t.admin.get('/api/audit/facets?entityType=zz_none')).json()).toMatchObject({
      actions: [],
    });
    // The other organisation sees its own codes only.
    expect(await auditFacets(t.db, otherOrgId)).toEqual({
      entityTypes: ['zz_other_a', 'zz_other_b'],
      actions: ['zz_other_a', 'zz_other_b'],
    });
  });

  it('counts up to the cap and says when there are more', async () => {
    const f = { entityType: 'department', action: 'create', page: 1, pageSize: 2 };
    const exact = await listAudit(t.db, t.orgId, f);
    expect(exact.totalCapped).toBe(false);
    expect(exact.total).toBeGreaterThanOrEqual(4);
    expect(exact.items).toHaveLength(2);

    const cut = await listAudit(t.db, t.orgId, f, 3);
    expect(cut).toMatchObject({ total: 3, totalCapped: true });
    expect(cut.items.map((e) => e.id)).toEqual(exact.items.map((e) => e.id));
    // Exactly at the cap is not "more".
    expect((await listAudit(t.db, t.orgId, f, exact.total)).totalCapped).toBe(false);

    const api = (await t.admin.get('/api/audit?entityType=department&pageSize=1')).json();
    expect(api).toMatchObject({ totalCapped: false, total: exact.total });
  });

  it('pages the export by (instant, id): every row once, newest first, across equal instants', async () => {
    // Seven rows, five at one instant: batches of two cut through the tie.
    const same = '2020-03-01T08:00:00.000Z';
    const ats = [
      same,
      same,
      same,
      same,
      same,
      '2020-03-01T09:00:00.000Z',
      '2020-02-01T08:00:00.000Z',
    ];
    await t.db
      .insertInto('audit_log')
      .values(
        ats.map((at) => ({
          id: newId(),
          org_id: t.orgId,
          at,
          action: 'update',
          entity_type: 'paging_check',
          entity_id: 'x',
        })),
      )
      .execute();
    const expected = (
      await t.db
        .selectFrom('audit_log')
        .select(['id', 'at'])
        .where('org_id', '=', t.orgId)
        .where('entity_type', '=', 'paging_check')
        .orderBy('at', 'desc')
        .orderBy('id', 'desc')
        .execute()
    ).map((r) => r.id);
    const got: string[] = [];
    const sizes: number[] = [];
    for await (const batch of auditBatches(t.db, t.orgId, { entityType: 'paging_check' }, 100, 2)) {
      sizes.push(batch.length);
      got.push(...batch.map((e) => e.id));
    }
    expect(got).toEqual(expected);
    expect(sizes).toEqual([2, 2, 2, 1]);
  });

  it.runIf(!process.env.TEST_DATABASE_URL)(
    'seeks the type and action filters, both together, and the drop-downs on their indexes (SQLite)',
    async () => {
      const plan = async (query: string) =>
        (await sql.raw<{ detail: string }>(`explain query plan ${query}`).execute(t.db)).rows
          .map((r) => r.detail)
          .join(' | ');
      const org = `'${t.orgId}'`;
      const byAction = await plan(
        `select * from audit_log where org_id = ${org} and action = 'setup' order by at desc, id desc limit 20`,
      );
      expect(byAction).toContain('audit_action_ix');
      const byType = await plan(
        `select * from audit_log where org_id = ${org} and entity_type = 'organization' order by at desc, id desc limit 20`,
      );
      expect(byType).toContain('audit_type_at_ix');
      // The loose scan: a seek for each value, never a scan of the table.
      const loose = await plan(
        `select (select min(action) from audit_log where org_id = ${org} and action > 'a')`,
      );
      expect(loose).toContain('COVERING INDEX audit_action_ix');
      const both = await plan(
        `select count(*) from (select 1 from audit_log where org_id = ${org} and entity_type = 'work_order' and action = 'complete' limit 10001)`,
      );
      expect(both).toContain('COVERING INDEX audit_type_action_ix');
    },
  );
});
