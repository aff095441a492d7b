import path from 'node:path';
import type { FastifyRequest } from 'fastify';
import { AppError, badRequest } from '../errors.ts';
import { checkExtension, unsupportedFile } from './file-types.ts';
import { AttachmentTargetSchema, type AttachmentTarget } from './schema.ts';
import type { AuthorizedTarget, PendingFile } from './service.ts';
import { sniffFile } from './sniff.ts';
import { discardTemp, receiveToTemp } from './storage.ts';

const MAX_NAME = 200;

function megabytes(bytes: number): string {
  return `${Number((bytes / 1024 / 1024).toFixed(2))} MB`;
}

/** 413 in the one error shape, naming the configured limit (UPLOAD_LIMIT_MB). */
export function fileTooLarge(filename: string, limitBytes: number): AppError {
  return new AppError(
    413,
    'FILE_TOO_LARGE',
    {
      zh: `文件${filename ? `「${filename}」` : ''}超过 ${megabytes(limitBytes)} 的大小限制`,
      en: `The file ${filename ? `"${filename}" ` : ''}is larger than the ${megabytes(limitBytes)} limit`,
    },
    { limitBytes },
  );
}

// The multipart plugin's own limit errors, worded for people.
function translate(err: unknown, limitBytes: number): unknown {
  const code = (err as { code?: unknown } | null)?.code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return fileTooLarge('', limitBytes);
  if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') {
    return new AppError(413, 'TOO_MANY_PARTS', {
      zh: '一次上传的文件或字段过多，请分批上传',
      en: 'Too many files or fields in one upload; send them in batches',
    });
  }
  return err;
}

/**
 * A display name that is safe to store and to send back in a header: no
 * directories, no control characters, NFC (macOS sends decomposed Chinese),
 * at most 200 characters with the extension kept.
 */
export function cleanFilename(raw: string | undefined): string {
  const name = path
    .basename((raw ?? '').replace(/\\/g, '/'))
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .trim();
  if (!name) return 'file';
  if (name.length <= MAX_NAME) return name;
  const ext = path.extname(name).slice(0, 20);
  return name.slice(0, MAX_NAME - ext.length) + ext;
}

function targetFrom(fields: Record<string, string>): AttachmentTarget {
  if (fields.entityType === undefined || fields.entityId === undefined) {
    // Checked before any byte is stored, so the fields must come first.
    throw badRequest({
      zh: '请在文件之前提交 entityType 和 entityId 字段',
      en: 'Send the entityType and entityId fields before the files',
    });
  }
  return AttachmentTargetSchema.parse({
    entityType: fields.entityType,
    entityId: fields.entityId,
  });
}

/**
 * Reads a multipart upload: the target fields, then one or more files, each
 * streamed to a temporary file, size-limited, and checked from its bytes.
 * Access is checked (via `authorize`) before the first byte is stored. On
 * any failure every temporary file is removed and the error is rethrown.
 */
export async function receiveUpload(
  req: FastifyRequest,
  dataDir: string,
  limitBytes: number,
  authorize: (target: AttachmentTarget) => Promise<AuthorizedTarget>,
): Promise<{ target: AuthorizedTarget; files: PendingFile[] }> {
  if (!req.isMultipart()) {
    throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', {
      zh: '请以 multipart/form-data 上传文件',
      en: 'Upload files as multipart/form-data',
    });
  }
  const fields: Record<string, string> = {};
  const files: PendingFile[] = [];
  const temps: string[] = [];
  let target: AuthorizedTarget | undefined;
  try {
    for await (const part of req.parts()) {
      if (part.type === 'field') {
        if (typeof part.value === 'string') fields[part.fieldname] = part.value;
        continue;
      }
      target ??= await authorize(targetFrom(fields));
      const filename = cleanFilename(part.filename);
      const temp = await receiveToTemp(dataDir, part.file);
      temps.push(temp.tempPath);
      if (part.file.truncated) throw fileTooLarge(filename, limitBytes);
      if (temp.size === 0) throw unsupportedFile(filename, true);
      const kind = await sniffFile(temp.tempPath);
      if (!kind) throw unsupportedFile(filename);
      checkExtension(filename, kind);
      files.push({ temp, filename, kind });
    }
    if (!target || files.length === 0) {
      throw badRequest({ zh: '请选择要上传的文件', en: 'Choose at least one file to upload' });
    }
    return { target, files };
  } catch (err) {
    await Promise.all(temps.map(discardTemp));
    throw translate(err, limitBytes);
  }
}
