import { AppError } from "../../common/errors.js";
import { isStrongPassword } from "../../common/limits.js";
import { UNIT_SCOPED_ROLES } from "../../common/roles.js";
import { withTransaction } from "../../db/database.js";
import { isUniqueViolation } from "../../db/errors.js";
import { audit } from "./audit.service.js";
import { hashPassword } from "./passwords.js";
import { findUnit } from "./units.repository.js";
import { findUserById, insertUser, listUsers, updateUserState, updateUserVersioned } from "./users.repository.js";
function presentUser(u) {
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    role: u.role,
    unitId: u.unit_id,
    unitName: u.unit_name,
    locale: u.locale === "en" ? "en" : "zh-CN",
    status: u.status,
    mustChangePassword: u.must_change_password === 1,
    lockedUntil: u.locked_until,
    lastLoginAt: u.last_login_at,
    version: u.version,
    createdAt: u.created_at
  };
}
function assertStrongPassword(pw, path) {
  if (!isStrongPassword(pw)) throw new AppError("WEAK_PASSWORD", [{ path, message: "\u81F3\u5C11 10 \u4F4D\uFF0C\u542B\u5B57\u6BCD\u548C\u6570\u5B57 / at least 10 characters with letters and digits" }]);
}
async function assertUnitFitsRole(db, role, unitId) {
  if (UNIT_SCOPED_ROLES.includes(role) && !unitId) {
    throw new AppError("VALIDATION_FAILED", [{ path: "body.unitId", message: "\u8054\u7EDC\u5458\u548C\u5355\u4F4D\u8D1F\u8D23\u4EBA\u5FC5\u987B\u5C5E\u4E8E\u4E00\u4E2A\u5355\u4F4D / liaisons and unit heads need a unit" }]);
  }
  if (unitId) {
    const unit = await findUnit(db, unitId);
    if (!unit || unit.status !== "active") throw new AppError("VALIDATION_FAILED", [{ path: "body.unitId", message: "\u5355\u4F4D\u4E0D\u5B58\u5728\u6216\u5DF2\u64A4\u9500 / unit not found or retired" }]);
  }
}
async function listAllUsers(ctx, f) {
  return (await listUsers(ctx.db, f)).map(presentUser);
}
async function getUser(ctx, id) {
  const u = await findUserById(ctx.db, id);
  if (!u) throw new AppError("NOT_FOUND");
  return presentUser(u);
}
async function createUser(ctx, actor, body) {
  assertStrongPassword(body.password, "body.password");
  const passwordHash = await hashPassword(body.password);
  return withTransaction(ctx.db, async (trx) => {
    await assertUnitFitsRole(trx, body.role, body.unitId ?? null);
    let id;
    try {
      id = await insertUser(
        trx,
        {
          username: body.username,
          display_name: body.displayName,
          role: body.role,
          unit_id: body.unitId ?? null,
          password_hash: passwordHash,
          must_change_password: body.mustChangePassword === false ? 0 : 1,
          locale: body.locale ?? "zh-CN"
        },
        ctx.clock().toISOString()
      );
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppError("DUPLICATE_NAME", [{ path: "body.username", message: `\u7528\u6237\u540D\u201C${body.username}\u201D\u5DF2\u5B58\u5728 / username already exists` }]);
      throw err;
    }
    const created = presentUser(await findUserById(trx, id));
    await audit(ctx, trx, actor, { action: "user.create", entity: "user", entityId: id, after: created });
    return created;
  });
}
async function updateUser(ctx, actor, id, body) {
  return withTransaction(ctx.db, async (trx) => {
    const before = await findUserById(trx, id);
    if (!before) throw new AppError("NOT_FOUND");
    if (before.version !== body.version) throw new AppError("VERSION_CONFLICT");
    const role = body.role ?? before.role;
    const unitId = body.unitId === void 0 ? before.unit_id : body.unitId;
    if (id === actor.id && (role !== "admin" || body.status === "disabled")) {
      throw new AppError("VALIDATION_FAILED", [{ path: "body.role", message: "\u4E0D\u80FD\u964D\u4F4E\u6216\u505C\u7528\u81EA\u5DF1\u7684\u7BA1\u7406\u5458\u8D26\u6237 / you cannot demote or disable yourself" }]);
    }
    await assertUnitFitsRole(trx, role, unitId);
    const ok = await updateUserVersioned(
      trx,
      id,
      body.version,
      { display_name: body.displayName ?? before.display_name, role, unit_id: unitId, status: body.status ?? before.status },
      ctx.clock().toISOString()
    );
    if (!ok) throw new AppError("VERSION_CONFLICT");
    if (body.status === "disabled" || role !== before.role || unitId !== before.unit_id) await trx.deleteFrom("session").where("user_id", "=", id).execute();
    const after = presentUser(await findUserById(trx, id));
    await audit(ctx, trx, actor, { action: "user.update", entity: "user", entityId: id, before: presentUser(before), after });
    return after;
  });
}
async function resetPassword(ctx, actor, id, password, mustChange = true) {
  assertStrongPassword(password, "body.password");
  const passwordHash = await hashPassword(password);
  await withTransaction(ctx.db, async (trx) => {
    const before = await findUserById(trx, id);
    if (!before) throw new AppError("NOT_FOUND");
    await updateUserState(trx, id, { password_hash: passwordHash, must_change_password: mustChange ? 1 : 0, failed_logins: 0, locked_until: null });
    await trx.deleteFrom("session").where("user_id", "=", id).execute();
    await audit(ctx, trx, actor, { action: "user.reset_password", entity: "user", entityId: id, after: { mustChangePassword: mustChange } });
  });
}
async function unlockUser(ctx, actor, id) {
  return withTransaction(ctx.db, async (trx) => {
    const before = await findUserById(trx, id);
    if (!before) throw new AppError("NOT_FOUND");
    await updateUserState(trx, id, { failed_logins: 0, locked_until: null });
    const after = presentUser(await findUserById(trx, id));
    await audit(ctx, trx, actor, { action: "user.unlock", entity: "user", entityId: id, before: presentUser(before), after });
    return after;
  });
}
export {
  assertStrongPassword,
  createUser,
  getUser,
  listAllUsers,
  presentUser,
  resetPassword,
  unlockUser,
  updateUser
};
//# sourceMappingURL=users.service.js.map
