import { z } from "zod";
import { LIMITS } from "../limits.js";
import { ROLES, UNIT_KINDS } from "../roles.js";
const trimmed = (max) => z.string().trim().min(1).max(max);
const idParam = z.object({ id: z.coerce.number().int().positive() }).strict();
const loginBody = z.object({
  username: z.string().trim().min(1).max(LIMITS.username.max),
  password: z.string().min(1).max(LIMITS.password.max)
}).strict();
const userView = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  unitId: z.number().nullable(),
  unitName: z.string().nullable(),
  locale: z.enum(["zh-CN", "en"]),
  status: z.enum(["active", "disabled"]),
  mustChangePassword: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  version: z.number(),
  createdAt: z.string()
});
const sessionView = z.object({ user: userView, csrfToken: z.string() });
const changePasswordBody = z.object({
  currentPassword: z.string().min(1).max(LIMITS.password.max),
  newPassword: z.string().min(LIMITS.password.min).max(LIMITS.password.max)
}).strict();
const updateProfileBody = z.object({
  displayName: trimmed(LIMITS.displayName.max).optional(),
  locale: z.enum(["zh-CN", "en"]).optional()
}).strict();
const unitView = z.object({
  id: z.number(),
  name: z.string(),
  kind: z.enum(UNIT_KINDS),
  /** 区 district, 旗 banner, 县 county — derived from the name for county-level units. */
  countyType: z.enum(["district", "banner", "county"]).nullable(),
  parentId: z.number().nullable(),
  divisionCode: z.string().nullable(),
  status: z.enum(["active", "retired"]),
  mergedIntoId: z.number().nullable(),
  aliases: z.array(z.string()),
  sortOrder: z.number(),
  userCount: z.number(),
  version: z.number()
});
const aliasList = z.array(trimmed(LIMITS.alias.max)).max(LIMITS.aliasesPerUnit);
const divisionCode = z.string().regex(/^\d{6}$/, "\u884C\u653F\u533A\u5212\u4EE3\u7801\u5E94\u4E3A 6 \u4F4D\u6570\u5B57 / a division code has 6 digits");
const createUnitBody = z.object({
  name: trimmed(LIMITS.unitName.max),
  kind: z.enum(UNIT_KINDS),
  parentId: z.number().int().positive().nullable().optional(),
  divisionCode: divisionCode.nullable().optional(),
  aliases: aliasList.optional(),
  sortOrder: z.number().int().min(0).max(1e5).optional()
}).strict();
const updateUnitBody = z.object({
  version: z.number().int().positive(),
  name: trimmed(LIMITS.unitName.max).optional(),
  kind: z.enum(UNIT_KINDS).optional(),
  parentId: z.number().int().positive().nullable().optional(),
  divisionCode: divisionCode.nullable().optional(),
  aliases: aliasList.optional(),
  sortOrder: z.number().int().min(0).max(1e5).optional()
}).strict();
const mergeUnitBody = z.object({ intoUnitId: z.number().int().positive(), version: z.number().int().positive() }).strict();
const retireUnitBody = z.object({ version: z.number().int().positive() }).strict();
const unitListQuery = z.object({
  includeRetired: z.enum(["true", "false"]).optional(),
  kind: z.enum(UNIT_KINDS).optional(),
  q: z.string().trim().max(LIMITS.searchText.max).optional()
}).strict();
const resolveUnitQuery = z.object({ name: z.string().trim().min(1).max(LIMITS.unitName.max) }).strict();
const username = z.string().trim().min(LIMITS.username.min).max(LIMITS.username.max).regex(/^[A-Za-z0-9_.-]+$/, "\u7528\u6237\u540D\u53EA\u80FD\u5305\u542B\u5B57\u6BCD\u3001\u6570\u5B57\u3001\u4E0B\u5212\u7EBF\u3001\u70B9\u548C\u8FDE\u5B57\u7B26 / letters, digits, _ . - only");
const createUserBody = z.object({
  username,
  displayName: trimmed(LIMITS.displayName.max),
  role: z.enum(ROLES),
  unitId: z.number().int().positive().nullable().optional(),
  password: z.string().min(LIMITS.password.min).max(LIMITS.password.max),
  locale: z.enum(["zh-CN", "en"]).optional()
}).strict();
const updateUserBody = z.object({
  version: z.number().int().positive(),
  displayName: trimmed(LIMITS.displayName.max).optional(),
  role: z.enum(ROLES).optional(),
  unitId: z.number().int().positive().nullable().optional(),
  status: z.enum(["active", "disabled"]).optional()
}).strict();
const resetPasswordBody = z.object({ password: z.string().min(LIMITS.password.min).max(LIMITS.password.max) }).strict();
const userListQuery = z.object({
  role: z.enum(ROLES).optional(),
  unitId: z.coerce.number().int().positive().optional(),
  q: z.string().trim().max(LIMITS.searchText.max).optional()
}).strict();
const auditView = z.object({
  id: z.number(),
  at: z.string(),
  actorId: z.number().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  ip: z.string().nullable()
});
const auditQuery = z.object({
  actorId: z.coerce.number().int().positive().optional(),
  entity: z.string().trim().max(40).optional(),
  entityId: z.string().trim().max(64).optional(),
  action: z.string().trim().max(40).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  page: z.coerce.number().int().min(1).max(1e5).default(1),
  pageSize: z.coerce.number().int().min(1).max(LIMITS.pageSize.max).default(LIMITS.pageSize.default)
}).strict();
const page = (item) => z.object({ items: z.array(item), total: z.number(), page: z.number(), pageSize: z.number() });
const okView = z.object({ ok: z.literal(true) });
export {
  auditQuery,
  auditView,
  changePasswordBody,
  createUnitBody,
  createUserBody,
  idParam,
  loginBody,
  mergeUnitBody,
  okView,
  page,
  resetPasswordBody,
  resolveUnitQuery,
  retireUnitBody,
  sessionView,
  unitListQuery,
  unitView,
  updateProfileBody,
  updateUnitBody,
  updateUserBody,
  userListQuery,
  userView
};
//# sourceMappingURL=org.js.map
