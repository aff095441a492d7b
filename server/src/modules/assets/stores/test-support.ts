import { expect } from 'vitest';
import { createOrganization } from '../../org/index.ts';
import type { Agent, TestApp } from '../../../test/test-app.ts';
import type { DocumentDetail, Item, StockRow, Store } from './schema.ts';

/** Shared by the stores' tests: build items, stores and documents over HTTP. */

let seq = 0;
const next = () => `${Date.now().toString(36)}${(seq++).toString(36)}`.toUpperCase();

/** A second organisation with its own signed-in administrator, for isolation checks. */
export async function otherOrganization(t: TestApp, tag: string): Promise<Agent> {
  const username = `other-${tag}`;
  const password = 'other-pass-1';
  await t.db.transaction().execute((tx) =>
    createOrganization(
      tx,
      {
        organization: { name: `另一家医院 ${tag}` },
        admin: { username, password, name: '他院管理员' },
      },
      { requestId: null, ip: null, audit: { count: 0 }, defaultTimeZone: 'Asia/Shanghai' },
    ),
  );
  return t.login(username, password);
}

export async function buildItem(
  agent: Agent,
  overrides: Partial<{ code: string; name: string; unit: string; minStock: number }> = {},
): Promise<Item> {
  const n = next();
  const res = await agent.post('/api/stores/items', {
    code: `I${n}`,
    name: `物资${n}`,
    unit: '个',
    ...overrides,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Item>();
}

export async function buildStore(
  agent: Agent,
  overrides: { siteId: string } & Partial<{ code: string; name: string; keeperUserId: string }>,
): Promise<Store> {
  const n = next();
  const res = await agent.post('/api/stores/stores', {
    code: `W${n}`,
    name: `仓库${n}`,
    ...overrides,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Store>();
}

export async function stockIn(
  agent: Agent,
  storeId: string,
  lines: { itemId: string; quantity: number; unitCostFen: number }[],
): Promise<DocumentDetail> {
  const res = await agent.post('/api/stores/documents/stock-in', {
    storeId,
    supplier: '五金商行',
    lines,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<DocumentDetail>();
}

/** The stock row of one store × item (undefined when it never held any). */
export async function stockOf(agent: Agent, storeId: string, itemId: string) {
  const res = await agent.get(`/api/stores/stock?storeId=${storeId}&itemId=${itemId}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: StockRow[] }>().items[0];
}
