import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { newId } from '../ids.ts';
import { containsText, dialectOf, startsWithText } from './dialect.ts';
import { insertRows } from './insert-rows.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  const names = [
    '多参数监护仪 MX450',
    '监护仪支架',
    'Monitor arm',
    'ZY-0012 课桌',
    '100%棉床单',
    'a_b',
  ];
  await t.db.transaction().execute((tx) =>
    insertRows(
      tx,
      'audit_log',
      names.map((name) => ({
        id: newId(),
        org_id: t.orgId,
        at: new Date().toISOString(),
        actor_user_id: null,
        actor_name: name,
        action: 'text_match_test',
        entity_type: 'thing',
        entity_id: name,
        site_id: null,
        before: null,
        after: null,
        request_id: null,
        ip: null,
      })),
    ),
  );
});
afterAll(() => t.close());

/** The names among the rows above that match. */
async function matching(kind: 'contains' | 'startsWith', text: string): Promise<string[]> {
  const match = kind === 'contains' ? containsText : startsWithText;
  const rows = await t.db
    .selectFrom('audit_log')
    .select('actor_name')
    .where('org_id', '=', t.orgId)
    .where('action', '=', 'text_match_test')
    .where(() => match(dialectOf(t.db), 'actor_name', text))
    .orderBy('actor_name')
    .execute();
  return rows.map((r) => r.actor_name!);
}

describe('containsText and startsWithText', () => {
  it('find Chinese text anywhere or at the start (matched with like on PostgreSQL too)', async () => {
    expect(await matching('contains', '监护仪')).toEqual(['多参数监护仪 MX450', '监护仪支架']);
    expect(await matching('startsWith', '监护仪')).toEqual(['监护仪支架']);
    expect(await matching('contains', '0012')).toEqual(['ZY-0012 课桌']);
  });

  it('ignore the case of Latin letters on both databases', async () => {
    expect(await matching('contains', 'mx450')).toEqual(['多参数监护仪 MX450']);
    expect(await matching('contains', 'MONITOR')).toEqual(['Monitor arm']);
    expect(await matching('startsWith', 'zy-00')).toEqual(['ZY-0012 课桌']);
  });

  it('take % and _ as themselves, not as wildcards', async () => {
    expect(await matching('contains', '100%')).toEqual(['100%棉床单']);
    expect(await matching('contains', '%')).toEqual(['100%棉床单']);
    expect(await matching('contains', '_')).toEqual(['a_b']);
  });
});
