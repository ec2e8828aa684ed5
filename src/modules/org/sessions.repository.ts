import type { Selectable } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { SessionTable } from '../../db/schema.js';

export type SessionRow = Selectable<SessionTable>;

export async function insertSession(db: Executor, s: SessionRow): Promise<void> {
  await db.insertInto('session').values(s).execute();
}

/** The session with its user and the user's unit name, in one query (it runs on every request). */
export function findSessionWithUser(db: Executor, idHash: string) {
  return db
    .selectFrom('session')
    .innerJoin('app_user', 'app_user.id', 'session.user_id')
    .leftJoin('unit', 'unit.id', 'app_user.unit_id')
    .selectAll('app_user')
    .select(['unit.name as unit_name', 'session.csrf_token', 'session.expires_at', 'session.last_seen_at'])
    .where('session.id_hash', '=', idHash)
    .executeTakeFirst();
}

export async function touchSession(db: Executor, idHash: string, lastSeenAt: string, expiresAt: string): Promise<void> {
  await db.updateTable('session').set({ last_seen_at: lastSeenAt, expires_at: expiresAt }).where('id_hash', '=', idHash).execute();
}

export async function deleteSession(db: Executor, idHash: string): Promise<void> {
  await db.deleteFrom('session').where('id_hash', '=', idHash).execute();
}

export async function deleteExpiredSessions(db: Executor, now: string): Promise<number> {
  const r = await db.deleteFrom('session').where('expires_at', '<', now).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Ends every session of a user, or every one but `keepIdHash` (the caller's own). */
export async function deleteUserSessions(db: Executor, userId: number, keepIdHash?: string): Promise<void> {
  let q = db.deleteFrom('session').where('user_id', '=', userId);
  if (keepIdHash !== undefined) q = q.where('id_hash', '!=', keepIdHash);
  await q.execute();
}
