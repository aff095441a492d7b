import { z } from 'zod';
import { msg } from '../http/validation.ts';

export const UsernameSchema = z
  .string()
  .trim()
  .min(2)
  .max(64)
  .regex(/^[A-Za-z0-9_.@-]+$/, {
    error: msg(
      '用户名只能包含字母、数字和 _ . @ -',
      'Username may contain letters, digits and _ . @ -',
    ),
  });

// NIST 800-63B: length over composition rules; a cap stops hashing-cost abuse.
export const PasswordSchema = z
  .string()
  .min(8, { error: msg('密码至少 8 位', 'Password must have at least 8 characters') })
  .max(200);

export const LoginSchema = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(200),
});

export const ChangePasswordSchema = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: PasswordSchema,
});

export const GrantSchema = z.object({
  id: z.string(),
  roleId: z.string(),
  roleKey: z.string(),
  roleName: z.string(),
  siteId: z.string().nullable(),
  createdAt: z.string(),
});

export const UserSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  personId: z.string().nullable(),
  /** The linked person's name (null: a service account, or the person was deleted). */
  personName: z.string().nullable(),
  locale: z.string(),
  active: z.boolean(),
  mustChangePassword: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  grants: z.array(GrantSchema),
});

export const MeSchema = z.object({
  user: UserSchema,
  organization: z.object({ id: z.string(), name: z.string(), timezone: z.string() }),
  permissions: z.array(
    z.object({ permission: z.string(), orgWide: z.boolean(), sites: z.array(z.string()) }),
  ),
  authVia: z.enum(['session', 'token']),
  /** The department of the staff record the account is linked to (pages open on "my department"). */
  departmentId: z.string().nullable(),
  departmentName: z.string().nullable(),
});

export const LocaleSchema = z.enum(['zh-CN', 'en-US']);

export const UserCreateSchema = z.strictObject({
  username: UsernameSchema,
  password: PasswordSchema,
  displayName: z.string().trim().min(1).max(100),
  personId: z.uuid().nullable().optional(),
  locale: LocaleSchema.optional(),
  grants: z
    .array(z.strictObject({ roleId: z.uuid(), siteId: z.uuid().nullable() }))
    .max(50)
    .optional(),
  mustChangePassword: z.boolean().optional(),
});

export const UserUpdateSchema = z.strictObject({
  displayName: z.string().trim().min(1).max(100).optional(),
  personId: z.uuid().nullable().optional(),
  locale: LocaleSchema.optional(),
  active: z.boolean().optional(),
});

export const UserListQuerySchema = z.strictObject({
  q: z.string().trim().max(100).optional().describe('username or display name contains'),
  active: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  roleId: z.uuid().optional().describe('holds this role (at the site, when siteId is given)'),
  siteId: z
    .uuid()
    .optional()
    .describe('holds a grant covering this site: granted there, or organisation-wide'),
  sort: z.enum(['username', 'displayName', 'lastLoginAt', 'createdAt']).default('username'),
  order: z.enum(['asc', 'desc']).default('asc'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const ResetPasswordSchema = z.strictObject({ password: PasswordSchema });

export const ApiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

export const ApiTokenCreateSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  expiresAt: z.iso.datetime().nullable().optional(),
});

/** What a user may change about their own account. */
export const OwnProfileUpdateSchema = z.strictObject({
  locale: LocaleSchema.optional(),
  displayName: z.string().trim().min(1).max(100).optional(),
});

/** A role granted to an account, for the whole organisation (siteId null) or at one site. */
export const GrantCreateSchema = z.strictObject({ roleId: z.uuid(), siteId: z.uuid().nullable() });

// Roles live here (not in access/) so the web app's role editor validates with
// the same rules: this file has no server-only imports.
export const RoleSchema = z.object({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  permissions: z.array(z.string()),
  builtin: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** A role in the list, with how many accounts hold it (deleting it ends their grants). */
export const RoleListItemSchema = RoleSchema.extend({ userCount: z.number().int() });

const RolePermissions = z
  .array(z.string().regex(/^[a-z_]+:[a-z_]+$/))
  .min(1, { error: msg('请至少选择一项权限', 'Choose at least one permission') })
  .max(500);

export const RoleCreateSchema = z.strictObject({
  key: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{1,39}$/, {
      error: msg(
        '标识须以小写字母开头，只含小写字母、数字和下划线，2–40 位',
        'The key must start with a lower-case letter and contain only a–z, 0–9 and _, 2–40 characters',
      ),
    }),
  name: z.string().trim().min(1).max(60),
  description: z.string().trim().max(500).nullable().optional(),
  permissions: RolePermissions,
});

export const RoleUpdateSchema = RoleCreateSchema.omit({ key: true }).partial();
