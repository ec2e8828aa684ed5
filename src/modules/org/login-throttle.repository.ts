import { sql } from 'kysely';
import type { Executor } from '../../db/database.js';

/** The lock on this account from this client, if one is in force at `now`. */
export async function findClientLock(db: Executor, userId: number, client: string, now: string): Promise<string | null> {
  const row = await db
    .selectFrom('login_throttle')
    .select('locked_until')
    .where('user_id', '=', userId)
    .where('client', '=', client)
    .executeTakeFirst();
  return row?.locked_until && row.locked_until > now ? row.locked_until : null;
}

/**
 * Counts one failed login in a single statement (insert or increment, returning the new count), so
 * concurrent failures each see a distinct count. A lock that has run out starts the count afresh.
 */
export async function countFailure(db: Executor, userId: number, client: string, now: string): Promise<number> {
  const expired = sql<boolean>`login_throttle.locked_until is not null and login_throttle.locked_until <= ${now}`;
  const row = await db
    .insertInto('login_throttle')
    .values({ user_id: userId, client, failures: 1, locked_until: null, updated_at: now })
    .onConflict((oc) =>
      oc.columns(['user_id', 'client']).doUpdateSet({
        failures: sql<number>`case when ${expired} then 1 else login_throttle.failures + 1 end`,
        locked_until: sql<string | null>`case when ${expired} then null else login_throttle.locked_until end`,
        updated_at: now,
      }),
    )
    .returning('failures')
    .executeTakeFirstOrThrow();
  return Number(row.failures);
}

export async function lockClient(db: Executor, userId: number, client: string, until: string): Promise<void> {
  await db.updateTable('login_throttle').set({ locked_until: until }).where('user_id', '=', userId).where('client', '=', client).execute();
}

/** Forgets the count of one client (after its successful login) or of every client (admin unlock). */
export async function clearFailures(db: Executor, userId: number, client?: string): Promise<void> {
  let q = db.deleteFrom('login_throttle').where('user_id', '=', userId);
  if (client !== undefined) q = q.where('client', '=', client);
  await q.execute();
}
