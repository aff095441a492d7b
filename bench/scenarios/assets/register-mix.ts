/**
 * What a hospital group's register looks like, card by card: mostly desks,
 * chairs, cabinets and computers, some beds and monitors, a few scanners;
 * bought over fifteen years, most in use by a department (some in one
 * person's custody), a tail idle, lent, in repair, lost or disposed of. Both
 * the import file and the bulk load draw their cards from here, with a seeded
 * random source, so every run registers the same property.
 */
import { logUniform, picker, zipf } from '../../lib/random.ts';
import type { Category, Fixtures, Room } from './fixtures.ts';

const DAY = 86_400_000;
export const YEARS = 15;

/** Cards per leaf category, relative; codes of the hospital starter catalogue. */
const CATEGORY_WEIGHTS: Record<string, number> = {
  'JJ-ZY': 30,
  'JJ-G': 12,
  'JJ-C': 6,
  'JJ-SF': 2,
  'TY-JSJ': 14,
  'TY-BG': 5,
  'TY-CL': 0.1,
  'TY-JX': 1,
  'TY-TX': 2,
  'TY-YQ': 2,
  'ZY-YL-YX': 0.3,
  'ZY-YL-JH': 3,
  'ZY-YL-SS': 1,
  'ZY-YL-JY': 1.5,
  'ZY-YL-XD': 0.5,
  'ZY-YL-BC': 6,
  'ZY-ZY': 0.2,
  'ZY-CY': 0.5,
  'DQ-KT': 5,
  'DQ-PD': 0.3,
  'DQ-DT': 0.05,
  'DQ-JD': 3,
};
/** Leaves not listed: buildings and books are few cards; anything else gets this weight. */
const weightOf = (code: string) =>
  CATEGORY_WEIGHTS[code] ?? (code.startsWith('FW') ? 0.02 : code.startsWith('TS') ? 0.3 : 1);

/** Unit price range in 元 by code prefix (longest prefix wins). */
const PRICE_YUAN: [string, number, number][] = [
  ['ZY-YL-YX', 500_000, 5_000_000],
  ['ZY-YL-JH', 20_000, 300_000],
  ['ZY-YL-SS', 50_000, 800_000],
  ['ZY-YL-JY', 30_000, 1_000_000],
  ['ZY-YL-BC', 2_000, 30_000],
  ['ZY', 10_000, 300_000],
  ['TY-JSJ', 3_000, 12_000],
  ['TY-CL', 150_000, 500_000],
  ['TY', 1_000, 30_000],
  ['DQ-DT', 200_000, 800_000],
  ['DQ', 1_500, 30_000],
  ['JJ', 200, 5_000],
  ['FW', 1_000_000, 50_000_000],
  ['TS', 20, 200],
  ['', 500, 20_000],
];

const SUPPLIERS = [
  '国药器械有限公司',
  '迈瑞医疗',
  '联想（北京）有限公司',
  '华为技术有限公司',
  '震旦办公设备',
  '格力电器',
  '美的集团',
  '科达家具有限公司',
  '鱼跃医疗',
  '本地家具厂',
];
const STATUS_WEIGHTS: [string, number][] = [
  ['in_use', 80],
  ['idle', 7],
  ['lent', 1.5],
  ['under_repair', 1.5],
  ['pending', 0.3],
  ['lost', 0.2],
  ['disposed', 9.5],
];
const CONDITIONS = ['good', 'fair', 'poor', 'damaged'];

/** "监护与急救设备（监护仪、呼吸机、除颤仪）" → ["监护仪", "呼吸机", "除颤仪"]; else the name itself. */
function namesOf(category: Category): string[] {
  const m = /（([^）]+)）/.exec(category.name);
  return m ? m[1]!.split('、') : [category.name.replace(/（.*$/, '')];
}

export type Card = {
  category: Category;
  name: string;
  model: string | null;
  quantity: number;
  unitPriceFen: number;
  /** YYYY-MM-DD */
  purchaseDate: string;
  source: 'purchase' | 'donation' | 'transfer_in' | 'other';
  supplier: string | null;
  invoiceNo: string | null;
  warrantyEnd: string | null;
  room: Room;
  departmentIndex: number | null;
  custodianIndex: number | null;
  status: string;
  condition: string;
  /** When the card was registered (ms): a few days after its purchase. */
  registeredAt: number;
};

/** A generator of cards at one site's rooms; `now` bounds the purchase dates. */
export function cardMaker(fx: Fixtures, r: () => number, now: number) {
  const category = picker(
    r,
    fx.leaves,
    fx.leaves.map((c) => weightOf(c.code)),
  );
  const department = picker(
    r,
    fx.departments.map((_, i) => i),
    zipf(fx.departments.length, 0.6),
  );
  const status = picker(
    r,
    STATUS_WEIGHTS.map((s) => s[0]),
    STATUS_WEIGHTS.map((s) => s[1]),
  );
  const condition = picker(r, CONDITIONS, [80, 14, 5, 1]);
  const names = new Map(fx.leaves.map((c) => [c.id, namesOf(c)]));
  const price = new Map(
    fx.leaves.map((c) => [c.id, PRICE_YUAN.find(([prefix]) => c.code.startsWith(prefix))!]),
  );
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const start = now - YEARS * 365 * DAY;
  const day = (t: number) => new Date(t).toISOString().slice(0, 10);

  return (rooms: readonly Room[], opts: { registerable?: boolean } = {}): Card => {
    const c = category();
    const [, min, max] = price.get(c.id)!;
    // Purchases grew over the years: the last year bought twice what the first did.
    const bought = start + Math.floor((Math.sqrt(1 + 3 * r()) - 1) * YEARS * 365) * DAY;
    const purchased = Math.min(bought, now - 7 * DAY);
    // An import registers property in use or idle; the rest follow from operations.
    let s = opts.registerable ? (r() < 0.9 ? 'in_use' : 'idle') : status();
    if (s === 'disposed' && now - purchased < 3 * 365 * DAY) s = 'in_use';
    const inDepartment = s !== 'idle' && s !== 'pending';
    const equipment = !c.code.startsWith('JJ') && !c.code.startsWith('TS');
    return {
      category: c,
      name: pick(names.get(c.id)!),
      model: equipment ? `${pick(['A', 'B', 'C', 'M', 'X'])}${Math.floor(r() * 900 + 100)}` : null,
      quantity: c.tracking === 'bulk' ? 1 + Math.floor(r() * 50) : 1,
      unitPriceFen: logUniform(r, min, max) * 100,
      purchaseDate: day(purchased),
      source: r() < 0.92 ? 'purchase' : pick(['donation', 'transfer_in', 'other'] as const),
      supplier: r() < 0.85 ? pick(SUPPLIERS) : null,
      invoiceNo: r() < 0.7 ? String(Math.floor(1e7 + r() * 9e7)) : null,
      warrantyEnd: equipment ? day(purchased + (1 + Math.floor(r() * 3)) * 365 * DAY) : null,
      room: pick(rooms),
      departmentIndex: inDepartment ? department() : null,
      custodianIndex: inDepartment && r() < 0.6 ? Math.floor(r() * fx.custodians.length) : null,
      status: s,
      condition: s === 'under_repair' ? 'damaged' : condition(),
      registeredAt: purchased + Math.floor(r() * 5 * DAY),
    };
  };
}
