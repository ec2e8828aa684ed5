import os from "node:os";
import { AppError } from "../common/errors.js";
import { JOBS } from "../common/jobs.js";
import { isUniqueViolation } from "../db/errors.js";
import {
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
  updateRun
} from "./jobs.repository.js";
import { nextRunAfter } from "./schedule.js";
const runtimes = /* @__PURE__ */ new WeakMap();
const schedulesReady = /* @__PURE__ */ new WeakMap();
const DECLARED = Object.entries(JOBS).map(([name, d]) => ({ name, ...d }));
const WORKER = `${os.hostname()}:${process.pid}`.slice(0, 120);
const iso = (ctx) => ctx.clock().toISOString();
const later = (ctx, seconds) => new Date(ctx.clock().getTime() + seconds * 1e3).toISOString();
async function startJobs(ctx, opts) {
  let rt = runtimes.get(ctx);
  if (!rt) {
    const handlers = opts.handlers;
    const jobs = new Map(DECLARED.map((d) => [d.name, { ...d, handler: handlers[d.name] }]));
    const created = {
      jobs,
      pollSeconds: opts.pollSeconds ?? 1,
      staleSeconds: opts.staleSeconds ?? 90,
      concurrency: opts.concurrency ?? 2,
      held: /* @__PURE__ */ new Map(),
      active: /* @__PURE__ */ new Set(),
      timers: [],
      pumping: null,
      stopped: false
    };
    const poll = setInterval(() => void pump(ctx, created), created.pollSeconds * 1e3);
    const beat = setInterval(() => {
      const held = [...created.held].map(([id, attempt]) => ({ id, attempt }));
      if (held.length) beatRuns(ctx.db, held, iso(ctx)).catch((err) => ctx.log.warn({ err }, "job heartbeat not saved"));
    }, (opts.heartbeatSeconds ?? 15) * 1e3);
    for (const t of [poll, beat]) t.unref();
    created.timers.push(poll, beat);
    runtimes.set(ctx, created);
    rt = created;
  }
  for (const j of opts.jobs ?? []) rt.jobs.set(j.name, j);
  if (opts.jobs?.length) schedulesReady.delete(ctx);
  if (opts.tickSeconds && !rt.scheduleTimer) {
    rt.scheduleTimer = setInterval(() => {
      tickSchedules(ctx).catch((err) => ctx.log.error({ err }, "job schedule tick failed"));
    }, opts.tickSeconds * 1e3);
    rt.scheduleTimer.unref();
    await tickSchedules(ctx);
  }
  await pump(ctx, rt);
}
async function stopJobs(ctx, opts = {}) {
  const rt = runtimes.get(ctx);
  if (!rt) return;
  rt.stopped = true;
  if (rt.scheduleTimer) clearInterval(rt.scheduleTimer);
  const [poll, beat] = rt.timers;
  clearInterval(poll);
  await rt.pumping?.catch(() => {
  });
  let timer;
  const grace = new Promise((resolve) => {
    timer = setTimeout(() => resolve("timeout"), opts.graceMs ?? 15e3);
  });
  const outcome = await Promise.race([Promise.all(rt.active).then(() => "done"), grace]);
  clearTimeout(timer);
  clearInterval(beat);
  if (outcome === "timeout") {
    ctx.log.warn({ runs: [...rt.held.keys()] }, "jobs still running at shutdown; another runner will take them back");
  }
  runtimes.delete(ctx);
}
function jobDefinitions(ctx) {
  const rt = runtimes.get(ctx);
  return rt ? [...rt.jobs.values()] : DECLARED;
}
function definitionOf(ctx, name) {
  return runtimes.get(ctx)?.jobs.get(name) ?? DECLARED.find((d) => d.name === name);
}
function enqueueJob(ctx, name, payload, opts = {}) {
  return enqueueJobByName(ctx, name, payload, opts);
}
async function enqueueJobByName(ctx, name, payload, opts = {}) {
  const def = definitionOf(ctx, name);
  if (!def) throw new AppError("NOT_FOUND", [{ path: "name", message: `\u672A\u77E5\u7684\u4EFB\u52A1 ${name} / unknown job` }]);
  const parsed = def.payload.safeParse(payload);
  if (!parsed.success) {
    throw new AppError("VALIDATION_FAILED", parsed.error.issues.map((i) => ({ path: ["payload", ...i.path].join("."), message: i.message })));
  }
  const row = await insertRun(opts.trx ?? ctx.db, {
    name,
    payloadJson: JSON.stringify(parsed.data ?? {}),
    slot: opts.slot ?? null,
    maxAttempts: def.retry?.attempts ?? 1,
    actorId: opts.actorId ?? null,
    at: iso(ctx),
    runAfter: later(ctx, opts.delaySeconds ?? 0)
  });
  const rt = runtimes.get(ctx);
  if (rt && !rt.stopped) setImmediate(() => void pump(ctx, rt));
  return presentRun(row, def);
}
async function getJobRun(ctx, id) {
  const row = await findRun(ctx.db, id);
  return row ? presentRun(row, definitionOf(ctx, row.name)) : null;
}
function presentRun(r, def) {
  const total = r.progress_total;
  return {
    id: r.id,
    name: r.name,
    label: def?.label ?? { zh: r.name, en: r.name },
    status: r.status,
    slot: r.slot,
    attempts: r.attempts,
    maxAttempts: r.max_attempts,
    progress: { done: r.progress_done, total, percent: total ? Math.min(100, Math.round(r.progress_done / total * 100)) : r.status === "succeeded" ? 100 : null },
    message: r.message,
    result: r.result_json === null ? null : JSON.parse(r.result_json),
    error: r.error,
    actorId: r.actor_id,
    enqueuedAt: r.enqueued_at,
    startedAt: r.started_at,
    finishedAt: r.finished_at
  };
}
async function ensureSchedules(ctx) {
  let ready = schedulesReady.get(ctx);
  if (!ready) {
    const now = ctx.clock();
    const rows = jobDefinitions(ctx).filter((j) => j.schedule).map((j) => ({
      name: j.name,
      cron: j.schedule.cron,
      next_run_at: nextRunAfter(j.schedule.cron, now)?.toISOString() ?? null,
      at: now.toISOString()
    }));
    ready = insertMissingSchedules(ctx.db, rows);
    ready.catch(() => schedulesReady.delete(ctx));
    schedulesReady.set(ctx, ready);
  }
  await ready;
}
async function tickSchedules(ctx, now = ctx.clock()) {
  await ensureSchedules(ctx);
  const known = new Set(jobDefinitions(ctx).map((j) => j.name));
  const nowIso = now.toISOString();
  const enqueued = [];
  for (const s of await listScheduleRows(ctx.db)) {
    if (!s.enabled || !s.next_run_at || s.next_run_at > nowIso || !known.has(s.name)) continue;
    const next = nextRunAfter(s.cron, now)?.toISOString() ?? null;
    if (!await advanceSchedule(ctx.db, s.name, s.version, next, nowIso)) continue;
    try {
      enqueued.push((await enqueueJobByName(ctx, s.name, {}, { slot: s.next_run_at })).id);
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
    }
  }
  return enqueued;
}
function pump(ctx, rt) {
  if (rt.stopped) return Promise.resolve();
  rt.pumping ??= (async () => {
    try {
      await reapStale(ctx, rt);
      const free = rt.concurrency - rt.held.size;
      if (free <= 0) return;
      for (const id of await listDueRuns(ctx.db, iso(ctx), free)) {
        if (rt.stopped || rt.held.size >= rt.concurrency) break;
        const attempt = await claimRun(ctx.db, id, iso(ctx), WORKER);
        if (attempt === null) continue;
        rt.held.set(id, attempt);
        const running = executeRun(ctx, rt, id, attempt).catch((err) => ctx.log.error({ err, runId: id }, "job run could not be recorded")).finally(() => {
          rt.held.delete(id);
          rt.active.delete(running);
          if (!rt.stopped) setImmediate(() => void pump(ctx, rt));
        });
        rt.active.add(running);
      }
    } catch (err) {
      if (!rt.stopped) ctx.log.warn({ err }, "job queue poll failed");
    } finally {
      rt.pumping = null;
    }
  })();
  return rt.pumping;
}
async function reapStale(ctx, rt) {
  const before = new Date(ctx.clock().getTime() - rt.staleSeconds * 1e3).toISOString();
  for (const r of await listStaleRuns(ctx.db, before)) {
    if (rt.held.get(r.id) === r.attempts) continue;
    const again = r.attempts < r.max_attempts;
    const delay = (definitionOf(ctx, r.name)?.retry?.delaySeconds ?? 0) * 2 ** Math.max(0, r.attempts - 1);
    const who = r.worker ?? "?";
    const set = again ? { status: "queued", error: `\u6267\u884C\u8FDB\u7A0B\u5DF2\u505C\u6B62\uFF0C\u5C06\u91CD\u8BD5 / its process (${who}) stopped; retried`, run_after: later(ctx, delay), heartbeat_at: null } : { status: "failed", error: `\u6267\u884C\u8FDB\u7A0B\u5DF2\u505C\u6B62 / its process (${who}) stopped`, finished_at: iso(ctx) };
    if (await reapRun(ctx.db, r.id, r.attempts, before, set)) {
      ctx.log.warn({ runId: r.id, job: r.name, worker: r.worker, retried: again }, "took back a job run whose process stopped");
      if (!again) await recordScheduleResult(ctx.db, r.name, { runId: r.id, status: "failed", at: iso(ctx) });
    }
  }
}
function errorText(err) {
  if (err instanceof AppError) return `${err.code}: ${err.toBody("zh").message}${err.details ? ` ${JSON.stringify(err.details)}` : ""}`;
  return err instanceof Error ? err.message : String(err);
}
async function executeRun(ctx, rt, runId, attempt) {
  const row = await findRun(ctx.db, runId);
  const def = rt.jobs.get(row.name);
  const p = { done: 0, total: null, message: null, lastWrite: 0, writes: Promise.resolve() };
  const flush = () => {
    const snapshot = { progress_done: p.done, progress_total: p.total, message: p.message };
    p.writes = p.writes.then(() => updateRun(ctx.db, runId, snapshot)).catch((err) => ctx.log.warn({ err, runId }, "job progress not saved"));
  };
  const handle = {
    runId,
    slot: row.slot,
    attempt,
    actorId: row.actor_id,
    progress(done, total, message) {
      p.done = done;
      if (total !== void 0) p.total = total;
      if (message !== void 0) p.message = message.slice(0, 500);
      if (Date.now() - p.lastWrite >= 250 || p.total !== null && done >= p.total) {
        p.lastWrite = Date.now();
        flush();
      }
    },
    async markDone(trx, result) {
      const resultJson = result === void 0 ? null : JSON.stringify(result);
      await finishAttempt(trx, runId, attempt, { status: "succeeded", finished_at: iso(ctx), result_json: resultJson });
    }
  };
  let status;
  try {
    if (!def) throw new Error(`unknown job ${row.name}`);
    const result = await def.handler(ctx, def.payload.parse(JSON.parse(row.payload_json)), handle);
    await p.writes;
    const end = {
      result_json: result === void 0 ? null : JSON.stringify(result),
      progress_done: p.total ?? p.done,
      progress_total: p.total,
      message: p.message
    };
    const written = await finishAttempt(ctx.db, runId, attempt, { ...end, status: "succeeded", finished_at: iso(ctx) }) || // Already marked done in the handler's transaction: complete the result and progress.
    await finishAttempt(ctx.db, runId, attempt, end, "succeeded");
    status = written ? "succeeded" : null;
  } catch (err) {
    await p.writes;
    const error = errorText(err).slice(0, 4e3);
    if (attempt < row.max_attempts) {
      const delay = (def?.retry?.delaySeconds ?? 0) * 2 ** (attempt - 1);
      const again = { status: "queued", error, run_after: later(ctx, delay), heartbeat_at: null };
      const requeued = await finishAttempt(ctx.db, runId, attempt, again);
      status = requeued ? "retrying" : null;
    } else {
      status = await finishAttempt(ctx.db, runId, attempt, { status: "failed", error, finished_at: iso(ctx) }) ? "failed" : null;
    }
    ctx.log.warn({ runId, job: row.name, attempt, error }, "job run failed");
  }
  if (status) await recordScheduleResult(ctx.db, row.name, { runId, status, at: iso(ctx) });
}
async function drainJobs(ctx, timeoutMs = 3e4) {
  const until = Date.now() + timeoutMs;
  for (; ; ) {
    if (await countUnfinishedRuns(ctx.db) === 0) return;
    if (Date.now() > until) throw new Error("jobs still running after the timeout");
    const rt = runtimes.get(ctx);
    if (rt) {
      await pump(ctx, rt);
      await Promise.all(rt.active);
    } else {
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}
export {
  drainJobs,
  enqueueJob,
  enqueueJobByName,
  ensureSchedules,
  getJobRun,
  jobDefinitions,
  presentRun,
  startJobs,
  stopJobs,
  tickSchedules
};
//# sourceMappingURL=runtime.js.map
