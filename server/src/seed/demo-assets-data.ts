// The demo hospital's property, as a real register would hold it: what stands
// in which room (beds and bedside cabinets in every ward, an air conditioner
// in every room, computers and printers at nurse stations and offices …),
// bought in waves over ten years, so the depreciation pages show new, half
// and fully written-off property side by side. Prices are what a county
// hospital paid (分). Consumed by demo-assets.ts.

/** A room of the demo hospital, as demo-hospital.ts coded it: MAIN-ZY-305. */
export type Room = {
  id: string;
  code: string;
  site: string;
  building: string;
  floor: number;
  no: number;
};

/** What a room is used for, which decides what stands in it. */
export type RoomUse =
  'ward' | 'station' | 'doctors' | 'clinic' | 'office' | 'lab' | 'dorm' | 'store';

/**
 * Which department uses a room and what for (null: nobody's — corridors,
 * spare rooms). 住院楼 floors 2–8 and 东院综合楼 floors 3–6 are wards: beds in
 * the first rooms, then the nurse station and the doctors' office.
 */
export function roomUse(r: Room): { department: string; use: RoomUse } | null {
  const clinic = (department: string) => ({ department, use: 'clinic' as const });
  if (r.site === 'MAIN') {
    switch (r.building) {
      case 'MZ':
        if (r.floor === 1) return clinic('急诊科');
        if (r.floor === 2) return clinic('内科');
        if (r.floor === 3) return clinic('外科');
        if (r.floor === 4) return clinic(r.no <= 4 ? '妇产科' : '儿科');
        return { department: '检验科', use: 'lab' };
      case 'ZY': {
        const department = ['急诊科', '内科', '内科', '外科', '外科', '妇产科', '儿科', '内科'][
          r.floor - 1
        ]!;
        return { department, use: r.no <= 8 ? 'ward' : r.no === 9 ? 'station' : 'doctors' };
      }
      case 'YJ':
        return {
          department: ['放射科', '检验科', '药剂科', '感染管理科'][r.floor - 1]!,
          use: r.floor === 4 ? 'office' : 'lab',
        };
      case 'XZ': {
        const department =
          r.floor === 1
            ? '后勤保障部'
            : r.floor === 2
              ? r.no <= 3
                ? '医务科'
                : '财务科'
              : r.no <= 3
                ? '院办'
                : '护理部';
        // 105 and 106 are the logistics department's store rooms (the idle pool stands there).
        return { department, use: r.floor === 1 && r.no >= 5 ? 'store' : 'office' };
      }
      case 'SS':
        return { department: '后勤保障部', use: 'dorm' };
    }
  }
  if (r.site === 'EAST') {
    if (r.building === 'HQ')
      return { department: '后勤保障部', use: r.floor === 1 && r.no >= 5 ? 'store' : 'office' };
    if (r.floor <= 2) return clinic(r.floor === 1 ? '内科' : '外科');
    return {
      department: r.floor <= 4 ? '内科' : '外科',
      use: r.no <= 6 ? 'ward' : r.no === 7 ? 'station' : 'doctors',
    };
  }
  return null;
}

/** One purchase: when, at what price, from whom — and which rooms it furnished. */
export type Wave = {
  date: string;
  priceFen: number;
  model: string;
  supplier: string;
  /** Rooms this purchase furnished (the first matching wave wins). */
  when: (r: Room) => boolean;
  condition?: 'good' | 'fair' | 'poor';
};

/** A kind of property: its category (starter catalogue code), tag prefix, how many per room, and its purchases. */
export type Kind = {
  key: string;
  category: string;
  name: string;
  unit: string;
  tagPrefix: string;
  perRoom: (use: RoomUse, r: Room) => number;
  waves: Wave[];
};

const any = () => true;

