import { z } from 'zod';
import { PageQuery, paged } from '../http/schemas.ts';

export const AuditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actorUserId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  siteId: z.string().nullable(),
  siteName: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
});

/**
 * A page of the log; the total stops at 10,000 (`totalCapped`: there are
 * more), as in the maintenance and asset lists.
 */
export const AuditPageSchema = paged(AuditEntrySchema).extend({ totalCapped: z.boolean() });

/** The filters of the audit log; the list adds paging, the export takes them as they are. */
const AuditFilterShape = {
  entityType: z.string().max(60).optional(),
  entityId: z.string().max(60).optional(),
  actorUserId: z.uuid().optional(),
  action: z.string().max(60).optional(),
  /** From this instant (inclusive)… */
  from: z.iso.datetime().optional(),
  /** …to this one (exclusive): a day range is from its first midnight to the next. */
  to: z.iso.datetime().optional(),
};

export const AuditQuery = z.strictObject({ ...AuditFilterShape, ...PageQuery });
export type AuditFilter = z.infer<typeof AuditQuery>;

export const AuditExportQuery = z.strictObject(AuditFilterShape);
export type AuditExportFilter = z.infer<typeof AuditExportQuery>;

/** The drop-downs' query: with a record type, the actions are that type's. */
export const AuditFacetsQuery = z.strictObject({ entityType: z.string().max(60).optional() });

export const AuditFacetsSchema = z.object({
  entityTypes: z.array(z.string()),
  actions: z.array(z.string()),
});
