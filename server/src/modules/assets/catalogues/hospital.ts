import { BOOKS, BUILDINGS, ELECTRICAL, FURNITURE, GENERAL_EQUIPMENT } from './common.ts';
import { years, type CatalogueNode } from './types.ts';

/** A hospital: medical equipment on top of the common branches; ward beds are furniture. */
export const HOSPITAL_CATALOGUE: CatalogueNode[] = [
  BUILDINGS,
  GENERAL_EQUIPMENT,
  {
    code: 'ZY',
    name: '专用设备',
    unit: '台',
    lifeMonths: years(5),
    children: [
      {
        code: 'ZY-YL',
        name: '医疗设备',
        unit: '台',
        lifeMonths: years(5),
        children: [
          {
            code: 'ZY-YL-YX',
            name: '医用影像设备（CT、DR、超声）',
            unit: '台',
            lifeMonths: years(6),
          },
          {
            code: 'ZY-YL-JH',
            name: '监护与急救设备（监护仪、呼吸机、除颤仪）',
            unit: '台',
            lifeMonths: years(5),
          },
          {
            code: 'ZY-YL-SS',
            name: '手术设备（手术床、无影灯、麻醉机）',
            unit: '台',
            lifeMonths: years(5),
          },
          { code: 'ZY-YL-JY', name: '检验设备', unit: '台', lifeMonths: years(5) },
          { code: 'ZY-YL-XD', name: '消毒灭菌设备', unit: '台', lifeMonths: years(10) },
          { code: 'ZY-YL-BC', name: '病床（电动、手摇）', unit: '张', lifeMonths: years(10) },
        ],
      },
      { code: 'ZY-ZY', name: '制氧与供气设备', unit: '套', lifeMonths: years(10) },
      { code: 'ZY-CY', name: '厨房与洗涤设备', unit: '台', lifeMonths: years(5) },
    ],
  },
  ELECTRICAL,
  FURNITURE,
  BOOKS,
];
