import type { Selectable } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { SessionTable } from '../../db/schema.js';

export type SessionRow = Selectable<SessionTable>;

export async function insertSession(db: Executor, s: SessionRow): Promise<void> {
  await db.insertInto('session').values(s).execute();
}

export function findSession(db: Executor, idHash: string): Promise<SessionRow | undefined> {
  return db.selectFrom('session').selectAll().where('id_hash', '=', idHash).executeTakeFirst();
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
