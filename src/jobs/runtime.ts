import os from 'node:os';
import { AppError } from '../common/errors.js';
import { declaredJobs, type JobDeclaration, type JobName, type JobPayload } from '../common/jobs.js';
import type { JobRunView } from '../common/schemas/jobs.js';
import type { AppContext } from '../context.js';
import { isUniqueViolation } from '../db/errors.js';
import type { EnqueueOptions, JobDefinition, JobHandlers, JobRunHandle } from './define.js';
import {
  type JobRunRow,
  advanceSchedule,
  beatRuns,
  claimRun,
  countUnfinishedRuns,
  findRun,
  finishAttempt,
  insertMissingSchedules,
  insertRun,
  listDueRuns,
  listScheduleRows,
  listStaleRuns,
  reapRun,
  recordScheduleResult,
  updateRun,
} from './jobs.repository.js';
import { nextRunAfter } from './schedule.js';

/*
 * The job runtime. `job_run` is the queue on both dialects: any process may enqueue (insert a row,
 * inside the caller's transaction if it likes); only a process that called `startJobs` runs jobs
 * (`bizenv serve` as a single process, or the primary of the cluster; HTTP workers never do). A
 * runner polls for due runs and claims each with a compare-and-set, so a run is executed by one
 * process at a time; while it runs, its heartbeat is refreshed, and any runner takes back a run
 * whose heartbeat went stale (its process died): queued again while attempts remain, else failed.
 */

type Named = JobDeclaration & { name: string };

export interface StartJobsOptions {
  /** The handler of every declared job, collected from the modules by the start-up code. */
  handlers: JobHandlers;
  /** Jobs outside the declared ones, or replacing a declared handler (tests). */
  jobs?: JobDefinition[];
  /** Check the schedules every N seconds of real time; 0 (default) leaves ticking to the caller. */
  tickSeconds?: number;
  /** Look for due runs every N seconds (default 1): runs enqueued by other processes start within it. */
  pollSeconds?: number;
  /** Refresh the heartbeat of running runs every N seconds (default 15). */
  heartbeatSeconds?: number;
  /** A running run whose heartbeat is older than this many seconds (clock time, default 90) is taken back. */
  staleSeconds?: number;
  /** Runs executed at once by this process (default 2). */
  concurrency?: number;
}

interface JobRuntime {
  jobs: Map<string, JobDefinition>;
  pollSeconds: number;
  staleSeconds: number;
  concurrency: number;
  /** Runs this process executes: run id → attempt number (its lease). */
  held: Map<number, number>;
  active: Set<Promise<void>>;
  timers: NodeJS.Timeout[];
  scheduleTimer?: NodeJS.Timeout;
  pumping: Promise<void> | null;
  stopped: boolean;
}

// One runtime per context: a context is one server process's view of one database.
const runtimes = new WeakMap<AppContext, JobRuntime>();
const schedulesReady = new WeakMap<AppContext, Promise<void>>();
const WORKER = `${os.hostname()}:${process.pid}`.slice(0, 120);

const iso = (ctx: AppContext) => ctx.clock().toISOString();
const later = (ctx: AppContext, seconds: number) => new Date(ctx.clock().getTime() + seconds * 1000).toISOString();

/**
 * Makes this process a job runner for the context: it polls for due runs, executes them with the
 * given handlers, keeps their heartbeat and reaps runs of dead processes; with `tickSeconds` it also
 * enqueues scheduled runs. Called again, it adds `jobs` (tests).
 */
export async function startJobs(ctx: AppContext, opts: StartJobsOptions): Promise<void> {
  let rt = runtimes.get(ctx);
  if (!rt) {
    const handlers = opts.handlers as unknown as Record<string, JobDefinition['handler']>;
    const jobs = new Map<string, JobDefinition>(declaredJobs().map((d) => [d.name, { ...d, handler: handlers[d.name]! }]));
    const created: JobRuntime = {
      jobs,
      pollSeconds: opts.pollSeconds ?? 1,
      staleSeconds: opts.staleSeconds ?? 90,
      concurrency: opts.concurrency ?? 2,
      held: new Map(),
      active: new Set(),
      timers: [],
      pumping: null,
      stopped: false,
    };
    const poll = setInterval(() => void pump(ctx, created), created.pollSeconds * 1000);
    const beat = setInterval(
      () => {
        const held = [...created.held].map(([id, attempt]) => ({ id, attempt }));
        if (held.length) beatRuns(ctx.db, held, iso(ctx)).catch((err) => ctx.log.warn({ err }, 'job heartbeat not saved'));
      },
      (opts.heartbeatSeconds ?? 15) * 1000,
    );
    for (const t of [poll, beat]) t.unref();
    created.timers.push(poll, beat);
    runtimes.set(ctx, created);
    rt = created;
  }
  for (const j of opts.jobs ?? []) rt.jobs.set(j.name, j);
  if (opts.jobs?.length) schedulesReady.delete(ctx);
  if (opts.tickSeconds && !rt.scheduleTimer) {
    rt.scheduleTimer = setInterval(() => {
      tickSchedules(ctx).catch((err) => ctx.log.error({ err }, 'job schedule tick failed'));
    }, opts.tickSeconds * 1000);
    rt.scheduleTimer.unref();
    await tickSchedules(ctx);
  }
  await pump(ctx, rt);
}

