import { years, type CatalogueNode } from './types.ts';

/** Branches every kind of organisation has: buildings, general and electrical equipment, furniture, books. */
export const BUILDINGS: CatalogueNode = {
  code: 'FW',
  name: '房屋及构筑物',
  unit: '栋',
  lifeMonths: years(50),
  children: [
    { code: 'FW-GH', name: '钢筋混凝土结构房屋', unit: '栋', lifeMonths: years(50) },
    { code: 'FW-ZH', name: '砖混结构房屋', unit: '栋', lifeMonths: years(30) },
    { code: 'FW-JY', name: '简易房', unit: '间', lifeMonths: years(8) },
    { code: 'FW-GZ', name: '构筑物', unit: '处', lifeMonths: years(20) },
  ],
};

export const GENERAL_EQUIPMENT: CatalogueNode = {
  code: 'TY',
  name: '通用设备',
  unit: '台',
  lifeMonths: years(6),
  children: [
    { code: 'TY-JSJ', name: '计算机设备', unit: '台', lifeMonths: years(6) },
    { code: 'TY-BG', name: '办公设备（复印机、打印机、投影仪）', unit: '台', lifeMonths: years(6) },
    { code: 'TY-CL', name: '车辆', unit: '辆', lifeMonths: years(8) },
    { code: 'TY-JX', name: '机械设备（泵、风机、锅炉）', unit: '台', lifeMonths: years(10) },
    { code: 'TY-TX', name: '通信设备', unit: '台', lifeMonths: years(5) },
    { code: 'TY-YQ', name: '仪器仪表', unit: '台', lifeMonths: years(5) },
  ],
};

export const ELECTRICAL: CatalogueNode = {
  code: 'DQ',
  name: '电气设备',
  unit: '台',
  lifeMonths: years(5),
  children: [
    { code: 'DQ-KT', name: '空调', unit: '台', lifeMonths: years(5) },
    { code: 'DQ-PD', name: '配电设备（变压器、配电柜）', unit: '台', lifeMonths: years(10) },
    { code: 'DQ-DT', name: '电梯', unit: '部', lifeMonths: years(10) },
    { code: 'DQ-JD', name: '家用电器（冰箱、洗衣机、热水器）', unit: '台', lifeMonths: years(5) },
  ],
};

export const FURNITURE: CatalogueNode = {
  code: 'JJ',
  name: '家具用具',
  unit: '件',
  lifeMonths: years(15),
  children: [
    { code: 'JJ-ZY', name: '桌椅', unit: '张', lifeMonths: years(15) },
    { code: 'JJ-G', name: '柜类（文件柜、更衣柜）', unit: '个', lifeMonths: years(15) },
    { code: 'JJ-C', name: '床类', unit: '张', lifeMonths: years(15) },
    { code: 'JJ-SF', name: '沙发', unit: '套', lifeMonths: years(15) },
    {
      code: 'JJ-YJ',
      name: '用具装具（窗帘、炊具）',
      unit: '件',
      tracking: 'bulk',
      lifeMonths: years(5),
    },
  ],
};

export const BOOKS: CatalogueNode = {
  code: 'TS',
  name: '图书档案',
  unit: '册',
  method: 'none',
  tracking: 'bulk',
  children: [
    { code: 'TS-TS', name: '图书', unit: '册', method: 'none', tracking: 'bulk' },
    { code: 'TS-DA', name: '档案', unit: '卷', method: 'none', tracking: 'bulk' },
  ],
};
