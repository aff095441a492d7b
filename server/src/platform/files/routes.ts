import { z } from 'zod';
import type { Deps } from '../deps.ts';
import { actorOf } from '../http/actor.ts';
import { IdParams, OkSchema } from '../http/schemas.ts';
import type { App } from '../http/types.ts';
import { receiveUpload } from './receive-upload.ts';
import { AttachmentDownloadQuery, AttachmentSchema, AttachmentTargetSchema } from './schema.ts';
import {
  authorizeTarget,
  createAttachments,
  deleteAttachment,
  listAttachments,
  openAttachment,
} from './service.ts';
import { sweepStaleTemps } from './storage.ts';
import { contentDisposition } from '../http/content-disposition.ts';

const tags = ['attachments'];

/**
 * Files attached to any registered record. Routes are open to every signed-in
 * user (`auth: 'user'`) because the permission depends on the record: the
 * service checks the record's read or write permission at its site.
 */
export function attachmentsRoutes(app: App, { db, config }: Deps): void {
  // Leftovers of a crash; nothing waits on this.
  void sweepStaleTemps(config.dataDir).catch(() => {});

  app.post(
    '/api/attachments',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary: '上传附件 Upload attachments (multipart: entityType, entityId, then files)',
        consumes: ['multipart/form-data'],
        response: { 201: z.array(AttachmentSchema) },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const { target, files } = await receiveUpload(
        req,
        config.dataDir,
        config.uploadLimitBytes,
        (t) => authorizeTarget(db, actor, t, 'write'),
      );
      const created = await createAttachments(db, config.dataDir, actor, target, files);
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/api/attachments',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary: '附件列表 List the attachments of a record',
        querystring: AttachmentTargetSchema,
        response: { 200: z.array(AttachmentSchema) },
      },
    },
    async (req) => listAttachments(db, actorOf(req), req.query),
  );

  app.get(
    '/api/attachments/:id/download',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary: '下载附件 Download an attachment',
        params: IdParams,
        querystring: AttachmentDownloadQuery,
      },
    },
    async (req, reply) => {
      const { attachment, stream } = await openAttachment(
        db,
        config.dataDir,
        actorOf(req),
        req.params.id,
      );
      return reply
        .header('content-type', attachment.mime)
        .header('content-length', String(attachment.sizeBytes))
        .header(
          'content-disposition',
          contentDisposition(req.query.disposition, attachment.filename),
        )
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, max-age=0, must-revalidate')
        .header('etag', `"${attachment.sha256}"`)
        .send(stream);
    },
  );

  app.delete(
    '/api/attachments/:id',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary: '删除附件 Delete an attachment (kept for history)',
        params: IdParams,
        response: { 200: OkSchema },
      },
    },
    async (req) => {
      await deleteAttachment(db, actorOf(req), req.params.id);
      return { ok: true as const };
    },
  );
}
