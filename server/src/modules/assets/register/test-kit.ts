import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { writeJson } from '../../../platform/db/dialect.ts';
import { XLSX_MIME } from '../../../platform/excel/workbook.ts';
import { createOrganization } from '../../org/index.ts';
import type { Agent, TestApp } from '../../../test/test-app.ts';
import type { Category } from './schema.ts';

/** Shared by the register's tests: categories, cards and files over HTTP. */

let seq = 0;
export const next = () => `${Date.now().toString(36)}${(seq++).toString(36)}`.toUpperCase();

/** A second organisation with its own signed-in administrator, for isolation checks. */
export async function otherOrganization(t: TestApp, tag: string): Promise<Agent> {
  const username = `reg-other-${tag}`;
  const password = 'other-pass-1';
  await t.db.transaction().execute((tx) =>
    createOrganization(
      tx,
      {
        organization: { name: `另一家单位 ${tag}` },
        admin: { username, password, name: '他院管理员' },
      },
      { requestId: null, ip: null, audit: { count: 0 }, defaultTimeZone: 'Asia/Shanghai' },
    ),
  );
  return t.login(username, password);
}

export async function buildCategory(
  agent: Agent,
  overrides: Record<string, unknown> = {},
): Promise<Category> {
  const n = next();
  const res = await agent.post('/api/assets/categories', {
    code: `C${n}`,
    name: `分类${n}`,
    lifeMonths: 60,
    ...overrides,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Category>();
}

export type Registered = {
  operation: { id: string; number: string; status: string };
  count: number;
  assets: { id: string; code: string; tagNo: string; status: string }[];
};

export async function buildAsset(
  agent: Agent,
  input: { siteId: string; categoryId: string } & Record<string, unknown>,
): Promise<Registered['assets'][number]> {
  const res = await agent.post('/api/assets', { name: `资产${next()}`, ...input });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Registered>().assets[0]!;
}

/** Which operation kinds wait for approval in the organisation (the settings page's job). */
export async function setApprovalKinds(t: TestApp, kinds: string[]): Promise<void> {
  await t.db
    .updateTable('ast_settings')
    .set({ approval_kinds: writeJson(kinds) })
    .where('org_id', '=', t.orgId)
    .execute();
}

/** A signed-in user holding `roleKey` (at `siteId`), linked to staff record `personId`. */
export async function userFor(
  t: TestApp,
  opts: { roleKey: string; siteId?: string | null; personId?: string | null },
): Promise<Agent> {
  const roles = (await t.admin.get('/api/roles')).json<{ id: string; key: string }[]>();
  const role = roles.find((r) => r.key === opts.roleKey)!;
  const username = `u${next().toLowerCase()}`;
  const res = await t.admin.post('/api/users', {
    username,
    password: 'user-pass-123',
    displayName: username,
    personId: opts.personId ?? null,
    grants: [{ roleId: role.id, siteId: opts.siteId ?? null }],
  });
  expect(res.statusCode, res.body).toBe(201);
  return t.login(username, 'user-pass-123');
}

export async function xlsxOf(rows: (string | number | null)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet('资产');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function upload(agent: Agent, url: string, file: Buffer): Promise<LightMyRequestResponse> {
  const boundary = `----houqin${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="import.xlsx"\r\nContent-Type: ${XLSX_MIME}\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return agent.request({
    method: 'POST',
    url,
    payload,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
}

/** Every row of the first sheet of an .xlsx answer, as text. */
export async function sheetRows(body: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  const rows: string[][] = [];
  workbook.worksheets[0]!.eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v))));
  });
  return rows;
}