/**
 * Stops polling and ticking and lets running handlers finish for up to `graceMs`. A handler still
 * running after that is left to the reaper of the next runner (its heartbeat stops with this
 * process). Safe to call twice, and in a process that never ran jobs.
 */
export async function stopJobs(ctx: AppContext, opts: { graceMs?: number } = {}): Promise<void> {
  const rt = runtimes.get(ctx);
  if (!rt) return;
  rt.stopped = true;
  if (rt.scheduleTimer) clearInterval(rt.scheduleTimer);
  const [poll, beat] = rt.timers;
  clearInterval(poll);
  await rt.pumping?.catch(() => {});
  let timer: NodeJS.Timeout | undefined;
  const grace = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), opts.graceMs ?? 15_000);
  });
  const outcome = await Promise.race([Promise.all(rt.active).then(() => 'done' as const), grace]);
  clearTimeout(timer);
  clearInterval(beat);
  if (outcome === 'timeout') {
    ctx.log.warn({ runs: [...rt.held.keys()] }, 'jobs still running at shutdown; another runner will take them back');
  }
  runtimes.delete(ctx);
}

/** Job definitions known to this context: the declared ones, plus any a runner added (tests). */
export function jobDefinitions(ctx: AppContext): Named[] {
  const rt = runtimes.get(ctx);
  return rt ? [...rt.jobs.values()] : declaredJobs();
}

function definitionOf(ctx: AppContext, name: string): Named | undefined {
  return runtimes.get(ctx)?.jobs.get(name) ?? declaredJobs().find((d) => d.name === name);
}

/**
 * Queues a run of a declared job and returns it at once; a runner process (this one if it runs
 * jobs, else the primary) executes it. The payload is checked against the job's declaration at
 * compile time and validated again here. Follow the run with `getJobRun`.
 */
export function enqueueJob<N extends JobName>(
  ctx: AppContext,
  name: N,
  payload: JobPayload<N>,
  opts: EnqueueOptions = {},
): Promise<JobRunView> {
  return enqueueJobByName(ctx, name, payload, opts);
}

/** `enqueueJob` for a name known only at run time (the CLI's `jobs run NAME`, schedules, tests' own jobs). */
export async function enqueueJobByName(ctx: AppContext, name: string, payload: unknown, opts: EnqueueOptions = {}): Promise<JobRunView> {
  const def = definitionOf(ctx, name);
  if (!def) throw new AppError('NOT_FOUND', [{ path: 'name', message: `未知的任务 ${name} / unknown job` }]);
  const parsed = def.payload.safeParse(payload);
  if (!parsed.success) {
    throw new AppError(
      'VALIDATION_FAILED',
      parsed.error.issues.map((i) => ({ path: ['payload', ...i.path].join('.'), message: i.message })),
    );
  }
  const row = await insertRun(opts.trx ?? ctx.db, {
    name,
    payloadJson: JSON.stringify(parsed.data ?? {}),
    slot: opts.slot ?? null,
    maxAttempts: def.retry?.attempts ?? 1,
    actorId: opts.actorId ?? null,
    at: iso(ctx),
    runAfter: later(ctx, opts.delaySeconds ?? 0),
  });
  const rt = runtimes.get(ctx);
  // setImmediate: a run enqueued inside a transaction is only visible once that transaction ends.
  if (rt && !rt.stopped) setImmediate(() => void pump(ctx, rt));
  // The run as enqueued: a runner of another connection may already be starting it.
  return presentRun(row, def);
}

