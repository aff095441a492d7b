import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import type { AppError } from '../errors.ts';
import { checkExtension, FILE_KINDS } from './file-types.ts';
import { cleanFilename } from './receive-upload.ts';
import { contentDisposition } from '../http/content-disposition.ts';
import { officeKindOf, sniffFile, sniffHead } from './sniff.ts';
import { docxBytes, pdfBytes, pngBytes, zipBytes } from './testing.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'houqin-sniff-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function sniff(bytes: Buffer) {
  const file = path.join(dir, `f${Math.random().toString(36).slice(2)}`);
  fs.writeFileSync(file, bytes);
  return (await sniffFile(file))?.mime ?? null;
}

async function xlsxBytes(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('巡检').addRow(['位置', '结果']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('sniffing file types from their bytes', () => {
  it('recognises images and PDF from the first bytes', () => {
    const head = (hex: string, text = '') =>
      Buffer.concat([Buffer.from(hex.replace(/ /g, ''), 'hex'), Buffer.from(text, 'latin1')]);
    expect(sniffHead(head('ffd8ffe0 00104a46'))).toBe(FILE_KINDS.jpeg);
    expect(sniffHead(pngBytes())).toBe(FILE_KINDS.png);
    expect(sniffHead(Buffer.from('GIF89a\x01\x00', 'latin1'))).toBe(FILE_KINDS.gif);
    expect(sniffHead(Buffer.from('RIFF\x24\x00\x00\x00WEBPVP8 ', 'latin1'))).toBe(FILE_KINDS.webp);
    expect(sniffHead(head('00000018', 'ftypheic\x00\x00\x00\x00'))).toBe(FILE_KINDS.heic);
    expect(sniffHead(head('0000001c', 'ftypmif1\x00\x00\x00\x00'))).toBe(FILE_KINDS.heif);
    expect(sniffHead(head('00000020', 'ftypisom'))).toBeNull(); // an MP4 video
    expect(sniffHead(pdfBytes())).toBe(FILE_KINDS.pdf);
    expect(sniffHead(Buffer.from('MZ\x90\x00', 'latin1'))).toBeNull();
    expect(sniffHead(Buffer.from('just some text'))).toBeNull();
  });

  it('tells a real xlsx (exceljs) from a docx by the parts inside', async () => {
    expect(await sniff(await xlsxBytes())).toBe(FILE_KINDS.xlsx.mime);
    expect(await sniff(docxBytes())).toBe(FILE_KINDS.docx.mime);
    expect(await sniff(pdfBytes())).toBe('application/pdf');
  });

  it('refuses a plain zip, a zip claiming both formats, and a truncated zip', async () => {
    expect(await sniff(zipBytes([{ name: 'readme.txt', data: 'hi' }]))).toBeNull();
    expect(
      officeKindOf(['[Content_Types].xml', 'xl/workbook.xml', 'word/document.xml']),
    ).toBeNull();
    expect(officeKindOf(['word/document.xml'])).toBeNull(); // no content types part
    const docx = docxBytes();
    expect(await sniff(docx.subarray(0, docx.length - 30))).toBeNull();
  });
});

describe('names', () => {
  it('insists the extension agrees with the content', () => {
    expect(() => checkExtension('照片.JPG', FILE_KINDS.jpeg)).not.toThrow();
    expect(() => checkExtension('IMG_0001.HEIC', FILE_KINDS.heif)).not.toThrow();
    const err = (() => {
      try {
        checkExtension('report.pdf', FILE_KINDS.png);
      } catch (e) {
        return e as AppError;
      }
    })();
    expect(err?.status).toBe(415);
    expect(err?.text.zh).toContain('扩展名应为 .png');
  });

  it('cleans uploaded names of paths and control characters, keeping the extension', () => {
    expect(cleanFilename('C:\\Users\\李\\配电房.png')).toBe('配电房.png');
    expect(cleanFilename('../../etc/passwd')).toBe('passwd');
    expect(cleanFilename('a\u0000b\u202e.pdf')).toBe('ab.pdf');
    expect(cleanFilename('   ')).toBe('file');
    const long = cleanFilename(`${'长'.repeat(300)}.xlsx`);
    expect(long).toHaveLength(200);
    expect(long.endsWith('.xlsx')).toBe(true);
  });

  it('sends Chinese names as RFC 5987 filename*', () => {
    expect(contentDisposition('attachment', "配电房 (1)'s.pdf")).toBe(
      `attachment; filename="___ (1)'s.pdf"; filename*=UTF-8''%E9%85%8D%E7%94%B5%E6%88%BF%20%281%29%27s.pdf`,
    );
  });
});