export const KINDS: Kind[] = [
  {
    key: 'bed',
    category: 'ZY-YL-BC',
    name: '病床',
    unit: '张',
    tagPrefix: 'BC',
    // Three beds a ward; two in the emergency observation rooms.
    perRoom: (use, r) => (use === 'ward' ? (r.building === 'ZY' && r.floor === 1 ? 2 : 3) : 0),
    waves: [
      {
        date: '2016-06-18',
        priceFen: 185_000,
        model: '手摇双摇病床 A-8',
        supplier: '江苏康达医疗器械有限公司',
        when: (r) => r.site === 'MAIN' && r.floor <= 5,
        condition: 'fair',
      },
      {
        date: '2019-09-06',
        priceFen: 480_000,
        model: '电动三功能病床 DH-3',
        supplier: '江苏康达医疗器械有限公司',
        when: (r) => r.site === 'MAIN',
      },
      {
        date: '2021-03-22',
        priceFen: 520_000,
        model: '电动三功能病床 DH-3',
        supplier: '江苏康达医疗器械有限公司',
        when: any,
      },
    ],
  },
  {
    key: 'cabinet',
    category: 'JJ-G',
    name: '床头柜',
    unit: '个',
    tagPrefix: 'CTG',
    perRoom: (use, r) => (use === 'ward' ? (r.building === 'ZY' && r.floor === 1 ? 2 : 3) : 0),
    waves: [
      {
        date: '2016-06-18',
        priceFen: 68_000,
        model: 'ABS 床头柜 带餐板',
        supplier: '江苏康达医疗器械有限公司',
        when: (r) => r.site === 'MAIN' && r.floor <= 5,
        condition: 'fair',
      },
      {
        date: '2019-09-06',
        priceFen: 78_000,
        model: 'ABS 床头柜 带餐板',
        supplier: '江苏康达医疗器械有限公司',
        when: any,
      },
    ],
  },
  {
    key: 'ac',
    category: 'DQ-KT',
    name: '空调',
    unit: '台',
    tagPrefix: 'KT',
    perRoom: (use) => (use === 'store' ? 0 : 1),
    waves: [
      {
        date: '2015-07-10',
        priceFen: 289_900,
        model: '格力 KFR-35GW 1.5匹挂机',
        supplier: '市五交化家电有限公司',
        when: (r) => r.building === 'ZY' && r.floor >= 6,
        condition: 'poor',
      },
      {
        date: '2017-05-16',
        priceFen: 319_900,
        model: '格力 KFR-35GW 1.5匹挂机',
        supplier: '市五交化家电有限公司',
        when: (r) => r.site === 'MAIN' && r.building !== 'SS',
        condition: 'fair',
      },
      {
        date: '2020-06-02',
        priceFen: 259_900,
        model: '美的 KFR-26GW 大1匹挂机',
        supplier: '市五交化家电有限公司',
        when: (r) => r.building === 'SS',
      },
      {
        date: '2021-03-22',
        priceFen: 339_900,
        model: '格力 KFR-35GW 1.5匹挂机（一级能效）',
        supplier: '市五交化家电有限公司',
        when: any,
      },
    ],
  },
  {
    key: 'pc',
    category: 'TY-JSJ',
    name: '台式计算机',
    unit: '台',
    tagPrefix: 'JSJ',
    perRoom: (use) =>
      use === 'doctors'
        ? 3
        : use === 'station' || use === 'office'
          ? 2
          : use === 'clinic' || use === 'lab'
            ? 1
            : 0,
    waves: [
      {
        date: '2018-04-12',
        priceFen: 452_000,
        model: '联想启天 M415 i5/8G/1T',
        supplier: '市信达科技有限公司',
        when: (r) => r.site === 'MAIN' && (r.building === 'XZ' || r.building === 'YJ'),
        condition: 'fair',
      },
      {
        date: '2021-03-22',
        priceFen: 498_000,
        model: '联想启天 M428 i5/16G/512G',
        supplier: '市信达科技有限公司',
        when: (r) => r.site === 'EAST',
      },
      {
        date: '2023-08-15',
        priceFen: 538_000,
        model: '联想开天 M90Z（信创）',
        supplier: '市信达科技有限公司',
        when: any,
      },
    ],
  },
  {
    key: 'printer',
    category: 'TY-BG',
    name: '激光打印机',
    unit: '台',
    tagPrefix: 'DYJ',
    perRoom: (use) =>
      use === 'station' || use === 'doctors' || use === 'office' || use === 'lab' ? 1 : 0,
    waves: [
      {
        date: '2018-04-12',
        priceFen: 178_000,
        model: 'HP LaserJet Pro M403d',
        supplier: '市信达科技有限公司',
        when: (r) => r.site === 'MAIN',
        condition: 'fair',
      },
      {
        date: '2022-11-08',
        priceFen: 216_000,
        model: '奔图 P3370DN',
        supplier: '市信达科技有限公司',
        when: any,
      },
    ],
  },
  {
    key: 'desk',
    category: 'JJ-ZY',
    name: '办公桌',
    unit: '张',
    tagPrefix: 'BGZ',
    perRoom: (use) => (use === 'doctors' ? 3 : use === 'office' ? 2 : use === 'clinic' ? 1 : 0),
    waves: [
      {
        date: '2016-06-18',
        priceFen: 120_000,
        model: '钢木办公桌 1400×700',
        supplier: '市华宇办公家具厂',
        when: (r) => r.site === 'MAIN',
        condition: 'fair',
      },
      {
        date: '2021-03-22',
        priceFen: 135_000,
        model: '钢木办公桌 1400×700',
        supplier: '市华宇办公家具厂',
        when: any,
      },
    ],
  },
  {
    key: 'chair',
    category: 'JJ-ZY',
    name: '办公椅',
    unit: '把',
    tagPrefix: 'BGY',
    perRoom: (use) => (use === 'doctors' ? 3 : use === 'office' ? 2 : use === 'clinic' ? 1 : 0),
    waves: [
      {
        date: '2016-06-18',
        priceFen: 45_000,
        model: '网布办公椅 带扶手',
        supplier: '市华宇办公家具厂',
        when: (r) => r.site === 'MAIN',
        condition: 'fair',
      },
      {
        date: '2021-03-22',
        priceFen: 52_000,
        model: '网布办公椅 带扶手',
        supplier: '市华宇办公家具厂',
        when: any,
      },
    ],
  },
  {
    key: 'monitor',
    category: 'ZY-YL-JH',
    name: '多参数监护仪',
    unit: '台',
    tagPrefix: 'JHY',
    perRoom: (use, r) => (use === 'station' ? (r.building === 'ZY' && r.floor === 1 ? 6 : 2) : 0),
    waves: [
      {
        date: '2019-09-06',
        priceFen: 2_800_000,
        model: '迈瑞 iMEC 10',
        supplier: '深圳迈瑞生物医疗电子股份有限公司',
        when: (r) => r.site === 'MAIN',
      },
      {
        date: '2024-05-20',
        priceFen: 2_650_000,
        model: '迈瑞 ePM 10',
        supplier: '深圳迈瑞生物医疗电子股份有限公司',
        when: any,
      },
    ],
  },
  {
    key: 'wheelchair',
    category: 'ZY-YL',
    name: '轮椅',
    unit: '台',
    tagPrefix: 'LY',
    perRoom: (use, r) => (use === 'station' ? (r.building === 'ZY' && r.floor === 1 ? 6 : 4) : 0),
    waves: [
      {
        date: '2022-10-13',
        priceFen: 85_000,
        model: '鱼跃 H062 折叠轮椅',
        supplier: '市康复医疗用品站',
        when: any,
      },
    ],
  },
  {
    key: 'stretcher',
    category: 'ZY-YL',
    name: '转运平车',
    unit: '台',
    tagPrefix: 'PC',
    perRoom: (use, r) => (use === 'station' ? (r.building === 'ZY' && r.floor === 1 ? 6 : 1) : 0),
    waves: [
      {
        date: '2019-09-06',
        priceFen: 320_000,
        model: '不锈钢升降转运平车',
        supplier: '江苏康达医疗器械有限公司',
        when: any,
      },
    ],
  },
  {
    key: 'fridge',
    category: 'DQ-JD',
    name: '冰箱',
    unit: '台',
    tagPrefix: 'BX',
    perRoom: (use, r) =>
      use === 'station' ? 1 : use === 'lab' && r.building === 'YJ' && r.no <= 3 ? 1 : 0,
    waves: [
      {
        date: '2018-04-12',
        priceFen: 289_000,
        model: '海尔 BCD-216 双门冰箱',
        supplier: '市五交化家电有限公司',
        when: (r) => r.building === 'ZY',
      },
      {
        date: '2022-11-08',
        priceFen: 658_000,
        model: '海尔 HYC-310 医用冷藏箱',
        supplier: '市五交化家电有限公司',
        when: any,
      },
    ],
  },
  {
    key: 'filing',
    category: 'JJ-G',
    name: '文件柜',
    unit: '个',
    tagPrefix: 'WJG',
    perRoom: (use) => (use === 'office' || use === 'doctors' ? 1 : 0),
    waves: [
      {
        date: '2016-06-18',
        priceFen: 85_000,
        model: '钢制五节文件柜',
        supplier: '市华宇办公家具厂',
        when: any,
      },
    ],
  },
  {
    key: 'wardrobe',
    category: 'JJ-G',
    name: '衣柜',
    unit: '个',
    tagPrefix: 'YG',
    perRoom: (use) => (use === 'dorm' ? 1 : 0),
    waves: [
      {
        date: '2020-06-02',
        priceFen: 90_000,
        model: '钢制双门衣柜',
        supplier: '市华宇办公家具厂',
        when: any,
      },
    ],
  },
];

