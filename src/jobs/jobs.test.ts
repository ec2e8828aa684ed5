import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createContext } from '../app.js';
import type { AppContext } from '../context.js';
import { openDatabase, withTransaction } from '../db/database.js';
import { type Harness, describeEachDialect } from '../test/harness.js';
import { loadJobCatalog } from './catalog.js';
import { type JobDefinition, defineJob } from './define.js';
import { drainJobs, enqueueJob, getJobRun, startJobs, stopJobs, tickSchedules } from './runtime.js';

const jobCatalog = await loadJobCatalog();

/** Test jobs: each records who ran it, so "exactly once" is checked on the handler, not only on rows. */
function testJobs(calls: { name: string; slot: string | null; ctx: AppContext }[]): JobDefinition[] {
  let flaky = 0;
  // Stand-ins for the supervision jobs (same names, labels and schedules): this file tests the
  // scheduler, the supervision tests test what the jobs do.
  const supervision = jobCatalog
    .filter((j) => j.schedule)
    .map((j) => defineJob({ ...j, payload: z.object({}).passthrough(), handler: async (ctx, _p, run) => calls.push({ name: j.name, slot: run.slot, ctx }) }));
  return [
    ...supervision,
    defineJob({
      name: 'test.six-hourly',
      label: { zh: '测试', en: 'test' },
      payload: z.object({}).strict(),
      schedule: { cron: '0 */6 * * *' },
      handler: async (ctx, _p, run) => {
        calls.push({ name: 'test.six-hourly', slot: run.slot, ctx });
        await new Promise((r) => setTimeout(r, 5));
        return { ok: true };
      },
    }),
    defineJob({
      name: 'test.count',
      label: { zh: '计数', en: 'count' },
      payload: z.object({ to: z.number().int().min(1).max(1000) }).strict(),
      handler: async (_ctx, p, run) => {
        for (let i = 1; i <= p.to; i++) run.progress(i, p.to, `第 ${i} 条 / row ${i}`);
        return { counted: p.to };
      },
    }),
    defineJob({
      name: 'test.flaky',
      label: { zh: '偶发失败', en: 'flaky' },
      payload: z.object({}).strict(),
      retry: { attempts: 2, delaySeconds: 0 },
      handler: async () => {
        flaky++;
        if (flaky % 2 === 1) throw new Error('first attempt fails');
        return { attempt: flaky };
      },
    }),
    defineJob({
      name: 'test.broken',
      label: { zh: '总是失败', en: 'broken' },
      payload: z.object({}).strict(),
      retry: { attempts: 2, delaySeconds: 0 },
      handler: async () => {
        throw new Error('always fails');
      },
    }),
  ];
}

const START = new Date('2026-02-25T16:00:00Z'); // Thursday 26 February 2026, 00:00 in China
const HOUR = 3600_000;

/** Moves the clock in 15-minute steps and lets every scheduler tick at each step. */
async function runClock(h: Harness, contexts: AppContext[], from: Date, hours: number): Promise<void> {
  for (let t = from.getTime(); t < from.getTime() + hours * HOUR; t += HOUR / 4) {
    h.now = new Date(t);
    await Promise.all(contexts.map((c) => tickSchedules(c)));
    await Promise.all(contexts.map((c) => drainJobs(c)));
  }
}

async function runsOf(h: Harness, name: string) {
  return h.ctx.db.selectFrom('job_run').selectAll().where('name', '=', name).where('slot', 'is not', null).orderBy('slot').execute();
}

