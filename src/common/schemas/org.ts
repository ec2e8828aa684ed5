import { z } from 'zod';
import { plainText } from '../text.js';
import { idValue } from './id.js';
import { isoDate } from './date.js';
import { PERMISSION_NAMES, type Permission } from '../permissions.js';
import { LIMITS } from '../limits.js';
import { ROLES, UNIT_KINDS } from '../roles.js';

/** Request and response shapes of the org module; the web client imports the inferred types. */

/** Names (people, units, aliases): one line, no control or bidi characters. */
const trimmed = plainText;

export const idParam = z.object({ id: idValue }).strict();

export const loginBody = z
  .object({
    username: z.string().trim().min(1).max(LIMITS.username.max),
    password: z.string().min(1).max(LIMITS.password.max),
  })
  .strict();

export const userView = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  unitId: z.number().nullable(),
  unitName: z.string().nullable(),
  locale: z.enum(['zh-CN', 'en']),
  status: z.enum(['active', 'disabled']),
  mustChangePassword: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
});
export type UserView = z.infer<typeof userView>;

/** `permissions`: what the user's role may do (src/common/permissions.ts); the web shows menus and buttons from it. */
export const sessionView = z.object({
  user: userView,
  csrfToken: z.string(),
  permissions: z.array(z.enum(PERMISSION_NAMES as [Permission, ...Permission[]])),
});
export type SessionView = z.infer<typeof sessionView>;

export const changePasswordBody = z
  .object({
    currentPassword: z.string().min(1).max(LIMITS.password.max),
    newPassword: z.string().min(LIMITS.password.min).max(LIMITS.password.max),
  })
  .strict();

export const updateProfileBody = z
  .object({
    displayName: trimmed(LIMITS.displayName.max).optional(),
    locale: z.enum(['zh-CN', 'en']).optional(),
  })
  .strict();

export const unitView = z.object({
  id: z.number(),
  name: z.string(),
  kind: z.enum(UNIT_KINDS),
  /** 区 district, 旗 banner, 县 county — derived from the name for county-level units. */
  countyType: z.enum(['district', 'banner', 'county']).nullable(),
  parentId: z.number().nullable(),
  divisionCode: z.string().nullable(),
  status: z.enum(['active', 'retired']),
  mergedIntoId: z.number().nullable(),
  aliases: z.array(z.string()),
  sortOrder: z.number(),
  userCount: z.number(),
  version: z.number(),
});
export type UnitView = z.infer<typeof unitView>;

const aliasList = z.array(trimmed(LIMITS.alias.max)).max(LIMITS.aliasesPerUnit);
const divisionCode = z.string().regex(/^\d{6}$/, '行政区划代码应为 6 位数字 / a division code has 6 digits');

export const createUnitBody = z
  .object({
    name: trimmed(LIMITS.unitName.max),
    kind: z.enum(UNIT_KINDS),
    parentId: z.number().int().positive().nullable().optional(),
    divisionCode: divisionCode.nullable().optional(),
    aliases: aliasList.optional(),
    sortOrder: z.number().int().min(0).max(100000).optional(),
  })
  .strict();
export type CreateUnitBody = z.infer<typeof createUnitBody>;

export const updateUnitBody = z
  .object({
    version: z.number().int().positive(),
    name: trimmed(LIMITS.unitName.max).optional(),
    kind: z.enum(UNIT_KINDS).optional(),
    parentId: z.number().int().positive().nullable().optional(),
    divisionCode: divisionCode.nullable().optional(),
    aliases: aliasList.optional(),
    sortOrder: z.number().int().min(0).max(100000).optional(),
  })
  .strict();
export type UpdateUnitBody = z.infer<typeof updateUnitBody>;

export const mergeUnitBody = z.object({ intoUnitId: z.number().int().positive(), version: z.number().int().positive() }).strict();
export const retireUnitBody = z.object({ version: z.number().int().positive() }).strict();

export const unitListQuery = z
  .object({
    includeRetired: z.enum(['true', 'false']).optional(),
    kind: z.enum(UNIT_KINDS).optional(),
    q: z.string().trim().max(LIMITS.searchText.max).optional(),
  })
  .strict();

export const resolveUnitQuery = z.object({ name: z.string().trim().min(1).max(LIMITS.unitName.max) }).strict();

const username = z
  .string()
  .trim()
  .min(LIMITS.username.min)
  .max(LIMITS.username.max)
  .regex(/^[A-Za-z0-9_.-]+$/, '用户名只能包含字母、数字、下划线、点和连字符 / letters, digits, _ . - only');

export const createUserBody = z
  .object({
    username,
    displayName: trimmed(LIMITS.displayName.max),
    role: z.enum(ROLES),
    unitId: z.number().int().positive().nullable().optional(),
    password: z.string().min(LIMITS.password.min).max(LIMITS.password.max),
    locale: z.enum(['zh-CN', 'en']).optional(),
  })
  .strict();
export type CreateUserBody = z.infer<typeof createUserBody>;

export const updateUserBody = z
  .object({
    version: z.number().int().positive(),
    displayName: trimmed(LIMITS.displayName.max).optional(),
    role: z.enum(ROLES).optional(),
    unitId: z.number().int().positive().nullable().optional(),
    status: z.enum(['active', 'disabled']).optional(),
  })
  .strict();
export type UpdateUserBody = z.infer<typeof updateUserBody>;

export const resetPasswordBody = z.object({ password: z.string().min(LIMITS.password.min).max(LIMITS.password.max) }).strict();

export const userListQuery = z
  .object({
    role: z.enum(ROLES).optional(),
    unitId: idValue.optional(),
    q: z.string().trim().max(LIMITS.searchText.max).optional(),
  })
  .strict();

export const auditView = z.object({
  id: z.number(),
  at: z.string(),
  actorId: z.number().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  ip: z.string().nullable(),
});
export type AuditView = z.infer<typeof auditView>;

export const auditQuery = z
  .object({
    actorId: idValue.optional(),
    entity: z.string().trim().max(40).optional(),
    entityId: z.string().trim().max(64).optional(),
    action: z.string().trim().max(40).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    page: z.coerce.number().int().min(1).max(100000).default(1),
    pageSize: z.coerce.number().int().min(1).max(LIMITS.pageSize.max).default(LIMITS.pageSize.default),
  })
  .strict();
export type AuditQuery = z.infer<typeof auditQuery>;

export const page = <T extends z.ZodTypeAny>(item: T) =>
  z.object({ items: z.array(item), total: z.number(), page: z.number(), pageSize: z.number() });

export const okView = z.object({ ok: z.literal(true) });
