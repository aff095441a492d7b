// What the demo hospital's year of repairs is made of: how many per category
// (from summary 3 of ../shared/seed/logistics-work-summaries.zh.txt), and the
// words technicians and wards actually use for them.

type Mix = { urgent: number; high: number; normal: number; low: number };

export type DemoCategory = {
  /** Orders in the 12 months. */
  count: number;
  /** Where the figure comes from (the summary's sentence, or why it is our guess). */
  source: string;
  priorities: Mix;
  /** Wall minutes on site, shortest and longest. */
  work: [number, number];
  /** Demand by month (1–12), 1 = average; air conditioning follows the weather. */
  season?: number[];
  /** Which team (by name) and which demo technician usually takes it. */
  team: '水电班' | '空调组' | '综合维修组';
  /** Where it happens: any room, a ward room (住院楼), or a whole building. */
  place?: 'ward' | 'building';
  descriptions: string[];
  actions: string[];
  materials: { name: string; unit: string; costFen: number }[];
};

const SUMMER = [0.4, 0.4, 0.5, 0.7, 1.2, 2, 2.4, 2.2, 1.3, 0.6, 0.5, 0.8];
const WINTER_LIGHT = [1.15, 1.1, 1, 0.95, 0.9, 0.85, 0.85, 0.9, 0.95, 1.05, 1.15, 1.2];