describeEachDialect('job scheduler', (h) => {
  const calls: { name: string; slot: string | null; ctx: AppContext }[] = [];

  beforeAll(async () => {
    h.now = START;
    await startJobs(h.ctx, { jobs: testJobs(calls), pollingIntervalSeconds: 0.5 });
  });

  it('runs a week of scheduled jobs exactly once each, on the China-time schedule', async () => {
    await runClock(h, [h.ctx], START, 7 * 24);
    const weekly = await runsOf(h, 'supervision.weekly-snapshot');
    expect(weekly.map((r) => r.slot)).toEqual(['2026-03-02T00:00:00.000Z']); // Monday 08:00 China time
    const bulletin = await runsOf(h, 'supervision.bulletin-draft');
    expect(bulletin.map((r) => r.slot)).toEqual(['2026-03-01T00:00:00.000Z']); // the 1st, 08:00
    const reminders = await runsOf(h, 'supervision.reminders');
    expect(reminders.map((r) => r.slot)).toEqual(['26', '27', '28', '01', '02', '03', '04'].map((d) => `2026-${d > '20' ? '02' : '03'}-${d}T01:00:00.000Z`));
    for (const r of [...weekly, ...bulletin, ...reminders]) expect(r).toMatchObject({ status: 'succeeded', attempts: 1 });
    // 06:00, 12:00, 18:00 and 00:00 China time from Thursday 06:00 to Wednesday 18:00.
    const sixHourly = calls.filter((c) => c.name === 'test.six-hourly');
    expect(sixHourly).toHaveLength(27);
    expect(new Set(sixHourly.map((c) => c.slot)).size).toBe(27);
    const schedule = await h.ctx.db.selectFrom('job_schedule').selectAll().where('name', '=', 'supervision.reminders').executeTakeFirstOrThrow();
    expect(schedule).toMatchObject({ last_status: 'succeeded', last_run_id: reminders.at(-1)!.id, next_run_at: '2026-03-05T01:00:00.000Z' });
  });

  it('coalesces slots missed while no server ran into one run', async () => {
    const before = (await runsOf(h, 'supervision.reminders')).length;
    h.now = new Date(START.getTime() + 10 * 24 * HOUR);
    await tickSchedules(h.ctx);
    await tickSchedules(h.ctx);
    await drainJobs(h.ctx);
    expect((await runsOf(h, 'supervision.reminders')).length).toBe(before + 1);
  });

  it('records progress and the result of a long run', async () => {
    const queued = await enqueueJob(h.ctx, 'test.count', { to: 500 }, { actorId: 1 });
    expect(queued).toMatchObject({ status: 'queued', progress: { done: 0 } });
    await drainJobs(h.ctx);
    const done = await getJobRun(h.ctx, queued.id);
    expect(done).toMatchObject({ status: 'succeeded', progress: { done: 500, total: 500, percent: 100 }, message: '第 500 条 / row 500', result: { counted: 500 } });
  });

  it('retries a failed run up to its declared attempts, then marks it failed', async () => {
    const flaky = await enqueueJob(h.ctx, 'test.flaky', {});
    const broken = await enqueueJob(h.ctx, 'test.broken', {});
    await drainJobs(h.ctx);
    expect(await getJobRun(h.ctx, flaky.id)).toMatchObject({ status: 'succeeded', attempts: 2, result: { attempt: 2 } });
    expect(await getJobRun(h.ctx, broken.id)).toMatchObject({ status: 'failed', attempts: 2, error: 'always fails' });
  });

  it('rejects a bad payload or an unknown job before queuing anything', async () => {
    await expect(enqueueJob(h.ctx, 'test.count', { to: 0 })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'payload.to' }] });
    await expect(enqueueJob(h.ctx, 'test.nope', {})).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('queues a run inside a transaction only if that transaction commits', async () => {
    let id = 0;
    await expect(
      withTransaction(h.ctx.db, async (trx) => {
        id = (await enqueueJob(h.ctx, 'test.count', { to: 3 }, { trx })).id;
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    await drainJobs(h.ctx);
    expect(await getJobRun(h.ctx, id)).toBeNull();
    const kept = await withTransaction(h.ctx.db, (trx) => enqueueJob(h.ctx, 'test.count', { to: 3 }, { trx }));
    await drainJobs(h.ctx);
    expect(await getJobRun(h.ctx, kept.id)).toMatchObject({ status: 'succeeded' });
  });

  it('shows schedules to the admin, validates edits and runs a job on demand', async () => {
    const admin = await h.as('admin');
    const list = await admin.get('/api/v1/jobs/schedules');
    expect(list.statusCode).toBe(200);
    const reminders = list.json().find((s: { name: string }) => s.name === 'supervision.reminders');
    expect(reminders).toMatchObject({ cron: '0 9 * * *', defaultCron: '0 9 * * *', timezone: 'Asia/Shanghai', enabled: true, lastStatus: 'succeeded' });
    expect(reminders.nextRunAt).toBeTruthy();

    const bad = await admin.patch('/api/v1/jobs/schedules/supervision.reminders', { cron: 'every day', version: reminders.version });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0].path).toBe('body.cron');
    const off = await admin.patch('/api/v1/jobs/schedules/supervision.reminders', { cron: '30 8 * * 1-5', enabled: false, version: reminders.version });
    expect(off.json()).toMatchObject({ cron: '30 8 * * 1-5', enabled: false, nextRunAt: null });
    const stale = await admin.patch('/api/v1/jobs/schedules/supervision.reminders', { enabled: true, version: reminders.version });
    expect(stale.json().code).toBe('VERSION_CONFLICT');

    const office = await h.as('office');
    const started = await office.post('/api/v1/jobs/schedules/supervision.weekly-snapshot/run');
    expect(started.statusCode).toBe(202);
    await drainJobs(h.ctx);
    const run = await office.get(`/api/v1/jobs/runs/${started.json().id}`);
    expect(run.json()).toMatchObject({ status: 'succeeded', slot: null, label: { zh: '周督查快照' } });
    const audit = await h.ctx.db.selectFrom('audit_log').select('action').where('action', 'in', ['job.run', 'job.schedule.update']).execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['job.run', 'job.schedule.update']);
  });

  it('keeps schedules to admin and office, and a run to the user who started it', async () => {
    const liaison = await h.as('liaison');
    expect((await liaison.get('/api/v1/jobs/schedules')).statusCode).toBe(403);
    expect((await liaison.post('/api/v1/jobs/schedules/supervision.reminders/run')).statusCode).toBe(403);
    const someone = await enqueueJob(h.ctx, 'test.count', { to: 1 }, { actorId: 1 });
    expect((await liaison.get(`/api/v1/jobs/runs/${someone.id}`)).statusCode).toBe(404);
    expect((await liaison.get('/api/v1/jobs/runs')).json()).toMatchObject({ items: [], total: 0 });
    await drainJobs(h.ctx);
  });
});

