import { z } from 'zod';
import { PageQuery } from '../http/schemas.ts';

export const JobRunSchema = z.object({
  id: z.string(),
  job: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  status: z.enum(['running', 'ok', 'error']),
  error: z.string().nullable(),
  detail: z.string().nullable(),
});

export const JobStatusSchema = z.object({
  name: z.string(),
  everyMs: z.number().int(),
  nextRunAt: z.string().nullable(),
  lastRunAt: z.string().nullable(),
  lastRun: JobRunSchema.nullable(),
});

export const JobsOverviewSchema = z.object({
  /** Which process runs jobs now; null before any scheduler has started. */
  lease: z.object({ holder: z.string(), expiresAt: z.string() }).nullable(),
  jobs: z.array(JobStatusSchema),
});

export const JobNameParams = z.strictObject({ name: z.string().regex(/^[a-z][\w.-]{0,79}$/) });

export const JobRunListQuery = z.strictObject({
  job: z.string().max(80).optional(),
  status: z.enum(['running', 'ok', 'error']).optional(),
  ...PageQuery,
});
export type JobRunListQuery = z.infer<typeof JobRunListQuery>;
