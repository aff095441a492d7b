import { z } from 'zod';
import type { Deps } from '../../../platform/deps.ts';
import { actorOf } from '../../../platform/http/actor.ts';
import type { App } from '../../../platform/http/types.ts';
import { MAX_LABELS, assetLabels, custodyAgreement } from './print.ts';
import { AssetFilterFields, StatusSchema } from './schema.ts';

const tags = ['assets'];

const IdList = z
  .string()
  .transform((s) => s.split(',').filter(Boolean))
  .pipe(z.array(z.uuid()).min(1).max(2000));

const LabelsQuery = z.strictObject({
  ...AssetFilterFields,
  /** Chosen cards, comma-separated; otherwise every card matching the filters (2,000 at most). */
  ids: IdList.optional(),
  /**
   * The cards a registration (one card, a batch, an import) created: a batch
   * too big for ids in the address prints by its operation, page by page.
   */
  operationId: z.uuid().optional(),
  sort: AssetFilterFields.sort.default('tagNo'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(MAX_LABELS).default(MAX_LABELS),
});
const LabelSchema = z.object({
  id: z.string(),
  tagNo: z.string(),
  code: z.string(),
  name: z.string(),
  /** The app path the QR code holds: the web page prefixes its own origin. */
  qrPath: z.string(),
  department: z.string().nullable(),
  location: z.string().nullable(),
  site: z.string(),
});

const CustodyParams = z.strictObject({ departmentId: z.uuid() });
const CustodyQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2200).optional(),
  siteId: z.uuid().optional(),
});
const CustodySchema = z.object({
  organization: z.object({ name: z.string() }),
  department: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  year: z.number(),
  date: z.string(),
  custodians: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      employeeNo: z.string(),
      count: z.number(),
      originalValueFen: z.number(),
    }),
  ),
  items: z.array(
    z.object({
      id: z.string(),
      code: z.string(),
      tagNo: z.string(),
      name: z.string(),
      model: z.string().nullable(),
      unit: z.string().nullable(),
      quantity: z.number(),
      category: z.string(),
      location: z.string().nullable(),
      custodian: z.string().nullable(),
      status: StatusSchema,
      purchaseDate: z.string().nullable(),
      originalValueFen: z.number(),
      netValueFen: z.number(),
    }),
  ),
  totals: z.object({
    count: z.number(),
    quantity: z.number(),
    originalValueFen: z.number(),
    netValueFen: z.number(),
  }),
  truncated: z.boolean(),
  /** Where the signed scan goes: POST /api/attachments with this entityType and entityId. */
  attachment: z.object({ entityType: z.literal('asset_custody'), entityId: z.string() }),
});

/** Label sheets and the custody agreement (财物管理责任书). */
export function registerPrintRoutes(app: App, { db, dialect }: Deps): void {
  app.get(
    '/api/assets/labels',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary:
          '资产标签 Label data for chosen cards (ids), a registration (operationId) or the list filters, paged: tag, name, QR path /a/{token}, department, place',
        querystring: LabelsQuery,
        response: {
          200: z.object({
            items: z.array(LabelSchema),
            /** More cards match than this page holds. */
            truncated: z.boolean(),
            /** The page to ask for next; null on the last page. */
            nextPage: z.number().nullable(),
          }),
        },
      },
    },
    async (req) => assetLabels(db, dialect, actorOf(req), req.query),
  );
  app.get(
    '/api/assets/custody/:departmentId',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary:
          '财物管理责任书 A department’s assets with values, custodians and totals, for signature (the signed scan: attachment entity asset_custody)',
        params: CustodyParams,
        querystring: CustodyQuery,
        response: { 200: CustodySchema },
      },
    },
    async (req) => custodyAgreement(db, dialect, actorOf(req), req.params.departmentId, req.query),
  );
}
