import { excelUnescape, xmlText } from './xlsx-xml.ts';

/** What the workbook says about the cells of its sheets. */
export type CellFormats = {
  /** Shared strings (xl/sharedStrings.xml) as cell text: runs joined, trimmed. */
  shared: readonly string[];
  /** For each cell style (index into cellXfs), 1 when its number format shows a date or time. */
  dateStyles: Uint8Array;
  /** Serial 0 is 1904-01-01 rather than 1899-12-30 (workbookPr date1904). */
  date1904: boolean;
};

// Cell types (the `t` attribute).
export const NUMBER = 0;
const SHARED = 1;
const STR = 2;
const INLINE = 3;
const BOOL = 4;
const ERROR = 5;
const ISO_DATE = 6;

const DAY_MS = 86_400_000;
const UNIX_EPOCH_SERIAL = 25569; // 1970-01-01 in the 1900 date system
const SERIAL_1904 = 1462; // days from 1900-system serial 0 to 1904-01-01

/**
 * A cell's text from its type, style and raw value, with the meaning
 * `cellText` (workbook.ts) gives exceljs's values: strings trimmed, numbers
 * as `String(parseFloat(v))`, date-formatted numbers as YYYY-MM-DD (UTC, as
 * exceljs makes Dates), booleans TRUE/FALSE, errors as written (#N/A),
 * formulas by their cached result.
 */
export class CellTexts {
  private readonly dates = new Map<number, string>();

  constructor(private readonly formats: CellFormats) {}

  /**
   * A cell's text. Formula results follow exceljs's Workbook reader (a
   * boolean result is TRUE/FALSE, an error its text, a date-formatted number
   * a date); its streaming reader made all of them numbers.
   */
  text(
    type: number,
    style: number,
    hasFormula: boolean,
    v: string | null,
    inlineText: string | null,
  ): string {
    if (hasFormula) {
      if (v === null || v === '') return '';
      if (type === STR) return excelUnescape(xmlText(v)).trim();
      if (type === BOOL) return parseInt(v, 10) !== 0 ? 'TRUE' : 'FALSE';
      if (type === ERROR) return xmlText(v);
      return this.numberText(v, style);
    }
    if (type === INLINE) {
      const text = inlineText ?? (v === null ? '' : excelUnescape(xmlText(v)));
      return text.trim();
    }
    if (v === null) return '';
    switch (type) {
      case SHARED:
        return this.formats.shared[parseInt(v, 10)] ?? '';
      case STR:
        return excelUnescape(xmlText(v)).trim();
      case BOOL:
        return parseInt(v, 10) !== 0 ? 'TRUE' : 'FALSE';
      case ERROR:
        return xmlText(v);
      case ISO_DATE: {
        // t="d" (ISO 8601 text, written by a few programs): its date part.
        const text = xmlText(v).trim();
        return /^\d{4}-\d{2}-\d{2}/.exec(text)?.[0] ?? text;
      }
      default:
        return this.numberText(v, style);
    }
  }

  private numberText(raw: string, style: number): string {
    const text = xmlText(raw);
    const n = parseFloat(text);
    if (n !== n) return text.trim() === '' ? '' : 'NaN';
    const { dateStyles } = this.formats;
    if (style < dateStyles.length && dateStyles[style] === 1) return this.dateText(n);
    return String(n);
  }

  /** An Excel date serial as YYYY-MM-DD, the way exceljs turns it into a Date (UTC). */
  private dateText(serial: number): string {
    const whole = Number.isInteger(serial);
    if (whole) {
      const known = this.dates.get(serial);
      if (known !== undefined) return known;
    }
    let n = serial;
    if (!this.formats.date1904 && n >= 1 && n < 61) {
      // Excel counts a 29 February 1900 that never was (Lotus 1-2-3's bug):
      // serials before it are a day later than the arithmetic says.
      if (n >= 60) return '1900-02-29';
      n += 1;
    }
    const ms = Math.round(
      (n - UNIX_EPOCH_SERIAL + (this.formats.date1904 ? SERIAL_1904 : 0)) * DAY_MS,
    );
    const date = new Date(ms);
    const text = Number.isNaN(date.getTime()) ? String(serial) : date.toISOString().slice(0, 10);
    if (whole) this.dates.set(serial, text);
    return text;
  }
}

/** The cell type of a `t` attribute value (between `from` and `end` of `s`). */
export function cellType(s: string, from: number, end: number): number {
  const len = end - from;
  const c = s.charCodeAt(from);
  if (len === 1) {
    if (c === 115 /* s */) return SHARED;
    if (c === 98 /* b */) return BOOL;
    if (c === 101 /* e */) return ERROR;
    if (c === 100 /* d */) return ISO_DATE;
    return NUMBER;
  }
  if (len === 3 && s.startsWith('str', from)) return STR;
  if (len === 9 && s.startsWith('inlineStr', from)) return INLINE;
  return NUMBER;
}
