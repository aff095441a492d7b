import { systemActor } from '../../../platform/context.ts';
import { writeJson } from '../../../platform/db/dialect.ts';
import { newId } from '../../../platform/ids.ts';
import type { Agent, TestApp } from '../../../test/test-app.ts';
import type { Insertable } from 'kysely';
import type { AstAssetsTable } from '../tables.ts';
import { insertOperation, type AssetPlace } from './core.ts';

/*
 * Test factories of the operations area: categories and asset cards written
 * straight into the tables (the register's own API is tested by its area),
 * each card with the 'register' operation that opens its timeline.
 */

let seq = 0;
const next = () => `${Date.now().toString(36)}${(seq++).toString(36)}`;

export async function buildCategory(
  t: TestApp,
  overrides: Partial<{ name: string; parentId: string | null }> = {},
): Promise<string> {
  const id = newId();
  const at = new Date().toISOString();
  await t.db
    .insertInto('ast_categories')
    .values({
      id,
      org_id: t.orgId,
      parent_id: overrides.parentId ?? null,
      code: `C${next()}`,
      name: overrides.name ?? `类别${next()}`,
      tracking: 'unit',
      unit: '张',
      depreciation_method: 'none',
      life_months: null,
      residual_bp: 0,
      fields: writeJson([]),
      sort_order: 0,
      active: 1,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return id;
}

export type AssetOverrides = Partial<{
  categoryId: string;
  status: string;
  condition: string;
  name: string;
  locationId: string | null;
  departmentId: string | null;
  custodianPersonId: string | null;
  originalValueFen: number;
  depreciationMethod: string;
  lifeMonths: number | null;
  inServiceDate: string | null;
}>;

/** `count` cards at a site (idle, 1,000.00 元, not depreciated unless told), registered. */
export async function buildAssets(
  t: TestApp,
  siteId: string,
  count = 1,
  o: AssetOverrides = {},
): Promise<string[]> {
  const categoryId = o.categoryId ?? (await buildCategory(t));
  const at = new Date().toISOString();
  const prefix = `T${next()}`;
  const rows: (Insertable<AstAssetsTable> & AssetPlace)[] = Array.from(
    { length: count },
    (_, i) => ({
      id: newId(),
      org_id: t.orgId,
      site_id: siteId,
      code: `${prefix}-${i + 1}`,
      tag_no: `${prefix}-${String(i + 1).padStart(4, '0')}`,
      qr_token: newId(),
      name: o.name ?? '学生课桌',
      category_id: categoryId,
      model: null,
      unit: '张',
      quantity: 1,
      unit_price_fen: o.originalValueFen ?? 100_000,
      original_value_fen: o.originalValueFen ?? 100_000,
      purchase_date: '2024-01-15',
      in_service_date: o.inServiceDate ?? null,
      source: 'purchase',
      supplier: null,
      invoice_no: null,
      warranty_end: null,
      location_id: o.locationId ?? null,
      department_id: o.departmentId ?? null,
      custodian_person_id: o.custodianPersonId ?? null,
      status: o.status ?? 'idle',
      condition: o.condition ?? 'good',
      depreciation_method: o.depreciationMethod ?? 'none',
      life_months: o.lifeMonths ?? null,
      residual_bp: 0,
      custom: writeJson({}),
      notes: null,
      open_operation_id: null,
      disposed_at: null,
      version: 1,
      created_at: at,
      updated_at: at,
    }),
  );
  await t.db.insertInto('ast_assets').values(rows).execute();
  await t.db.transaction().execute((tx) =>
    insertOperation(
      tx,
      systemActor(t.orgId),
      {
        kind: 'register',
        status: 'done',
        siteId,
        lines: rows.map((r) => ({ asset: r, valueFen: Number(r.original_value_fen) })),
      },
      new Date(),
    ),
  );
  return rows.map((r) => r.id);
}

/** A signed-in user with a built-in role (at a site or org-wide), linked to a person. */
export async function buildLinkedUser(
  t: TestApp,
  opts: { roleKey: string; siteId?: string | null; personId?: string | null },
): Promise<Agent> {
  const roles = (await t.admin.get('/api/roles')).json<{ id: string; key: string }[]>();
  const role = roles.find((r) => r.key === opts.roleKey);
  if (!role) throw new Error(`no role ${opts.roleKey}`);
  const username = `u${next()}`;
  const res = await t.admin.post('/api/users', {
    username,
    password: 'user-pass-123',
    displayName: username,
    personId: opts.personId ?? null,
    grants: [{ roleId: role.id, siteId: opts.siteId ?? null }],
  });
  if (res.statusCode !== 201) throw new Error(`create user: ${res.statusCode} ${res.body}`);
  return t.login(username, 'user-pass-123');
}

export async function assetRow(t: TestApp, id: string) {
  return t.db.selectFrom('ast_assets').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

export type OpDetail = {
  id: string;
  number: string;
  kind: string;
  status: string;
  dueDate: string | null;
  workOrderId: string | null;
  totalValueFen: number;
  allowedActions: string[];
  lines: { assetId: string; returnedAt: string | null; before: { status: string } }[];
  compensations: {
    id: string;
    amountFen: number;
    shareBp: number;
    partyName: string;
    status: string;
    outstandingFen: number;
  }[];
};

/** A custom role, e.g. an asset clerk who runs operations but approves nothing. */
export async function buildRole(t: TestApp, key: string, permissions: string[]): Promise<void> {
  const res = await t.admin.post('/api/roles', { key, name: key, permissions });
  if (res.statusCode !== 201) throw new Error(`create role: ${res.statusCode} ${res.body}`);
}
