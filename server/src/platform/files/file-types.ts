import path from 'node:path';
import { AppError } from '../errors.ts';
import type { LocalizedText } from '../i18n.ts';

/** A kind of file Houqin accepts, as told from its bytes. */
export type FileKind = {
  mime: string;
  /** Extensions (lower case, no dot) a file of this kind may carry. */
  extensions: readonly string[];
  label: LocalizedText;
};

// Photos from phones (HEIC on iPhones), scans and reports as PDF, and the two
// Office formats logistics offices trade every day. Anything else (archives,
// executables, old .xls/.doc with macros) is refused.
export const FILE_KINDS = {
  jpeg: {
    mime: 'image/jpeg',
    extensions: ['jpg', 'jpeg'],
    label: { zh: 'JPEG 图片', en: 'JPEG image' },
  },
  png: { mime: 'image/png', extensions: ['png'], label: { zh: 'PNG 图片', en: 'PNG image' } },
  gif: { mime: 'image/gif', extensions: ['gif'], label: { zh: 'GIF 图片', en: 'GIF image' } },
  webp: { mime: 'image/webp', extensions: ['webp'], label: { zh: 'WebP 图片', en: 'WebP image' } },
  heic: {
    mime: 'image/heic',
    extensions: ['heic', 'heif'],
    label: { zh: 'HEIC 图片', en: 'HEIC image' },
  },
  heif: {
    mime: 'image/heif',
    extensions: ['heif', 'heic'],
    label: { zh: 'HEIF 图片', en: 'HEIF image' },
  },
  pdf: {
    mime: 'application/pdf',
    extensions: ['pdf'],
    label: { zh: 'PDF 文档', en: 'PDF document' },
  },
  xlsx: {
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extensions: ['xlsx'],
    label: { zh: 'Excel 表格', en: 'Excel workbook' },
  },
  docx: {
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
    label: { zh: 'Word 文档', en: 'Word document' },
  },
} as const satisfies Record<string, FileKind>;

const ACCEPTED: LocalizedText = {
  zh: '仅支持图片（JPG、PNG、GIF、WebP、HEIC）、PDF、Excel（.xlsx）和 Word（.docx）文件',
  en: 'Only images (JPG, PNG, GIF, WebP, HEIC), PDF, Excel (.xlsx) and Word (.docx) files are accepted',
};

/** 415 for a file whose bytes are none of the accepted kinds. */
export function unsupportedFile(filename: string, empty = false): AppError {
  const why = empty
    ? { zh: `文件「${filename}」是空的。`, en: `The file "${filename}" is empty. ` }
    : {
        zh: `文件「${filename}」的内容不是受支持的类型。`,
        en: `The content of "${filename}" is not a supported type. `,
      };
  return new AppError(415, 'UNSUPPORTED_FILE_TYPE', {
    zh: why.zh + ACCEPTED.zh,
    en: why.en + ACCEPTED.en,
  });
}

/**
 * The declared name must agree with the content: a PDF called `photo.jpg`
 * opens in the wrong program on the next person's computer, and a renamed
 * file is how a disguised payload usually travels.
 */
export function checkExtension(filename: string, kind: FileKind): void {
  const ext = path.extname(filename).slice(1).toLowerCase();
  if (kind.extensions.includes(ext)) return;
  const expected = kind.extensions.map((e) => `.${e}`).join(' / ');
  throw new AppError(415, 'FILE_TYPE_MISMATCH', {
    zh: `文件「${filename}」的扩展名与内容不符：内容是${kind.label.zh}，扩展名应为 ${expected}`,
    en: `The extension of "${filename}" does not match its content: it is a ${kind.label.en}, so it should end in ${expected}`,
  });
}
