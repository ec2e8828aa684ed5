import type { AppContext } from '../context.js';
import { isUniqueViolation } from '../db/errors.js';
import { AppError } from '../common/errors.js';
import type { JobRunView } from '../common/schemas/jobs.js';
import { loadJobCatalog } from './catalog.js';
import type { EnqueueOptions, JobDefinition, JobRunHandle } from './define.js';
import {
  type JobRunRow,
  advanceSchedule,
  claimRun,
  countUnfinishedRuns,
  findRun,
  insertMissingSchedules,
  insertRun,
  listScheduleRows,
  listUnfinishedRuns,
  recordScheduleResult,
  updateRun,
} from './jobs.repository.js';
import { type RunQueue, localQueue, pgBossQueue } from './queues.js';
import { nextRunAfter } from './schedule.js';

interface JobRuntime {
  jobs: Map<string, JobDefinition>;
  queue: RunQueue;
  /** Starting the workers needs no connection of ours, so enqueueing inside a SQLite transaction cannot deadlock. */
  ready: Promise<void>;
  schedulesReady?: Promise<void>;
  timer?: NodeJS.Timeout;
}

export interface StartJobsOptions {
  /** Check the schedules every N seconds of real time; 0 (default) leaves ticking to the caller. */
  tickSeconds?: number;
  /** Jobs besides the catalog (tests). */
  jobs?: JobDefinition[];
  /** pg-boss polling interval (PostgreSQL), default 1 s. */
  pollingIntervalSeconds?: number;
}

// One runtime per context: a context is one server process's view of one database.
const runtimes = new WeakMap<AppContext, JobRuntime>();

const iso = (ctx: AppContext) => ctx.clock().toISOString();

/**
 * Starts the workers for this context (and, with `tickSeconds`, the schedule timer). Called by
 * `bizenv serve`; `enqueueJob` starts workers on demand, so tests and CLI commands need not.
 */
export async function startJobs(ctx: AppContext, opts: StartJobsOptions = {}): Promise<void> {
  const catalog = await loadJobCatalog();
  let rt = runtimes.get(ctx);
  if (!rt) {
    const queue =
      ctx.database.dialect === 'postgres' ? pgBossQueue(ctx.database.connectionString!, { pollingIntervalSeconds: opts.pollingIntervalSeconds }) : localQueue();
    const jobs = new Map([...catalog, ...(opts.jobs ?? [])].map((j) => [j.name, j as JobDefinition]));
    const created: JobRuntime = { jobs, queue, ready: Promise.resolve() };
    created.ready = queue.start((id) => executeRun(ctx, created, id));
    runtimes.set(ctx, created);
    rt = created;
  }
  await rt.ready;
  if (opts.tickSeconds && !rt.timer) {
    // The serving process owns the SQLite file: it picks up what a previous process left unfinished.
    if (ctx.database.dialect === 'sqlite') await resumeUnfinished(ctx, rt);
    rt.timer = setInterval(() => {
      tickSchedules(ctx).catch((err) => ctx.log.error({ err }, 'job schedule tick failed'));
    }, opts.tickSeconds * 1000);
    rt.timer.unref();
    await tickSchedules(ctx);
  }
}

/** Stops the timer and the workers, letting running handlers finish. Safe to call twice. */
export async function stopJobs(ctx: AppContext): Promise<void> {
  const rt = runtimes.get(ctx);
  if (!rt) return;
  runtimes.delete(ctx);
  if (rt.timer) clearInterval(rt.timer);
  await rt.ready.catch(() => {});
  await rt.queue.stop();
}

async function runtimeOf(ctx: AppContext): Promise<JobRuntime> {
  if (!runtimes.has(ctx)) await startJobs(ctx);
  const rt = runtimes.get(ctx)!;
  await rt.ready;
  return rt;
}

/** Job definitions known to this context (catalog plus any added at start). */
export async function jobDefinitions(ctx: AppContext): Promise<JobDefinition[]> {
  return [...(runtimes.get(ctx)?.jobs.values() ?? (await loadJobCatalog()))];
}

/**
 * Queues a run of a declared job and returns it at once; the work happens in a worker (this
 * process on SQLite, any server process on PostgreSQL). Follow it with `getJobRun`.
 */
