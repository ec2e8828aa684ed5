import { createHash, randomBytes } from "node:crypto";
import { AppError } from "../../common/errors.js";
import { cacheFor, changeStamp } from "../../db/change-stamp.js";
import { withTransaction } from "../../db/database.js";
import { audit } from "./audit.service.js";
import { hashPassword, verifyPassword } from "./passwords.js";
import { deleteSession, findSessionWithUser, insertSession, touchSession } from "./sessions.repository.js";
import { assertStrongPassword, presentUser } from "./users.service.js";
import { findUserById, findUserByUsername, updateUserState, updateUserVersioned } from "./users.repository.js";
function hashToken(token) {
  return createHash("sha256").update(token).digest("hex");
}
function actorOf(u, ip) {
  return { id: u.id, username: u.username, displayName: u.display_name, role: u.role, unitId: u.unit_id, locale: u.locale === "en" ? "en" : "zh-CN", ip };
}
async function login(ctx, input) {
  const now = ctx.clock();
  const user = await findUserByUsername(ctx.db, input.username);
  if (user?.locked_until && user.locked_until > now.toISOString()) {
    throw new AppError("ACCOUNT_LOCKED", [{ path: "body.username", message: `\u9501\u5B9A\u81F3 ${user.locked_until} / locked until ${user.locked_until}` }]);
  }
  const ok = await verifyPassword(user?.password_hash, input.password);
  if (!user || !ok || user.status !== "active") {
    if (user) await recordFailure(ctx, user, input.ip);
    throw new AppError("INVALID_CREDENTIALS");
  }
  const token = randomBytes(32).toString("base64url");
  const csrfToken = randomBytes(24).toString("base64url");
  const expiresAt = new Date(now.getTime() + ctx.config.sessionHours * 36e5);
  await withTransaction(ctx.db, async (trx) => {
    await insertSession(trx, {
      id_hash: hashToken(token),
      user_id: user.id,
      csrf_token: csrfToken,
      created_at: now.toISOString(),
      expires_at: expiresAt.toISOString(),
      last_seen_at: now.toISOString(),
      ip: input.ip ?? null,
      user_agent: input.userAgent?.slice(0, 255) ?? null
    });
    await updateUserState(trx, user.id, { failed_logins: 0, locked_until: null, last_login_at: now.toISOString() });
    await audit(ctx, trx, actorOf(user, input.ip), { action: "auth.login", entity: "user", entityId: user.id });
  });
  const fresh = await findUserById(ctx.db, user.id);
  return { token, csrfToken, expiresAt, user: presentUser(fresh) };
}
async function recordFailure(ctx, user, ip) {
  const failures = user.failed_logins + 1;
  const lock = failures >= ctx.config.loginMaxFailures;
  const lockedUntil = lock ? new Date(ctx.clock().getTime() + ctx.config.lockMinutes * 6e4).toISOString() : null;
  await withTransaction(ctx.db, async (trx) => {
    await updateUserState(trx, user.id, { failed_logins: lock ? 0 : failures, locked_until: lockedUntil });
    const system = { ...actorOf(user, ip), id: 0, displayName: "\u7CFB\u7EDF" };
    await audit(ctx, trx, system, { action: "auth.login_failed", entity: "user", entityId: user.id, after: { failures } });
    if (lock) await audit(ctx, trx, system, { action: "user.lock", entity: "user", entityId: user.id, after: { lockedUntil, failures } });
  });
}
async function resolveSession(ctx, token, ip) {
  if (!token || token.length > 100) return null;
  const idHash = hashToken(token);
  const cache = cacheFor(sessionCaches, ctx.database);
  const stamp = changeStamp(ctx.database);
  let row = cache.get(idHash, stamp);
  if (!row) {
    row = await findSessionWithUser(ctx.db, idHash);
    if (row) cache.set(idHash, row, stamp);
  }
  const now = ctx.clock();
  if (!row || row.expires_at <= now.toISOString() || row.status !== "active") return null;
  if (now.getTime() - Date.parse(row.last_seen_at) > 6e4) {
    const expiresAt = new Date(now.getTime() + ctx.config.sessionHours * 36e5).toISOString();
    await touchSession(ctx.db, idHash, now.toISOString(), expiresAt);
    cache.delete(idHash);
  }
  const { csrf_token: csrfToken, ...user } = row;
  return { actor: actorOf(user, ip), user: presentUser(user), csrfToken, idHash };
}
const sessionCaches = /* @__PURE__ */ new WeakMap();
async function logout(ctx, actor, idHash) {
  cacheFor(sessionCaches, ctx.database).delete(idHash);
  await withTransaction(ctx.db, async (trx) => {
    await deleteSession(trx, idHash);
    await audit(ctx, trx, actor, { action: "auth.logout", entity: "user", entityId: actor.id });
  });
}
async function changeOwnPassword(ctx, actor, idHash, currentPassword, newPassword) {
  const user = await findUserById(ctx.db, actor.id);
  if (!user) throw new AppError("UNAUTHENTICATED");
  if (!await verifyPassword(user.password_hash, currentPassword)) {
    throw new AppError("WRONG_PASSWORD", [{ path: "body.currentPassword", message: "\u5F53\u524D\u5BC6\u7801\u4E0D\u6B63\u786E / wrong current password" }]);
  }
  assertStrongPassword(newPassword, "body.newPassword");
  if (newPassword === currentPassword) {
    throw new AppError("VALIDATION_FAILED", [{ path: "body.newPassword", message: "\u65B0\u5BC6\u7801\u4E0D\u80FD\u4E0E\u5F53\u524D\u5BC6\u7801\u76F8\u540C / choose a different password" }]);
  }
  const passwordHash = await hashPassword(newPassword);
  await withTransaction(ctx.db, async (trx) => {
    await updateUserState(trx, actor.id, { password_hash: passwordHash, must_change_password: 0 });
    await trx.deleteFrom("session").where("user_id", "=", actor.id).where("id_hash", "!=", idHash).execute();
    await audit(ctx, trx, actor, { action: "user.change_password", entity: "user", entityId: actor.id });
  });
}
async function updateProfile(ctx, actor, changes) {
  return withTransaction(ctx.db, async (trx) => {
    const before = await findUserById(trx, actor.id);
    if (!before) throw new AppError("UNAUTHENTICATED");
    await updateUserVersioned(
      trx,
      actor.id,
      before.version,
      { display_name: changes.displayName ?? before.display_name, locale: changes.locale ?? before.locale },
      ctx.clock().toISOString()
    );
    const after = presentUser(await findUserById(trx, actor.id));
    await audit(ctx, trx, actor, { action: "user.update_profile", entity: "user", entityId: actor.id, before: presentUser(before), after });
    return after;
  });
}
export {
  actorOf,
  changeOwnPassword,
  login,
  logout,
  resolveSession,
  updateProfile
};
//# sourceMappingURL=auth.service.js.map
