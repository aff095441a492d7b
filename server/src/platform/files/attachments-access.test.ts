import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLocation, buildSite, buildUser, type LocationDto } from '../../test/factories.ts';
import { createTestApp, type Agent, type TestApp } from '../../test/test-app.ts';
import { findRoleByKey } from '../access/repository.ts';
import { syncBuiltinRoles } from '../access/roles-service.ts';
import { insertUserWithGrants } from '../auth/users-service.ts';
import { systemActor } from '../context.ts';
import { newId } from '../ids.ts';
import { FILE_KINDS } from './file-types.ts';
import { createAttachments } from './service.ts';
import { receiveToTemp } from './storage.ts';
import { pdfBytes, pngBytes, upload } from './testing.ts';

type AttachmentDto = { id: string; downloadUrl: string };

let t: TestApp;
let siteA: string;
let locA: LocationDto;
let locB: LocationDto;
let fileA: AttachmentDto;
let fileB: AttachmentDto;

const listUrl = (loc: LocationDto) => `/api/attachments?entityType=location&entityId=${loc.id}`;
const target = (loc: LocationDto) => ({ entityType: 'location', entityId: loc.id });
async function uploadOne(agent: Agent, loc: LocationDto): Promise<AttachmentDto> {
  const res = await upload(agent, target(loc), [{ filename: 'p.png', data: pngBytes() }]);
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json<AttachmentDto[]>()[0]!;
}

/**
 * A second organisation in the same database, made the way set-up makes the
 * first one (organisation row, built-in roles, an administrator), but with
 * the platform services directly, because set-up answers 409 once an
 * organisation exists. Same database is the point: ids of both organisations
 * live side by side, so a missing org filter would show.
 */
async function secondOrgAdmin(): Promise<Agent> {
  const orgId = newId();
  const now = new Date().toISOString();
  await t.db.transaction().execute(async (tx) => {
    await tx
      .insertInto('organizations')
      .values({
        id: orgId,
        name: '另一家医院',
        timezone: 'Asia/Shanghai',
        settings: '{}',
        created_at: now,
        updated_at: now,
      })
      .execute();
    await syncBuiltinRoles(tx, orgId);
    const admin = await findRoleByKey(tx, orgId, 'admin');
    await insertUserWithGrants(tx, systemActor(orgId), {
      username: 'other-admin',
      password: 'other-pass-1',
      displayName: '他院管理员',
      grants: [{ roleId: admin!.id, siteId: null }],
    });
  });
  return t.login('other-admin', 'other-pass-1');
}

beforeAll(async () => {
  t = await createTestApp();
  siteA = (await buildSite(t.admin)).id;
  locA = await buildLocation(t.admin, { siteId: siteA });
  locB = await buildLocation(t.admin, { siteId: (await buildSite(t.admin)).id });
  fileA = await uploadOne(t.admin, locA);
  fileB = await uploadOne(t.admin, locB);
});
afterAll(() => t.close());

describe('another organisation', () => {
  it('sees none of our files and cannot attach to our records: 404 throughout', async () => {
    const other = await secondOrgAdmin();
    expect((await other.get(fileA.downloadUrl)).statusCode).toBe(404);
    expect((await other.get(listUrl(locA))).statusCode).toBe(404);
    expect((await other.delete(`/api/attachments/${fileA.id}`)).statusCode).toBe(404);
    const attach = await upload(other, target(locA), [{ filename: 'x.png', data: pngBytes() }]);
    expect(attach.statusCode).toBe(404);
    // …and the same the other way round.
    const theirSite = await buildSite(other);
    const theirLoc = await buildLocation(other, { siteId: theirSite.id });
    const theirs = await uploadOne(other, theirLoc);
    expect((await t.admin.get(theirs.downloadUrl)).statusCode).toBe(404);
    expect((await other.get(theirs.downloadUrl)).statusCode).toBe(200);
  });
});

describe('a user of one site', () => {
  it('works with its own site and gets 404 for another site', async () => {
    const local = await buildUser(t, { roleKey: 'manager', siteId: siteA });
    expect((await local.get(fileA.downloadUrl)).statusCode).toBe(200);
    expect((await local.get(listUrl(locA))).json()).toHaveLength(1);
    expect(
      (await upload(local, target(locA), [{ filename: 'a.pdf', data: pdfBytes() }])).statusCode,
    ).toBe(201);

    const denied = await local.get(fileB.downloadUrl);
    expect(denied.statusCode).toBe(404);
    expect(denied.json().error.message).toBe('附件不存在或无权访问');
    expect((await local.get(listUrl(locB))).statusCode).toBe(404);
    expect((await local.delete(`/api/attachments/${fileB.id}`)).statusCode).toBe(404);
    const attach = await upload(local, target(locB), [{ filename: 'x.png', data: pngBytes() }]);
    expect(attach.statusCode).toBe(404);
  });

  it('needs the write permission to attach or delete, the read permission to look', async () => {
    const staff = await buildUser(t, { roleKey: 'staff', siteId: siteA }); // locations:read only
    expect((await staff.get(fileA.downloadUrl)).statusCode).toBe(200);
    const attach = await upload(staff, target(locA), [{ filename: 'x.png', data: pngBytes() }]);
    expect(attach.statusCode).toBe(404);
    expect((await staff.delete(`/api/attachments/${fileA.id}`)).statusCode).toBe(404);
    expect((await t.admin.get(listUrl(locA))).json()).toHaveLength(2);
  });
});

describe('a failed insert', () => {
  it('removes the stored file again', async () => {
    // An organisation id that does not exist: the row fails its foreign key
    // after the file was already moved into place.
    const ghostOrg = newId();
    const temp = await receiveToTemp(t.config.dataDir, Readable.from([pngBytes()]));
    await expect(
      createAttachments(
        t.db,
        t.config.dataDir,
        { ...systemActor(ghostOrg), userId: null },
        { entityType: 'location', entityId: locA.id, siteId: null },
        [{ temp, filename: 'a.png', kind: FILE_KINDS.png }],
      ),
    ).rejects.toThrow();
    const dir = path.join(t.config.dataDir, 'files', ghostOrg);
    const left = fs.existsSync(dir)
      ? fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile())
      : [];
    expect(left).toEqual([]);
    expect(fs.existsSync(temp.tempPath)).toBe(false);
  });
});