/** A run with its progress, or null. */
export async function getJobRun(ctx: AppContext, id: number): Promise<JobRunView | null> {
  const row = await findRun(ctx.db, id);
  return row ? presentRun(row, definitionOf(ctx, row.name)) : null;
}

export function presentRun(r: JobRunRow, def?: Pick<JobDeclaration, 'label'>): JobRunView {
  const total = r.progress_total;
  return {
    id: r.id,
    name: r.name,
    label: def?.label ?? { zh: r.name, en: r.name },
    status: r.status as JobRunView['status'],
    slot: r.slot,
    attempts: r.attempts,
    maxAttempts: r.max_attempts,
    progress: {
      done: r.progress_done,
      total,
      percent: total ? Math.min(100, Math.round((r.progress_done / total) * 100)) : r.status === 'succeeded' ? 100 : null,
    },
    message: r.message,
    result: r.result_json === null ? null : JSON.parse(r.result_json),
    error: r.error,
    actorId: r.actor_id,
    enqueuedAt: r.enqueued_at,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
  };
}

/** Creates the missing schedule rows (defaults, next run from now) once per context. */
export async function ensureSchedules(ctx: AppContext): Promise<void> {
  let ready = schedulesReady.get(ctx);
  if (!ready) {
    const now = ctx.clock();
    const rows = jobDefinitions(ctx)
      .filter((j) => j.schedule)
      .map((j) => ({
        name: j.name,
        cron: j.schedule!.cron,
        next_run_at: nextRunAfter(j.schedule!.cron, now)?.toISOString() ?? null,
        at: now.toISOString(),
      }));
    ready = insertMissingSchedules(ctx.db, rows);
    ready.catch(() => schedulesReady.delete(ctx));
    schedulesReady.set(ctx, ready);
  }
  await ready;
}

/**
 * Enqueues every schedule whose next run is due at `now` and moves it to its following slot. Slots
 * missed while no server ran are coalesced into one run. Any number of processes may tick at the
 * same time: advancing a schedule is a compare-and-set on its version, and (name, slot) is unique
 * in `job_run`, so each slot runs once.
 */
export async function tickSchedules(ctx: AppContext, now: Date = ctx.clock()): Promise<number[]> {
  await ensureSchedules(ctx);
  const known = new Set(jobDefinitions(ctx).map((j) => j.name));
  const nowIso = now.toISOString();
  const enqueued: number[] = [];
  for (const s of await listScheduleRows(ctx.db)) {
    if (!s.enabled || !s.next_run_at || s.next_run_at > nowIso || !known.has(s.name)) continue;
    const next = nextRunAfter(s.cron, now)?.toISOString() ?? null;
    if (!(await advanceSchedule(ctx.db, s.name, s.version, next, nowIso))) continue;
    try {
      enqueued.push((await enqueueJobByName(ctx, s.name, {}, { slot: s.next_run_at })).id);
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
    }
  }
  return enqueued;
}

/** Reaps stale runs, then claims due runs up to the free slots; concurrent calls share one pass. */
function pump(ctx: AppContext, rt: JobRuntime): Promise<void> {
  if (rt.stopped) return Promise.resolve();
  rt.pumping ??= (async () => {
    try {
      await reapStale(ctx, rt);
      const free = rt.concurrency - rt.held.size;
      if (free <= 0) return;
      for (const id of await listDueRuns(ctx.db, iso(ctx), free)) {
        if (rt.stopped || rt.held.size >= rt.concurrency) break;
        const attempt = await claimRun(ctx.db, id, iso(ctx), WORKER);
        if (attempt === null) continue; // another process was quicker
        rt.held.set(id, attempt);
        const running: Promise<void> = executeRun(ctx, rt, id, attempt)
          .catch((err) => ctx.log.error({ err, runId: id }, 'job run could not be recorded'))
          .finally(() => {
            rt.held.delete(id);
            rt.active.delete(running);
            if (!rt.stopped) setImmediate(() => void pump(ctx, rt));
          });
        rt.active.add(running);
      }
    } catch (err) {
      if (!rt.stopped) ctx.log.warn({ err }, 'job queue poll failed');
    } finally {
      rt.pumping = null;
    }
  })();
  return rt.pumping;
}

