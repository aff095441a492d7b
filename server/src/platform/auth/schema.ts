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
});

export const UserSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  personId: z.string().nullable(),
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
  q: z.string().trim().max(100).optional(),
  active: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
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
