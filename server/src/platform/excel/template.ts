import ExcelJS from 'exceljs';
import { MAX_IMPORT_ROWS } from './read-sheet.ts';
import { headerRange, sheetColumns, styleHeader, type SheetColumn } from './workbook.ts';

/** What an entity's import template says beyond its columns. */
export type TemplateSpec = {
  sheetName: string;
  columns: readonly SheetColumn[];
  /** Entity-specific rules for the 说明 sheet (how existing codes are treated …). */
  rules: readonly string[];
  /** Rows one import takes (MAX_IMPORT_ROWS unless the module reads with larger limits). */
  maxRows?: number;
  /** false: the import only creates (existing keys are errors), so the rule about updates is left out. */
  updates?: boolean;
};

// Drop-downs cover this many rows below the header: plenty for typing by
// hand, without making the template heavy.
const DROPDOWN_ROWS = 1000;

function generalRules(spec: TemplateSpec): string[] {
  return [
    '第一行为表头，请勿修改或删除必填列（标红、带 * 的列）；列的顺序可以调整，多余的列导入时忽略。',
    '每行一条数据，空行会被跳过；请删除示例行后再填写，或直接覆盖示例行。',
    `单次最多导入 ${spec.maxRows ?? MAX_IMPORT_ROWS} 行；超过请分批导入。`,
    '导入前会逐行校验：只要有一行有误，就不会导入任何数据，并列出每个错误所在的行号和列名。',
    ...(spec.updates === false
      ? []
      : ['更新已有数据时：表格中为空的单元格会清空该字段；整列删除则不修改该字段。']),
  ];
}

function dataSheet(workbook: ExcelJS.Workbook, spec: TemplateSpec): void {
  const ws = workbook.addWorksheet(spec.sheetName, {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  ws.columns = sheetColumns(spec.columns);
  styleHeader(
    ws.addRow(spec.columns.map((c) => (c.required ? `${c.header}*` : c.header))),
    spec.columns,
  );
  ws.addRow(spec.columns.map((c) => c.example ?? null));
  spec.columns.forEach((c, i) => {
    if (!c.choices) return;
    for (let r = 2; r <= DROPDOWN_ROWS + 1; r++) {
      ws.getCell(r, i + 1).dataValidation = {
        type: 'list',
        allowBlank: !c.required,
        formulae: [`"${c.choices.join(',')}"`],
        showErrorMessage: true,
        errorTitle: '取值无效',
        error: `请从下拉列表中选择：${c.choices.join('、')}`,
      };
    }
  });
  ws.autoFilter = headerRange(spec.columns.length);
}

function notesSheet(workbook: ExcelJS.Workbook, spec: TemplateSpec): void {
  const ws = workbook.addWorksheet('说明');
  ws.columns = [{ width: 18 }, { width: 10 }, { width: 60 }, { width: 24 }];
  const header = ws.addRow(['列名', '是否必填', '说明', '示例']);
  styleHeader(header, [{}, {}, {}, {}]);
  for (const c of spec.columns) {
    const row = ws.addRow([c.header, c.required ? '必填' : '选填', c.note ?? '', c.example ?? '']);
    row.getCell(3).alignment = { wrapText: true, vertical: 'top' };
  }
  ws.addRow([]);
  const title = ws.addRow(['导入规则']);
  title.getCell(1).font = { bold: true };
  [...spec.rules, ...generalRules(spec)].forEach((rule, i) => {
    const row = ws.addRow([`${i + 1}. ${rule}`]);
    ws.mergeCells(row.number, 1, row.number, 4);
    row.getCell(1).alignment = { wrapText: true, vertical: 'top' };
    row.height = 30;
  });
}

/**
 * The import template: the data sheet with headers (required ones red with
 * *), one example row and drop-downs for fixed values, and a 说明 sheet that
 * describes every column and the import rules. Small, so built in memory.
 */
export async function buildTemplate(spec: TemplateSpec): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Houqin';
  dataSheet(workbook, spec);
  notesSheet(workbook, spec);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
