import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../test/test-db.ts';
import { DEMO_USERS, seedDemoHospital } from './demo-hospital.ts';
import '../modules.ts'; // the permission catalogue, as at start-up

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.drop());

describe('demo hospital seed', () => {
  it('creates two campuses, a location tree, departments, people and one account per role', async () => {
    const db = t.handle.db;
    const { organizationId } = await seedDemoHospital(db);
    const count = async (table: 'sites' | 'locations' | 'departments' | 'people' | 'users') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('org_id', '=', organizationId)
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await count('sites')).toBe(2);
    expect(await count('locations')).toBeGreaterThan(250);
    expect(await count('departments')).toBe(23);
    expect(await count('people')).toBeGreaterThan(100);
    expect(await count('users')).toBe(DEMO_USERS.length);
    const plant = await db
      .selectFrom('locations')
      .select('name')
      .where('org_id', '=', organizationId)
      .where('type', '=', 'area')
      .execute();
    expect(plant.map((p) => p.name)).toContain('制氧机房');
    // The whole demo in one transaction (a year of maintenance, assets and
    // stores): about 20 s on PostgreSQL on a busy machine, as demo-assets.test.ts allows.
  }, 90_000);
});