export async function enqueueJob(ctx: AppContext, name: string, payload: unknown, opts: EnqueueOptions = {}): Promise<JobRunView> {
  const rt = await runtimeOf(ctx);
  const def = rt.jobs.get(name);
  if (!def) throw new AppError('NOT_FOUND', [{ path: 'name', message: `未知的任务 ${name} / unknown job` }]);
  const parsed = def.payload.safeParse(payload);
  if (!parsed.success) {
    throw new AppError('VALIDATION_FAILED', parsed.error.issues.map((i) => ({ path: ['payload', ...i.path].join('.'), message: i.message })));
  }
  const at = iso(ctx);
  const runAfter = new Date(ctx.clock().getTime() + (opts.delaySeconds ?? 0) * 1000).toISOString();
  const db = opts.trx ?? ctx.db;
  const id = await insertRun(db, {
    name,
    payloadJson: JSON.stringify(parsed.data ?? {}),
    slot: opts.slot ?? null,
    maxAttempts: def.retry?.attempts ?? 1,
    actorId: opts.actorId ?? null,
    at,
    runAfter,
  });
  await rt.queue.dispatch(id, { trx: opts.trx, delaySeconds: opts.delaySeconds });
  return presentRun((await findRun(db, id))!, def);
}

/** A run with its progress, or null. */
export async function getJobRun(ctx: AppContext, id: number): Promise<JobRunView | null> {
  const row = await findRun(ctx.db, id);
  return row ? presentRun(row, runtimes.get(ctx)?.jobs.get(row.name) ?? (await loadJobCatalog()).find((j) => j.name === row.name)) : null;
}

export function presentRun(r: JobRunRow, def?: JobDefinition): JobRunView {
  const total = r.progress_total;
  return {
    id: r.id,
    name: r.name,
    label: def?.label ?? { zh: r.name, en: r.name },
    status: r.status as JobRunView['status'],
    slot: r.slot,
    attempts: r.attempts,
    maxAttempts: r.max_attempts,
    progress: { done: r.progress_done, total, percent: total ? Math.min(100, Math.round((r.progress_done / total) * 100)) : r.status === 'succeeded' ? 100 : null },
    message: r.message,
    result: r.result_json === null ? null : JSON.parse(r.result_json),
    error: r.error,
    actorId: r.actor_id,
    enqueuedAt: r.enqueued_at,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
  };
}

/** Creates the missing schedule rows (defaults, next run from now) once per runtime. */
export async function ensureSchedules(ctx: AppContext): Promise<void> {
  const rt = await runtimeOf(ctx);
  rt.schedulesReady ??= insertDefaultSchedules(ctx, rt.jobs);
  await rt.schedulesReady;
}

async function insertDefaultSchedules(ctx: AppContext, jobs: Map<string, JobDefinition>): Promise<void> {
  const now = ctx.clock();
  const rows = [...jobs.values()]
    .filter((j) => j.schedule)
    .map((j) => ({ name: j.name, cron: j.schedule!.cron, next_run_at: nextRunAfter(j.schedule!.cron, now)?.toISOString() ?? null, at: now.toISOString() }));
  await insertMissingSchedules(ctx.db, rows);
}

/**
 * Enqueues every schedule whose next run is due at `now` and moves it to its following slot. Slots
 * missed while no server ran are coalesced into one run. Any number of processes may tick at the
 * same time: advancing a schedule is a compare-and-set on its version, and (name, slot) is unique
 * in `job_run`, so each slot runs once.
 */
export async function tickSchedules(ctx: AppContext, now: Date = ctx.clock()): Promise<number[]> {
  const rt = await runtimeOf(ctx);
  await ensureSchedules(ctx);
  const nowIso = now.toISOString();
  const enqueued: number[] = [];
  for (const s of await listScheduleRows(ctx.db)) {
    if (!s.enabled || !s.next_run_at || s.next_run_at > nowIso || !rt.jobs.has(s.name)) continue;
    const next = nextRunAfter(s.cron, now)?.toISOString() ?? null;
    if (!(await advanceSchedule(ctx.db, s.name, s.version, next, nowIso))) continue;
    try {
      enqueued.push((await enqueueJob(ctx, s.name, {}, { slot: s.next_run_at })).id);
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
    }
  }
  return enqueued;
}

