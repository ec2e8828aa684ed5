import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '../../common/errors.js';
import type { Role } from '../../common/roles.js';
import type { SessionView, UserView } from '../../common/schemas/org.js';
import type { Actor, AppContext } from '../../context.js';
import { type StampedCache, cacheFor, counterStamp } from '../../db/change-stamp.js';
import { type Database, withTransaction } from '../../db/database.js';
import { audit } from './audit.service.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { clearFailures, countFailure, findClientLock, lockClient } from './login-throttle.repository.js';
import { deleteSession, deleteUserSessions, findSessionWithUser, insertSession, touchSession } from './sessions.repository.js';
import { assertStrongPassword, presentUser } from './users.service.js';
import { type UserRow, findUserById, findUserByUsername, updateUserState, updateUserVersioned } from './users.repository.js';

/** The cookie carries a random token; only its SHA-256 is stored, so a database leak opens no session. */
function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function actorOf(u: UserRow, ip?: string): Actor {
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    role: u.role as Role,
    unitId: u.unit_id,
    locale: u.locale === 'en' ? 'en' : 'zh-CN',
    ip,
  };
}

export interface LoginResult extends Omit<SessionView, 'permissions'> {
  token: string;
  expiresAt: Date;
}

/**
 * Logs in. Unknown accounts, wrong passwords, disabled accounts and a client's lock all answer the
 * same INVALID_CREDENTIALS after the same password check, so the answer tells nothing about the
 * account. Failures are counted per account and client address: the Nth locks that client out of
 * that account for the cool-down, while the owner elsewhere still logs in (README, security model).
 */
export async function login(
  ctx: AppContext,
  input: { username: string; password: string; ip?: string; userAgent?: string },
): Promise<LoginResult> {
  const now = ctx.clock();
  const client = clientKey(input.ip);
  const user = await findUserByUsername(ctx.db, input.username);
  const lockedUntil = user ? await findClientLock(ctx.db, user.id, client, now.toISOString()) : null;
  const ok = await verifyPassword(user?.password_hash, input.password);
  if (!user || !ok || user.status !== 'active' || lockedUntil) {
    if (user && !lockedUntil) await recordFailure(ctx, user, client, input.ip);
    throw new AppError('INVALID_CREDENTIALS');
  }
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + ctx.config.sessionHours * 3600_000);
  await withTransaction(ctx.db, async (trx) => {
    await insertSession(trx, {
      id_hash: hashToken(token),
      user_id: user.id,
      csrf_token: csrfToken,
      created_at: now.toISOString(),
      expires_at: expiresAt.toISOString(),
      last_seen_at: now.toISOString(),
      ip: input.ip ?? null,
      user_agent: input.userAgent?.slice(0, 255) ?? null,
    });
    await clearFailures(trx, user.id, client);
    await updateUserState(trx, user.id, { failed_logins: 0, last_login_at: now.toISOString() });
    await audit(ctx, trx, actorOf(user, input.ip), { action: 'auth.login', entity: 'user', entityId: user.id });
  });
  const fresh = (await findUserById(ctx.db, user.id))!;
  return { token, csrfToken, expiresAt, user: presentUser(fresh) };
}

