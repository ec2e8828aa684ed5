import type { Kysely } from 'kysely';
import type { Executor } from '../../db/database.js';
import { paged } from '../../db/paged.js';
import type { DB } from '../../db/schema.js';

/**
 * Active users named directly, by unit or by role (the union, without duplicates). `unitRoles`
 * narrows the unit part to those roles (e.g. only the liaisons of the units named).
 */
export async function findRecipientIds(
  db: Executor,
  to: { userIds?: number[]; unitIds?: number[]; unitRoles?: string[]; roles?: string[] },
): Promise<number[]> {
  const { userIds = [], unitIds = [], unitRoles = [], roles = [] } = to;
  if (!userIds.length && !unitIds.length && !roles.length) return [];
  const rows = await db
    .selectFrom('app_user')
    .select('id')
    .where('status', '=', 'active')
    .where((eb) =>
      eb.or([
        ...(userIds.length ? [eb('id', 'in', userIds)] : []),
        ...(unitIds.length
          ? [unitRoles.length ? eb.and([eb('unit_id', 'in', unitIds), eb('role', 'in', unitRoles)]) : eb('unit_id', 'in', unitIds)]
          : []),
        ...(roles.length ? [eb('role', 'in', roles)] : []),
      ]),
    )
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}

/** Which of these users chose to get every e-mail at once rather than in the daily digest. */
export async function findImmediateUserIds(db: Executor, userIds: number[]): Promise<Set<number>> {
  if (!userIds.length) return new Set();
  const rows = await db
    .selectFrom('user_contact')
    .select('user_id')
    .where('user_id', 'in', userIds)
    .where('delivery', '=', 'immediate')
    .execute();
  return new Set(rows.map((r) => r.user_id));
}

/** One row per recipient; the ids come back in the order of `rows`. */
export async function insertNotifications(
  db: Executor,
  rows: { userId: number; pendingDigest: number }[],
  n: { title: string; body: string; link: string | null; kind: string; at: string },
): Promise<number[]> {
  if (!rows.length) return [];
  const inserted = await db
    .insertInto('notification')
    .values(
      rows.map((r) => ({
        user_id: r.userId,
        title: n.title,
        body: n.body,
        link: n.link,
        kind: n.kind,
        pending_digest: r.pendingDigest,
        created_at: n.at,
        read_at: null,
      })),
    )
    .returning('id')
    .execute();
  return inserted.map((r) => r.id);
}

export async function listForUser(
  db: Kysely<DB>,
  userId: number,
  q: { unread?: boolean; kind?: string | undefined; page: number; pageSize: number },
) {
  let query = db.selectFrom('notification').where('user_id', '=', userId);
  if (q.unread) query = query.where('read_at', 'is', null);
  if (q.kind) query = query.where('kind', '=', q.kind);
  return paged(query.select(['id', 'title', 'body', 'link', 'kind', 'created_at', 'read_at']).orderBy('id', 'desc'), q);
}

export async function countUnreadByKind(db: Kysely<DB>, userId: number): Promise<{ kind: string; n: number }[]> {
  const rows = await db
    .selectFrom('notification')
    .select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .groupBy('kind')
    .execute();
  return rows.map((r) => ({ kind: r.kind, n: Number(r.n) }));
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
export async function markRead(
  db: Executor,
  userId: number,
  ids: number[] | { all: true; kind?: string | undefined },
  at: string,
): Promise<number> {
  let q = db.updateTable('notification').set({ read_at: at }).where('user_id', '=', userId).where('read_at', 'is', null);
  if (Array.isArray(ids)) q = q.where('id', 'in', ids);
  else if (ids.kind) q = q.where('kind', '=', ids.kind);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export function findNotifications(db: Executor, ids: number[]) {
  if (!ids.length) return Promise.resolve([]);
  return db
    .selectFrom('notification')
    .leftJoin('user_contact', 'user_contact.user_id', 'notification.user_id')
    .select([
      'notification.id',
      'notification.user_id',
      'notification.title',
      'notification.body',
      'notification.link',
      'user_contact.email',
    ])
    .where('notification.id', 'in', ids)
    .orderBy('notification.id')
    .execute();
}

export async function findContact(db: Executor, userId: number): Promise<{ email: string | null; delivery: string }> {
  const r = await db.selectFrom('user_contact').select(['email', 'delivery']).where('user_id', '=', userId).executeTakeFirst();
  return { email: r?.email ?? null, delivery: r?.delivery ?? 'digest' };
}

export async function upsertContact(
  db: Executor,
  userId: number,
  c: { email: string | null; delivery: string },
  at: string,
): Promise<void> {
  await db
    .insertInto('user_contact')
    .values({ user_id: userId, email: c.email, delivery: c.delivery, updated_at: at })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ email: c.email, delivery: c.delivery, updated_at: at }))
    .execute();
}

// ---- the daily digest ----

/** Bits of `notification.pending_digest`: what the digest still has to send for the row. */
export const DIGEST_EMAIL = 1;
export const DIGEST_ROBOT = 2;

/** Rows waiting for the digest, created before `before`, oldest first, with the recipient's address. */
export function findPendingDigest(db: Executor, before: string) {
  return db
    .selectFrom('notification')
    .innerJoin('app_user', 'app_user.id', 'notification.user_id')
    .leftJoin('user_contact', 'user_contact.user_id', 'notification.user_id')
    .select([
      'notification.id',
      'notification.user_id',
      'notification.title',
      'notification.body',
      'notification.link',
      'notification.created_at',
      'notification.pending_digest',
      'user_contact.email',
    ])
    .where('notification.pending_digest', '>', 0)
    .where('notification.created_at', '<=', before)
    .orderBy('notification.user_id')
    .orderBy('notification.id')
    .execute();
}

/** Clears one bit of the rows' digest flag; rows without that bit are left alone. */
export async function clearDigestBit(db: Executor, ids: number[], bit: number): Promise<void> {
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    // bit is 1 or 2 and the flag at most 3: "has the bit" is a value test both dialects share.
    const having = bit === DIGEST_EMAIL ? [1, 3] : [2, 3];
    await db
      .updateTable('notification')
      .set((eb) => ({ pending_digest: eb('pending_digest', '-', bit) }))
      .where('id', 'in', chunk)
      .where('pending_digest', 'in', having)
      .execute();
  }
}
