import { accessFromGrants } from '../platform/access/access.ts';
import { expandPatterns } from '../platform/access/permissions.ts';
import { findRoleByKey } from '../platform/access/repository.ts';
import { insertUserWithGrants } from '../platform/auth/users-service.ts';
import type { Actor } from '../platform/context.ts';
import type { Db, DbOrTx } from '../platform/db/connect.ts';
import {
  createOrganization,
  insertDepartment,
  insertLocation,
  insertPerson,
  insertSite,
} from '../modules/org/index.ts';
import { seedDemoAssets } from './demo-assets.ts';
import { seedDemoMaintenance } from './demo-maintenance.ts';
import { chineseName, mobile, rng } from './names.ts';

export const DEMO_ORG_NAME = '示例市人民医院';
export const DEMO_PASSWORD = 'houqin-demo';

type Building = { code: string; name: string; floors: number; roomsPerFloor: number };

const SITES: {
  code: string;
  name: string;
  address: string;
  buildings: Building[];
  plantRooms: string[];
}[] = [
  {
    code: 'MAIN',
    name: '本部院区',
    address: '人民路 1 号',
    buildings: [
      { code: 'MZ', name: '门诊楼', floors: 5, roomsPerFloor: 8 },
      { code: 'ZY', name: '住院楼', floors: 8, roomsPerFloor: 10 },
      { code: 'YJ', name: '医技楼', floors: 4, roomsPerFloor: 6 },
      { code: 'XZ', name: '行政后勤楼', floors: 3, roomsPerFloor: 6 },
      { code: 'SS', name: '单身宿舍', floors: 4, roomsPerFloor: 12 },
    ],
    // The key places of the monthly safety round in summary 3.
    plantRooms: ['配电房', '锅炉房', '制氧机房', '泵房', '电梯机房', '污水处理站'],
  },
  {
    code: 'EAST',
    name: '东院区',
    address: '东湖路 88 号',
    buildings: [
      { code: 'ZH', name: '综合楼', floors: 6, roomsPerFloor: 8 },
      { code: 'HQ', name: '后勤楼', floors: 2, roomsPerFloor: 6 },
    ],
    plantRooms: ['配电房', '泵房'],
  },
];

const CLINICAL = [
  '院办',
  '医务科',
  '护理部',
  '财务科',
  '内科',
  '外科',
  '妇产科',
  '儿科',
  '急诊科',
  '检验科',
  '放射科',
  '药剂科',
  '感染管理科',
];
const LOGISTICS_TEAMS = [
  '水电班',
  '木工班',
  '空调组',
  '电梯组',
  '综合维修组',
  '保洁组',
  '保安队',
  '车队',
  '营养食堂',
];

/** Demo accounts, one per everyday role, printed by `npm run demo`. */
export const DEMO_USERS: { username: string; name: string; role: string; team?: string }[] = [
  { username: 'admin', name: '系统管理员', role: 'admin' },
  { username: 'zhuguan', name: '后勤主管', role: 'manager' },
  { username: 'diaodu', name: '调度员', role: 'dispatcher' },
  { username: 'shuidian', name: '水电工', role: 'technician', team: '水电班' },
  { username: 'kongtiao', name: '空调工', role: 'technician', team: '空调组' },
  { username: 'zhigong', name: '职工', role: 'staff' },
  { username: 'keshi', name: '科室负责人', role: 'dept_head' },
  { username: 'anquan', name: '安全员', role: 'safety_officer' },
  { username: 'lingdao', name: '分管院领导', role: 'leader' },
  { username: 'shenji', name: '审计', role: 'auditor' },
];

/** The seed acts with every permission; the audit log names it. */
function seedActor(orgId: string): Actor {
  const access = accessFromGrants([{ permissions: expandPatterns(['*']), siteId: null }]);
  return {
    orgId,
    userId: null,
    name: '演示数据',
    access,
    requestId: null,
    ip: null,
    lang: 'zh',
    audit: { count: 0 },
  };
}