async function resumeUnfinished(ctx: AppContext, rt: JobRuntime): Promise<void> {
  for (const r of await listUnfinishedRuns(ctx.db)) {
    if (r.status === 'running') {
      // Its process stopped mid-run; handlers are idempotent, so a run with attempts left goes again.
      const again = r.attempts < r.max_attempts;
      await updateRun(ctx.db, r.id, again ? { status: 'queued', error: '服务重启，重新执行 / interrupted by a restart' } : { status: 'failed', error: '服务重启中断 / interrupted by a restart', finished_at: iso(ctx) });
      if (!again) continue;
    }
    await rt.queue.dispatch(r.id, {});
  }
}

function errorText(err: unknown): string {
  if (err instanceof AppError) return `${err.code}: ${err.toBody('zh').message}${err.details ? ` ${JSON.stringify(err.details)}` : ''}`;
  return err instanceof Error ? err.message : String(err);
}

async function executeRun(ctx: AppContext, rt: JobRuntime, runId: number): Promise<void> {
  if (!(await claimRun(ctx.db, runId, iso(ctx)))) return;
  const row = (await findRun(ctx.db, runId))!;
  const def = rt.jobs.get(row.name);
  const p = { done: 0, total: null as number | null, message: null as string | null, lastWrite: 0, writes: Promise.resolve() };
  const flush = () => {
    const snapshot = { progress_done: p.done, progress_total: p.total, message: p.message };
    p.writes = p.writes.then(() => updateRun(ctx.db, runId, snapshot)).catch((err) => ctx.log.warn({ err, runId }, 'job progress not saved'));
  };
  const handle: JobRunHandle = {
    runId,
    slot: row.slot,
    attempt: row.attempts,
    actorId: row.actor_id,
    progress(done, total, message) {
      p.done = done;
      if (total !== undefined) p.total = total;
      if (message !== undefined) p.message = message.slice(0, 500);
      // At most four writes a second: progress is for people watching, not an audit trail.
      if (Date.now() - p.lastWrite >= 250 || (p.total !== null && done >= p.total)) {
        p.lastWrite = Date.now();
        flush();
      }
    },
  };
  let status: string;
  try {
    if (!def) throw new Error(`unknown job ${row.name}`);
    const result = await def.handler(ctx, def.payload.parse(JSON.parse(row.payload_json)), handle);
    await p.writes;
    await updateRun(ctx.db, runId, {
      status: 'succeeded',
      result_json: result === undefined ? null : JSON.stringify(result),
      finished_at: iso(ctx),
      progress_done: p.total ?? p.done,
      progress_total: p.total,
      message: p.message,
    });
    status = 'succeeded';
  } catch (err) {
    await p.writes;
    const error = errorText(err).slice(0, 4000);
    if (row.attempts < row.max_attempts) {
      const delay = (def?.retry?.delaySeconds ?? 0) * 2 ** (row.attempts - 1);
      await updateRun(ctx.db, runId, { status: 'queued', error, run_after: new Date(ctx.clock().getTime() + delay * 1000).toISOString() });
      await rt.queue.dispatch(runId, { delaySeconds: delay });
      status = 'retrying';
    } else {
      await updateRun(ctx.db, runId, { status: 'failed', error, finished_at: iso(ctx) });
      status = 'failed';
    }
    ctx.log.warn({ runId, job: row.name, attempt: row.attempts, error }, 'job run failed');
  }
  await recordScheduleResult(ctx.db, row.name, { runId, status, at: iso(ctx) });
}

/**
 * Waits until no run is queued or running (tests, and CLI commands that wait for their work).
 * Runs delayed for a retry count as queued.
 */
export async function drainJobs(ctx: AppContext, timeoutMs = 30_000): Promise<void> {
  const rt = runtimes.get(ctx);
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (rt) await rt.queue.idle();
    if ((await countUnfinishedRuns(ctx.db)) === 0) return;
    if (Date.now() > until) throw new Error('jobs still running after the timeout');
    await new Promise((r) => setTimeout(r, 50));
  }
}