/** IPv6 clients are counted per /64, the block one subscriber usually holds. */
function clientKey(ip: string | undefined): string {
  if (!ip) return 'unknown';
  const v4 = /^(?:::ffff:)?(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (v4) return v4[1]!;
  return ip.includes(':') ? `${expandV6(ip).slice(0, 4).join(':')}::/64` : ip.slice(0, 64);
}

function expandV6(ip: string): string[] {
  const [head, tail] = ip.split('::') as [string, string | undefined];
  const a = head ? head.split(':') : [];
  const b = tail ? tail.split(':') : [];
  return [...a, ...Array<string>(Math.max(8 - a.length - b.length, 0)).fill('0'), ...b].map((g) => g.toLowerCase());
}

/**
 * Counts a failed login atomically; the one failure whose count reaches the maximum locks this
 * client out, so 20 failures at once lock exactly as 5 in a row do. The user row's `locked_until`
 * shows the admin the latest such lock (unlock clears every client's).
 */
async function recordFailure(ctx: AppContext, user: UserRow, client: string, ip?: string): Promise<void> {
  const now = ctx.clock();
  const max = ctx.config.loginMaxFailures;
  await withTransaction(ctx.db, async (trx) => {
    const failures = await countFailure(trx, user.id, client, now.toISOString());
    const system = { ...actorOf(user, ip), id: 0, displayName: '系统' };
    await audit(ctx, trx, system, { action: 'auth.login_failed', entity: 'user', entityId: user.id, after: { failures } });
    if (failures !== max) return;
    const lockedUntil = new Date(now.getTime() + ctx.config.lockMinutes * 60_000).toISOString();
    await lockClient(trx, user.id, client, lockedUntil);
    await updateUserState(trx, user.id, { failed_logins: failures, locked_until: lockedUntil });
    await audit(ctx, trx, system, { action: 'user.lock', entity: 'user', entityId: user.id, after: { lockedUntil, failures, client } });
  });
}

export interface ResolvedSession {
  actor: Actor;
  user: UserView;
  csrfToken: string;
  idHash: string;
}

/** The session behind a cookie token, or null when unknown, expired or its user is disabled. */
export async function resolveSession(ctx: AppContext, token: string | undefined, ip?: string): Promise<ResolvedSession | null> {
  if (!token || token.length > 100) return null;
  const idHash = hashToken(token);
  // Every API request resolves its session: the row is cached while sessions, users and units are
  // unchanged (see counterStamp; logout, password changes, locks and user edits all move the stamp).
  const cache = cacheFor(sessionCaches, ctx.database);
  const stamp = counterStamp(ctx.database, 'auth');
  let row = cache.get(idHash, stamp);
  if (!row) {
    row = await findSessionWithUser(ctx.db, idHash);
    if (row) cache.set(idHash, row, stamp);
  }
  const now = ctx.clock();
  if (!row || row.expires_at <= now.toISOString() || row.status !== 'active') return null;
  // Sliding expiry, written at most once a minute to keep reads cheap.
  if (now.getTime() - Date.parse(row.last_seen_at) > 60_000) {
    const expiresAt = new Date(now.getTime() + ctx.config.sessionHours * 3600_000).toISOString();
    await touchSession(ctx.db, idHash, now.toISOString(), expiresAt);
    cache.delete(idHash);
  }
  const { csrf_token: csrfToken, ...user } = row;
  return { actor: actorOf(user, ip), user: presentUser(user), csrfToken, idHash };
}

type SessionWithUser = NonNullable<Awaited<ReturnType<typeof findSessionWithUser>>>;
const sessionCaches = new WeakMap<Database, StampedCache<string, SessionWithUser>>();

export async function logout(ctx: AppContext, actor: Actor, idHash: string): Promise<void> {
  cacheFor(sessionCaches, ctx.database).delete(idHash);
  await withTransaction(ctx.db, async (trx) => {
    await deleteSession(trx, idHash);
    await audit(ctx, trx, actor, { action: 'auth.logout', entity: 'user', entityId: actor.id });
  });
}

export async function changeOwnPassword(
  ctx: AppContext,
  actor: Actor,
  idHash: string,
  currentPassword: string,
  newPassword: string,
): Promise<void> {
  const user = await findUserById(ctx.db, actor.id);
  if (!user) throw new AppError('UNAUTHENTICATED');
  if (!(await verifyPassword(user.password_hash, currentPassword))) {
    throw new AppError('WRONG_PASSWORD', [{ path: 'body.currentPassword', message: '当前密码不正确 / wrong current password' }]);
  }
  assertStrongPassword(newPassword, 'body.newPassword');
  if (newPassword === currentPassword) {
    throw new AppError('VALIDATION_FAILED', [
      { path: 'body.newPassword', message: '新密码不能与当前密码相同 / choose a different password' },
    ]);
  }
  const passwordHash = await hashPassword(newPassword);
  await withTransaction(ctx.db, async (trx) => {
    await updateUserState(trx, actor.id, { password_hash: passwordHash, must_change_password: 0 });
    // Other sessions of this user end; the current one goes on.
    await deleteUserSessions(trx, actor.id, idHash);
    await audit(ctx, trx, actor, { action: 'user.change_password', entity: 'user', entityId: actor.id });
  });
}

export async function updateProfile(
  ctx: AppContext,
  actor: Actor,
  changes: { displayName?: string | undefined; locale?: 'zh-CN' | 'en' | undefined },
): Promise<UserView> {
  return withTransaction(ctx.db, async (trx) => {
    const before = await findUserById(trx, actor.id);
    if (!before) throw new AppError('UNAUTHENTICATED');
    await updateUserVersioned(
      trx,
      actor.id,
      before.version,
      { display_name: changes.displayName ?? before.display_name, locale: changes.locale ?? before.locale },
      ctx.clock().toISOString(),
    );
    const after = presentUser((await findUserById(trx, actor.id))!);
    await audit(ctx, trx, actor, { action: 'user.update_profile', entity: 'user', entityId: actor.id, before: presentUser(before), after });
    return after;
  });
}
