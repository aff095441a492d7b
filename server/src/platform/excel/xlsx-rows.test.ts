import { PassThrough, Readable } from 'node:stream';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { ImportErrors } from './import-errors.ts';
import { readImportSheet } from './read-sheet.ts';
import { cellText } from './workbook.ts';
import { readXlsxRows, XlsxFormatError, XlsxZipError } from './xlsx-rows.ts';
import { checkZipInflation } from './zip-guard.ts';

const MB = 1024 * 1024;

/** Rows as [row number, [column, text][]]: non-blank cells only, rows without any left out. */
type Rows = [number, [number, string][]][];

async function ours(file: Buffer): Promise<Rows> {
  const rows: Rows = [];
  await readXlsxRows(file, 80 * MB, (row, cells) => {
    const list: [number, string][] = [];
    for (let i = 0; i < cells.length; i++) list.push([cells.cols[i]!, cells.texts[i]!]);
    if (list.length) rows.push([row, list.sort((a, b) => a[0] - b[0])]);
  });
  return rows;
}

const asRow = (row: ExcelJS.Row): [number, string][] => {
  const list: [number, string][] = [];
  row.eachCell((cell, col) => {
    const text = cellText(cell.value);
    if (text !== '') list.push([col, text]);
  });
  return list;
};

/** The oracle the import used until now: exceljs's streaming WorkbookReader. */
async function exceljsStream(file: Buffer): Promise<Rows> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(file), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const rows: Rows = [];
  let found = false;
  for await (const sheet of reader) {
    const ws = sheet as unknown as AsyncIterable<ExcelJS.Row> & { name?: string };
    for await (const row of ws) {
      if (found || ws.name === '说明') continue;
      const list = asRow(row);
      if (list.length) rows.push([row.number, list]);
    }
    if (ws.name !== '说明') found = true;
  }
  return rows;
}

/** exceljs's Workbook reader (JSZip, whole file), which reads formulas and escapes better. */
async function exceljsWorkbook(file: Buffer): Promise<Rows> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file as unknown as ArrayBuffer);
  const ws = wb.worksheets.find((w) => w.name !== '说明')!;
  const rows: Rows = [];
  ws.eachRow((row) => {
    const list = asRow(row);
    if (list.length) rows.push([row.number, list]);
  });
  return rows;
}

async function workbookBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A zip of these files, deflated (or stored), written the way Excel lays one out. */
function zipOf(files: Record<string, string | Buffer>, method: 0 | 8 = 8): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const raw = Buffer.from(content);
    const data = method === 8 ? zlib.deflateRawSync(raw) : raw;
    const nameBytes = Buffer.from(name);
    const crc = zlib.crc32(raw);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A hand-written .xlsx: sheets (name → sheetData XML), shared strings, number formats. */
