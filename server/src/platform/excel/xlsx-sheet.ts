import { CellTexts, cellType, NUMBER, type CellFormats } from './xlsx-cell.ts';
import { excelUnescape, tagEnd, xmlText, XlsxFormatError } from './xlsx-xml.ts';

export type { CellFormats } from './xlsx-cell.ts';

/** One row's non-blank cells in file order: column numbers (A = 1) and their text. Reused between rows. */
export type RowCells = { cols: number[]; texts: string[]; length: number };

/** Called for every `<row>` of the sheet, in file order; may throw to stop reading. */
export type RowHandler = (row: number, cells: RowCells) => void;

const MAX_COLUMN = 16384; // XFD, the last column Excel has

/**
 * Parses worksheet XML as it is inflated and hands each row's cell texts
 * (xlsx-cell.ts) to a handler. Written for speed over a 100,000-row sheet:
 * one pass of indexOf over the text, attributes read in place, no object
 * per cell.
 */
export class SheetParser {
  private buf = '';
  /** 0 before <sheetData>, 1 inside it, 2 after it (the rest is not read). */
  private phase = 0;
  private started = false;

  private inRow = false;
  private rowR = 0;
  private firstCellRow = 0;
  private prevRow = 0;
  private col = 0;
  private readonly cells: RowCells = { cols: [], texts: [], length: 0 };

  private inCell = false;
  private cellCol = 0;
  private cellType = NUMBER;
  private cellStyle = 0;
  private hasFormula = false;
  private v: string | null = null;
  private inlineText: string | null = null;
  private inIs = false;
  private inPhonetic = false;
  /** 0 no text is kept; 1 the text of <v>; 2 the text of <t> of an inline string. */
  private capture = 0;
  private raw = '';

  // The attribute being read by `attributes`: start and end of r, s and t values (-1: absent).
  private rAt = -1;
  private rEnd = -1;
  private sAt = -1;
  private sEnd = -1;
  private tAt = -1;
  private tEnd = -1;

  private readonly texts: CellTexts;

  constructor(
    formats: CellFormats,
    private readonly onRow: RowHandler,
  ) {
    this.texts = new CellTexts(formats);
  }

  /** Whether the end of <sheetData> has been read: the rest of the part holds no cells. */
  get done(): boolean {
    return this.phase === 2;
  }

  feed(chunk: string): void {
    if (this.phase === 2) return;
    const s = this.buf + chunk;
    let pos = this.phase === 0 ? this.prelude(s) : 0;
    if (this.phase === 1) pos = this.body(s, pos);
    this.buf = this.phase === 2 ? '' : s.slice(pos);
  }

  /** The part has ended. A sheet cut off inside a row loses that row, as a SAX reader would. */
  end(): void {
    if (!this.started) throw new XlsxFormatError('no <worksheet> element');
  }

  /** Up to <sheetData>: checks the root element is a worksheet; returns where reading stopped. */
  private prelude(s: string): number {
    let pos = 0;
    for (;;) {
      const lt = s.indexOf('<', pos);
      if (!this.started) {
        const text = s.slice(pos, lt === -1 ? s.length : lt).replace(/^\uFEFF/, '');
        if (!/^\s*$/.test(text)) throw new XlsxFormatError('text before <worksheet>');
      }
      if (lt === -1) return s.length;
      const next = s.charCodeAt(lt + 1);
      if (next !== next) return lt;
      if (next === 33 /* ! */ || next === 63 /* ? */) {
        const end = skipSpecial(s, lt);
        if (end === -1) return lt;
        pos = end;
        continue;
      }
      const gt = tagEnd(s, lt + 1);
      if (gt === -1) return lt;
      pos = gt + 1;
      if (next === 47 /* / */) continue;
      const [ns, ne] = nameSpan(s, lt + 1, gt);
      if (!this.started) {
        if (!isName(s, ns, ne, 'worksheet')) throw new XlsxFormatError('not a worksheet');
        this.started = true;
      } else if (isName(s, ns, ne, 'sheetData')) {
        this.phase = s.charCodeAt(gt - 1) === 47 ? 2 : 1;
        return pos;
      }
    }
  }

