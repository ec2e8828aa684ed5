import { type Kysely, sql } from 'kysely';
import type { Executor } from '../db/database.js';
import type { DB, JobRunTable } from '../db/schema.js';

export type JobRunRow = Omit<JobRunTable, 'id'> & { id: number };
export type JobScheduleRow = Awaited<ReturnType<typeof listScheduleRows>>[number];
type RunChange = Partial<Omit<JobRunTable, 'id'>>;

export async function insertRun(
  db: Executor,
  r: { name: string; payloadJson: string; slot: string | null; maxAttempts: number; actorId: number | null; at: string; runAfter: string },
): Promise<JobRunRow> {
  return db
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
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function findRun(db: Executor, id: number): Promise<JobRunRow | undefined> {
  return db.selectFrom('job_run').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Moves a queued run to running for this process; false when another worker (or process) already
 * has it. The attempt number it sets is the run's lease: later writes of this process name it.
 */
export async function claimRun(db: Kysely<DB>, id: number, at: string, worker: string): Promise<number | null> {
  const r = await db
    .updateTable('job_run')
    .set((eb) => ({ status: 'running', attempts: eb('attempts', '+', 1), started_at: at, heartbeat_at: at, worker, error: null }))
    .where('id', '=', id)
    .where('status', '=', 'queued')
    .returning('attempts')
    .executeTakeFirst();
  return r ? r.attempts : null;
}

/** Queued runs whose time has come, oldest first. */
export async function listDueRuns(db: Kysely<DB>, now: string, limit: number): Promise<number[]> {
  const rows = await db
    .selectFrom('job_run')
    .select('id')
    .where('status', '=', 'queued')
    .where('run_after', '<=', now)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

export async function updateRun(db: Kysely<DB>, id: number, set: Partial<Omit<JobRunTable, 'id'>>): Promise<void> {
  await db.updateTable('job_run').set(set).where('id', '=', id).execute();
}

/**
 * Writes the end of an attempt, only while this attempt still holds the run (status `from`, default
 * running, same attempt number): a run already marked done in the handler's transaction, or taken
 * back by the reaper, is left as it is. False when nothing was written.
 */
export async function finishAttempt(db: Executor, id: number, attempt: number, set: RunChange, from = 'running'): Promise<boolean> {
  const r = await db
    .updateTable('job_run')
    .set(set)
    .where('id', '=', id)
    .where('status', '=', from)
    .where('attempts', '=', attempt)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Refreshes the heartbeat of the attempts this process holds. */
export async function beatRuns(db: Kysely<DB>, held: { id: number; attempt: number }[], at: string): Promise<void> {
  for (const h of held) {
    await db
      .updateTable('job_run')
      .set({ heartbeat_at: at })
      .where('id', '=', h.id)
      .where('status', '=', 'running')
      .where('attempts', '=', h.attempt)
      .execute();
  }
}

/** Running runs whose heartbeat is older than `before`: their process died. */
export function listStaleRuns(db: Kysely<DB>, before: string) {
  return db
    .selectFrom('job_run')
    .select(['id', 'name', 'attempts', 'max_attempts', 'worker'])
    .where('status', '=', 'running')
    .where((eb) => eb.or([eb('heartbeat_at', '<', before), eb('heartbeat_at', 'is', null)]))
    .orderBy('id')
    .execute();
}

/** Takes a stale run back (compare-and-set on its attempt, so one reaper wins among processes). */
export async function reapRun(db: Kysely<DB>, id: number, attempt: number, before: string, set: RunChange): Promise<boolean> {
  const r = await db
    .updateTable('job_run')
    .set(set)
    .where('id', '=', id)
    .where('status', '=', 'running')
    .where('attempts', '=', attempt)
    .where((eb) => eb.or([eb('heartbeat_at', '<', before), eb('heartbeat_at', 'is', null)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function listRuns(
  db: Kysely<DB>,
  q: { name?: string | undefined; status?: string | undefined; actorId?: number | undefined; page: number; pageSize: number },
) {
  let query = db.selectFrom('job_run');
  if (q.name) query = query.where('name', '=', q.name);
  if (q.status) query = query.where('status', '=', q.status);
  if (q.actorId !== undefined) query = query.where('actor_id', '=', q.actorId);
  const [{ total }] = await query.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const rows = await query
    .selectAll()
    .orderBy('id', 'desc')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return { rows, total: Number(total) };
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
export async function insertMissingSchedules(
  db: Kysely<DB>,
  rows: { name: string; cron: string; next_run_at: string | null; at: string }[],
): Promise<void> {
  for (const r of rows) {
    await db
      .insertInto('job_schedule')
      .values({ name: r.name, cron: r.cron, enabled: 1, next_run_at: r.next_run_at, updated_at: r.at })
      .onConflict((oc) => oc.column('name').doNothing())
      .execute();
  }
}

/** Advances a schedule to its next slot if nobody else did since it was read (optimistic claim). */
export async function advanceSchedule(
  db: Kysely<DB>,
  name: string,
  version: number,
  nextRunAt: string | null,
  at: string,
): Promise<boolean> {
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
  await db
    .updateTable('job_schedule')
    .set({ last_run_at: r.at, last_run_id: r.runId, last_status: r.status })
    .where('name', '=', name)
    .execute();
}
