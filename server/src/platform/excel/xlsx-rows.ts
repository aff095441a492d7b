import { StringDecoder } from 'node:string_decoder';
import { inflateSpan, zipSpans, type ZipSpan, type ZipVerdict } from './zip-guard.ts';
import {
  parseDateStyles,
  parseRelationships,
  parseWorkbook,
  SharedStringsParser,
  type Relationship,
  type WorkbookInfo,
} from './xlsx-parts.ts';
import { SheetParser, type RowHandler } from './xlsx-sheet.ts';
export type { RowCells, RowHandler } from './xlsx-sheet.ts';
export { XlsxFormatError } from './xlsx-xml.ts';

/** The upload would unzip past its budget (413), or is not a zip that can be read (415). */
export class XlsxZipError extends Error {
  constructor(readonly verdict: Exclude<ZipVerdict, 'ok'>) {
    super(`zip: ${verdict}`);
  }
}

/** The name of the sheet of instructions in our templates, never the data. */
const INSTRUCTIONS_SHEET = '说明';

/**
 * Reads the data sheet of an .xlsx upload (the first sheet, in the
 * workbook's order, not named 说明) row by row, giving `onRow` each row's
 * cell texts as they are inflated. Returns false when there is no such sheet.
 *
 * Every entry is inflated once, with zip-guard's bounds: the zip passes
 * `zipSpans` first (declared sizes within `budget`, no ZIP64, encryption,
 * other codecs or shared bytes), and each entry must inflate to exactly its
 * declared size. The answer is the one `checkZipInflation` followed by a
 * reader would give: a bad entry (the first in the file) wins over anything
 * read from the sheet, so the sheet is inflated to its end even after
 * `onRow` throws (too many rows), counting bytes only. XlsxZipError carries
 * the zip verdict; XlsxFormatError, XML that cannot be read; an error thrown
 * by `onRow` comes back as is.
 */
export async function readXlsxRows(
  zip: Buffer,
  budget: number,
  onRow: RowHandler,
): Promise<boolean> {
  const spans = await zipSpans(zip, budget);
  if (typeof spans === 'string') throw new XlsxZipError(spans);
  // OPC part names are case-insensitive.
  const parts = new Map<string, ZipSpan>();
  for (const span of spans) {
    const key = span.entry.name.toLowerCase();
    if (!parts.has(key)) parts.set(key, span);
  }
  const verdicts = new Map<ZipSpan, ZipVerdict>();
  /** The first error met outside the zip checks; thrown once they all pass. */
  let pending: unknown = null;
  const attempt = <T>(read: () => T): T | null => {
    try {
      return read();
    } catch (err) {
      pending ??= err;
      return null;
    }
  };
  const succeeds = (run: () => void): boolean => attempt(() => (run(), true)) ?? false;

  const text = async (name: string): Promise<string | null> => {
    const span = parts.get(name);
    if (!span) return null;
    const chunks: Buffer[] = [];
    const verdict = await inflateSpan(zip, span, (c) => chunks.push(c));
    verdicts.set(span, verdict);
    return verdict === 'ok' ? Buffer.concat(chunks).toString('utf8') : null;
  };

  const workbookXml = await text('xl/workbook.xml');
  const relsXml = await text('xl/_rels/workbook.xml.rels');
  const workbook: WorkbookInfo | null =
    workbookXml === null ? null : attempt(() => parseWorkbook(workbookXml));
  const rels = relsXml === null ? null : attempt(() => parseRelationships(relsXml, 'xl/'));
  const related = (type: string, fallback: string) =>
    rels?.find((r) => r.type.endsWith(`/${type}`))?.target.toLowerCase() ?? fallback;

  const sheet = dataSheet(workbook, rels, spans, parts);
  const sharedName = related('sharedStrings', 'xl/sharedstrings.xml');
  const stylesName = related('styles', 'xl/styles.xml');

  // Every other entry, in file order, up to the first that fails its zip check.
  const shared = new SharedStringsParser();
  let dateStyles: Uint8Array = new Uint8Array(0);
  let failed: { span: ZipSpan; verdict: Exclude<ZipVerdict, 'ok'> } | null = null;
  for (const span of spans) {
    if (span === sheet) continue;
    let verdict = verdicts.get(span);
    if (verdict === undefined) {
      const name = span.entry.name.toLowerCase();
      if (name === sharedName) {
        const decoder = new StringDecoder('utf8');
        let reading = true;
        verdict = await inflateSpan(zip, span, (chunk) => {
          if (reading) reading = succeeds(() => shared.feed(decoder.write(chunk)));
        });
        if (verdict === 'ok' && reading) succeeds(() => (shared.feed(decoder.end()), shared.end()));
      } else if (name === stylesName) {
        const xml = await text(name);
        if (xml !== null) dateStyles = attempt(() => parseDateStyles(xml)) ?? dateStyles;
        verdict = verdicts.get(span)!;
      } else {
        verdict = await inflateSpan(zip, span);
      }
    }
    if (verdict !== 'ok') {
      failed = { span, verdict };
      break;
    }
  }
  if (failed) {
    // The sheet's verdict decides only when it comes first in the file.
    if (sheet && sheet.at < failed.span.at) {
      const verdict = await inflateSpan(zip, sheet);
      if (verdict !== 'ok') throw new XlsxZipError(verdict);
    }
    throw new XlsxZipError(failed.verdict);
  }

  if (!sheet) {
    if (pending) throw pending;
    return false;
  }
  const parser = new SheetParser(
    { shared: shared.strings, dateStyles, date1904: workbook?.date1904 ?? false },
    onRow,
  );
  const decoder = new StringDecoder('utf8');
  // After an error (in a part above, or from onRow) the sheet is only counted.
  let reading = pending === null;
  const verdict = await inflateSpan(zip, sheet, (chunk) => {
    if (!reading || parser.done) return;
    reading = succeeds(() => parser.feed(decoder.write(chunk)));
  });
  if (verdict !== 'ok') throw new XlsxZipError(verdict);
  if (reading) succeeds(() => (parser.feed(decoder.end()), parser.end()));
  if (pending) throw pending;
  return true;
}

/**
 * The data sheet's entry: the first worksheet of the workbook not named 说明.
 * Without a readable workbook.xml and its relationships, the worksheets
 * named xl/worksheets/sheetN.xml in file order, as exceljs's reader takes them.
 */
function dataSheet(
  workbook: WorkbookInfo | null,
  rels: Relationship[] | null,
  spans: ZipSpan[],
  parts: Map<string, ZipSpan>,
): ZipSpan | null {
  if (workbook && rels) {
    for (const s of workbook.sheets) {
      if (s.name === INSTRUCTIONS_SHEET) continue;
      const rel = rels.find((r) => r.id === s.rId && r.type.endsWith('/worksheet'));
      const span = rel && parts.get(rel.target.toLowerCase());
      if (span) return span;
    }
    return null;
  }
  return spans.find((s) => /^xl\/worksheets\/sheet\d+\.xml$/i.test(s.entry.name)) ?? null;
}