/**
 * Property nobody uses, in the logistics stores of the main campus (room
 * XZ-105/106): the idle pool a department draws on before buying (summary
 * 4: beds taken from stock instead of bought), and the new computers the
 * operations then assign.
 */
export const IDLE: {
  kind: string;
  count: number;
  date: string;
  priceFen: number;
  model: string;
  supplier: string;
  condition: 'good' | 'fair';
  room: string;
}[] = [
  {
    kind: 'bed',
    count: 20,
    date: '2019-09-06',
    priceFen: 480_000,
    model: '电动三功能病床 DH-3',
    supplier: '江苏康达医疗器械有限公司',
    condition: 'good',
    room: 'MAIN-XZ-106',
  },
  {
    kind: 'chair',
    count: 30,
    date: '2016-06-18',
    priceFen: 45_000,
    model: '网布办公椅 带扶手',
    supplier: '市华宇办公家具厂',
    condition: 'fair',
    room: 'MAIN-XZ-105',
  },
  {
    kind: 'wheelchair',
    count: 4,
    date: '2022-10-13',
    priceFen: 85_000,
    model: '鱼跃 H062 折叠轮椅',
    supplier: '市康复医疗用品站',
    condition: 'good',
    room: 'MAIN-XZ-105',
  },
  {
    kind: 'pc',
    count: 12,
    date: '2026-09-15',
    priceFen: 548_000,
    model: '联想开天 M90Z（信创）',
    supplier: '市信达科技有限公司',
    condition: 'good',
    room: 'MAIN-XZ-105',
  },
];