describeEachDialect('job scheduler with two server processes', (h) => {
  const calls: { name: string; slot: string | null; ctx: AppContext }[] = [];
  let second: AppContext;

  beforeAll(async () => {
    h.now = START;
    if (h.dialect === 'sqlite') return; // one SQLite file belongs to one process
    await startJobs(h.ctx, { jobs: testJobs(calls), pollingIntervalSeconds: 0.5 });
    // A second process: its own connection pool, job runtime and scheduler, on the same database.
    const database = openDatabase({ databaseUrl: h.ctx.config.databaseUrl, poolSize: 4 });
    second = createContext(h.ctx.config, { database, clock: () => h.now });
    await startJobs(second, { jobs: testJobs(calls), pollingIntervalSeconds: 0.5 });
  });
  // Registered after the harness's own hooks, so it runs before the harness drops the database.
  afterAll(async () => {
    if (!second) return;
    await stopJobs(second);
    await second.database.destroy();
  });

  it('never runs a scheduled slot twice when two schedulers tick together', async (t) => {
    if (h.dialect === 'sqlite') t.skip();
    await runClock(h, [h.ctx, second], START, 7 * 24);
    const sixHourly = calls.filter((c) => c.name === 'test.six-hourly');
    expect(sixHourly).toHaveLength(27);
    expect(new Set(sixHourly.map((c) => c.slot)).size).toBe(27);
    expect((await runsOf(h, 'supervision.reminders')).length).toBe(7);
    expect((await runsOf(h, 'supervision.weekly-snapshot')).length).toBe(1);
    expect((await runsOf(h, 'supervision.bulletin-draft')).length).toBe(1);
    const duplicates = await h.ctx.db
      .selectFrom('job_run')
      .select(['name', 'slot', (eb) => eb.fn.countAll<number>().as('n')])
      .where('slot', 'is not', null)
      .groupBy(['name', 'slot'])
      .having((eb) => eb.fn.countAll(), '>', 1)
      .execute();
    expect(duplicates).toEqual([]);
  });
});

describe('job definitions', () => {
  it('declares each default schedule in China time', () => {
    const schedules = Object.fromEntries(jobCatalog.filter((j) => j.schedule).map((j) => [j.name, j.schedule!.cron]));
    expect(schedules).toEqual({
      'supervision.weekly-snapshot': '0 8 * * 1',
      'supervision.bulletin-draft': '0 8 1 * *',
      'supervision.reminders': '0 9 * * *',
      'notifications.digest': '30 8 * * *',
      'worklists.overdue-notice': '5 9 * * *',
    });
  });
});
