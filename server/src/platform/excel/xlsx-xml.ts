/**
 * Just enough XML for the parts of an .xlsx (SpreadsheetML as Excel, WPS,
 * LibreOffice and exceljs write it): elements, attributes, text, the five
 * predefined entities and character references, comments, CDATA and
 * processing instructions. No DTDs (an entity other than the five is an
 * error, so nothing expands), no namespace resolution: element names are
 * compared without their prefix (`x:row` is `row`).
 */

/** A part that is not the XML it should be: the upload answers 415. */
export class XlsxFormatError extends Error {}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * The text of raw XML character data: line ends normalised as an XML
 * parser does (CR LF and lone CR become LF), entities and character
 * references replaced.
 */
export function xmlText(raw: string): string {
  let s = raw;
  if (s.includes('\r')) s = s.replace(/\r\n?/g, '\n');
  if (!s.includes('&')) return s;
  return s.replace(/&([^;&<]*);?/g, (match, name: string) => {
    if (!match.endsWith(';')) throw new XlsxFormatError(`bare & in text`);
    if (name.charCodeAt(0) === 35 /* # */) {
      const hex = name.charCodeAt(1) === 120; /* x */
      const digits = name.slice(hex ? 2 : 1);
      const code = hex ? parseInt(digits, 16) : parseInt(digits, 10);
      const valid = hex ? /^[0-9a-fA-F]+$/.test(digits) : /^[0-9]+$/.test(digits);
      if (!valid || code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
        throw new XlsxFormatError(`bad character reference &${name};`);
      }
      return String.fromCodePoint(code);
    }
    const text = NAMED[name];
    if (text === undefined) throw new XlsxFormatError(`unknown entity &${name};`);
    return text;
  });
}

/**
 * Excel's escapes for characters XML cannot carry (ECMA-376 §22.9.2.19,
 * ST_Xstring): `_x000D_` is a CR, `_x005F_` an underscore, so `_x005F_x0041_`
 * stays `_x0041_`. Upper-case hex only, as exceljs decodes them.
 */
export function excelUnescape(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9A-F]{4})_/g, (_m, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  );
}

/** An element name without its namespace prefix. */
function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

/**
 * Where the tag that starts at `from` (just after its `<`) ends: the index of
 * its `>`, skipping quoted attribute values; -1 when the text ends first.
 */
export function tagEnd(s: string, from: number): number {
  const n = s.length;
  for (let i = from; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 62 /* > */) return i;
    if (c === 34 /* " */ || c === 39 /* ' */) {
      const close = s.indexOf(c === 34 ? '"' : "'", i + 1);
      if (close === -1) return -1;
      i = close;
    }
  }
  return -1;
}

/** The attributes of a raw tag (`name a="1" b='2'`), values decoded, names as written. */
export function attributesOf(tag: string): Map<string, string> {
  const attrs = new Map<string, string>();
  const re = /([^\s=/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(tag))) {
    const raw = m[2] ?? m[3] ?? '';
    // Attribute values normalise whitespace characters to spaces (XML 1.0 §3.3.3).
    attrs.set(m[1]!, xmlText(raw.replace(/[\t\n\r]/g, ' ')));
  }
  return attrs;
}

/** What a part's parser is told, in document order. */
export type XmlHandler = {
  /** An element opens; `tag` is the raw text between `<` and `>`, for `attributesOf`. */
  open(name: string, tag: string, selfClosing: boolean): void;
  close(name: string): void;
  /** Raw character data (entities not yet replaced); may come in pieces. CDATA comes decoded. */
  text?(raw: string, cdata: boolean): void;
};

/**
 * Feeds XML text, in pieces as it is inflated, to a handler. Checks the
 * first element is `root` and refuses text outside it, which is where a part
 * that is not XML at all (or another part under this name) shows.
 */
export class XmlScanner {
  private buf = '';
  private started = false;
  private depth = 0;

  constructor(
    private readonly handler: XmlHandler,
    private readonly root: string,
  ) {}

  feed(chunk: string): void {
    const s = this.buf + chunk;
    const h = this.handler;
    let pos = 0;
    for (;;) {
      const lt = s.indexOf('<', pos);
      const textEnd = lt === -1 ? s.length : lt;
      if (textEnd > pos) {
        if (this.depth > 0) h.text?.(s.slice(pos, textEnd), false);
        else if (!/^\s*$/.test(s.slice(pos, textEnd).replace(/^\uFEFF/, ''))) {
          throw new XlsxFormatError('text outside the root element');
        }
        pos = textEnd;
      }
      if (lt === -1) break;
      const next = s.charCodeAt(lt + 1);
      if (Number.isNaN(next)) break;
      if (next === 33 /* ! */ || next === 63 /* ? */) {
        const end = this.special(s, lt);
        if (end === -1) break;
        pos = end;
        continue;
      }
      const gt = tagEnd(s, lt + 1);
      if (gt === -1) break;
      pos = gt + 1;
      if (next === 47 /* / */) {
        this.depth--;
        h.close(localName(s.slice(lt + 2, gt).trim()));
        continue;
      }
      const selfClosing = s.charCodeAt(gt - 1) === 47;
      const tag = s.slice(lt + 1, selfClosing ? gt - 1 : gt);
      const nameEnd = tag.search(/[\s/]|$/);
      const name = localName(tag.slice(0, nameEnd));
      if (!this.started) {
        if (name !== this.root) throw new XlsxFormatError(`expected <${this.root}>`);
        this.started = true;
      } else if (this.depth === 0) throw new XlsxFormatError('a second root element');
      h.open(name, tag, selfClosing);
      if (selfClosing) h.close(name);
      else this.depth++;
    }
    this.buf = s.slice(pos);
  }

  /** Comment, CDATA, DOCTYPE or processing instruction at `lt`: the index after it, or -1. */
  private special(s: string, lt: number): number {
    if (s.startsWith('<!--', lt)) {
      const end = s.indexOf('-->', lt + 4);
      return end === -1 ? -1 : end + 3;
    }
    if (s.startsWith('<![CDATA[', lt)) {
      const end = s.indexOf(']]>', lt + 9);
      if (end === -1) return -1;
      if (this.depth === 0) throw new XlsxFormatError('CDATA outside the root element');
      this.handler.text?.(s.slice(lt + 9, end), true);
      return end + 3;
    }
    if (s.length - lt < 9) return -1;
    if (s.startsWith('<!', lt)) throw new XlsxFormatError('DTDs are not read');
    const end = s.indexOf('?>', lt + 2);
    return end === -1 ? -1 : end + 2;
  }

  /** The part has ended: it must have had its root element. */
  end(): void {
    if (!this.started) throw new XlsxFormatError(`no <${this.root}> element`);
  }
}