/** Spare parts and consumables of the stores; the first names match the maintenance demo's materials. */
export const ITEMS: {
  code: string;
  name: string;
  spec?: string;
  unit: string;
  category: string;
  minStock: number;
}[] = [
  {
    code: 'DJ-001',
    name: 'LED灯管 T8 1.2m',
    spec: '18W 6500K',
    unit: '支',
    category: '灯具',
    minStock: 50,
  },
  {
    code: 'DJ-002',
    name: 'LED筒灯 6W',
    spec: '开孔 100mm',
    unit: '个',
    category: '灯具',
    minStock: 20,
  },
  { code: 'DJ-003', name: '镇流器', spec: '36W 电子', unit: '个', category: '灯具', minStock: 10 },
  {
    code: 'KG-001',
    name: '声光控开关',
    spec: '86型',
    unit: '个',
    category: '开关插座',
    minStock: 20,
  },
  {
    code: 'KG-002',
    name: '单控开关',
    spec: '86型 一开',
    unit: '个',
    category: '开关插座',
    minStock: 20,
  },
  {
    code: 'CZ-001',
    name: '五孔插座',
    spec: '86型 10A',
    unit: '个',
    category: '开关插座',
    minStock: 20,
  },
  { code: 'SJ-001', name: '锁芯', spec: 'C级 叶片', unit: '个', category: '锁具', minStock: 10 },
  { code: 'SJ-002', name: '执手门锁', spec: '不锈钢', unit: '套', category: '锁具', minStock: 5 },
  {
    code: 'SN-001',
    name: '水龙头',
    spec: '感应式 单冷',
    unit: '个',
    category: '水暖',
    minStock: 5,
  },
  { code: 'SN-002', name: '角阀', spec: 'DN15', unit: '个', category: '水暖', minStock: 10 },
  {
    code: 'SN-003',
    name: '不锈钢编织软管',
    spec: '60cm',
    unit: '根',
    category: '水暖',
    minStock: 10,
  },
  {
    code: 'KT-001',
    name: '空调滤网',
    spec: '1.5匹挂机通用',
    unit: '片',
    category: '空调',
    minStock: 20,
  },
  {
    code: 'DX-001',
    name: 'BV 电线',
    spec: '2.5mm² 100m',
    unit: '卷',
    category: '电工',
    minStock: 2,
  },
  {
    code: 'XH-001',
    name: '垃圾袋',
    spec: '黄色医疗 50×60',
    unit: '卷',
    category: '保洁耗材',
    minStock: 50,
  },
  {
    code: 'XH-002',
    name: '含氯消毒液',
    spec: '5L',
    unit: '桶',
    category: '保洁耗材',
    minStock: 10,
  },
  { code: 'XH-003', name: '洗手液', spec: '500ml', unit: '瓶', category: '保洁耗材', minStock: 20 },
  {
    code: 'BG-001',
    name: 'A4 打印纸',
    spec: '70g 500张',
    unit: '包',
    category: '办公耗材',
    minStock: 20,
  },
  {
    code: 'BG-002',
    name: '硒鼓',
    spec: 'HP CF228A 兼容',
    unit: '个',
    category: '办公耗材',
    minStock: 5,
  },
];

/** The stores of the demo, one per campus. */
export type StoreKey = 'MAIN' | 'EAST';