function handXlsx(opts: {
  sheets: [string, string][];
  shared?: string[];
  /** cellXfs numFmtIds, index = style id; style 0 is General. */
  xfs?: number[];
  numFmts?: [number, string][];
  date1904?: boolean;
  prefix?: string;
  method?: 0 | 8;
}): Buffer {
  const p = opts.prefix ? `${opts.prefix}:` : '';
  const ns = opts.prefix
    ? `xmlns:${opts.prefix}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`
    : NS;
  const files: Record<string, string> = {
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8"?><${p}workbook ${ns} xmlns:r="${REL}">${opts.date1904 ? `<${p}workbookPr date1904="1"/>` : ''}<${p}sheets>${opts.sheets.map(([name], i) => `<${p}sheet name="${name}" sheetId="${i + 1}" r:id="rId${i + 3}"/>`).join('')}</${p}sheets></${p}workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>${opts.sheets.map((_s, i) => `<Relationship Id="rId${i + 3}" Type="${REL}/worksheet" Target="/xl/worksheets/sheet${i + 1}.xml"/>`).join('')}</Relationships>`,
    'xl/styles.xml': `<?xml version="1.0" encoding="UTF-8"?><${p}styleSheet ${ns}>${opts.numFmts ? `<${p}numFmts count="${opts.numFmts.length}">${opts.numFmts.map(([id, code]) => `<${p}numFmt numFmtId="${id}" formatCode="${code}"/>`).join('')}</${p}numFmts>` : ''}<${p}fonts count="1"><${p}font/></${p}fonts><${p}fills count="1"><${p}fill/></${p}fills><${p}borders count="1"><${p}border/></${p}borders><${p}cellXfs>${(opts.xfs ?? [0]).map((id) => `<${p}xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0"/>`).join('')}</${p}cellXfs></${p}styleSheet>`,
    'xl/sharedStrings.xml': `<?xml version="1.0" encoding="UTF-8"?><${p}sst ${ns}>${(opts.shared ?? []).join('')}</${p}sst>`,
  };
  opts.sheets.forEach(([, data], i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<${p}worksheet ${ns}><${p}sheetData>${data}</${p}sheetData></${p}worksheet>`;
  });
  return zipOf(files, opts.method);
}

describe('readXlsxRows', () => {
  it('reads what both exceljs readers read from a workbook exceljs wrote (shared strings, styles)', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('说明').addRow(['不是数据']);
    const ws = wb.addWorksheet('资产');
    ws.addRow(['编码', '名称', '数量', '日期', '备注']);
    const set = (ref: string, value: ExcelJS.CellValue, numFmt?: string) => {
      ws.getCell(ref).value = value;
      if (numFmt) ws.getCell(ref).numFmt = numFmt;
    };
    set('A2', '00123');
    set('B2', '  学生课桌  ');
    set('C2', 3);
    set('D2', new Date(Date.UTC(2024, 7, 20)), 'yyyy-mm-dd');
    set('E2', `a & b <c> "q" 'x'`);
    set('A3', 0.1 + 0.2);
    set('B3', 1e-7);
    set('C3', 123456789012345);
    set('D3', new Date(Date.UTC(2023, 0, 31)), 'yyyy"年"m"月"d"日"');
    set('E3', true);
    set('A4', -5.5);
    set('B4', { richText: [{ text: '红', font: { bold: true } }, { text: '色 ' }] });
    set('C4', { text: '邮件', hyperlink: 'mailto:a@example.cn' });
    set('D4', new Date(Date.UTC(2024, 1, 29, 18, 30)), 'yyyy-mm-dd hh:mm');
    set('E4', false);
    // Row 5 left blank.
    set('A6', { error: '#N/A' });
    set('B6', '');
    set('C6', 1e21);
    set('D6', new Date(Date.UTC(1999, 11, 31)), 'mm-dd-yy');
    set('E6', '第一行\n第二行');
    set('A7', { formula: '1+1', result: 2 });
    set('B7', { formula: '"a"&"b"', result: 'ab' });
    set('C7', 6934.82, '#,##0.00');
    set('D7', 45292, '[$-804]yyyy/m/d;@');
    set('E7', 12, '0"天"');
    const file = await workbookBuffer(wb);

    const rows = await ours(file);
    expect(rows).toEqual(await exceljsStream(file));
    expect(rows).toEqual(await exceljsWorkbook(file));
    expect(rows).toEqual([
      [
        1,
        [
          [1, '编码'],
          [2, '名称'],
          [3, '数量'],
          [4, '日期'],
          [5, '备注'],
        ],
      ],
      [
        2,
        [
          [1, '00123'],
          [2, '学生课桌'],
          [3, '3'],
          [4, '2024-08-20'],
          [5, `a & b <c> "q" 'x'`],
        ],
      ],
      [
        3,
        [
          [1, '0.30000000000000004'],
          [2, '1e-7'],
          [3, '123456789012345'],
          [4, '2023-01-31'],
          [5, 'TRUE'],
        ],
      ],
      [
        4,
        [
          [1, '-5.5'],
          [2, '红色'],
          [3, '邮件'],
          [4, '2024-02-29'],
          [5, 'FALSE'],
        ],
      ],
      [
        6,
        [
          [1, '#N/A'],
          [3, '1e+21'],
          [4, '1999-12-31'],
          [5, '第一行\n第二行'],
        ],
      ],
      [
        7,
        [
          [1, '2'],
          [2, 'ab'],
          [3, '6934.82'],
          [4, '2024-01-01'],
          [5, '12'],
        ],
      ],
    ]);
  });

  it('reads the streaming writer’s files, with and without shared strings, as exceljs does', async () => {
    for (const useSharedStrings of [true, false]) {
      const out = new PassThrough();
      const chunks: Buffer[] = [];
      out.on('data', (d: Buffer) => chunks.push(d));
      const ended = new Promise((resolve) => out.on('end', resolve));
      const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
        stream: out,
        useStyles: true,
        useSharedStrings,
      });
      const ws = wb.addWorksheet('资产');
      ws.columns = [{ width: 10 }, { width: 10, style: { numFmt: 'yyyy-mm-dd' } }, { width: 10 }];
      ws.addRow(['名称*', '购置日期', '单价（元）']).commit();
      for (let n = 0; n < 300; n++) {
        ws.addRow([
          `课桌 & 椅 ${n}`,
          n % 3 ? new Date(Date.UTC(2020, 0, 1 + n)) : null,
          n / 4,
        ]).commit();
      }
      ws.commit();
      await wb.commit();
      await ended;
      const file = Buffer.concat(chunks);
      const rows = await ours(file);
      expect(rows).toEqual(await exceljsStream(file));
      expect(rows).toHaveLength(301);
      expect(rows[2]).toEqual([
        3,
        [
          [1, '课桌 & 椅 1'],
          [2, '2020-01-02'],
          [3, '0.25'],
        ],
      ]);
      expect(rows[1]).toEqual([
        2,
        [
          [1, '课桌 & 椅 0'],
          [3, '0'],
        ],
      ]);
    }
  });

  it('reads the 1904 date system', async () => {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['日期']);
    ws.addRow([new Date(Date.UTC(2024, 7, 20))]).getCell(1).numFmt = 'yyyy-mm-dd';
    const file = await workbookBuffer(wb);
    const rows = await ours(file);
    expect(rows).toEqual(await exceljsStream(file));
    expect(rows[1]).toEqual([2, [[1, '2024-08-20']]]);
    // The same serial read in the 1900 system is four years and a day earlier.
    const serial = 45524 - 1462; // 2024-08-20 as a 1904 serial
    const hand = (date1904: boolean) =>
      handXlsx({
        sheets: [['S', `<row r="1"><c r="A1" s="1"><v>${serial}</v></c></row>`]],
        xfs: [0, 14],
        date1904,
      });
    expect(await ours(hand(true))).toEqual([[1, [[1, '2024-08-20']]]]);
    expect(await ours(hand(false))).toEqual([[1, [[1, '2020-08-19']]]]);
  });

  it('reads formula results as exceljs’s Workbook reader does: booleans, errors, dates', async () => {
    const sheet =
      '<row r="1"><c r="A1" t="b"><f>TRUE()</f><v>1</v></c><c r="B1" t="e"><f>NA()</f><v>#N/A</v></c>' +
      '<c r="C1" s="1"><f>TODAY()</f><v>45292</v></c><c r="D1" t="str"><f>A1&amp;"x"</f><v>TRUEx</v></c>' +
      '<c r="E1"><f>1/0</f></c><c r="F1"><f t="shared" ref="F1:F2" si="0">3+4</f><v>7</v></c></row>';
    const file = handXlsx({ sheets: [['S', sheet]], xfs: [0, 14] });
    const rows = await ours(file);
    expect(rows).toEqual(await exceljsWorkbook(file));
    expect(rows).toEqual([
      [
        1,
        [
          [1, 'TRUE'],
          [2, '#N/A'],
          [3, '2024-01-01'],
          [4, 'TRUEx'],
          [6, '7'],
        ],
      ],
    ]);
  });

  it('reads inline strings, rich text, phonetic guides, entities and _xHHHH_ escapes', async () => {
    const shared = [
      '<si><t>普通</t></si>',
      '<si><r><rPr><b/></rPr><t>富</t></r><r><t xml:space="preserve">文本 </t></r></si>',
      '<si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/></si>',
      '<si><t>a&amp;b &lt;c&gt; &quot;q&quot; &apos;x&apos; &#36;&#x4E2D;</t></si>',
      '<si><t>回车_x000D_换行 _x005F_x0041_</t></si>',
      '<si><t/></si>',
    ];
    const sheet =
      '<row r="1">' +
      [0, 1, 2, 3, 4, 5].map((i) => `<c r="${'ABCDEF'[i]}1" t="s"><v>${i}</v></c>`).join('') +
      '</row><row r="2"><c r="A2" t="inlineStr"><is><t> 内联 </t></is></c>' +
      '<c r="B2" t="inlineStr"><is><r><t>甲</t></r><r><rPr><i/></rPr><t>乙</t></r></is></c>' +
      '<c r="C2" t="inlineStr"><is><t>東</t><rPh sb="0" eb="1"><t>ヒガシ</t></rPh></is></c>' +
      '<c r="D2" t="str"><v>1 &amp;lt; 2</v></c>' +
      '<c r="E2"><v>1E-3</v></c><c r="F2" t="n"><v> 42 </v></c><c r="G2"><v/></c>' +
      '<c r="H2" t="inlineStr"><is><t><![CDATA[<b>&amp;</b>]]></t></is></c>' +
      // A formula shared from elsewhere: its cached value.
      '<c r="I2"><f t="shared" si="0"/><v>8</v></c></row>';
    const rows = await ours(handXlsx({ sheets: [['S', sheet]], shared }));
    expect(rows).toEqual([
      [
        1,
        [
          [1, '普通'],
          [2, '富文本'],
          [3, '東京'],
          [4, `a&b <c> "q" 'x' $中`],
          [5, '回车\r换行 _x0041_'],
        ],
      ],
      [
        2,
        [
          [1, '内联'],
          [2, '甲乙'],
          [3, '東'],
          [4, '1 &lt; 2'],
          [5, '0.001'],
          [6, '42'],
          [8, '<b>&amp;</b>'],
          [9, '8'],
        ],
      ],
    ]);
  });

  it('places cells and rows without an r attribute after the one before', async () => {
    const sheet =
      '<row><c t="inlineStr"><is><t>甲</t></is></c><c><v>2</v></c></row>' +
      '<row r="4"><c r="C4"><v>3</v></c><c><v>4</v></c></row>' +
      '<row><c><v>5</v></c></row>' +
      '<row><c r="B9"><v>6</v></c></row>';
    expect(await ours(handXlsx({ sheets: [['S', sheet]] }))).toEqual([
      [
        1,
        [
          [1, '甲'],
          [2, '2'],
        ],
      ],
      [
        4,
        [
          [3, '3'],
          [4, '4'],
        ],
      ],
      [5, [[1, '5']]],
      [9, [[2, '6']]],
    ]);
  });

  it('knows dates by style: built-in, custom and Chinese built-in formats, and Excel’s 1900 leap day', async () => {
    const xfs = [0, 14, 164, 165, 31, 2, 166, 22];
    const numFmts: [number, string][] = [
      [164, 'yyyy&quot;年&quot;m&quot;月&quot;'],
      [165, '[Red]#,##0&quot;d&quot;'],
      [166, '0.0\\m'],
    ];
    const cells = [45292.75, 1, 59, 60, 61, 45292, 45292, 45292, 45292, 45292, 45292.5];
    const styles = [1, 1, 1, 1, 1, 2, 3, 4, 5, 6, 7];
    const sheet = `<row r="1">${cells.map((v, i) => `<c r="${String.fromCharCode(65 + i)}1" s="${styles[i]}"><v>${v}</v></c>`).join('')}</row>`;
    const file = handXlsx({ sheets: [['S', sheet]], xfs, numFmts });
    expect(await ours(file)).toEqual([
      [
        1,
        [
          [1, '2024-01-01'],
          [2, '1900-01-01'],
          [3, '1900-02-28'],
          [4, '1900-02-29'],
          [5, '1900-03-01'],
          [6, '2024-01-01'], // yyyy"年"m"月"
          [7, '45292'], // the d is quoted: a number
          [8, '2024-01-01'], // built-in 31, yyyy"年"m"月"d"日" in Chinese Excel
          [9, '45292'], // 0.00
          [10, '2024-01-01'], // 0.0\m: exceljs reads the escaped m as a month
          [11, '2024-01-01'], // m/d/yy h:mm
        ],
      ],
    ]);
  });

  it('reads prefixed element names, the data sheet after 说明, comments and CRLF', async () => {
    const file = handXlsx({
      prefix: 'x',
      sheets: [
        ['说明', '<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c></x:row>'],
        ['数据', '<!-- 注释 --><x:row r="1"><x:c r="A1" t="s"><x:v>1</x:v></x:c></x:row>'],
      ],
      shared: ['<x:si><x:t>说明文字</x:t></x:si>', '<x:si><x:t>一\r\n二</x:t></x:si>'],
    });
    expect(await ours(file)).toEqual([[1, [[1, '一\n二']]]]);
  });

  it('reads a sheet across many inflated chunks, stored or deflated', async () => {
    const n = 20_000;
    const sheet = Array.from(
      { length: n },
      (_v, i) =>
        `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>资产 &amp; 设备 ${i}</t></is></c>` +
        `<c r="B${i + 1}" s="1"><v>${45000 + (i % 400)}</v></c></row>`,
    ).join('');
    for (const method of [0, 8] as const) {
      const file = handXlsx({ sheets: [['S', sheet]], xfs: [0, 14], method });
      const rows = await ours(file);
      expect(rows).toHaveLength(n);
      expect(rows[0]).toEqual([
        1,
        [
          [1, '资产 & 设备 0'],
          [2, '2023-03-15'],
        ],
      ]);
      expect(rows[n - 1]).toEqual([
        n,
        [
          [1, `资产 & 设备 ${n - 1}`],
          [2, '2024-04-17'],
        ],
      ]);
      expect(rows.every(([row, cells]) => cells[0]![1] === `资产 & 设备 ${row - 1}`)).toBe(true);
    }
  });

  it('answers what checkZipInflation answers, for the first bad entry in the file', async () => {
    const verdict = (zip: Buffer, budget = 80 * MB) =>
      readXlsxRows(zip, budget, () => {}).then(
        () => 'ok',
        (err: unknown) => {
          if (err instanceof XlsxZipError) return err.verdict;
          if (err instanceof XlsxFormatError) return 'format';
          throw err;
        },
      );
    const hand = handXlsx({ sheets: [['S', '<row r="1"><c r="A1"><v>1</v></c></row>']] });
    // exceljs's streaming writer puts the sheet before the shared strings.
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (d: Buffer) => chunks.push(d));
    const ended = new Promise((resolve) => out.on('end', resolve));
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true });
    writer.addWorksheet('S').addRow(['甲']).commit();
    await writer.commit();
    await ended;
    const streamed = Buffer.concat(chunks);
    const sheet = 'xl/worksheets/sheet1.xml';
    const sizes = (file: Buffer, changes: [string, number][]) =>
      changes.reduce((f, [name, by]) => withDeclaredSize(f, name, (n) => n + by), file);
    const cases: [Buffer, number, string][] = [
      [hand, 80 * MB, 'ok'],
      [hand, 100, 'too-large'],
      [hand.subarray(0, hand.length - 30), 80 * MB, 'unreadable'],
      [sizes(hand, [[sheet, -1]]), 80 * MB, 'too-large'],
      [sizes(hand, [[sheet, 1]]), 80 * MB, 'unreadable'],
      [sizes(hand, [['xl/styles.xml', 1]]), 80 * MB, 'unreadable'],
      // Styles come before the sheet here, the sheet before the shared strings there.
      [
        sizes(hand, [
          [sheet, -1],
          ['xl/styles.xml', 1],
        ]),
        80 * MB,
        'unreadable',
      ],
      [
        sizes(streamed, [
          [sheet, -1],
          ['xl/sharedStrings.xml', 1],
        ]),
        80 * MB,
        'too-large',
      ],
      [
        sizes(streamed, [
          [sheet, 1],
          ['xl/sharedStrings.xml', -1],
        ]),
        80 * MB,
        'unreadable',
      ],
      [sizes(streamed, [['xl/sharedStrings.xml', -1]]), 80 * MB, 'too-large'],
    ];
    for (const [file, budget, expected] of cases) {
      expect(await checkZipInflation(file, budget)).toBe(expected);
      expect(await verdict(file, budget)).toBe(expected);
    }
    // Not XML where a sheet should be: a format error, once the zip is sound.
    expect(await verdict(zipOf({ 'xl/worksheets/sheet1.xml': 'PK junk' }))).toBe('format');
  });
});

/** `file` with the declared (uncompressed) size of one entry changed, in both headers. */
function withDeclaredSize(file: Buffer, name: string, change: (n: number) => number): Buffer {
  const out = Buffer.from(file);
  const endAt = out.length - 22;
  let p = out.readUInt32LE(endAt + 16);
  for (let n = out.readUInt16LE(endAt + 10); n > 0; n--) {
    const nameLength = out.readUInt16LE(p + 28);
    if (out.toString('utf8', p + 46, p + 46 + nameLength) === name) {
      const size = change(out.readUInt32LE(p + 24));
      out.writeUInt32LE(size, p + 24);
      out.writeUInt32LE(size, out.readUInt32LE(p + 42) + 22);
    }
    p += 46 + nameLength + out.readUInt16LE(p + 30) + out.readUInt16LE(p + 32);
  }
  return out;
}

describe('readImportSheet on the new reader', () => {
  const columns = [
    { key: 'code', header: '编码', width: 10, required: true },
    { key: 'name', header: '名称', width: 10 },
  ] as const;
  const read = (file: Buffer, maxRows = 100) =>
    readImportSheet(file, columns, new ImportErrors('zh'), { maxRows, maxUnzippedBytes: 80 * MB });
  const failure = (promise: Promise<unknown>) =>
    promise.then(
      () => null,
      (err: unknown) => {
        if (!(err instanceof AppError)) throw err;
        return { status: err.status, message: err.text.zh, details: err.details };
      },
    );

  const rowsXml = (n: number) =>
    '<row r="1"><c r="A1" t="inlineStr"><is><t>编码*</t></is></c><c r="B1" t="inlineStr"><is><t>名称（全称）</t></is></c></row>' +
    Array.from(
      { length: n },
      (_v, i) => `<row r="${i + 2}"><c r="A${i + 2}" t="inlineStr"><is><t>E${i}</t></is></c></row>`,
    ).join('');

  it('keys rows by header, skips blank rows and reads cells without r', async () => {
    const sheet =
      '<row><c t="inlineStr"><is><t>名称</t></is></c><c t="inlineStr"><is><t>编码 *</t></is></c></row>' +
      '<row><c t="inlineStr"><is><t>课桌</t></is></c><c><v>7</v></c></row>' +
      '<row r="3"><c r="A3" s="0"/></row>' +
      '<row r="4"><c r="B4" t="inlineStr"><is><t>E4</t></is></c></row>';
    const sheetResult = await read(
      handXlsx({
        sheets: [
          ['说明', ''],
          ['数据', sheet],
        ],
      }),
    );
    expect(sheetResult.rows).toEqual([
      { row: 2, cells: { name: '课桌', code: '7' } },
      { row: 4, cells: { name: '', code: 'E4' } },
    ]);
    expect([...sheetResult.present]).toEqual(['name', 'code']);
  });

  it('answers 413 past maxRows, but a sheet that unzips past its declared size first', async () => {
    const file = handXlsx({ sheets: [['S', rowsXml(5)]] });
    expect((await read(file, 5)).rows).toHaveLength(5);
    const tooMany = await failure(read(file, 4));
    expect(tooMany?.status).toBe(413);
    expect(tooMany?.message).toContain('单次最多导入 4 行');
    const lying = await failure(
      read(
        withDeclaredSize(file, 'xl/worksheets/sheet1.xml', (n) => n - 1),
        4,
      ),
    );
    expect(lying?.status).toBe(413);
    expect(lying?.message).toContain('文件内容过大');
    const short = await failure(
      read(
        withDeclaredSize(file, 'xl/worksheets/sheet1.xml', (n) => n + 1),
        4,
      ),
    );
    expect(short?.status).toBe(415);
  });

  it('answers 415 to a broken part, 422 to a missing column, and no sheet as such', async () => {
    const broken = handXlsx({ sheets: [['S', rowsXml(1)]], shared: ['<si><t>&nbsp;</t></si>'] });
    expect((await failure(read(broken)))?.status).toBe(415);
    const noCode = handXlsx({
      sheets: [['S', '<row r="1"><c r="A1" t="inlineStr"><is><t>名称</t></is></c></row>']],
    });
    const missing = await failure(read(noCode));
    expect(missing?.status).toBe(422);
    expect(JSON.stringify(missing?.details)).toContain('缺少必填列「编码」');
    const onlyNotes = handXlsx({ sheets: [['说明', rowsXml(1)]] });
    expect(JSON.stringify((await failure(read(onlyNotes)))?.details)).toContain('文件中没有工作表');
  });
});
