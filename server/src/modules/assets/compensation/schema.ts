import { z } from 'zod';
import { PageQuery, paged } from '../../../platform/http/schemas.ts';
import { msg } from '../../../platform/http/zod-messages.ts';
import { CompensationSchema } from '../operations/index.ts';

const Amount = z
  .number()
  .int({ error: msg('金额以分为单位，应为整数', 'Amounts are whole fen') })
  .min(1, { error: msg('金额应大于 0', 'The amount must be above 0') })
  .max(100_000_000_00);

export const PaymentSchema = z.strictObject({
  amountFen: Amount,
  receiptNo: z.string().trim().max(60).optional(),
  note: z.string().trim().max(1000).optional(),
});
export const WaiverSchema = z.strictObject({
  amountFen: Amount,
  note: z
    .string()
    .trim()
    .min(2, { error: msg('请填写减免理由', 'Give the reason for the waiver') })
    .max(1000),
});

const Year = z.coerce.number().int().min(2000).max(2100);

export const CompensationListQuery = z.strictObject({
  status: z.enum(['owed', 'settled']).optional(),
  departmentId: z.uuid().optional(),
  siteId: z.uuid().optional(),
  year: Year.optional(),
  /** Part of the payer's name. */
  party: z.string().trim().min(1).max(60).optional(),
  ...PageQuery,
});
export type CompensationListFilter = z.infer<typeof CompensationListQuery>;
export const CompensationPageSchema = paged(CompensationSchema);

export const CompensationReportQuery = z.strictObject({
  year: Year,
  siteId: z.uuid().optional(),
});

export const CompensationReportSchema = z.object({
  year: z.number(),
  rows: z.array(
    z.object({
      department: z.object({ id: z.string(), name: z.string() }).nullable(),
      count: z.number(),
      owedFen: z.number(),
      paidFen: z.number(),
      waivedFen: z.number(),
      outstandingFen: z.number(),
    }),
  ),
  totals: z.object({
    count: z.number(),
    owedFen: z.number(),
    paidFen: z.number(),
    waivedFen: z.number(),
    outstandingFen: z.number(),
  }),
});
export type CompensationReport = z.infer<typeof CompensationReportSchema>;
