/**
 * The hospital group the assets benchmark runs in, made through the API like
 * an administrator would: four campuses whose registers are loaded straight
 * into the database (load.ts), a fifth whose register is imported from the
 * old system's spreadsheet (workbook.ts), departments, buildings and rooms,
 * the staff who keep the assets, the starter category tree for hospitals and
 * an asset manager of the main campus.
 */
import { apiOf, inParallel, login } from '../../lib/api.ts';
import type { Houqin } from '../../lib/server.ts';

const PASSWORD = 'bench-pass-1';
export const MANAGER = 'ast-manager';
/** Share of the loaded register at each campus (the imported one has its own count). */
export const SITE_WEIGHTS = [0.45, 0.25, 0.18, 0.12];
const BUILDINGS_PER_SITE = 4;
const ROOMS_PER_BUILDING = 25;
const CUSTODIANS = 400;

const DEPARTMENT_NAMES = [
  '心内科',
  '呼吸内科',
  '消化内科',
  '神经内科',
  '肾内科',
  '内分泌科',
  '血液科',
  '普外科',
  '骨科',
  '神经外科',
  '心胸外科',
  '泌尿外科',
  '妇产科',
  '儿科',
  '新生儿科',
  '眼科',
  '耳鼻喉科',
  '口腔科',
  '皮肤科',
  '中医科',
  '康复科',
  '急诊科',
  '重症医学科',
  '麻醉科',
  '手术室',
  '放射科',
  '超声科',
  '检验科',
  '病理科',
  '药剂科',
  '输血科',
  '体检中心',
  '门诊部',
  '护理部',
  '医务科',
  '信息中心',
  '财务科',
  '总务科',
  '设备科',
  '保卫科',
];

export type Category = {
  id: string;
  parentId: string | null;
  code: string;
  name: string;
  tracking: 'unit' | 'bulk';
  unit: string | null;
  depreciationMethod: string;
  lifeMonths: number | null;
  residualBp: number;
  active: boolean;
};
export type Room = { id: string; code: string };
export type Site = { id: string; code: string; rooms: Room[] };

export type Fixtures = {
  orgId: string;
  timeZone: string;
  /** The administrator's user id (who counted, in the stock-take's marks). */
  adminUserId: string;
  /** Campuses of the loaded register, main campus first. */
  sites: Site[];
  /** The campus registered by the import, and stock-taken. */
  importSite: Site;
  departments: { id: string; code: string; name: string }[];
  custodians: { id: string; employeeNo: string }[];
  categories: Category[];
  /** Categories without sub-categories: where cards are registered. */
  leaves: Category[];
  /** Session of the asset manager (后勤主管) of the main campus only. */
  managerCookie: string;
};

export async function makeFixtures(h: Houqin): Promise<Fixtures> {
  const api = apiOf(h);
  const me = await api<{ user: { id: string }; organization: { id: string; timezone: string } }>(
    'GET',
    '/api/me',
  );
  const siteCodes = [...SITE_WEIGHTS.map((_, i) => `AS${i}`), 'ASN'];
  const sites = await inParallel(siteCodes, 4, async (code, i) => {
    const name = code === 'ASN' ? '新院区' : `院区${i + 1}`;
    const site = await api<{ id: string }>('POST', '/api/sites', { code, name });
    return { id: site.id, code, rooms: await makeRooms(api, site.id, code) };
  });
  const departments = await inParallel(DEPARTMENT_NAMES, 4, async (name, i) => {
    const code = `AD${String(i).padStart(2, '0')}`;
    const d = await api<{ id: string }>('POST', '/api/departments', { code, name });
    return { id: d.id, code, name };
  });
  const custodians = await inParallel(
    Array.from({ length: CUSTODIANS }, (_, i) => i),
    4,
    async (i) => {
      const employeeNo = `A${String(i + 1).padStart(5, '0')}`;
      const p = await api<{ id: string }>('POST', '/api/people', {
        employeeNo,
        name: `保管员${i + 1}`,
        departmentId: departments[i % departments.length]!.id,
      });
      return { id: p.id, employeeNo };
    },
  );
  await api('POST', '/api/assets/categories/starter', { catalogue: 'hospital' });
  const categories = await api<Category[]>('GET', '/api/assets/categories');
  const parents = new Set(categories.map((c) => c.parentId));
  const roles = await api<{ id: string; key: string }[]>('GET', '/api/roles');
  await api('POST', '/api/users', {
    username: MANAGER,
    password: PASSWORD,
    displayName: '主院区资产管理员',
    grants: [{ roleId: roles.find((r) => r.key === 'manager')!.id, siteId: sites[0]!.id }],
  });
  return {
    orgId: me.organization.id,
    timeZone: me.organization.timezone,
    adminUserId: me.user.id,
    sites: sites.slice(0, SITE_WEIGHTS.length),
    importSite: sites[SITE_WEIGHTS.length]!,
    departments,
    custodians,
    categories,
    leaves: categories.filter((c) => c.active && !parents.has(c.id)),
    managerCookie: await login(h.base, MANAGER, PASSWORD),
  };
}

/** Four buildings of 25 rooms: the places cards stand in. */
async function makeRooms(
  api: ReturnType<typeof apiOf>,
  siteId: string,
  siteCode: string,
): Promise<Room[]> {
  const rooms: Room[] = [];
  for (let b = 0; b < BUILDINGS_PER_SITE; b++) {
    const code = `${siteCode}-${b + 1}`;
    const building = await api<{ id: string }>('POST', '/api/locations', {
      siteId,
      type: 'building',
      code,
      name: `${b + 1}号楼`,
    });
    rooms.push(
      ...(await inParallel(
        Array.from({ length: ROOMS_PER_BUILDING }, (_, r) => r),
        2,
        async (r) => {
          const roomCode = `${code}-${Math.floor(r / 5) + 1}${String((r % 5) + 1).padStart(2, '0')}`;
          const room = await api<{ id: string }>('POST', '/api/locations', {
            siteId,
            parentId: building.id,
            type: 'room',
            code: roomCode,
            name: `${Math.floor(r / 5) + 1}${String((r % 5) + 1).padStart(2, '0')}室`,
          });
          return { id: room.id, code: roomCode };
        },
      )),
    );
  }
  return rooms;
}
