import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { P } from '../access/platform-permissions.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Deps } from '../deps.ts';
import { unprocessable } from '../errors.ts';
import { actorOf } from '../http/actor.ts';
import { contentDisposition } from '../http/content-disposition.ts';
import type { App } from '../http/types.ts';
import { serverVersion, timestamp } from './archive.ts';
import { createBackup, postgresBackupAdvice } from './create-backup.ts';

const tags = ['system'];

const SystemInfoSchema = z.object({
  version: z.string(),
  database: z.enum(['sqlite', 'postgres']),
  node: z.string(),
  uptimeSeconds: z.number(),
  dataBytes: z.number().describe('SQLite database and attachment files under DATA_DIR'),
});

/** The cookie that tells the page its backup download has started (see below). */
export const DOWNLOAD_COOKIE = 'houqin_download';

const BackupQuery = z.strictObject({
  downloadToken: z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,64}$/)
    .optional()
    .describe(
      'Set as the houqin_download cookie when the file starts, so a page that POSTed a form can stop its spinner',
    ),
});

/** Bytes under a path (a file, or a folder walked recursively); 0 when missing. */
async function sizeOf(p: string): Promise<number> {
  const st = await fs.lstat(p).catch(() => null);
  if (!st) return 0;
  if (!st.isDirectory()) return st.size;
  const names = await fs.readdir(p);
  let total = 0;
  for (const name of names) total += await sizeOf(path.join(p, name));
  return total;
}

/** The system page: what runs, how much data, and a backup to download. */
export function systemRoutes(app: App, { config, dialect, db }: Deps): void {
  app.get(
    '/api/system/info',
    {
      config: { auth: P.system.manage },
      schema: { tags, summary: '系统信息 System information', response: { 200: SystemInfoSchema } },
    },
    async () => ({
      version: serverVersion(),
      database: dialect,
      node: process.version,
      uptimeSeconds: Math.round(process.uptime()),
      dataBytes: await sizeOf(config.dataDir),
    }),
  );

  app.post(
    '/api/system/backup',
    {
      config: { auth: P.system.manage },
      schema: {
        tags,
        summary:
          '下载备份 Download a backup: application/gzip (.tar.gz of database and files; SQLite only, 422 on PostgreSQL)',
        querystring: BackupQuery,
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      if (dialect === 'postgres') {
        throw unprocessable({
          zh: postgresBackupAdvice(config).split('\n')[0]!,
          en: postgresBackupAdvice(config).split('\n')[1]!,
        });
      }
      // Written to a temp file first (the archive must be complete before a
      // byte is sent), streamed, then removed: copies stay with the admin.
      const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'houqin-backup-'));
      const name = `houqin-${timestamp(config.timeZone)}.tar.gz`;
      const { file, manifest } = await createBackup(config, path.join(dir, name));
      await recordAudit(db, actor, {
        action: 'download_backup',
        entityType: 'system',
        entityId: 'backup',
        after: { file: name, createdAt: manifest.createdAt },
      });
      const stream = createReadStream(file);
      stream.on('close', () => void fs.rm(dir, { recursive: true, force: true }));
      // The page downloads through a plain form POST (a multi-GB file never
      // sits in the browser's memory), which gives it no "started" event;
      // it watches for this short-lived cookie instead.
      if (req.query.downloadToken) {
        reply.setCookie(DOWNLOAD_COOKIE, req.query.downloadToken, {
          path: '/',
          sameSite: 'strict',
          maxAge: 60,
        });
      }
      return reply
        .header('content-type', 'application/gzip')
        .header('content-disposition', contentDisposition('attachment', name))
        .send(stream);
    },
  );
}