  /** Inside <sheetData>: rows and cells. */
  private body(s: string, from: number): number {
    let pos = from;
    for (;;) {
      const lt = s.indexOf('<', pos);
      if (lt === -1) {
        if (this.capture) this.raw += s.slice(pos);
        return s.length;
      }
      if (this.capture && lt > pos) this.raw += s.slice(pos, lt);
      pos = lt;
      const next = s.charCodeAt(lt + 1);
      if (next !== next) return lt;
      if (next === 47 /* / */) {
        const gt = s.indexOf('>', lt + 2);
        if (gt === -1) return lt;
        let ne = gt;
        while (ne > lt + 2 && s.charCodeAt(ne - 1) <= 32) ne--;
        this.close(s, localStart(s, lt + 2, ne), ne);
        pos = gt + 1;
        if (this.phase === 2) return pos;
        continue;
      }
      if (next === 33 || next === 63) {
        if (s.startsWith('<![CDATA[', lt)) {
          const end = s.indexOf(']]>', lt + 9);
          if (end === -1) return lt;
          // Kept raw, so escape what xmlText would otherwise read as a reference.
          if (this.capture) this.raw += s.slice(lt + 9, end).replace(/&/g, '&amp;');
          pos = end + 3;
          continue;
        }
        const end = skipSpecial(s, lt);
        if (end === -1) return lt;
        pos = end;
        continue;
      }
      const gt = tagEnd(s, lt + 1);
      if (gt === -1) return lt;
      const [ns, ne] = nameSpan(s, lt + 1, gt);
      this.open(s, ns, ne, gt, s.charCodeAt(gt - 1) === 47);
      pos = gt + 1;
    }
  }

  private open(s: string, ns: number, ne: number, gt: number, selfClosing: boolean): void {
    const len = ne - ns;
    const c = s.charCodeAt(ns);
    if (len === 1) {
      if (c === 99 /* c */) {
        if (this.inRow) this.openCell(s, ne, gt, selfClosing);
      } else if (c === 118 /* v */) {
        if (!this.inCell) return;
        if (selfClosing) this.v = '';
        else {
          this.capture = 1;
          this.raw = '';
        }
      } else if (c === 102 /* f */) {
        if (this.inCell) this.hasFormula = true;
      } else if (c === 116 /* t */) {
        if (this.inIs && !this.inPhonetic && !selfClosing) {
          this.capture = 2;
          this.raw = '';
        }
      }
    } else if (len === 3 && c === 114 /* r */) {
      if (isName(s, ns, ne, 'row')) this.openRow(s, ne, gt, selfClosing);
      else if (isName(s, ns, ne, 'rPh') && this.inIs && !selfClosing) this.inPhonetic = true;
    } else if (len === 2 && isName(s, ns, ne, 'is') && this.inCell) {
      this.inlineText ??= '';
      this.inIs = !selfClosing;
    }
  }

  private close(s: string, ns: number, ne: number): void {
    const len = ne - ns;
    const c = s.charCodeAt(ns);
    if (len === 1) {
      if (c === 99 /* c */) {
        if (this.inCell) this.closeCell();
      } else if (c === 118 /* v */) {
        if (this.capture === 1) {
          this.v = this.raw;
          this.capture = 0;
        }
      } else if (c === 116 /* t */) {
        if (this.capture === 2) {
          this.inlineText += excelUnescape(xmlText(this.raw));
          this.capture = 0;
        }
      }
    } else if (len === 3 && c === 114 /* r */) {
      if (isName(s, ns, ne, 'row')) {
        if (this.inRow) this.closeRow();
      } else if (isName(s, ns, ne, 'rPh')) this.inPhonetic = false;
    } else if (len === 2 && isName(s, ns, ne, 'is')) {
      this.inIs = false;
    } else if (isName(s, ns, ne, 'sheetData')) {
      this.phase = 2;
    }
  }

  private openRow(s: string, from: number, gt: number, selfClosing: boolean): void {
    this.attributes(s, from, gt);
    this.rowR = this.rAt === -1 ? 0 : parseInt(s.slice(this.rAt, this.rEnd), 10) || 0;
    this.firstCellRow = 0;
    this.col = 0;
    this.cells.length = 0;
    this.inRow = true;
    this.inCell = false;
    if (selfClosing) this.closeRow();
  }

  private closeRow(): void {
    // Excel may leave out r on rows and cells: a row then follows the one before.
    const row = this.rowR || this.firstCellRow || this.prevRow + 1;
    this.prevRow = row;
    this.inRow = false;
    this.inCell = false;
    this.capture = 0;
    this.onRow(row, this.cells);
  }

