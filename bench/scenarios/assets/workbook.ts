/**
 * The import file: the register of the new campus as the old system's
 * export would be pasted into the import template. The columns are read
 * from the server's own template (GET /api/assets/import/template.xlsx), so
 * the file follows the template if its columns change; the rows are written
 * with exceljs's streaming WorkbookWriter (as the server's export is), with
 * shared strings and real date cells, as Excel saves them.
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { rng } from '../../lib/random.ts';
import type { Houqin } from '../../lib/server.ts';
import type { Fixtures } from './fixtures.ts';
import { cardMaker, type Card } from './register-mix.ts';

const SOURCE_LABELS = { purchase: '购置', donation: '捐赠', transfer_in: '调入', other: '其他' };
const CONDITION_LABELS: Record<string, string> = {
  good: '良好',
  fair: '一般',
  poor: '较差',
  damaged: '损坏',
};

type Value = string | number | Date | null;

/** The template's loose header match: without the required mark (*), spaces or a bracketed hint. */
const headerKey = (text: string) =>
  text
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/[\s*＊]/g, '')
    .toLowerCase();

const date = (ymd: string | null) => (ymd ? new Date(`${ymd}T00:00:00Z`) : null);

/** Each template column's cell for a card (row n of the file, from 0). */
function columnsFor(fx: Fixtures): Record<string, (c: Card, n: number) => Value> {
  return {
    资产分类: (c) => c.category.code,
    资产名称: (c) => c.name,
    // The old system's numbers: kept as the codes, with the labels already on the items.
    资产编码: (_c, n) => `XY${String(n + 1).padStart(8, '0')}`,
    标签号: (_c, n) => `XQ-${String(n + 1).padStart(6, '0')}`,
    规格型号: (c) => c.model,
    计量单位: () => null,
    数量: (c) => c.quantity,
    单价: (c) => c.unitPriceFen / 100,
    购置日期: (c) => date(c.purchaseDate),
    启用日期: () => null,
    来源: (c) => SOURCE_LABELS[c.source],
    供应商: (c) => c.supplier,
    发票号: (c) => c.invoiceNo,
    保修截止: (c) => date(c.warrantyEnd),
    存放位置编码: (c) => c.room.code,
    使用部门: (c) => (c.departmentIndex === null ? null : fx.departments[c.departmentIndex]!.code),
    保管人工号: (c) =>
      c.custodianIndex === null ? null : fx.custodians[c.custodianIndex]!.employeeNo,
    使用状况: (c) => CONDITION_LABELS[c.condition] ?? '良好',
    备注: (_c, n) => (n % 50 === 0 ? '由旧资产系统迁移' : null),
  };
}

/** The header row of the server's import template, as written there (with the * marks). */
async function templateHeaders(h: Houqin): Promise<string[]> {
  const res = await fetch(`${h.base}/api/assets/import/template.xlsx`, {
    headers: { cookie: h.cookie },
  });
  if (!res.ok) throw new Error(`import template: ${res.status} ${await res.text()}`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
  const headers: string[] = [];
  wb.worksheets[0]!.getRow(1).eachCell((cell) => headers.push(String(cell.value ?? '')));
  return headers;
}

export type ImportFile = { buffer: Buffer; rows: number; megabytes: number; seconds: number };

/** Builds the `rows`-row import file for the imported campus. */
export async function buildImportFile(h: Houqin, fx: Fixtures, rows: number): Promise<ImportFile> {
  const started = Date.now();
  const headers = await templateHeaders(h);
  const known = columnsFor(fx);
  const cells = headers.map((header) => {
    const fill = known[headerKey(header)];
    if (!fill && header.includes('*'))
      throw new Error(
        `The import template has a required column this benchmark does not fill: ${header}`,
      );
    return fill ?? (() => null);
  });

  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (d: Buffer) => chunks.push(d));
  const finished = new Promise((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: true,
  });
  const ws = wb.addWorksheet('资产');
  ws.columns = headers.map((header) => ({
    width: 14,
    ...(/日期|截止/.test(header) && { style: { numFmt: 'yyyy-mm-dd' } }),
  }));
  ws.addRow(headers).commit();
  const next = cardMaker(fx, rng(20261125), Date.now());
  for (let n = 0; n < rows; n++) {
    const card = next(fx.importSite.rooms, { registerable: true });
    ws.addRow(cells.map((fill) => fill(card, n))).commit();
  }
  ws.commit();
  await wb.commit();
  await finished;
  const buffer = Buffer.concat(chunks);
  return {
    buffer,
    rows,
    megabytes: buffer.length / 1024 / 1024,
    seconds: (Date.now() - started) / 1000,
  };
}
