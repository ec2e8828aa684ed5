import { type Kysely, sql } from 'kysely';
import type { Executor } from '../db/database.js';
import type { DB, JobRunTable } from '../db/schema.js';

export type JobRunRow = Omit<JobRunTable, 'id'> & { id: number };
export type JobScheduleRow = Awaited<ReturnType<typeof listScheduleRows>>[number];

export async function insertRun(
  db: Executor,
  r: { name: string; payloadJson: string; slot: string | null; maxAttempts: number; actorId: number | null; at: string; runAfter: string },
): Promise<number> {
  const row = await db
    .insertInto('job_run')
    .values({
      name: r.name,
      payload_json: r.payloadJson,
      status: 'queued',
      slot: r.slot,
      attempts: 0,
      max_attempts: r.maxAttempts,
      progress_done: 0,
      progress_total: null,
      actor_id: r.actorId,
      enqueued_at: r.at,
      run_after: r.runAfter,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function findRun(db: Executor, id: number): Promise<JobRunRow | undefined> {
  return db.selectFrom('job_run').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Moves a queued run to running; false when another worker (or process) already has it. */
export async function claimRun(db: Kysely<DB>, id: number, at: string): Promise<boolean> {
  const r = await db
    .updateTable('job_run')
    .set((eb) => ({ status: 'running', attempts: eb('attempts', '+', 1), started_at: at, error: null }))
    .where('id', '=', id)
    .where('status', '=', 'queued')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function updateRun(db: Kysely<DB>, id: number, set: Partial<Omit<JobRunTable, 'id'>>): Promise<void> {
  await db.updateTable('job_run').set(set).where('id', '=', id).execute();
}

export async function listRuns(db: Kysely<DB>, q: { name?: string | undefined; status?: string | undefined; actorId?: number | undefined; page: number; pageSize: number }) {
  let query = db.selectFrom('job_run');
  if (q.name) query = query.where('name', '=', q.name);
  if (q.status) query = query.where('status', '=', q.status);
  if (q.actorId !== undefined) query = query.where('actor_id', '=', q.actorId);
  const [{ total }] = await query.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const rows = await query.selectAll().orderBy('id', 'desc').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute();
  return { rows, total: Number(total) };
}

/** Runs left queued or running, e.g. by a process that stopped; the in-process queue picks them up at start. */
export function listUnfinishedRuns(db: Kysely<DB>) {
  return db.selectFrom('job_run').select(['id', 'status', 'attempts', 'max_attempts']).where('status', 'in', ['queued', 'running']).orderBy('id').execute();
}

export function countUnfinishedRuns(db: Kysely<DB>): Promise<number> {
  return db
    .selectFrom('job_run')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', 'in', ['queued', 'running'])
    .executeTakeFirstOrThrow()
    .then((r) => Number(r.n));
}

export function listScheduleRows(db: Executor) {
  return db.selectFrom('job_schedule').selectAll().orderBy('name').execute();
}

export function findSchedule(db: Executor, name: string) {
  return db.selectFrom('job_schedule').selectAll().where('name', '=', name).executeTakeFirst();
}

/** Adds the schedules that are missing; existing rows (the admin's settings) are kept. */
export async function insertMissingSchedules(db: Kysely<DB>, rows: { name: string; cron: string; next_run_at: string | null; at: string }[]): Promise<void> {
  for (const r of rows) {
    await db
      .insertInto('job_schedule')
      .values({ name: r.name, cron: r.cron, enabled: 1, next_run_at: r.next_run_at, updated_at: r.at })
      .onConflict((oc) => oc.column('name').doNothing())
      .execute();
  }
}

/** Advances a schedule to its next slot if nobody else did since it was read (optimistic claim). */
export async function advanceSchedule(db: Kysely<DB>, name: string, version: number, nextRunAt: string | null, at: string): Promise<boolean> {
  const r = await db
    .updateTable('job_schedule')
    .set({ next_run_at: nextRunAt, version: sql<number>`version + 1`, updated_at: at })
    .where('name', '=', name)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function updateScheduleVersioned(
  db: Executor,
  name: string,
  version: number,
  set: { cron: string; enabled: number; next_run_at: string | null },
  at: string,
): Promise<boolean> {
  const r = await db
    .updateTable('job_schedule')
    .set({ ...set, version: sql<number>`version + 1`, updated_at: at })
    .where('name', '=', name)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function recordScheduleResult(db: Kysely<DB>, name: string, r: { runId: number; status: string; at: string }): Promise<void> {
  await db.updateTable('job_schedule').set({ last_run_at: r.at, last_run_id: r.runId, last_status: r.status }).where('name', '=', name).execute();
}
