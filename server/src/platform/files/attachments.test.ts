import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLocation, buildPerson, buildSite, type LocationDto } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { docxBytes, pdfBytes, pngBytes, upload, zipBytes } from './testing.ts';

type AttachmentDto = {
  id: string;
  filename: string;
  mime: string;
  sizeBytes: number;
  sha256: string;
  downloadUrl: string;
  createdByName: string | null;
};

let t: TestApp;
let location: LocationDto;
beforeAll(async () => {
  t = await createTestApp();
  location = await buildLocation(t.admin, { siteId: (await buildSite(t.admin)).id });
});
afterAll(() => t.close());

const tempFiles = (dataDir: string) =>
  fs.readdirSync(path.join(dataDir, 'files', '.tmp'), { withFileTypes: true }).length;

describe('upload, list, download, delete', () => {
  it('accepts a PNG, a PDF, a real xlsx and a docx, and gives back the same bytes', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('台账').addRow(['设备', '数量']);
    const files = [
      { filename: '配电房巡检照片.png', data: pngBytes() },
      { filename: 'contract.pdf', data: pdfBytes() },
      { filename: '设备台账.xlsx', data: Buffer.from(await wb.xlsx.writeBuffer()) },
      { filename: '报告.DOCX', data: docxBytes() },
    ];
    const target = { entityType: 'location', entityId: location.id };
    const res = await upload(t.admin, target, files);
    expect(res.statusCode).toBe(201);
    const created = res.json<AttachmentDto[]>();
    expect(created.map((a) => [a.filename, a.mime])).toEqual([
      ['配电房巡检照片.png', 'image/png'],
      ['contract.pdf', 'application/pdf'],
      ['设备台账.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      ['报告.DOCX', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ]);
    expect(created[0]!.createdByName).toBe('系统管理员');

    for (const [i, a] of created.entries()) {
      const dl = await t.admin.get(a.downloadUrl);
      expect(dl.statusCode).toBe(200);
      expect(dl.rawPayload.equals(files[i]!.data)).toBe(true);
      expect(dl.headers['content-type']).toBe(a.mime);
      expect(dl.headers['x-content-type-options']).toBe('nosniff');
      expect(a.sizeBytes).toBe(files[i]!.data.length);
    }
    const first = await t.admin.get(created[0]!.downloadUrl);
    expect(first.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('配电房巡检照片.png')}`,
    );
    const stored = fs.readdirSync(path.join(t.config.dataDir, 'files', t.orgId), {
      recursive: true,
    });
    expect(stored.length).toBeGreaterThanOrEqual(4);

    const list = await t.admin.get(`/api/attachments?entityType=location&entityId=${location.id}`);
    expect(list.json<AttachmentDto[]>().map((a) => a.id)).toEqual(created.map((a) => a.id));
  });

  it('deletes softly, with audit rows for attach and detach', async () => {
    const person = await buildPerson(t.admin);
    const target = { entityType: 'person', entityId: person.id };
    const [a] = (await upload(t.admin, target, [{ filename: '证书.pdf', data: pdfBytes() }])).json<
      AttachmentDto[]
    >();
    expect((await t.admin.delete(`/api/attachments/${a!.id}`)).statusCode).toBe(200);
    expect((await t.admin.get(a!.downloadUrl)).statusCode).toBe(404);
    expect((await t.admin.delete(`/api/attachments/${a!.id}`)).statusCode).toBe(404);
    const list = await t.admin.get(`/api/attachments?entityType=person&entityId=${person.id}`);
    expect(list.json()).toEqual([]);
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'actor_user_id'])
      .where('org_id', '=', t.orgId)
      .where('entity_type', '=', 'person')
      .where('entity_id', '=', person.id)
      .where('action', 'in', ['attach', 'detach'])
      .orderBy('at')
      .execute();
    expect(audit).toEqual([
      { action: 'attach', actor_user_id: t.admin.userId },
      { action: 'detach', actor_user_id: t.admin.userId },
    ]);
    const row = await t.db
      .selectFrom('attachments')
      .select(['deleted_at', 'sha256'])
      .where('id', '=', a!.id)
      .executeTakeFirstOrThrow();
    expect(row.deleted_at).not.toBeNull();
    expect(row.sha256).toBe(a!.sha256);
  });
});

describe('refusals', () => {
  const target = () => ({ entityType: 'location', entityId: location.id });
  const count = async () =>
    (await t.admin.get(`/api/attachments?entityType=location&entityId=${location.id}`)).json<
      unknown[]
    >().length;

  it('refuses an executable and a text file renamed .png with 415, storing nothing', async () => {
    const before = await count();
    const exe = await upload(t.admin, target(), [
      { filename: 'setup.exe', data: Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1') },
    ]);
    expect(exe.statusCode).toBe(415);
    expect(exe.json().error.code).toBe('UNSUPPORTED_FILE_TYPE');
    expect(exe.json().error.message).toContain('仅支持图片');
    // A good file first, a bad one second: the whole upload is refused.
    const text = await upload(
      t.admin,
      target(),
      [
        { filename: 'ok.png', data: pngBytes() },
        { filename: 'photo.png', data: Buffer.from('not really a picture') },
      ],
      { 'accept-language': 'en' },
    );
    expect(text.statusCode).toBe(415);
    expect(text.json().error.message).toMatch(/"photo.png" is not a supported type/);
    expect(await count()).toBe(before);
    expect(tempFiles(t.config.dataDir)).toBe(0);
  });

  it('refuses a name that disagrees with the content, and a zip that is not Office', async () => {
    const renamed = await upload(t.admin, target(), [{ filename: 'scan.pdf', data: pngBytes() }]);
    expect(renamed.statusCode).toBe(415);
    expect(renamed.json().error.code).toBe('FILE_TYPE_MISMATCH');
    const zip = await upload(t.admin, target(), [
      { filename: 'x.docx', data: zipBytes([{ name: 'a.txt', data: 'a' }]) },
    ]);
    expect(zip.statusCode).toBe(415);
  });

  it('needs the fields before the files, at least one file, a known type, multipart', async () => {
    const noFields = await upload(t.admin, null, [{ filename: 'a.png', data: pngBytes() }]);
    expect(noFields.statusCode).toBe(400);
    expect(noFields.json().error.message).toContain('entityType');
    expect((await upload(t.admin, target(), [])).statusCode).toBe(400);
    const unknown = await upload(t.admin, { entityType: 'spaceship', entityId: location.id }, [
      { filename: 'a.png', data: pngBytes() },
    ]);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details.known).toContain('location');
    const json = await t.admin.post('/api/attachments', { entityType: 'location' });
    expect(json.statusCode).toBe(415);
  });

  it('answers 413 over UPLOAD_LIMIT_MB, leaving no temporary file', async () => {
    const small = await createTestApp({ env: { UPLOAD_LIMIT_MB: '0.01' } });
    try {
      const loc = await buildLocation(small.admin, { siteId: (await buildSite(small.admin)).id });
      const t2 = { entityType: 'location', entityId: loc.id };
      const ok = await upload(small.admin, t2, [{ filename: 'a.png', data: pngBytes(5_000) }]);
      expect(ok.statusCode).toBe(201);
      const big = await upload(small.admin, t2, [{ filename: 'b.png', data: pngBytes(20_000) }]);
      expect(big.statusCode).toBe(413);
      expect(big.json().error.code).toBe('FILE_TOO_LARGE');
      expect(big.json().error.message).toContain('0.01 MB');
      expect(tempFiles(small.config.dataDir)).toBe(0);
    } finally {
      await small.close();
    }
  });
});
