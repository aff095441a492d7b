import { z } from 'zod';
import { PageQuery, paged } from '../../../platform/http/schemas.ts';
import { msg } from '../../../platform/http/zod-messages.ts';
import { CONDITIONS, OPERATION_KINDS, OPERATION_STATUSES } from '../operation-kinds.ts';

const Id = z.uuid();
const DateOnly = z.iso.date({ error: msg('日期格式应为 YYYY-MM-DD', 'Dates are YYYY-MM-DD') });
const Note = z.string().trim().max(1000);

/** Kinds a person starts here: registration and stock-take adjustments have their own pages. */
export const STARTABLE_KINDS = OPERATION_KINDS.filter((k) => k !== 'register' && k !== 'adjust');

/** Who answers for a damaged or lost asset, and for how much of its net value. */
export const CompensationDecisionSchema = z
  .strictObject({
    /** Omitted: every asset of the operation. */
    assetId: Id.optional(),
    partyType: z.enum(['person', 'vendor', 'other']),
    personId: Id.optional(),
    partyName: z.string().trim().min(1).max(100).optional(),
    /** Basis points of the net value: 5000 = 50%. */
    shareBp: z
      .number()
      .int()
      .min(0, { error: msg('赔偿比例应在 0–100% 之间', 'The share is between 0 and 100%') })
      .max(10_000, { error: msg('赔偿比例应在 0–100% 之间', 'The share is between 0 and 100%') }),
    note: Note.optional(),
  })
  .refine((v) => (v.partyType === 'person' ? !!v.personId : !!v.partyName), {
    error: msg('请选择赔偿人或填写赔偿单位名称', 'Choose the person or name the party who pays'),
    path: ['personId'],
  });
export type CompensationDecision = z.infer<typeof CompensationDecisionSchema>;

export const OperationCreateSchema = z.strictObject({
  kind: z.enum(STARTABLE_KINDS),
  assetIds: z
    .array(Id)
    .min(1, { error: msg('请选择资产', 'Choose at least one asset') })
    .max(1000, { error: msg('一次最多 1000 件资产', 'At most 1,000 assets at a time') }),
  reason: Note.optional(),
  toSiteId: Id.optional(),
  toLocationId: Id.optional(),
  toDepartmentId: Id.optional(),
  toCustodianPersonId: Id.optional(),
  borrowerPersonId: Id.optional(),
  borrowerName: z.string().trim().min(1).max(60).optional(),
  dueDate: DateOnly.optional(),
  /** The asset's condition after a release, return, repair or damage report. */
  condition: z.enum(CONDITIONS).optional(),
  /** Send to repair: the maintenance work order to raise (one asset at a time). */
  workOrder: z
    .strictObject({
      categoryId: Id,
      description: z
        .string()
        .trim()
        .min(2, {
          error: msg('请描述故障（至少 2 个字）', 'Describe the fault (2 characters at least)'),
        })
        .max(2000),
      priorityId: Id.optional(),
    })
    .optional(),
  /** Damage/loss applied at once (no approval needed): the decision, by a holder of assets:approve. */
  compensations: z.array(CompensationDecisionSchema).max(50).optional(),
});
export type OperationCreate = z.infer<typeof OperationCreateSchema>;

export const ApproveSchema = z.strictObject({
  note: Note.optional(),
  compensations: z.array(CompensationDecisionSchema).max(50).optional(),
});
export const RejectSchema = z.strictObject({
  note: z
    .string()
    .trim()
    .min(2, { error: msg('请填写驳回原因', 'Give the reason for rejecting') })
    .max(1000),
});
export const ConfirmSchema = z.strictObject({
  /** Required when a manager confirms for the receiver (paper signature). */
  note: Note.optional(),
});
export const CancelSchema = z.strictObject({ note: Note.optional() });

export const OPERATION_ACTIONS = ['approve', 'reject', 'confirm', 'cancel'] as const;
export type OperationAction = (typeof OPERATION_ACTIONS)[number];
export const ActionBodies = {
  approve: ApproveSchema,
  reject: RejectSchema,
  confirm: ConfirmSchema,
  cancel: CancelSchema,
} as const;

export const OperationListQuery = z.strictObject({
  kind: z.enum(OPERATION_KINDS).optional(),
  status: z.enum(OPERATION_STATUSES).optional(),
  siteId: Id.optional(),
  from: DateOnly.optional(),
  to: DateOnly.optional(),
  assetId: Id.optional(),
  departmentId: Id.optional(),
  /** Only what waits for me: approvals I may give, receipts I may confirm. */
  waitingForMe: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  ...PageQuery,
});
export type OperationListFilter = z.infer<typeof OperationListQuery>;

const Named = z.object({ id: z.string(), name: z.string() }).nullable();

export const OperationSchema = z.object({
  id: z.string(),
  number: z.string(),
  kind: z.enum(OPERATION_KINDS),
  status: z.enum(OPERATION_STATUSES),
  site: z.object({ id: z.string(), name: z.string() }),
  reason: z.string().nullable(),
  requestedBy: Named,
  requestedAt: z.string(),
  requestingDepartment: Named,
  approvedBy: Named,
  approvedAt: z.string().nullable(),
  approvalNote: z.string().nullable(),
  toSite: Named,
  toLocation: Named,
  toDepartment: Named,
  toCustodian: Named,
  borrower: z.object({ personId: z.string().nullable(), name: z.string() }).nullable(),
  dueDate: z.string().nullable(),
  lendOperationId: z.string().nullable(),
  workOrderId: z.string().nullable(),
  receivedBy: Named,
  receivedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  totalValueFen: z.number(),
  assetCount: z.number(),
  data: z.record(z.string(), z.unknown()),
  version: z.number(),
});
export type Operation = z.infer<typeof OperationSchema>;
export const OperationPageSchema = paged(OperationSchema);

export const OperationLineSchema = z.object({
  assetId: z.string(),
  tagNo: z.string(),
  name: z.string(),
  status: z.string(),
  valueFen: z.number(),
  returnedAt: z.string().nullable(),
  before: z.object({
    status: z.string(),
    condition: z.string(),
    siteId: z.string(),
    locationId: z.string().nullable(),
    departmentId: z.string().nullable(),
    custodianPersonId: z.string().nullable(),
  }),
});

export const CompensationSchema = z.object({
  id: z.string(),
  operationId: z.string(),
  operationNumber: z.string(),
  siteId: z.string(),
  asset: z.object({ id: z.string(), tagNo: z.string(), name: z.string() }),
  department: Named,
  partyType: z.enum(['person', 'vendor', 'other']),
  personId: z.string().nullable(),
  partyName: z.string(),
  netValueFen: z.number(),
  shareBp: z.number(),
  amountFen: z.number(),
  paidFen: z.number(),
  waivedFen: z.number(),
  outstandingFen: z.number(),
  status: z.enum(['owed', 'settled']),
  decidedAt: z.string(),
  settledAt: z.string().nullable(),
  note: z.string().nullable(),
});
export type Compensation = z.infer<typeof CompensationSchema>;

export const OperationDetailSchema = OperationSchema.extend({
  lines: z.array(OperationLineSchema),
  allowedActions: z.array(z.enum(OPERATION_ACTIONS)),
  compensations: z.array(CompensationSchema),
});
export type OperationDetail = z.infer<typeof OperationDetailSchema>;
