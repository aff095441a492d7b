import { attributesOf, excelUnescape, xmlText, XmlScanner, type XmlHandler } from './xlsx-xml.ts';

/** A sheet of the workbook, in the order the workbook lists them. */
export type WorkbookSheet = { name: string; rId: string };

export type WorkbookInfo = { sheets: WorkbookSheet[]; date1904: boolean };

/** xl/workbook.xml: the sheets in order, and the date system. */
export function parseWorkbook(xml: string): WorkbookInfo {
  const info: WorkbookInfo = { sheets: [], date1904: false };
  const scanner = new XmlScanner(
    {
      open(name, tag) {
        if (name === 'workbookPr') {
          const value = attributesOf(tag).get('date1904');
          info.date1904 = value === '1' || value === 'true';
        } else if (name === 'sheet') {
          const attrs = attributesOf(tag);
          // r:id, whatever prefix the relationships namespace has here.
          let rId = '';
          for (const [key, value] of attrs) if (key.endsWith(':id')) rId = value;
          info.sheets.push({ name: attrs.get('name') ?? '', rId });
        }
      },
      close() {},
    },
    'workbook',
  );
  scanner.feed(xml);
  scanner.end();
  return info;
}

export type Relationship = { id: string; type: string; target: string };

/**
 * A .rels part, targets resolved to part names (xl/worksheets/sheet1.xml)
 * against the folder of the part they belong to (`base`, e.g. "xl/").
 */
export function parseRelationships(xml: string, base: string): Relationship[] {
  const rels: Relationship[] = [];
  const scanner = new XmlScanner(
    {
      open(name, tag) {
        if (name !== 'Relationship') return;
        const attrs = attributesOf(tag);
        if (attrs.get('TargetMode') === 'External') return;
        rels.push({
          id: attrs.get('Id') ?? '',
          type: attrs.get('Type') ?? '',
          target: resolvePart(base, attrs.get('Target') ?? ''),
        });
      },
      close() {},
    },
    'Relationships',
  );
  scanner.feed(xml);
  scanner.end();
  return rels;
}

function resolvePart(base: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : base + target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

// Built-in number formats that show a date or time (ECMA-376 §18.8.30),
// with the codes exceljs gives them.
const BUILT_IN_FORMATS: Record<number, string> = {
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
};

/**
 * Built-in formats whose code depends on the locale: in Chinese (and
 * Japanese, Korean) Excel all of 27–36 and 50–58 are dates or times, such as
 * 31 (yyyy"年"m"月"d"日"). exceljs knows no code for them and reads such
 * cells as numbers; here they are dates.
 */
function isEastAsianDateFormat(id: number): boolean {
  return (id >= 27 && id <= 36) || (id >= 50 && id <= 58);
}

/**
 * Whether a number format code shows a date, by exceljs's rule: a date or
 * time letter (y m d h s b, M) outside [brackets] and "quoted text".
 */
export function isDateFormat(code: string): boolean {
  const bare = code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]/.test(bare);
}

/** xl/styles.xml: for each cell style (cellXfs index), 1 when it shows a date. */
export function parseDateStyles(xml: string): Uint8Array {
  const custom = new Map<number, string>();
  const xfFormats: number[] = [];
  let inCellXfs = false;
  const scanner = new XmlScanner(
    {
      open(name, tag, selfClosing) {
        if (name === 'numFmt') {
          const attrs = attributesOf(tag);
          const id = parseInt(attrs.get('numFmtId') ?? '', 10);
          // exceljs drops the backslash of escaped characters before looking for date letters.
          const code = (attrs.get('formatCode') ?? '').replace(/\\(.)/g, '$1');
          if (!Number.isNaN(id)) custom.set(id, code);
        } else if (name === 'cellXfs') {
          inCellXfs = !selfClosing;
        } else if (name === 'xf' && inCellXfs) {
          xfFormats.push(parseInt(attributesOf(tag).get('numFmtId') ?? '0', 10) || 0);
        }
      },
      close(name) {
        if (name === 'cellXfs') inCellXfs = false;
      },
    },
    'styleSheet',
  );
  scanner.feed(xml);
  scanner.end();
  const dates = new Uint8Array(xfFormats.length);
  xfFormats.forEach((id, i) => {
    if (id === 0) return;
    const code = custom.get(id) ?? BUILT_IN_FORMATS[id];
    dates[i] = (code === undefined ? isEastAsianDateFormat(id) : isDateFormat(code)) ? 1 : 0;
  });
  return dates;
}

/**
 * xl/sharedStrings.xml, fed as it is inflated: each string as cell text,
 * rich-text runs joined, phonetic guides (<rPh>, furigana) left out, trimmed.
 */
export class SharedStringsParser {
  readonly strings: string[] = [];
  private readonly scanner: XmlScanner;

  constructor() {
    let inSi = false;
    let inPhonetic = false;
    let inT = false;
    let raw = '';
    let text = '';
    const handler: XmlHandler = {
      open: (name, _tag, selfClosing) => {
        if (name === 'si') {
          inSi = true;
          text = '';
        } else if (name === 't') {
          inT = inSi && !inPhonetic && !selfClosing;
          raw = '';
        } else if (name === 'rPh') inPhonetic = !selfClosing;
      },
      close: (name) => {
        if (name === 't') {
          if (inT) text += excelUnescape(xmlText(raw));
          inT = false;
        } else if (name === 'rPh') inPhonetic = false;
        else if (name === 'si') {
          this.strings.push(text.trim());
          inSi = false;
        }
      },
      text: (piece, cdata) => {
        if (inT) raw += cdata ? piece.replace(/&/g, '&amp;') : piece;
      },
    };
    this.scanner = new XmlScanner(handler, 'sst');
  }

  feed(chunk: string): void {
    this.scanner.feed(chunk);
  }

  end(): void {
    this.scanner.end();
  }
}
