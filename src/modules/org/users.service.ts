import { AppError } from '../../common/errors.js';
import { hasPermission } from '../../common/permissions.js';
import { isStrongPassword } from '../../common/limits.js';
import { type Role, UNIT_SCOPED_ROLES } from '../../common/roles.js';
import type { CreateUserBody, UpdateUserBody, UserView } from '../../common/schemas/org.js';
import type { Actor, AppContext } from '../../context.js';
import { type Executor, withTransaction } from '../../db/database.js';
import { isUniqueViolation } from '../../db/errors.js';
import { audit } from './audit.service.js';
import { clearFailures } from './login-throttle.repository.js';
import { hashPassword } from './passwords.js';
import { deleteUserSessions } from './sessions.repository.js';
import { findUnit } from './units.repository.js';
import { type UserRow, findUserById, insertUser, listUsers, updateUserState, updateUserVersioned } from './users.repository.js';

/** A user as the API shows it: never the hash, never the lock counters' internals. */
export function presentUser(u: UserRow): UserView {
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    role: u.role as Role,
    unitId: u.unit_id,
    unitName: u.unit_name,
    locale: u.locale === 'en' ? 'en' : 'zh-CN',
    status: u.status as UserView['status'],
    mustChangePassword: u.must_change_password === 1,
    lockedUntil: u.locked_until,
    lastLoginAt: u.last_login_at,
    version: u.version,
    createdAt: u.created_at,
  };
}

export function assertStrongPassword(pw: string, path: string): void {
  if (!isStrongPassword(pw))
    throw new AppError('WEAK_PASSWORD', [{ path, message: '至少 10 位，含字母和数字 / at least 10 characters with letters and digits' }]);
}

async function assertUnitFitsRole(db: Executor, role: Role, unitId: number | null): Promise<void> {
  if (UNIT_SCOPED_ROLES.includes(role) && !unitId) {
    throw new AppError('VALIDATION_FAILED', [
      { path: 'body.unitId', message: '联络员和单位负责人必须属于一个单位 / liaisons and unit heads need a unit' },
    ]);
  }
  if (unitId) {
    const unit = await findUnit(db, unitId);
    if (!unit || unit.status !== 'active')
      throw new AppError('VALIDATION_FAILED', [{ path: 'body.unitId', message: '单位不存在或已撤销 / unit not found or retired' }]);
  }
}

export async function listAllUsers(
  ctx: AppContext,
  f: { role?: Role | undefined; unitId?: number | undefined; q?: string | undefined },
): Promise<UserView[]> {
  return (await listUsers(ctx.db, f)).map(presentUser);
}

export async function getUser(ctx: AppContext, id: number): Promise<UserView> {
  const u = await findUserById(ctx.db, id);
  if (!u) throw new AppError('NOT_FOUND');
  return presentUser(u);
}

export interface CreateUserOptions extends CreateUserBody {
  /** Admin-set passwords are temporary: the user must choose their own at first login. */
  mustChangePassword?: boolean;
}

export async function createUser(ctx: AppContext, actor: Actor, body: CreateUserOptions): Promise<UserView> {
  assertStrongPassword(body.password, 'body.password');
  const passwordHash = await hashPassword(body.password);
  return withTransaction(ctx.db, async (trx) => {
    await assertUnitFitsRole(trx, body.role, body.unitId ?? null);
    let id: number;
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
          locale: body.locale ?? 'zh-CN',
        },
        ctx.clock().toISOString(),
      );
    } catch (err) {
      if (isUniqueViolation(err))
        throw new AppError('DUPLICATE_NAME', [
          { path: 'body.username', message: `用户名“${body.username}”已存在 / username already exists` },
        ]);
      throw err;
    }
    const created = presentUser((await findUserById(trx, id))!);
    await audit(ctx, trx, actor, { action: 'user.create', entity: 'user', entityId: id, after: created });
    return created;
  });
}

export async function updateUser(ctx: AppContext, actor: Actor, id: number, body: UpdateUserBody): Promise<UserView> {
  return withTransaction(ctx.db, async (trx) => {
    const before = await findUserById(trx, id);
    if (!before) throw new AppError('NOT_FOUND');
    if (before.version !== body.version) throw new AppError('VERSION_CONFLICT');
    const role = body.role ?? (before.role as Role);
    const unitId = body.unitId === undefined ? before.unit_id : body.unitId;
    if (id === actor.id && (!hasPermission(role, 'users.manage') || body.status === 'disabled')) {
      throw new AppError('VALIDATION_FAILED', [
        { path: 'body.role', message: '不能降低或停用自己的管理员账户 / you cannot demote or disable yourself' },
      ]);
    }
    await assertUnitFitsRole(trx, role, unitId);
    const ok = await updateUserVersioned(
      trx,
      id,
      body.version,
      { display_name: body.displayName ?? before.display_name, role, unit_id: unitId, status: body.status ?? before.status },
      ctx.clock().toISOString(),
    );
    if (!ok) throw new AppError('VERSION_CONFLICT');
    // A disabled user or a changed role must not keep acting on an old session.
    if (body.status === 'disabled' || role !== before.role || unitId !== before.unit_id) await deleteUserSessions(trx, id);
    const after = presentUser((await findUserById(trx, id))!);
    await audit(ctx, trx, actor, { action: 'user.update', entity: 'user', entityId: id, before: presentUser(before), after });
    return after;
  });
}

export async function resetPassword(ctx: AppContext, actor: Actor, id: number, password: string, mustChange = true): Promise<void> {
  assertStrongPassword(password, 'body.password');
  const passwordHash = await hashPassword(password);
  await withTransaction(ctx.db, async (trx) => {
    const before = await findUserById(trx, id);
    if (!before) throw new AppError('NOT_FOUND');
    await updateUserState(trx, id, {
      password_hash: passwordHash,
      must_change_password: mustChange ? 1 : 0,
      failed_logins: 0,
      locked_until: null,
    });
    await deleteUserSessions(trx, id);
    await clearFailures(trx, id);
    await audit(ctx, trx, actor, {
      action: 'user.reset_password',
      entity: 'user',
      entityId: id,
      after: { mustChangePassword: mustChange },
    });
  });
}

export async function unlockUser(ctx: AppContext, actor: Actor, id: number): Promise<UserView> {
  return withTransaction(ctx.db, async (trx) => {
    const before = await findUserById(trx, id);
    if (!before) throw new AppError('NOT_FOUND');
    await updateUserState(trx, id, { failed_logins: 0, locked_until: null });
    await clearFailures(trx, id);
    const after = presentUser((await findUserById(trx, id))!);
    await audit(ctx, trx, actor, { action: 'user.unlock', entity: 'user', entityId: id, before: presentUser(before), after });
    return after;
  });
}