async function seedPlaces(tx: DbOrTx, actor: Actor): Promise<void> {
  for (const site of SITES) {
    const siteId = await insertSite(tx, actor, {
      code: site.code,
      name: site.name,
      address: site.address,
    });
    for (const b of site.buildings) {
      const buildingId = await insertLocation(tx, actor, {
        siteId,
        type: 'building',
        code: `${site.code}-${b.code}`,
        name: b.name,
      });
      for (let f = 1; f <= b.floors; f++) {
        const floorId = await insertLocation(tx, actor, {
          siteId,
          parentId: buildingId,
          type: 'floor',
          code: `${site.code}-${b.code}-${f}F`,
          name: `${f}F`,
        });
        for (let r = 1; r <= b.roomsPerFloor; r++) {
          const no = `${f}${String(r).padStart(2, '0')}`;
          await insertLocation(tx, actor, {
            siteId,
            parentId: floorId,
            type: 'room',
            code: `${site.code}-${b.code}-${no}`,
            name: no,
            areaM2: 18 + ((f * 7 + r * 3) % 30),
          });
        }
      }
    }
    for (const [i, name] of site.plantRooms.entries()) {
      await insertLocation(tx, actor, {
        siteId,
        type: 'area',
        code: `${site.code}-PLANT-${i + 1}`,
        name,
      });
    }
  }
}

async function seedPeople(tx: DbOrTx, actor: Actor): Promise<Map<string, string>> {
  const next = rng(20261124);
  const departments = new Map<string, string>();
  for (const [i, name] of CLINICAL.entries())
    departments.set(
      name,
      await insertDepartment(tx, actor, { code: `K${String(i + 1).padStart(2, '0')}`, name }),
    );
  const logistics = await insertDepartment(tx, actor, { code: 'HQBZ', name: '后勤保障部' });
  departments.set('后勤保障部', logistics);
  for (const [i, name] of LOGISTICS_TEAMS.entries()) {
    departments.set(
      name,
      await insertDepartment(tx, actor, {
        code: `HQBZ-${String(i + 1).padStart(2, '0')}`,
        name,
        parentId: logistics,
      }),
    );
  }
  let no = 1;
  for (const [dept, id] of departments) {
    const size = dept === '后勤保障部' ? 3 : LOGISTICS_TEAMS.includes(dept) ? 6 : 5;
    for (let i = 0; i < size; i++) {
      await insertPerson(tx, actor, {
        employeeNo: `E${String(no++).padStart(5, '0')}`,
        name: chineseName(next),
        phone: mobile(next),
        departmentId: id,
        position: LOGISTICS_TEAMS.includes(dept)
          ? i === 0
            ? '班组长'
            : '技工'
          : i === 0
            ? '科室负责人'
            : '职工',
      });
    }
  }
  return departments;
}

/**
 * Seeds the demo hospital: two campuses with buildings, floors, rooms and
 * plant rooms, clinical and logistics departments, about 150 people, and one
 * account per everyday role. Later modules add a year of their records here.
 */
export async function seedDemoHospital(
  db: Db,
): Promise<{ organizationId: string; workOrders: number }> {
  return db.transaction().execute(async (tx) => {
    const { organizationId } = await createOrganization(
      tx,
      {
        organization: { name: DEMO_ORG_NAME, timezone: 'Asia/Shanghai' },
        admin: { username: 'admin', password: DEMO_PASSWORD, name: '系统管理员' },
      },
      { requestId: null, ip: null, audit: { count: 0 }, defaultTimeZone: 'Asia/Shanghai' },
    );
    const actor = seedActor(organizationId);
    await seedPlaces(tx, actor);
    const departments = await seedPeople(tx, actor);
    for (const u of DEMO_USERS.slice(1)) {
      const role = await findRoleByKey(tx, organizationId, u.role);
      const personId = await insertPerson(tx, actor, {
        employeeNo: `D-${u.username}`,
        name: u.name,
        departmentId: departments.get(u.team ?? '后勤保障部') ?? null,
      });
      await insertUserWithGrants(tx, actor, {
        username: u.username,
        password: DEMO_PASSWORD,
        displayName: u.name,
        personId,
        grants: role ? [{ roleId: role.id, siteId: null }] : [],
      });
    }
    const { workOrders } = await seedDemoMaintenance(tx, actor);
    // Assets and stores; a repair it sends raises one more work order.
    const assets = await seedDemoAssets(tx, actor);
    return { organizationId, workOrders: workOrders + assets.workOrders };
  });
}
