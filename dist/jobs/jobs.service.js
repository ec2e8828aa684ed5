import { AppError } from "../common/errors.js";
import { withTransaction } from "../db/database.js";
import { audit } from "../modules/org/audit.service.js";
import { findSchedule, listRuns, listScheduleRows, updateScheduleVersioned } from "./jobs.repository.js";
import { enqueueJobByName, ensureSchedules, getJobRun, jobDefinitions, presentRun } from "./runtime.js";
import { SCHEDULE_TIMEZONE, cronProblem, nextRunAfter } from "./schedule.js";
const SEES_ALL_RUNS = /* @__PURE__ */ new Set(["admin", "office"]);
function presentSchedule(s, def) {
  return {
    name: s.name,
    label: def?.label ?? { zh: s.name, en: s.name },
    cron: s.cron,
    defaultCron: def?.schedule?.cron ?? null,
    timezone: SCHEDULE_TIMEZONE,
    enabled: s.enabled === 1,
    nextRunAt: s.enabled === 1 ? s.next_run_at : null,
    lastRunAt: s.last_run_at,
    lastRunId: s.last_run_id,
    lastStatus: s.last_status,
    version: s.version
  };
}
async function listSchedules(ctx) {
  await ensureSchedules(ctx);
  const defs = new Map(jobDefinitions(ctx).map((d) => [d.name, d]));
  return (await listScheduleRows(ctx.db)).filter((s) => defs.has(s.name)).map((s) => presentSchedule(s, defs.get(s.name)));
}
async function updateSchedule(ctx, actor, name, body) {
  await ensureSchedules(ctx);
  const def = jobDefinitions(ctx).find((d) => d.name === name);
  if (body.cron !== void 0) {
    const problem = cronProblem(body.cron);
    if (problem) throw new AppError("VALIDATION_FAILED", [{ path: "body.cron", message: `\u65E0\u6548\u7684 cron \u8868\u8FBE\u5F0F\uFF08${problem}\uFF09 / invalid cron expression: ${problem}` }]);
  }
  return withTransaction(ctx.db, async (trx) => {
    const before = await findSchedule(trx, name);
    if (!before || !def) throw new AppError("NOT_FOUND");
    if (before.version !== body.version) throw new AppError("VERSION_CONFLICT");
    const cron = body.cron ?? before.cron;
    const enabled = body.enabled ?? before.enabled === 1;
    const next = nextRunAfter(cron, ctx.clock())?.toISOString() ?? null;
    if (!await updateScheduleVersioned(trx, name, body.version, { cron, enabled: enabled ? 1 : 0, next_run_at: next }, ctx.clock().toISOString())) {
      throw new AppError("VERSION_CONFLICT");
    }
    const after = presentSchedule(await findSchedule(trx, name), def);
    await audit(ctx, trx, actor, { action: "job.schedule.update", entity: "job_schedule", entityId: name, before: presentSchedule(before, def), after });
    return after;
  });
}
async function runScheduleNow(ctx, actor, name) {
  const def = jobDefinitions(ctx).find((d) => d.name === name);
  if (!def?.schedule) throw new AppError("NOT_FOUND");
  const run = await enqueueJobByName(ctx, name, {}, { actorId: actor.id });
  await withTransaction(ctx.db, (trx) => audit(ctx, trx, actor, { action: "job.run", entity: "job_run", entityId: run.id, after: { name } }));
  return run;
}
async function listJobRuns(ctx, actor, q) {
  const defs = new Map(jobDefinitions(ctx).map((d) => [d.name, d]));
  const { rows, total } = await listRuns(ctx.db, { ...q, actorId: SEES_ALL_RUNS.has(actor.role) ? void 0 : actor.id });
  return { total, items: rows.map((r) => presentRun(r, defs.get(r.name))) };
}
async function viewJobRun(ctx, actor, id) {
  const run = await getJobRun(ctx, id);
  if (!run || !SEES_ALL_RUNS.has(actor.role) && run.actorId !== actor.id) throw new AppError("NOT_FOUND");
  return run;
}
export {
  listJobRuns,
  listSchedules,
  runScheduleNow,
  updateSchedule,
  viewJobRun
};
//# sourceMappingURL=jobs.service.js.map
