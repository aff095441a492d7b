import { BOOKS, BUILDINGS, ELECTRICAL, FURNITURE, GENERAL_EQUIPMENT } from './common.ts';
import { years, type CatalogueNode } from './types.ts';

/** A school: teaching equipment, classroom desks and dormitory beds (summary 6: 学生桌椅编号). */
export const SCHOOL_CATALOGUE: CatalogueNode[] = [
  BUILDINGS,
  GENERAL_EQUIPMENT,
  {
    code: 'ZY',
    name: '专用设备',
    unit: '台',
    lifeMonths: years(5),
    children: [
      { code: 'ZY-JX', name: '教学设备（多媒体、实验仪器）', unit: '台', lifeMonths: years(5) },
      { code: 'ZY-TY', name: '体育器材', unit: '件', lifeMonths: years(5) },
      { code: 'ZY-YY', name: '音乐美术器材', unit: '件', lifeMonths: years(5) },
      { code: 'ZY-CY', name: '食堂设备', unit: '台', lifeMonths: years(5) },
    ],
  },
  ELECTRICAL,
  {
    ...FURNITURE,
    children: [
      { code: 'JJ-KZY', name: '课桌椅', unit: '套', lifeMonths: years(15) },
      { code: 'JJ-SSC', name: '宿舍床', unit: '张', lifeMonths: years(15) },
      ...(FURNITURE.children ?? []),
    ],
  },
  BOOKS,
];
