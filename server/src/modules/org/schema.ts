import { z } from 'zod';
import { PageQuery } from '../../platform/http/schemas.ts';
import { PasswordSchema, UsernameSchema } from '../../platform/auth/schema.ts';
import { msg } from '../../platform/http/validation.ts';
import { isTimeZone } from '../../platform/time-zone.ts';
import { OrgSettingsSchema } from './settings.ts';

const Code = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[\w.-]+$/u, {
    error: msg('编码只能包含字母、数字和 _ . -', 'Codes may contain letters, digits and _ . -'),
  });
const Name = z.string().trim().min(1).max(100);
const Bool = z.enum(['true', 'false']).transform((v) => v === 'true');

export const TimeZoneSchema = z
  .string()
  .refine(isTimeZone, { error: msg('不是有效的时区', 'not a valid time zone') });

export const SetupSchema = z.strictObject({
  organization: z.strictObject({ name: Name, timezone: TimeZoneSchema.optional() }),
  admin: z.strictObject({ username: UsernameSchema, password: PasswordSchema, name: Name }),
});

export const OrganizationSchema = z.object({
  id: z.string(),
  name: z.string(),
  timezone: z.string(),
  settings: OrgSettingsSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const OrganizationUpdateSchema = z.strictObject({
  name: Name.optional(),
  timezone: TimeZoneSchema.optional(),
  settings: OrgSettingsSchema.partial().optional(),
});

export const SiteSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  address: z.string().nullable(),
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const SiteCreateSchema = z.strictObject({
  code: Code,
  name: Name,
  address: z.string().trim().max(200).nullable().optional(),
});
export const SiteUpdateSchema = SiteCreateSchema.partial()
  .extend({ active: z.boolean().optional() })
  .strict();

export const LOCATION_TYPES = ['building', 'floor', 'room', 'area'] as const;
export const LocationTypeSchema = z.enum(LOCATION_TYPES);

/**
 * Which parent types each type may sit under (null: directly under the site).
 * Here rather than in locations.ts so the web app offers only the moves and
 * child types the server accepts (drag and drop, "add child").
 */
export const ALLOWED_PARENTS: Record<
  (typeof LOCATION_TYPES)[number],
  readonly ((typeof LOCATION_TYPES)[number] | null)[]
> = {
  building: [null],
  floor: ['building'],
  room: ['floor', 'building', 'area'],
  area: [null, 'building', 'floor', 'area'],
};

/** Up to 200 location ids, comma-separated (the labels of the rooms ticked in a list). */
const IdList = z
  .string()
  .transform((v) =>
    v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  )
  .pipe(
    z
      .array(z.uuid())
      .min(1)
      .max(200, { error: msg('一次最多 200 个位置', 'At most 200 locations at a time') }),
  );

export const LocationSchema = z.object({
  id: z.string(),
  siteId: z.string(),
  parentId: z.string().nullable(),
  type: LocationTypeSchema,
  code: z.string(),
  name: z.string(),
  areaM2: z.number().nullable(),
  qrToken: z.string(),
  sortOrder: z.number(),
  active: z.boolean(),
  path: z.string().describe('Names from the building down, e.g. 门诊楼 / 3F / 301'),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const LocationCreateSchema = z.strictObject({
  siteId: z.uuid(),
  parentId: z.uuid().nullable().optional(),
  type: LocationTypeSchema,
  code: Code,
  name: Name,
  areaM2: z.number().nonnegative().max(10_000_000).nullable().optional(),
  sortOrder: z.number().int().min(0).max(100_000).optional(),
});
export const LocationUpdateSchema = z.strictObject({
  parentId: z.uuid().nullable().optional(),
  code: Code.optional(),
  name: Name.optional(),
  areaM2: z.number().nonnegative().max(10_000_000).nullable().optional(),
  sortOrder: z.number().int().min(0).max(100_000).optional(),
  active: z.boolean().optional(),
});
export const LocationListQuery = z.strictObject({
  siteId: z.uuid().optional(),
  parentId: z.union([z.uuid(), z.literal('root')]).optional(),
  under: z.uuid().optional().describe('Everything below this location (children, their children…)'),
  ids: IdList.optional().describe('Comma-separated location ids, at most 200'),
  type: LocationTypeSchema.optional(),
  q: z.string().trim().max(100).optional(),
  active: Bool.optional(),
  sort: z
    .enum(['code', 'name', 'type', 'sortOrder', 'createdAt'])
    .default('code')
    .describe('sortOrder: the order set in the tree (then code)'),
  order: z.enum(['asc', 'desc']).default('asc'),
  ...PageQuery,
});

export const DepartmentSchema = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  siteId: z.string().nullable(),
  code: z.string(),
  name: z.string(),
  sortOrder: z.number(),
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const DepartmentCreateSchema = z.strictObject({
  parentId: z.uuid().nullable().optional(),
  siteId: z.uuid().nullable().optional(),
  code: Code,
  name: Name,
  sortOrder: z.number().int().min(0).max(100_000).optional(),
});
export const DepartmentUpdateSchema = DepartmentCreateSchema.partial()
  .extend({ active: z.boolean().optional() })
  .strict();
export const DepartmentListQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  parentId: z.union([z.uuid(), z.literal('root')]).optional(),
  active: Bool.optional(),
  sort: z.enum(['code', 'name', 'createdAt']).default('code'),
  order: z.enum(['asc', 'desc']).default('asc'),
  ...PageQuery,
});

const Phone = z
  .string()
  .trim()
  .regex(/^[0-9+\-() ]{3,30}$/, { error: msg('电话号码格式不正确', 'Invalid phone number') });

export const PersonSchema = z.object({
  id: z.string(),
  employeeNo: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  departmentId: z.string().nullable(),
  departmentName: z.string().nullable(),
  position: z.string().nullable(),
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const PersonCreateSchema = z.strictObject({
  employeeNo: Code,
  name: Name,
  phone: Phone.nullable().optional(),
  email: z.email().nullable().optional(),
  departmentId: z.uuid().nullable().optional(),
  position: z.string().trim().max(60).nullable().optional(),
  active: z.boolean().optional(),
});
export const PersonUpdateSchema = PersonCreateSchema.partial().strict();
export const PeopleListQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  departmentId: z.uuid().optional(),
  active: Bool.optional(),
  sort: z.enum(['employeeNo', 'name', 'createdAt']).default('employeeNo'),
  order: z.enum(['asc', 'desc']).default('asc'),
  ...PageQuery,
});

export type LocationCreate = z.infer<typeof LocationCreateSchema>;
export type LocationUpdate = z.infer<typeof LocationUpdateSchema>;
export type LocationListFilter = z.infer<typeof LocationListQuery>;
export type DepartmentCreate = z.infer<typeof DepartmentCreateSchema>;
export type DepartmentUpdate = z.infer<typeof DepartmentUpdateSchema>;
export type DepartmentListFilter = z.infer<typeof DepartmentListQuery>;
export type PersonCreate = z.infer<typeof PersonCreateSchema>;
export type PersonUpdate = z.infer<typeof PersonUpdateSchema>;
export type PeopleListFilter = z.infer<typeof PeopleListQuery>;
export type Location = z.infer<typeof LocationSchema>;
export type Department = z.infer<typeof DepartmentSchema>;
export type Person = z.infer<typeof PersonSchema>;
export type Site = z.infer<typeof SiteSchema>;