/**
 * The first deliveries of the year per store (item code, quantity, unit cost
 * in 分), `daysAgo` before the seeding moment; the second LED delivery at a
 * higher price moves the average. Later deliveries are the storekeeper's
 * reorders (demo-assets-stores.ts).
 */
export const OPENING_STOCK: {
  store: StoreKey;
  daysAgo: number;
  supplier: string;
  lines: [string, number, number][];
}[] = [
  {
    store: 'MAIN',
    daysAgo: 362,
    supplier: '市宏达五金机电商行',
    lines: [
      ['DJ-001', 200, 1650],
      ['DJ-002', 100, 2300],
      ['DJ-003', 50, 1400],
      ['KG-001', 80, 1100],
      ['KG-002', 80, 650],
      ['CZ-001', 80, 1350],
      ['SJ-001', 40, 3200],
      ['SJ-002', 20, 8200],
      ['SN-001', 30, 4500],
      ['SN-002', 40, 1800],
      ['SN-003', 40, 1200],
      ['KT-001', 30, 2800],
      ['DX-001', 10, 23_000],
    ],
  },
  {
    store: 'MAIN',
    daysAgo: 361,
    supplier: '市洁康卫生用品有限公司',
    lines: [
      ['XH-001', 200, 850],
      ['XH-002', 60, 3500],
      ['XH-003', 80, 1200],
      ['BG-001', 100, 2300],
      ['BG-002', 20, 18_000],
    ],
  },
  {
    store: 'EAST',
    daysAgo: 359,
    supplier: '市宏达五金机电商行',
    lines: [
      ['DJ-001', 120, 1700],
      ['KG-001', 40, 1100],
      ['CZ-001', 40, 1350],
      ['SJ-001', 15, 3300],
      ['SN-001', 12, 4500],
      ['KT-001', 30, 2800],
    ],
  },
  {
    store: 'EAST',
    daysAgo: 358,
    supplier: '市洁康卫生用品有限公司',
    lines: [
      ['XH-001', 100, 850],
      ['XH-002', 30, 3500],
    ],
  },
  {
    // A second delivery at a higher price: the average moves.
    store: 'MAIN',
    daysAgo: 100,
    supplier: '市宏达五金机电商行',
    lines: [
      ['DJ-001', 150, 1850],
      ['SJ-001', 20, 3600],
    ],
  },
];

/** Who supplies an item (reorders go to the supplier of the first delivery). */
export const SUPPLIER_OF = (code: string): string =>
  /^(XH|BG)-/.test(code) ? '市洁康卫生用品有限公司' : '市宏达五金机电商行';

/**
 * A department's regular requisition: once in each of the last twelve
 * 30-day periods (`months`: which ones, 11 = the oldest; all when omitted),
 * each line a quantity drawn from [min, max].
 */
export const ROUTINE_REQUISITIONS: {
  store: StoreKey;
  department: string;
  note: string;
  months?: number[];
  lines: [string, number, number][];
}[] = [
  {
    store: 'MAIN',
    department: '内科',
    note: '内科病区月度领用',
    lines: [
      ['XH-001', 30, 45],
      ['XH-002', 6, 10],
      ['XH-003', 10, 16],
    ],
  },
  {
    store: 'MAIN',
    department: '外科',
    note: '外科病区月度领用',
    lines: [
      ['XH-001', 25, 40],
      ['XH-002', 5, 9],
      ['XH-003', 8, 14],
    ],
  },
  {
    store: 'MAIN',
    department: '水电班',
    note: '水电班日常维修备料',
    lines: [
      ['KG-001', 3, 8],
      ['KG-002', 2, 6],
      ['CZ-001', 3, 8],
      ['SN-002', 2, 6],
      ['SN-003', 2, 6],
    ],
  },
  {
    store: 'MAIN',
    department: '院办',
    note: '办公耗材月度领用',
    lines: [
      ['BG-001', 6, 12],
      ['BG-002', 0, 2],
    ],
  },
  {
    // Filters are changed before the cooling and the heating seasons.
    store: 'MAIN',
    department: '空调组',
    note: '门诊楼空调季节保养更换滤网',
    months: [7, 1],
    lines: [['KT-001', 12, 16]],
  },
  {
    store: 'EAST',
    department: '内科',
    note: '东院病区月度领用',
    lines: [
      ['XH-001', 15, 25],
      ['XH-002', 2, 4],
    ],
  },
  {
    store: 'EAST',
    department: '水电班',
    note: '东院水电日常维修备料',
    lines: [
      ['DJ-001', 4, 10],
      ['KG-001', 2, 5],
      ['CZ-001', 1, 4],
    ],
  },
];