export const DEMO_CATEGORIES: Record<string, DemoCategory> = {
  lighting: {
    count: 3753,
    source: '维修灯具3753次',
    priorities: { urgent: 0.01, high: 0.06, normal: 0.78, low: 0.15 },
    work: [10, 45],
    season: WINTER_LIGHT,
    team: '水电班',
    descriptions: [
      '病房顶灯不亮',
      '走廊日光灯管闪烁',
      '卫生间灯不亮',
      '护士站筒灯坏了',
      '楼梯间声控灯不亮',
      '床头灯不亮',
      '办公室灯管发黑，亮度不够',
      '治疗室无影灯一侧不亮',
    ],
    actions: ['更换LED灯管', '更换镇流器', '更换筒灯', '更换声控开关', '紧固灯座接线'],
    materials: [
      { name: 'LED灯管 T8 1.2m', unit: '支', costFen: 1800 },
      { name: 'LED筒灯 6W', unit: '个', costFen: 2500 },
      { name: '镇流器', unit: '个', costFen: 1500 },
      { name: '声光控开关', unit: '个', costFen: 1200 },
    ],
  },
  appliance: {
    count: 2712,
    source: '维修小家电2712个',
    priorities: { urgent: 0, high: 0.05, normal: 0.7, low: 0.25 },
    work: [20, 90],
    team: '综合维修组',
    descriptions: [
      '微波炉不加热',
      '电热水壶不通电',
      '饮水机不出热水',
      '电风扇不转',
      '病房电视无信号',
      '冰箱不制冷',
      '吹风机不出风',
      '消毒柜不工作',
    ],
    actions: ['更换温控器', '更换电源线', '清洗除垢后恢复', '更换电机电容', '重新调试恢复'],
    materials: [
      { name: '温控器', unit: '个', costFen: 1800 },
      { name: '电源线', unit: '根', costFen: 1200 },
      { name: '启动电容', unit: '个', costFen: 800 },
      { name: '保险管', unit: '个', costFen: 100 },
    ],
  },
  lock: {
    count: 1800,
    source: '维修锁具1800件',
    priorities: { urgent: 0.02, high: 0.15, normal: 0.73, low: 0.1 },
    work: [15, 60],
    team: '综合维修组',
    descriptions: [
      '门锁打不开',
      '钥匙断在锁芯里',
      '更衣柜锁坏了',
      '抽屉锁失灵',
      '病房门把手松动',
      '药品柜锁芯卡死',
      '防盗门锁舌不回弹',
    ],
    actions: ['更换锁芯', '更换门把手', '取出断钥匙并调整锁芯', '润滑调整锁舌', '更换柜锁'],
    materials: [
      { name: '锁芯', unit: '个', costFen: 3500 },
      { name: '执手门锁', unit: '套', costFen: 8500 },
      { name: '柜锁', unit: '把', costFen: 1500 },
      { name: '润滑剂', unit: '瓶', costFen: 1200 },
    ],
  },
  drain: {
    // The summary's "疏通下水道约20xx余次" lost its last two digits to the
    // template's year mask; the visible "20xx" means about 2,000 a year.
    count: 2000,
    source: '疏通下水道约20xx余次（数字被模板遮盖，取约2000）',
    priorities: { urgent: 0.05, high: 0.3, normal: 0.62, low: 0.03 },
    work: [20, 90],
    team: '水电班',
    descriptions: [
      '卫生间下水道堵塞',
      '洗手池下水慢',
      '蹲便器堵塞',
      '地漏反水',
      '污物间水池堵了',
      '淋浴间积水不下',
    ],
    actions: ['疏通下水道', '疏通并清理存水弯', '更换地漏', '高压疏通管道'],
    materials: [
      { name: '地漏', unit: '个', costFen: 2800 },
      { name: '下水软管', unit: '根', costFen: 1500 },
    ],
  },
  paging: {
    count: 293,
    source: '维修传呼系统293次',
    priorities: { urgent: 0.08, high: 0.42, normal: 0.48, low: 0.02 },
    work: [15, 60],
    team: '水电班',
    place: 'ward',
    descriptions: [
      '床头呼叫器按了没反应',
      '护士站呼叫主机不显示床号',
      '卫生间紧急呼叫拉绳断了',
      '呼叫器一直报警无法复位',
      '走廊显示屏不亮',
    ],
    actions: ['更换呼叫分机', '更换拉绳按钮', '重新接线并复位主机', '更换显示屏电源'],
    materials: [
      { name: '床头呼叫分机', unit: '个', costFen: 12000 },
      { name: '卫生间拉绳呼叫按钮', unit: '个', costFen: 4500 },
    ],
  },
  socket: {
    count: 181,
    source: '更换开关、插座181只',
    priorities: { urgent: 0.04, high: 0.2, normal: 0.66, low: 0.1 },
    work: [10, 40],
    team: '水电班',
    descriptions: [
      '插座没电',
      '开关面板破裂',
      '插座松动插头插不紧',
      '插座冒火花有焦味',
      '灯开关按下去弹不回来',
    ],
    actions: ['更换五孔插座', '更换开关面板', '紧固接线后恢复'],
    materials: [
      { name: '五孔插座', unit: '个', costFen: 1200 },
      { name: '单开开关面板', unit: '个', costFen: 900 },
    ],
  },
  furniture: {
    count: 122,
    source: '维修加固候诊椅及陪护椅122张',
    priorities: { urgent: 0, high: 0.03, normal: 0.5, low: 0.47 },
    work: [20, 90],
    team: '综合维修组',
    descriptions: ['候诊椅座板松动', '陪护椅打不开', '陪护椅扶手断了', '候诊椅螺丝脱落'],
    actions: ['加固候诊椅', '更换陪护椅铰链', '更换扶手并加固'],
    materials: [
      { name: '螺丝（盒）', unit: '盒', costFen: 1500 },
      { name: '陪护椅铰链', unit: '个', costFen: 2200 },
    ],
  },
  hvac: {
    count: 56,
    source: '维修空调56台',
    priorities: { urgent: 0.07, high: 0.35, normal: 0.55, low: 0.03 },
    work: [45, 240],
    season: SUMMER,
    team: '空调组',
    descriptions: ['空调不制冷', '空调滴水', '空调遥控无反应', '空调外机噪音大', '空调出风有异味'],
    actions: ['补充冷媒', '疏通冷凝水管', '更换遥控接收板', '清洗过滤网及蒸发器', '更换风机电容'],
    materials: [
      { name: 'R410A冷媒', unit: 'kg', costFen: 9000 },
      { name: '风机电容', unit: '个', costFen: 2500 },
      { name: '冷凝水管', unit: '米', costFen: 600 },
    ],
  },
  elevator: {
    count: 35,
    source: '维修电梯35次（维保384次为计划保养，不作报修）',
    priorities: { urgent: 0.4, high: 0.4, normal: 0.2, low: 0 },
    work: [30, 180],
    team: '空调组',
    place: 'building',
    descriptions: ['电梯困人', '电梯门关不上', '电梯运行有异响', '电梯按钮失灵', '电梯平层不准'],
    actions: ['配合维保单位放人并检修门机', '更换层门按钮', '调整平层', '更换门刀并调整'],
    materials: [{ name: '电梯按钮', unit: '个', costFen: 6500 }],
  },
  // Not in the summary as repair counts (it gives pumps, cable metres and pipe
  // metres instead): plausible small numbers for a hospital of this size.
  water: {
    count: 420,
    source: '总结未给出（仅有“维修水泵14台”），取估计值',
    priorities: { urgent: 0.1, high: 0.25, normal: 0.6, low: 0.05 },
    work: [20, 120],
    team: '水电班',
    descriptions: [
      '水龙头漏水',
      '水管爆裂漏水',
      '马桶水箱一直流水',
      '热水不热',
      '角阀漏水',
      '水泵运行异响',
    ],
    actions: ['更换水龙头', '更换角阀', '更换水箱配件', '更换管段', '检修水泵'],
    materials: [
      { name: '水龙头', unit: '个', costFen: 4500 },
      { name: '角阀', unit: '个', costFen: 1800 },
      { name: '水箱进水阀', unit: '套', costFen: 2600 },
      { name: '生料带', unit: '卷', costFen: 200 },
    ],
  },
  power: {
    count: 260,
    source: '总结未给出，取估计值',
    priorities: { urgent: 0.12, high: 0.25, normal: 0.58, low: 0.05 },
    work: [15, 120],
    team: '水电班',
    descriptions: ['房间跳闸没电', '配电箱空开跳了合不上', '线路有焦味', '漏电保护器频繁跳闸'],
    actions: ['更换空气开关', '更换漏电保护器', '排查线路并恢复供电'],
    materials: [
      { name: '空气开关 C16', unit: '个', costFen: 3500 },
      { name: '漏电保护器', unit: '个', costFen: 8000 },
      { name: '电线 BV2.5', unit: '米', costFen: 300 },
    ],
  },
  carpentry: {
    count: 150,
    source: '总结未给出，取估计值',
    priorities: { urgent: 0, high: 0.05, normal: 0.6, low: 0.35 },
    work: [30, 150],
    team: '综合维修组',
    descriptions: ['柜门脱落', '门关不严', '抽屉滑轨坏了', '窗户关不上', '门吸掉了'],
    actions: ['更换合页', '调整门框', '更换抽屉滑轨', '更换门吸'],
    materials: [
      { name: '合页', unit: '个', costFen: 800 },
      { name: '抽屉滑轨', unit: '副', costFen: 2500 },
      { name: '门吸', unit: '个', costFen: 1000 },
    ],
  },
  other: {
    count: 60,
    source: '总结未给出，取估计值',
    priorities: { urgent: 0, high: 0.1, normal: 0.7, low: 0.2 },
    work: [15, 90],
    team: '综合维修组',
    descriptions: ['窗帘轨道脱落', '指示牌松动', '墙面挂钩掉了', '晾衣架坏了'],
    actions: ['重新固定', '更换配件后恢复'],
    materials: [{ name: '膨胀螺丝', unit: '盒', costFen: 1200 }],
  },
};

export const CANCEL_NOTES = ['已自行恢复', '重复报修', '科室已另行处理', '报修人撤回'];
export const LATE_CAUSES = ['等待配件到货', '需停电/停水后施工', '病房有患者，择时维修'];

/** What patients and wards write when they rate: mostly thanks, sometimes not. */
export const COMMENTS: Record<number, string[]> = {
  5: ['修得很快，谢谢师傅', '师傅很专业', '服务态度好', '及时解决了问题', '非常满意'],
  4: ['修好了，谢谢', '还可以', '师傅挺耐心的'],
  3: ['等的时间有点长', '修好了但过两天又有点问题', '一般'],
  2: ['来得太慢了', '修完现场没打扫'],
  1: ['报修两天才来人', '没修好'],
};
