import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { newId } from '../ids.ts';
import { readJson, writeJson } from './dialect.ts';
import { insertRows } from './insert-rows.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('insertRows', () => {
  it('writes thousands of rows over several statements, every type as it was given', async () => {
    // 12,001 rows: more than two PostgreSQL statements' worth, the last one partial.
    const rows = Array.from({ length: 12_001 }, (_, i) => ({
      id: newId(),
      org_id: t.orgId,
      at: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
      actor_user_id: null,
      actor_name: i % 2 ? '张三' : null,
      action: 'bulk_test',
      entity_type: 'thing',
      entity_id: `thing-${i}`,
      site_id: null,
      before: i === 7 ? writeJson({ 名称: '课桌', quantity: 3, nested: [1, null] }) : null,
      after: writeJson({ i }),
      request_id: null,
      ip: null,
    }));
    await t.db.transaction().execute((tx) => insertRows(tx, 'audit_log', rows));
    const back = await t.db
      .selectFrom('audit_log')
      .select(['entity_id', 'at', 'actor_name', 'before', 'after'])
      .where('org_id', '=', t.orgId)
      .where('action', '=', 'bulk_test')
      .orderBy('at')
      .execute();
    expect(back).toHaveLength(12_001);
    expect(back[7]!.entity_id).toBe('thing-7');
    expect(back[7]!.at).toBe('2026-01-01T00:07:00.000Z');
    expect(back[7]!.actor_name).toBe('张三');
    expect(back[8]!.actor_name).toBeNull();
    expect(readJson(back[7]!.before)).toEqual({ 名称: '课桌', quantity: 3, nested: [1, null] });
    expect(back[8]!.before).toBeNull();
    expect(readJson(back[12_000]!.after)).toEqual({ i: 12_000 });
  });

  it('rolls back with its transaction when a row breaks a constraint', async () => {
    const id = newId();
    const row = (entity: string) => ({
      id,
      org_id: t.orgId,
      at: new Date().toISOString(),
      actor_user_id: null,
      actor_name: null,
      action: 'bulk_dup',
      entity_type: 'thing',
      entity_id: entity,
      site_id: null,
      before: null,
      after: null,
      request_id: null,
      ip: null,
    });
    await expect(
      t.db.transaction().execute((tx) => insertRows(tx, 'audit_log', [row('a'), row('b')])),
    ).rejects.toThrow();
    const left = await t.db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'bulk_dup')
      .execute();
    expect(left).toEqual([]);
  });
});
