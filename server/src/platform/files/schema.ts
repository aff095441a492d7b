import { z } from 'zod';

/** The record a file is attached to: `entityType` is a registered type such as `location`. */
export const AttachmentTargetSchema = z.strictObject({
  entityType: z
    .string()
    .regex(/^[a-z][a-z0-9_]{1,40}$/, { error: 'must be a registered entity type, e.g. location' }),
  entityId: z.uuid(),
});
export type AttachmentTarget = z.infer<typeof AttachmentTargetSchema>;

export const AttachmentSchema = z.object({
  id: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  siteId: z.string().nullable(),
  filename: z.string(),
  mime: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  createdBy: z.string().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  downloadUrl: z.string(),
});
export type Attachment = z.infer<typeof AttachmentSchema>;

export const AttachmentDownloadQuery = z.strictObject({
  /** `inline` lets the browser show an image or PDF in place; the default saves it. */
  disposition: z.enum(['attachment', 'inline']).default('attachment'),
});
