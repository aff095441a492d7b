import type { Actor } from '../../../platform/context.ts';
import type { Db, DialectName } from '../../../platform/db/connect.ts';
import { departmentCodesByIds, iterateInBatches, listPeople } from '../repository.ts';
import type { PeopleListFilter, Person } from '../schema.ts';
import type { ExportSheet, ExportValue } from '../../../platform/excel/export-stream.ts';
import type { TemplateSpec } from '../../../platform/excel/template.ts';
import type { ExportColumn, SheetColumn } from '../../../platform/excel/workbook.ts';

/** 在职/离职 ↔ active, as HR sheets say it. */
export const PERSON_STATUS = { 在职: true, 离职: false } as const;

export const PEOPLE_COLUMNS = [
  {
    key: 'employeeNo',
    header: '工号',
    required: true,
    width: 14,
    text: true,
    note: '人员的唯一编号，只能包含字母、数字和 _ . -。系统中已有该工号时更新该人员，否则新建。',
    example: 'E0001',
  },
  { key: 'name', header: '姓名', required: true, width: 12, note: '最多 100 字', example: '张三' },
  {
    key: 'departmentCode',
    header: '部门编码',
    width: 14,
    text: true,
    note: '须为系统中已有的部门编码（可先导入部门）；留空表示不属于任何部门。',
    example: 'ZWK',
  },
  { key: 'position', header: '职务', width: 14, note: '最多 60 字', example: '水电工' },
  {
    key: 'phone',
    header: '手机',
    width: 16,
    text: true,
    note: '手机或座机号码，可含 + - ( ) 和空格',
    example: '13800138000',
  },
  {
    key: 'email',
    header: '邮箱',
    width: 26,
    note: '电子邮箱地址',
    example: 'zhangsan@example.com',
  },
  {
    key: 'status',
    header: '状态',
    width: 10,
    note: '在职 或 离职。留空：新建的人员为在职，已有人员保持不变。',
    example: '在职',
    choices: Object.keys(PERSON_STATUS),
  },
] as const satisfies readonly SheetColumn[];

export type PersonColumnKey = (typeof PEOPLE_COLUMNS)[number]['key'];

const col = (key: PersonColumnKey) => PEOPLE_COLUMNS.find((c) => c.key === key)!;

// The export is the import layout plus the department name for reading, so
// an exported file can be edited and imported back as it is.
const EXPORT_COLUMNS: readonly ExportColumn[] = [
  col('employeeNo'),
  col('name'),
  col('departmentCode'),
  { key: 'departmentName', header: '部门名称', width: 18 },
  col('position'),
  col('phone'),
  col('email'),
  col('status'),
];

export const PEOPLE_TEMPLATE: TemplateSpec = {
  sheetName: '人员',
  columns: PEOPLE_COLUMNS,
  rules: [
    '按工号匹配：系统中已有的工号会更新该人员的信息（人事名单每月同步是常见做法），新工号则新建人员。',
    '已删除人员的工号不能再次使用。',
  ],
};

function personValues(p: Person, departmentCodes: ReadonlyMap<string, string>): ExportValue[] {
  return [
    p.employeeNo,
    p.name,
    p.departmentId ? (departmentCodes.get(p.departmentId) ?? null) : null,
    p.departmentName,
    p.position,
    p.phone,
    p.email,
    p.active ? '在职' : '离职',
  ];
}

/** Every person the list filter matches, as an export sheet read in batches. */
export function peopleExport(
  db: Db,
  dialect: DialectName,
  actor: Actor,
  filter: Omit<PeopleListFilter, 'page' | 'pageSize'>,
): ExportSheet {
  async function* batches() {
    const pages = iterateInBatches(async (page, pageSize) => {
      const { items } = await listPeople(db, dialect, actor.orgId, { ...filter, page, pageSize });
      return items;
    });
    for await (const people of pages) {
      const ids = people.map((p) => p.departmentId).filter((id): id is string => id !== null);
      const codes = await departmentCodesByIds(db, actor.orgId, ids);
      yield people.map((p) => personValues(p, codes));
    }
  }
  return {
    fileName: { zh: '人员', ascii: 'people' },
    sheetName: '人员',
    columns: EXPORT_COLUMNS,
    batches: batches(),
  };
}
