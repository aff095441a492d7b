import { z } from 'zod';
import type { Deps } from '../../platform/deps.ts';
import { actorOf } from '../../platform/http/actor.ts';
import type { App } from '../../platform/http/types.ts';

const CategorySchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  sortOrder: z.number(),
  active: z.boolean(),
});
const PrioritySchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  rank: z.number(),
  roundTheClock: z.boolean(),
  responseMinutes: z.number(),
  completionMinutes: z.number(),
  active: z.boolean(),
});

/** What the request form offers: categories and priorities (every signed-in user reads them). */
export function referenceRoutes(app: App, { db }: Deps): void {
  const tags = ['maintenance'];
  app.get(
    '/api/maintenance/categories',
    {
      config: { auth: 'user' },
      schema: { tags, summary: '报修类别 Categories', response: { 200: z.array(CategorySchema) } },
    },
    async (req) => {
      const rows = await db
        .selectFrom('mnt_categories')
        .selectAll()
        .where('org_id', '=', actorOf(req).orgId)
        .orderBy('sort_order')
        .orderBy('code')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        code: r.code,
        name: r.name,
        sortOrder: r.sort_order,
        active: r.active === 1,
      }));
    },
  );
  app.get(
    '/api/maintenance/priorities',
    {
      config: { auth: 'user' },
      schema: { tags, summary: '优先级 Priorities', response: { 200: z.array(PrioritySchema) } },
    },
    async (req) => {
      const rows = await db
        .selectFrom('mnt_priorities')
        .selectAll()
        .where('org_id', '=', actorOf(req).orgId)
        .orderBy('rank')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        code: r.code,
        name: r.name,
        rank: r.rank,
        roundTheClock: r.round_the_clock === 1,
        responseMinutes: r.response_minutes,
        completionMinutes: r.completion_minutes,
        active: r.active === 1,
      }));
    },
  );
}
