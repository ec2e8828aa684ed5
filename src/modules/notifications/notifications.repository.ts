import type { Kysely } from 'kysely';
import type { Executor } from '../../db/database.js';
import { paged } from '../../db/paged.js';
import type { DB } from '../../db/schema.js';

/** Active users named directly, by unit or by role (the union, without duplicates). */
export async function findRecipientIds(db: Executor, to: { userIds?: number[]; unitIds?: number[]; roles?: string[] }): Promise<number[]> {
  const { userIds = [], unitIds = [], roles = [] } = to;
  if (!userIds.length && !unitIds.length && !roles.length) return [];
  const rows = await db
    .selectFrom('app_user')
    .select('id')
    .where('status', '=', 'active')
    .where((eb) =>
      eb.or([
        ...(userIds.length ? [eb('id', 'in', userIds)] : []),
        ...(unitIds.length ? [eb('unit_id', 'in', unitIds)] : []),
        ...(roles.length ? [eb('role', 'in', roles)] : []),
      ]),
    )
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}

export async function insertNotifications(db: Executor, userIds: number[], n: { title: string; body: string; link: string | null; at: string }): Promise<number[]> {
  if (!userIds.length) return [];
  const rows = await db
    .insertInto('notification')
    .values(userIds.map((user_id) => ({ user_id, title: n.title, body: n.body, link: n.link, created_at: n.at, read_at: null })))
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

export async function listForUser(db: Kysely<DB>, userId: number, q: { unread?: boolean; page: number; pageSize: number }) {
  let query = db.selectFrom('notification').where('user_id', '=', userId);
  if (q.unread) query = query.where('read_at', 'is', null);
  return paged(query.selectAll().orderBy('id', 'desc'), q);
}

export async function countUnread(db: Kysely<DB>, userId: number): Promise<number> {
  const r = await db
    .selectFrom('notification')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Marks the user's own notifications read; ids of other users' notifications are ignored. */
export async function markRead(db: Executor, userId: number, ids: number[] | 'all', at: string): Promise<number> {
  let q = db.updateTable('notification').set({ read_at: at }).where('user_id', '=', userId).where('read_at', 'is', null);
  if (ids !== 'all') q = q.where('id', 'in', ids);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export function findNotifications(db: Executor, ids: number[]) {
  if (!ids.length) return Promise.resolve([]);
  return db
    .selectFrom('notification')
    .leftJoin('user_contact', 'user_contact.user_id', 'notification.user_id')
    .select(['notification.id', 'notification.user_id', 'notification.title', 'notification.body', 'notification.link', 'user_contact.email'])
    .where('notification.id', 'in', ids)
    .orderBy('notification.id')
    .execute();
}

export async function findContact(db: Executor, userId: number): Promise<string | null> {
  const r = await db.selectFrom('user_contact').select('email').where('user_id', '=', userId).executeTakeFirst();
  return r?.email ?? null;
}

export async function upsertContact(db: Executor, userId: number, email: string | null, at: string): Promise<void> {
  await db
    .insertInto('user_contact')
    .values({ user_id: userId, email, updated_at: at })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ email, updated_at: at }))
    .execute();
}
