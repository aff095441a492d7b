import type { DbOrTx } from '../../platform/db/connect.ts';
import { newId } from '../../platform/ids.ts';

/** The trades of summary 3 (8,600 repairs a year), as every new organisation starts. */
export const DEFAULT_CATEGORIES: { code: string; name: string }[] = [
  { code: 'water', name: '水' },
  { code: 'power', name: '电' },
  { code: 'hvac', name: '空调' },
  { code: 'elevator', name: '电梯' },
  { code: 'drain', name: '管道疏通' },
  { code: 'lighting', name: '灯具' },
  { code: 'socket', name: '开关插座' },
  { code: 'paging', name: '传呼系统' },
  { code: 'appliance', name: '小家电' },
  { code: 'lock', name: '锁具' },
  { code: 'furniture', name: '家具座椅' },
  { code: 'carpentry', name: '木工' },
  { code: 'other', name: '其他' },
];

/**
 * Priorities and their default targets in minutes. Urgent runs round the
 * clock (a burst pipe at 2 a.m. is not fixed "next working day"); the others
 * on the working calendar (570 working minutes = one 08:00–17:30 day).
 */
export const DEFAULT_PRIORITIES = [
  { code: 'urgent', name: '紧急', rank: 1, roundTheClock: true, response: 15, completion: 240 },
  { code: 'high', name: '高', rank: 2, roundTheClock: false, response: 30, completion: 570 },
  { code: 'normal', name: '普通', rank: 3, roundTheClock: false, response: 120, completion: 1140 },
  { code: 'low', name: '低', rank: 4, roundTheClock: false, response: 480, completion: 2850 },
] as const;

export const DEFAULT_SETTINGS = { autoConfirmDays: 3, excludePaused: true, warnBeforeMinutes: 30 };

/**
 * Gives an organisation the maintenance defaults once: the settings row marks
 * it done, so categories an organisation renamed or retired stay so.
 */
export async function prepareMaintenance(tx: DbOrTx, orgId: string): Promise<void> {
  const done = await tx
    .selectFrom('mnt_settings')
    .select('org_id')
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  if (done) return;
  const now = new Date().toISOString();
  await tx
    .insertInto('mnt_settings')
    .values({
      org_id: orgId,
      auto_confirm_days: DEFAULT_SETTINGS.autoConfirmDays,
      exclude_paused: DEFAULT_SETTINGS.excludePaused ? 1 : 0,
      warn_before_minutes: DEFAULT_SETTINGS.warnBeforeMinutes,
      updated_at: now,
    })
    .execute();
  await tx
    .insertInto('mnt_categories')
    .values(
      DEFAULT_CATEGORIES.map((c, i) => ({
        id: newId(),
        org_id: orgId,
        code: c.code,
        name: c.name,
        sort_order: (i + 1) * 10,
        active: 1,
        created_at: now,
        updated_at: now,
      })),
    )
    .execute();
  await tx
    .insertInto('mnt_priorities')
    .values(
      DEFAULT_PRIORITIES.map((p) => ({
        id: newId(),
        org_id: orgId,
        code: p.code,
        name: p.name,
        rank: p.rank,
        round_the_clock: p.roundTheClock ? 1 : 0,
        response_minutes: p.response,
        completion_minutes: p.completion,
        active: 1,
        created_at: now,
        updated_at: now,
      })),
    )
    .execute();
}
