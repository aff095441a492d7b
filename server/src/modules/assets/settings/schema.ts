import { z } from 'zod';
import { msg } from '../../../platform/http/zod-messages.ts';
import { OPERATION_KINDS } from '../operation-kinds.ts';

/** Kinds an organisation may put under approval: closing a loan or a repair never waits. */
export const APPROVABLE_KINDS = OPERATION_KINDS.filter((k) => k !== 'return' && k !== 'repaired');

export const AssetSettingsSchema = z.object({
  approvalKinds: z.array(z.enum(OPERATION_KINDS)),
  approvalThresholdFen: z.number().int(),
  loanDays: z.number().int(),
  updatedAt: z.string(),
});
export type AssetSettingsDto = z.infer<typeof AssetSettingsSchema>;

export const AssetSettingsUpdateSchema = z.strictObject({
  approvalKinds: z
    .array(
      z.enum(APPROVABLE_KINDS, {
        error: msg('归还、修复不需要审批', 'Returns and repairs done never wait for approval'),
      }),
    )
    .max(APPROVABLE_KINDS.length)
    .optional(),
  /** Operations whose total net value is below this need no approval (0: always when listed). */
  approvalThresholdFen: z
    .number()
    .int()
    .min(0, { error: msg('金额不能为负', 'The amount cannot be negative') })
    .max(100_000_000_00)
    .optional(),
  loanDays: z
    .number()
    .int()
    .min(1, { error: msg('借用期限为 1–365 天', 'Loans last 1 to 365 days') })
    .max(365, { error: msg('借用期限为 1–365 天', 'Loans last 1 to 365 days') })
    .optional(),
});
export type AssetSettingsUpdate = z.infer<typeof AssetSettingsUpdateSchema>;