  private openCell(s: string, from: number, gt: number, selfClosing: boolean): void {
    this.attributes(s, from, gt);
    let col: number;
    if (this.rAt === -1) col = this.col + 1;
    else {
      // "AB12": letters give the column; the digits, the row (used when <row> has no r).
      col = 0;
      let i = this.rAt;
      for (; i < this.rEnd; i++) {
        const ch = s.charCodeAt(i) | 32; // lower case
        if (ch < 97 || ch > 122) break;
        col = col * 26 + (ch - 96);
        if (col > MAX_COLUMN) break;
      }
      let row = 0;
      const digits = i;
      for (; i < this.rEnd; i++) {
        const d = s.charCodeAt(i) - 48;
        if (d < 0 || d > 9) break;
        row = row * 10 + d;
      }
      if (col === 0 || digits === i || i !== this.rEnd) {
        throw new XlsxFormatError(`bad cell reference ${s.slice(this.rAt, this.rEnd)}`);
      }
      if (!this.firstCellRow) this.firstCellRow = row;
    }
    if (col > MAX_COLUMN) throw new XlsxFormatError('column past XFD');
    this.col = col;
    if (selfClosing) return; // a formatted empty cell
    this.inCell = true;
    this.cellCol = col;
    this.cellStyle = this.sAt === -1 ? 0 : digitsAt(s, this.sAt, this.sEnd);
    this.cellType = this.tAt === -1 ? NUMBER : cellType(s, this.tAt, this.tEnd);
    this.hasFormula = false;
    this.v = null;
    this.inlineText = null;
    this.inIs = false;
    this.inPhonetic = false;
    this.capture = 0;
  }

  private closeCell(): void {
    this.inCell = false;
    this.capture = 0;
    const text = this.texts.text(
      this.cellType,
      this.cellStyle,
      this.hasFormula,
      this.v,
      this.inlineText,
    );
    if (text === '') return;
    const cells = this.cells;
    // Cells repeating one reference would otherwise pile up without bound.
    if (cells.length === MAX_COLUMN) throw new XlsxFormatError('more cells than columns in a row');
    cells.cols[cells.length] = this.cellCol;
    cells.texts[cells.length] = text;
    cells.length++;
  }

  /** Finds the r, s and t attributes of the tag between `from` and `gt`. */
  private attributes(s: string, from: number, gt: number): void {
    this.rAt = this.sAt = this.tAt = -1;
    let i = from;
    while (i < gt) {
      const c = s.charCodeAt(i);
      if (c <= 32 || c === 47) {
        i++;
        continue;
      }
      const nameAt = i;
      while (i < gt) {
        const d = s.charCodeAt(i);
        if (d === 61 || d <= 32) break;
        i++;
      }
      const nameEnd = i;
      while (i < gt && s.charCodeAt(i) !== 61) i++;
      i++;
      while (i < gt && s.charCodeAt(i) <= 32) i++;
      const q = s.charCodeAt(i);
      if (q !== 34 && q !== 39) throw new XlsxFormatError('attribute without a quoted value');
      const at = i + 1;
      const end = s.indexOf(q === 34 ? '"' : "'", at);
      if (end === -1 || end > gt) throw new XlsxFormatError('unterminated attribute');
      i = end + 1;
      if (nameEnd - nameAt !== 1) continue;
      const n = s.charCodeAt(nameAt);
      if (n === 114 /* r */) {
        this.rAt = at;
        this.rEnd = end;
      } else if (n === 115 /* s */) {
        this.sAt = at;
        this.sEnd = end;
      } else if (n === 116 /* t */) {
        this.tAt = at;
        this.tEnd = end;
      }
    }
  }
}

/** Start and end of the element name of the tag at `from` (just after `<`), prefix left out. */
function nameSpan(s: string, from: number, gt: number): [number, number] {
  let ne = from;
  while (ne < gt) {
    const c = s.charCodeAt(ne);
    if (c <= 32 || c === 47 || c === 62) break;
    ne++;
  }
  return [localStart(s, from, ne), ne];
}

function localStart(s: string, from: number, end: number): number {
  for (let i = end - 1; i >= from; i--) if (s.charCodeAt(i) === 58 /* : */) return i + 1;
  return from;
}

function isName(s: string, ns: number, ne: number, name: string): boolean {
  return ne - ns === name.length && s.startsWith(name, ns);
}

function digitsAt(s: string, from: number, end: number): number {
  let n = 0;
  for (let i = from; i < end; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return n;
    n = n * 10 + d;
  }
  return n;
}

/** Skips a comment or processing instruction at `lt`; a DTD is refused. -1: not all here yet. */
function skipSpecial(s: string, lt: number): number {
  if (s.startsWith('<!--', lt)) {
    const end = s.indexOf('-->', lt + 4);
    return end === -1 ? -1 : end + 3;
  }
  if (s.charCodeAt(lt + 1) === 63 /* ? */) {
    const end = s.indexOf('?>', lt + 2);
    return end === -1 ? -1 : end + 2;
  }
  if (s.length - lt < 9) return -1;
  if (s.startsWith('<![CDATA[', lt)) throw new XlsxFormatError('CDATA outside a cell');
  throw new XlsxFormatError('DTDs are not read');
}
