import { z } from 'zod';
import { PageQuery } from '../../platform/http/schemas.ts';
import { msg } from '../../platform/http/zod-messages.ts';
import { ACTIONS, STATUSES } from './workflow.ts';

const Id = z.uuid();
const Text = (max: number) => z.string().trim().min(1).max(max);
const Phone = z
  .string()
  .trim()
  .regex(/^[0-9+\-() ]{3,30}$/, { error: msg('电话号码格式不正确', 'Invalid phone number') });
const Fen = z.number().int().min(0).max(100_000_000_00);
const Bool = z.enum(['true', 'false']).transform((v) => v === 'true');
const DateOnly = z.iso.date();

export const StatusSchema = z.enum(STATUSES);
export const ActionSchema = z.enum(ACTIONS);
export const SOURCES = ['portal', 'qr', 'phone', 'api', 'inspection', 'pm', 'hazard'] as const;

/** A new repair request from a person (portal, QR page, dispatcher on the phone, integration). */
export const WorkOrderCreateSchema = z
  .strictObject({
    /** Where: a place of the location tree (the site follows from it)… */
    locationId: Id.nullable().optional(),
    /** …or a site and a place in words ("3 号楼东侧路灯"). */
    siteId: Id.optional(),
    placeText: z.string().trim().max(200).nullable().optional(),
    categoryId: Id,
    /** Omitted: 普通 (normal). */
    priorityId: Id.optional(),
    description: z
      .string()
      .trim()
      .min(2, {
        error: msg('请描述故障现象（至少 2 个字）', 'Describe the fault (2 characters at least)'),
      })
      .max(2000),
    source: z.enum(['portal', 'qr', 'phone', 'api']).default('portal'),
    /** Phone-in: who called (defaults to the signed-in user). */
    requesterUserId: Id.optional(),
    requesterName: Text(60).optional(),
    requesterPhone: Phone.nullable().optional(),
    departmentId: Id.nullable().optional(),
    assetRef: z.string().trim().max(80).nullable().optional(),
  })
  .refine((v) => v.locationId || v.siteId, {
    error: msg('请选择报修位置或院区', 'Choose the place or the site'),
    path: ['locationId'],
  });
export type WorkOrderCreate = z.infer<typeof WorkOrderCreateSchema>;

export const DuplicateQuery = z.strictObject({ locationId: Id, categoryId: Id });

const Note = z.string().trim().max(1000);
const Reason = z
  .string()
  .trim()
  .min(2, { error: msg('请填写原因', 'Give the reason') })
  .max(1000);

export const LabourLineSchema = z.strictObject({
  userId: Id.nullable().optional(),
  workerName: Text(60).optional(),
  // A labour line is how long someone worked: 0 is refused (leave the line out instead).
  minutes: z
    .number({ error: msg('请填写工时（分钟）', 'Give the labour minutes') })
    .int({ error: msg('工时须为整数分钟', 'Labour is whole minutes') })
    .min(1, { error: msg('工时须大于 0 分钟', 'Labour must be more than 0 minutes') })
    .max(24 * 60 * 7, {
      error: msg('工时最多 7 天（10080 分钟）', 'At most 7 days (10080 minutes)'),
    }),
});
export const MaterialLineSchema = z.strictObject({
  name: Text(100),
  unit: z.string().trim().max(20).nullable().optional(),
  quantity: z.number().positive().max(1_000_000),
  unitCostFen: Fen,
  itemRef: z.string().trim().max(80).nullable().optional(),
});

/** A spare part taken from a store: name and cost come from the store (moving average). */
export const StockLineSchema = z.strictObject({
  storeId: Id,
  itemId: Id,
  quantity: z.number().int().min(1).max(1_000_000),
});

/** The body of each action (`POST /api/maintenance/work-orders/{id}/{action}`). */
export const ActionBodies = {
  assign: z.strictObject({
    assigneeUserId: Id.optional(),
    teamId: Id.optional(),
    /** Required when the order is already assigned (reassignment). */
    note: Note.optional(),
  }),
  accept: z.strictObject({ note: Note.optional() }),
  reject: z.strictObject({ note: Reason }),
  start: z.strictObject({ note: Note.optional() }),
  pause: z.strictObject({ note: Reason }),
  resume: z.strictObject({ note: Note.optional() }),
  complete: z.strictObject({
    cause: z.string().trim().max(500).nullable().optional(),
    actionTaken: Text(1000),
    labour: z.array(LabourLineSchema).max(20).default([]),
    materials: z.array(MaterialLineSchema).max(100).default([]),
    stockLines: z.array(StockLineSchema).max(50).default([]),
    outsideFen: Fen.default(0),
    note: Note.optional(),
  }),
  confirm: z.strictObject({ note: Note.optional() }),
  reopen: z.strictObject({ note: Reason }),
  cancel: z.strictObject({ note: Reason }),
  rate: z.strictObject({
    rating: z.number().int().min(1).max(5),
    comment: z.string().trim().max(500).nullable().optional(),
  }),
} as const;

