import type { Selectable, Updateable } from 'kysely';
import type { Executor } from '../../db/database.js';
import { likeContains } from '../../db/like.js';
import type { AppUserTable } from '../../db/schema.js';

export type UserRow = Selectable<AppUserTable> & { unit_name: string | null };

function selectUsers(db: Executor) {
  return db.selectFrom('app_user').leftJoin('unit', 'unit.id', 'app_user.unit_id').selectAll('app_user').select('unit.name as unit_name');
}

export async function listUsers(
  db: Executor,
  f: { role?: string | undefined; unitId?: number | undefined; q?: string | undefined },
): Promise<UserRow[]> {
  let q = selectUsers(db);
  if (f.role) q = q.where('app_user.role', '=', f.role);
  if (f.unitId) q = q.where('app_user.unit_id', '=', f.unitId);
  if (f.q) {
    const text = f.q;
    q = q.where((eb) => eb.or([likeContains('app_user.username', text), likeContains('app_user.display_name', text)]));
  }
  return q.orderBy('app_user.id').execute();
}

export function findUserById(db: Executor, id: number): Promise<UserRow | undefined> {
  return selectUsers(db).where('app_user.id', '=', id).executeTakeFirst();
}

export function findUserByUsername(db: Executor, username: string): Promise<UserRow | undefined> {
  return selectUsers(db).where('app_user.username', '=', username).executeTakeFirst();
}

export interface NewUser {
  username: string;
  display_name: string;
  role: string;
  unit_id: number | null;
  password_hash: string;
  must_change_password: number;
  locale: string;
}

export async function insertUser(db: Executor, u: NewUser, at: string): Promise<number> {
  const r = await db
    .insertInto('app_user')
    .values({ ...u, status: 'active', failed_logins: 0, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

type UserChanges = Omit<Updateable<AppUserTable>, 'id' | 'version' | 'created_at' | 'updated_at'>;

/** A versioned update (user edits); returns false when someone changed the user meanwhile. */
export async function updateUserVersioned(db: Executor, id: number, version: number, changes: UserChanges, at: string): Promise<boolean> {
  const r = await db
    .updateTable('app_user')
    .set((eb) => ({ ...changes, updated_at: at, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** An unversioned update for bookkeeping the system does itself (login counters, lock). */
export async function updateUserState(db: Executor, id: number, changes: UserChanges): Promise<void> {
  await db.updateTable('app_user').set(changes).where('id', '=', id).execute();
}
