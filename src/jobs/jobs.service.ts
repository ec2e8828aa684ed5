import { AppError } from '../common/errors.js';
import { hasPermission } from '../common/permissions.js';
import type { JobRunListQuery, JobRunView, JobScheduleView, UpdateScheduleBody } from '../common/schemas/jobs.js';
import type { Actor, AppContext } from '../context.js';
import { withTransaction } from '../db/database.js';
import { audit } from '../modules/org/audit.service.js';
import type { JobDeclaration } from '../common/jobs.js';
import { type JobScheduleRow, findSchedule, listRuns, listScheduleRows, updateScheduleVersioned } from './jobs.repository.js';
import { enqueueJobByName, ensureSchedules, getJobRun, jobDefinitions, presentRun } from './runtime.js';
import { SCHEDULE_TIMEZONE, cronProblem, nextRunAfter } from './schedule.js';

function presentSchedule(s: JobScheduleRow, def: JobDeclaration | undefined): JobScheduleView {
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
    version: s.version,
  };
}

export async function listSchedules(ctx: AppContext): Promise<JobScheduleView[]> {
  await ensureSchedules(ctx);
  const defs = new Map((await jobDefinitions(ctx)).map((d) => [d.name, d]));
  return (await listScheduleRows(ctx.db)).filter((s) => defs.has(s.name)).map((s) => presentSchedule(s, defs.get(s.name)));
}

export async function updateSchedule(ctx: AppContext, actor: Actor, name: string, body: UpdateScheduleBody): Promise<JobScheduleView> {
  await ensureSchedules(ctx);
  const def = (await jobDefinitions(ctx)).find((d) => d.name === name);
  if (body.cron !== undefined) {
    const problem = cronProblem(body.cron);
    if (problem)
      throw new AppError('VALIDATION_FAILED', [
        { path: 'body.cron', message: `无效的 cron 表达式（${problem}） / invalid cron expression: ${problem}` },
      ]);
  }
  return withTransaction(ctx.db, async (trx) => {
    const before = await findSchedule(trx, name);
    if (!before || !def) throw new AppError('NOT_FOUND');
    if (before.version !== body.version) throw new AppError('VERSION_CONFLICT');
    const cron = body.cron ?? before.cron;
    const enabled = body.enabled ?? before.enabled === 1;
    const next = nextRunAfter(cron, ctx.clock())?.toISOString() ?? null;
    if (
      !(await updateScheduleVersioned(
        trx,
        name,
        body.version,
        { cron, enabled: enabled ? 1 : 0, next_run_at: next },
        ctx.clock().toISOString(),
      ))
    ) {
      throw new AppError('VERSION_CONFLICT');
    }
    const after = presentSchedule((await findSchedule(trx, name))!, def);
    await audit(ctx, trx, actor, {
      action: 'job.schedule.update',
      entity: 'job_schedule',
      entityId: name,
      before: presentSchedule(before, def),
      after,
    });
    return after;
  });
}

/** "Run now": a run of a scheduled job outside its schedule, recorded as the actor's. */
export async function runScheduleNow(ctx: AppContext, actor: Actor, name: string): Promise<JobRunView> {
  const def = jobDefinitions(ctx).find((d) => d.name === name);
  if (!def?.schedule) throw new AppError('NOT_FOUND');
  const run = await enqueueJobByName(ctx, name, {}, { actorId: actor.id });
  await withTransaction(ctx.db, (trx) =>
    audit(ctx, trx, actor, { action: 'job.run', entity: 'job_run', entityId: run.id, after: { name } }),
  );
  return run;
}

export async function listJobRuns(ctx: AppContext, actor: Actor, q: JobRunListQuery): Promise<{ items: JobRunView[]; total: number }> {
  const defs = new Map((await jobDefinitions(ctx)).map((d) => [d.name, d]));
  const { rows, total } = await listRuns(ctx.db, { ...q, actorId: hasPermission(actor.role, 'jobs.runs.all') ? undefined : actor.id });
  return { total, items: rows.map((r) => presentRun(r, defs.get(r.name))) };
}

/** A run's progress; besides the office, a user sees only the runs they started. */
export async function viewJobRun(ctx: AppContext, actor: Actor, id: number): Promise<JobRunView> {
  const run = await getJobRun(ctx, id);
  if (!run || (!hasPermission(actor.role, 'jobs.runs.all') && run.actorId !== actor.id)) throw new AppError('NOT_FOUND');
  return run;
}
