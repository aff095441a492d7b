import type { FastifyRequest } from 'fastify';
import { AppError, badRequest } from '../errors.ts';

/**
 * 20,000 rows of these sheets are 1–3 MB as .xlsx; 10 MB leaves room for
 * styled files from WPS or Excel while stopping a 500k-row export being sent
 * back by mistake before it is ever unzipped.
 */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

/**
 * What an import's .xlsx may unzip to: the reader (xlsx-rows.ts) inflates
 * each entry once with a bounded inflater (zip-guard.ts): a file whose
 * entries declare more than this is refused before anything is inflated,
 * one whose entry inflates past what it declares as soon as it does.
 */
export const MAX_UNZIPPED_BYTES = 80 * 1024 * 1024;

const ZIP_LOCAL_HEADER = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_HEADER = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

const notXlsx = (text: { zh: string; en: string }) =>
  new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', text);

/** The answer to a damaged, encrypted or otherwise unreadable .xlsx. */
export const unreadable = () =>
  notXlsx({
    zh: '无法读取该 Excel 文件，请确认是 .xlsx 格式且未加密',
    en: 'The Excel file cannot be read; make sure it is an unencrypted .xlsx',
  });

export const tooLarge = (text: { zh: string; en: string }) =>
  new AppError(413, 'IMPORT_TOO_LARGE', text);

/**
 * The one uploaded .xlsx of an import request, checked by content rather
 * than by name or declared type (browsers send .xlsx as octet-stream, and a
 * renamed .csv is still a .csv).
 */
export async function readXlsxUpload(
  req: FastifyRequest,
  maxBytes = MAX_IMPORT_BYTES,
): Promise<Buffer> {
  const missing = badRequest({
    zh: '请以 multipart/form-data 方式上传一个 .xlsx 文件',
    en: 'Upload one .xlsx file as multipart/form-data',
  });
  if (!req.isMultipart()) throw missing;
  const file = await req.file({ limits: { fileSize: maxBytes, files: 1 } });
  if (!file) throw missing;
  let buffer: Buffer;
  try {
    buffer = await file.toBuffer();
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw tooLarge({
        zh: `导入文件不能超过 ${maxBytes / 1024 / 1024} MB，请分批导入`,
        en: `An import file may not exceed ${maxBytes / 1024 / 1024} MB; split it`,
      });
    }
    throw err;
  }
  if (buffer.length === 0) throw missing;
  if (buffer.subarray(0, 8).equals(OLE_HEADER)) {
    throw notXlsx({
      zh: '不支持旧版 .xls 文件，请在 Excel 或 WPS 中另存为 .xlsx 后上传',
      en: 'Old .xls files are not supported; save as .xlsx and upload again',
    });
  }
  if (!buffer.subarray(0, 4).equals(ZIP_LOCAL_HEADER)) {
    throw notXlsx({
      zh: '文件不是 Excel (.xlsx) 格式，请使用导入模板',
      en: 'The file is not an Excel (.xlsx) workbook; use the import template',
    });
  }
  return buffer;
}