/** Takes back the runs whose process stopped beating: retried per their declared attempts, else failed. */
async function reapStale(ctx: AppContext, rt: JobRuntime): Promise<void> {
  const before = new Date(ctx.clock().getTime() - rt.staleSeconds * 1000).toISOString();
  for (const r of await listStaleRuns(ctx.db, before)) {
    if (rt.held.get(r.id) === r.attempts) continue; // ours and alive: the event loop was only busy
    const again = r.attempts < r.max_attempts;
    const delay = (definitionOf(ctx, r.name)?.retry?.delaySeconds ?? 0) * 2 ** Math.max(0, r.attempts - 1);
    const who = r.worker ?? '?';
    const set = again
      ? {
          status: 'queued',
          error: `执行进程已停止，将重试 / its process (${who}) stopped; retried`,
          run_after: later(ctx, delay),
          heartbeat_at: null,
        }
      : { status: 'failed', error: `执行进程已停止 / its process (${who}) stopped`, finished_at: iso(ctx) };
    if (await reapRun(ctx.db, r.id, r.attempts, before, set)) {
      ctx.log.warn({ runId: r.id, job: r.name, worker: r.worker, retried: again }, 'took back a job run whose process stopped');
      if (!again) await recordScheduleResult(ctx.db, r.name, { runId: r.id, status: 'failed', at: iso(ctx) });
    }
  }
}

function errorText(err: unknown): string {
  if (err instanceof AppError) return `${err.code}: ${err.toBody('zh').message}${err.details ? ` ${JSON.stringify(err.details)}` : ''}`;
  return err instanceof Error ? err.message : String(err);
}

async function executeRun(ctx: AppContext, rt: JobRuntime, runId: number, attempt: number): Promise<void> {
  const row = (await findRun(ctx.db, runId))!;
  const def = rt.jobs.get(row.name);
  const p = { done: 0, total: null as number | null, message: null as string | null, lastWrite: 0, writes: Promise.resolve() };
  const flush = () => {
    const snapshot = { progress_done: p.done, progress_total: p.total, message: p.message };
    p.writes = p.writes
      .then(() => updateRun(ctx.db, runId, snapshot))
      .catch((err) => ctx.log.warn({ err, runId }, 'job progress not saved'));
  };
  const handle: JobRunHandle = {
    runId,
    slot: row.slot,
    attempt,
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
    async markDone(trx, result) {
      const resultJson = result === undefined ? null : JSON.stringify(result);
      await finishAttempt(trx, runId, attempt, { status: 'succeeded', finished_at: iso(ctx), result_json: resultJson });
    },
  };
  let status: string | null;
  try {
    if (!def) throw new Error(`unknown job ${row.name}`);
    const result = await def.handler(ctx, def.payload.parse(JSON.parse(row.payload_json)) as never, handle);
    await p.writes;
    const end = {
      result_json: result === undefined ? null : JSON.stringify(result),
      progress_done: p.total ?? p.done,
      progress_total: p.total,
      message: p.message,
    };
    const written =
      (await finishAttempt(ctx.db, runId, attempt, { ...end, status: 'succeeded', finished_at: iso(ctx) })) ||
      // Already marked done in the handler's transaction: complete the result and progress.
      (await finishAttempt(ctx.db, runId, attempt, end, 'succeeded'));
    status = written ? 'succeeded' : null;
  } catch (err) {
    await p.writes;
    const error = errorText(err).slice(0, 4000);
    if (attempt < row.max_attempts) {
      const delay = (def?.retry?.delaySeconds ?? 0) * 2 ** (attempt - 1);
      const again = { status: 'queued', error, run_after: later(ctx, delay), heartbeat_at: null };
      const requeued = await finishAttempt(ctx.db, runId, attempt, again);
      status = requeued ? 'retrying' : null;
    } else {
      status = (await finishAttempt(ctx.db, runId, attempt, { status: 'failed', error, finished_at: iso(ctx) })) ? 'failed' : null;
    }
    ctx.log.warn({ runId, job: row.name, attempt, error }, 'job run failed');
  }
  // null: the run is no longer this attempt's (marked done in its transaction, or taken back).
  if (status) await recordScheduleResult(ctx.db, row.name, { runId, status, at: iso(ctx) });
}

/**
 * Waits until no run is queued or running (tests, and CLI commands that wait for their work). In a
 * runner process it also polls at once instead of waiting for the timer. Runs delayed for a retry
 * count as queued.
 */
export async function drainJobs(ctx: AppContext, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if ((await countUnfinishedRuns(ctx.db)) === 0) return;
    if (Date.now() > until) throw new Error('jobs still running after the timeout');
    const rt = runtimes.get(ctx);
    if (rt) {
      await pump(ctx, rt);
      await Promise.all(rt.active);
    } else {
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}
