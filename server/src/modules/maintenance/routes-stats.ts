import { z } from 'zod';
import type { Deps } from '../../platform/deps.ts';
import { todayIn } from '../../platform/excel/workbook.ts';
import { actorOf } from '../../platform/http/actor.ts';
import type { App } from '../../platform/http/types.ts';
import { getOrganization } from '../org/index.ts';
import { MaintP } from './policy.ts';
import { GROUPS, workOrderStats } from './stats.ts';
import { sendStatsWorkbook, statsWorkbook } from './stats-export.ts';

const Figures = z.object({
  count: z.number(),
  completed: z.number(),
  cancelled: z.number(),
  open: z.number(),
  responseMeanMinutes: z.number().nullable(),
  responseP90Minutes: z.number().nullable(),
  completionMeanMinutes: z.number().nullable(),
  completionP90Minutes: z.number().nullable(),
  slaCompliance: z
    .number()
    .nullable()
    .describe('Share (0–1) of completed orders within both targets'),
  ratingMean: z.number().nullable(),
  ratingCount: z.number(),
  satisfiedShare: z.number().nullable().describe('Share (0–1) of ratings of 4 or 5'),
});

const Range = z.strictObject({
  from: z.iso.date(),
  to: z.iso.date(),
  siteId: z.uuid().optional(),
});
const TEN_YEARS = {
  check: (q: { from: string; to: string }) =>
    Date.parse(q.to) - Date.parse(q.from) <= 10 * 366 * 86_400_000,
  params: { error: '最长统计 10 年 / at most 10 years', path: ['to'] },
};

const StatsQuery = Range.extend({ groupBy: z.enum(GROUPS).default('category') }).refine(
  TEN_YEARS.check,
  TEN_YEARS.params,
);
/** The export holds every grouping, so it takes the range and the site only. */
const StatsExportQuery = Range.refine(TEN_YEARS.check, TEN_YEARS.params);

export const StatsSchema = z.object({
  from: z.string(),
  to: z.string(),
  groupBy: z.enum(GROUPS),
  totals: Figures,
  byGroup: z.array(Figures.extend({ key: z.string().nullable(), name: z.string().nullable() })),
  repeatFaults: z.array(
    z.object({
      locationId: z.string(),
      name: z.string(),
      count: z.number(),
      windowStart: z.string(),
    }),
  ),
  repeatAssets: z
    .array(z.object({ assetRef: z.string(), count: z.number(), windowStart: z.string() }))
    .describe('Assets (the tag on the order) with 3 or more orders within 30 days'),
});

/** Figures for the dashboard and the annual summary, and the same as a workbook. */
export function statsRoutes(app: App, { db }: Deps): void {
  app.get(
    '/api/maintenance/stats',
    {
      config: { auth: MaintP.read, scope: 'site' },
      schema: {
        tags: ['maintenance'],
        summary: '维修统计 Work-order figures by category, month, site, department or technician',
        querystring: StatsQuery,
        response: { 200: StatsSchema },
      },
    },
    async (req) => workOrderStats(db, actorOf(req), req.query),
  );

  app.get(
    '/api/maintenance/stats/export.xlsx',
    {
      config: { auth: MaintP.export, scope: 'site' },
      schema: {
        tags: ['maintenance'],
        summary:
          '导出维修统计 Export the figures (.xlsx: totals beside last year, by category, month, site, department, technician, repeat faults)',
        querystring: StatsExportQuery,
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const { timezone } = await getOrganization(db, actor.orgId);
      const sheets = await statsWorkbook(db, actor, req.query, timezone);
      return sendStatsWorkbook(reply, sheets, todayIn(timezone));
    },
  );
}
