import type { Executor } from '../../db/database.js';
import { sql } from 'kysely';

export function listDays(db: Executor, year?: number) {
  let q = db.selectFrom('calendar_day').selectAll();
  if (year) q = q.where('date', '>=', `${year}-01-01`).where('date', '<=', `${year}-12-31`);
  return q.orderBy('date').execute();
}

export type CalendarDayRow = Awaited<ReturnType<typeof listDays>>[number];

export function findDay(db: Executor, id: number) {
  return db.selectFrom('calendar_day').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findDayByDate(db: Executor, date: string) {
  return db.selectFrom('calendar_day').selectAll().where('date', '=', date).executeTakeFirst();
}

export async function insertDay(db: Executor, d: { date: string; type: string; name: string }, at: string): Promise<number> {
  const r = await db
    .insertInto('calendar_day')
    .values({ ...d, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function updateDayVersioned(
  db: Executor,
  id: number,
  version: number,
  set: { type: string; name: string },
  at: string,
): Promise<boolean> {
  const r = await db
    .updateTable('calendar_day')
    .set({ ...set, version: sql<number>`version + 1`, updated_at: at })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function deleteDay(db: Executor, id: number): Promise<void> {
  await db.deleteFrom('calendar_day').where('id', '=', id).execute();
}