export const CallbackSchema = z.strictObject({
  outcome: z.enum(['satisfied', 'unsatisfied', 'unreachable']),
  note: z.string().trim().max(1000).nullable().optional(),
});

const StatusList = z
  .string()
  .transform((s) => s.split(',').filter(Boolean))
  .pipe(z.array(StatusSchema).min(1).max(STATUSES.length));

export const WorkOrderListQuery = z.strictObject({
  /** One status or several, comma-separated: `submitted,assigned`. */
  status: StatusList.optional(),
  /** Still open (submitted … paused). */
  open: Bool.optional(),
  categoryId: Id.optional(),
  priorityId: Id.optional(),
  siteId: Id.optional(),
  buildingId: Id.optional(),
  locationId: Id.optional(),
  departmentId: Id.optional(),
  assigneeUserId: Id.optional(),
  teamId: Id.optional(),
  /** Orders I reported / assigned to me / in my teams' queues. */
  mine: z.enum(['requested', 'assigned', 'team']).optional(),
  /** Submitted on or after / on or before (dates in the organisation's time zone). */
  from: DateOnly.optional(),
  to: DateOnly.optional(),
  /** Past a due time and still not responded to / completed. */
  overdue: Bool.optional(),
  q: z.string().trim().max(100).optional(),
  sort: z
    .enum(['submittedAt', 'number', 'status', 'priority', 'responseDueAt', 'completionDueAt'])
    .default('submittedAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
  ...PageQuery,
});
export type WorkOrderListFilter = z.infer<typeof WorkOrderListQuery>;

const Named = z.object({ id: z.string(), name: z.string() }).nullable();

export const WorkOrderSchema = z.object({
  id: z.string(),
  number: z.string(),
  status: StatusSchema,
  source: z.enum(SOURCES),
  site: z.object({ id: z.string(), name: z.string() }),
  category: z.object({ id: z.string(), name: z.string() }),
  priority: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  location: Named,
  building: Named,
  placeText: z.string().nullable(),
  department: Named,
  requester: z.object({
    userId: z.string().nullable(),
    name: z.string(),
    phone: z.string().nullable(),
  }),
  description: z.string(),
  team: Named,
  assignee: Named,
  submittedAt: z.string(),
  assignedAt: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  startedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  responseDueAt: z.string(),
  completionDueAt: z.string(),
  responseMinutes: z.number().nullable(),
  completionMinutes: z.number().nullable(),
  responseBreached: z.boolean(),
  completionBreached: z.boolean(),
  /** Open and past a due time right now. */
  overdue: z.boolean(),
  rating: z.number().nullable(),
  ratingComment: z.string().nullable(),
  labourMinutes: z.number(),
  materialsFen: z.number(),
  outsideFen: z.number(),
  cause: z.string().nullable(),
  actionTaken: z.string().nullable(),
  reopenCount: z.number(),
  version: z.number(),
});
export type WorkOrder = z.infer<typeof WorkOrderSchema>;

export const WorkOrderEventSchema = z.object({
  id: z.string(),
  action: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string(),
  actorName: z.string().nullable(),
  note: z.string().nullable(),
  data: z.unknown(),
  at: z.string(),
});

export const WorkOrderDetailSchema = WorkOrderSchema.extend({
  events: z.array(WorkOrderEventSchema),
  labour: z.array(
    z.object({
      id: z.string(),
      userId: z.string().nullable(),
      workerName: z.string(),
      minutes: z.number(),
    }),
  ),
  materials: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      unit: z.string().nullable(),
      quantity: z.number(),
      unitCostFen: z.number(),
      amountFen: z.number(),
      itemRef: z.string().nullable(),
    }),
  ),
  callbacks: z.array(
    z.object({
      id: z.string(),
      outcome: z.string(),
      note: z.string().nullable(),
      userName: z.string().nullable(),
      at: z.string(),
    }),
  ),
  /** What the signed-in user may do with it now. */
  allowedActions: z.array(ActionSchema),
  canCallback: z.boolean(),
});
export type WorkOrderDetail = z.infer<typeof WorkOrderDetailSchema>;

export const WorkOrderCreatedSchema = WorkOrderDetailSchema.extend({
  /** Open orders of the same place and category from the last 24 h. */
  probableDuplicates: z.array(
    z.object({ id: z.string(), number: z.string(), status: z.string(), submittedAt: z.string() }),
  ),
});

export const WorkOrderPageSchema = z.object({
  items: z.array(WorkOrderSchema),
  /** Exact up to 10,000; beyond that `totalCapped` is true and the figure is a floor. */
  total: z.number().int(),
  totalCapped: z.boolean(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
