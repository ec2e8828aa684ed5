import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { buildApp, createContext } from '../app.js';
import { declaredJobs, jobDeclaration, type JobPayload } from '../common/jobs.js';
import { type AppContext, SYSTEM_ACTOR } from '../context.js';
import { openDatabase, pgPoolSize, withTransaction } from '../db/database.js';
import { loadModuleJobHandlers } from '../modules/index.js';
import { audit } from '../modules/org/audit.service.js';
import { HEADER, multipart, workbook } from '../modules/worklists/import/import.fixtures.js';
import { type Harness, TEST_PASSWORD, describeEachDialect, login } from '../test/harness.js';
import { type JobDefinition, defineJob } from './define.js';
import { drainJobs, enqueueJob, enqueueJobByName, getJobRun, startJobs, stopJobs, tickSchedules } from './runtime.js';

const handlers = await loadModuleJobHandlers();

/** Test jobs: each records who ran it, so "exactly once" is checked on the handler, not only on rows. */
function testJobs(calls: { name: string; slot: string | null; ctx: AppContext }[]): JobDefinition[] {
  let flaky = 0;
  // Stand-ins for the supervision jobs (same names, labels and schedules): this file tests the
  // scheduler, the supervision tests test what the jobs do.
  const supervision = declaredJobs()
    .filter((j) => j.schedule)
    .map(({ name, ...j }) => {
      const handler: JobDefinition['handler'] = async (ctx, _p, run) => calls.push({ name, slot: run.slot, ctx });
      return defineJob({ ...j, name, payload: z.object({}).passthrough(), handler });
    });
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
    await startJobs(h.ctx, { handlers, jobs: testJobs(calls), pollSeconds: 0.5 });
  });

  it('runs a week of scheduled jobs exactly once each, on the China-time schedule', async () => {
    await runClock(h, [h.ctx], START, 7 * 24);
    const weekly = await runsOf(h, 'supervision.weekly-snapshot');
    expect(weekly.map((r) => r.slot)).toEqual(['2026-03-02T00:00:00.000Z']); // Monday 08:00 China time
    const bulletin = await runsOf(h, 'supervision.bulletin-draft');
    expect(bulletin.map((r) => r.slot)).toEqual(['2026-03-01T00:00:00.000Z']); // the 1st, 08:00
    const reminders = await runsOf(h, 'supervision.reminders');
    expect(reminders.map((r) => r.slot)).toEqual(
      ['26', '27', '28', '01', '02', '03', '04'].map((d) => `2026-${d > '20' ? '02' : '03'}-${d}T01:00:00.000Z`),
    );
    for (const r of [...weekly, ...bulletin, ...reminders]) expect(r).toMatchObject({ status: 'succeeded', attempts: 1 });
    // 06:00, 12:00, 18:00 and 00:00 China time from Thursday 06:00 to Wednesday 18:00.
    const sixHourly = calls.filter((c) => c.name === 'test.six-hourly');
    expect(sixHourly).toHaveLength(27);
    expect(new Set(sixHourly.map((c) => c.slot)).size).toBe(27);
    const schedule = await h.ctx.db
      .selectFrom('job_schedule')
      .selectAll()
      .where('name', '=', 'supervision.reminders')
      .executeTakeFirstOrThrow();
    expect(schedule).toMatchObject({
      last_status: 'succeeded',
      last_run_id: reminders.at(-1)!.id,
      next_run_at: '2026-03-05T01:00:00.000Z',
    });
    // A week of every module's schedules (the quarter-hourly ones alone are 672 runs) takes tens of
    // seconds on PostgreSQL when the machine is shared; the limit is a safety net, not a measure.
  }, 180_000);

  it('coalesces slots missed while no server ran into one run', async () => {
    const before = (await runsOf(h, 'supervision.reminders')).length;
    h.now = new Date(START.getTime() + 10 * 24 * HOUR);
    await tickSchedules(h.ctx);
    await tickSchedules(h.ctx);
    await drainJobs(h.ctx);
    expect((await runsOf(h, 'supervision.reminders')).length).toBe(before + 1);
  });

  it('records progress and the result of a long run', async () => {
    const queued = await enqueueJobByName(h.ctx, 'test.count', { to: 500 }, { actorId: 1 });
    expect(queued).toMatchObject({ status: 'queued', progress: { done: 0 } });
    await drainJobs(h.ctx);
    const done = await getJobRun(h.ctx, queued.id);
    expect(done).toMatchObject({
      status: 'succeeded',
      progress: { done: 500, total: 500, percent: 100 },
      message: '第 500 条 / row 500',
      result: { counted: 500 },
    });
  });

  it('retries a failed run up to its declared attempts, then marks it failed', async () => {
    const flaky = await enqueueJobByName(h.ctx, 'test.flaky', {});
    const broken = await enqueueJobByName(h.ctx, 'test.broken', {});
    await drainJobs(h.ctx);
    expect(await getJobRun(h.ctx, flaky.id)).toMatchObject({ status: 'succeeded', attempts: 2, result: { attempt: 2 } });
    expect(await getJobRun(h.ctx, broken.id)).toMatchObject({ status: 'failed', attempts: 2, error: 'always fails' });
  });

  it('rejects a bad payload or an unknown job before queuing anything', async () => {
    const bad = enqueueJobByName(h.ctx, 'test.count', { to: 0 });
    await expect(bad).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'payload.to' }] });
    await expect(enqueueJobByName(h.ctx, 'test.nope', {})).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('queues a run inside a transaction only if that transaction commits', async () => {
    let id = 0;
    await expect(
      withTransaction(h.ctx.db, async (trx) => {
        id = (await enqueueJobByName(h.ctx, 'test.count', { to: 3 }, { trx })).id;
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    await drainJobs(h.ctx);
    expect(await getJobRun(h.ctx, id)).toBeNull();
    const kept = await withTransaction(h.ctx.db, (trx) => enqueueJobByName(h.ctx, 'test.count', { to: 3 }, { trx }));
    await drainJobs(h.ctx);
    expect(await getJobRun(h.ctx, kept.id)).toMatchObject({ status: 'succeeded' });
  });

  it('shows schedules to the admin, validates edits and runs a job on demand', async () => {
    const admin = await h.as('admin');
    const list = await admin.get('/api/v1/jobs/schedules');
    expect(list.statusCode).toBe(200);
    const reminders = list.json().find((s: { name: string }) => s.name === 'supervision.reminders');
    expect(reminders).toMatchObject({
      cron: '0 9 * * *',
      defaultCron: '0 9 * * *',
      timezone: 'Asia/Shanghai',
      enabled: true,
      lastStatus: 'succeeded',
    });
    expect(reminders.nextRunAt).toBeTruthy();

    const bad = await admin.patch('/api/v1/jobs/schedules/supervision.reminders', { cron: 'every day', version: reminders.version });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0].path).toBe('body.cron');
    const off = await admin.patch('/api/v1/jobs/schedules/supervision.reminders', {
      cron: '30 8 * * 1-5',
      enabled: false,
      version: reminders.version,
    });
    expect(off.json()).toMatchObject({ cron: '30 8 * * 1-5', enabled: false, nextRunAt: null });
    const stale = await admin.patch('/api/v1/jobs/schedules/supervision.reminders', { enabled: true, version: reminders.version });
    expect(stale.json().code).toBe('VERSION_CONFLICT');

    const office = await h.as('office');
    const started = await office.post('/api/v1/jobs/schedules/supervision.weekly-snapshot/run');
    expect(started.statusCode).toBe(202);
    await drainJobs(h.ctx);
    const run = await office.get(`/api/v1/jobs/runs/${started.json().id}`);
    expect(run.json()).toMatchObject({ status: 'succeeded', slot: null, label: { zh: '周督查快照' } });
    const audit = await h.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'in', ['job.run', 'job.schedule.update'])
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['job.run', 'job.schedule.update']);
  });

  it('keeps schedules to admin and office, and a run to the user who started it', async () => {
    const liaison = await h.as('liaison');
    expect((await liaison.get('/api/v1/jobs/schedules')).statusCode).toBe(403);
    expect((await liaison.post('/api/v1/jobs/schedules/supervision.reminders/run')).statusCode).toBe(403);
    const someone = await enqueueJobByName(h.ctx, 'test.count', { to: 1 }, { actorId: 1 });
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
    await startJobs(h.ctx, { handlers, jobs: testJobs(calls), pollSeconds: 0.5 });
    // A second process: its own connection pool, job runtime and scheduler, on the same database.
    const database = openDatabase({ databaseUrl: h.ctx.config.databaseUrl, poolSize: 4 });
    second = createContext(h.ctx.config, { database, clock: () => h.now });
    await startJobs(second, { handlers, jobs: testJobs(calls), pollSeconds: 0.5 });
  });
  // Registered after the harness's own hooks, so it runs before the harness drops the database.
  afterAll(async () => {
    if (!second) return;
    await stopJobs(second);
    await second.database.destroy();
  });

  // A week in 15-minute steps, each ticking and draining both processes: long on a busy machine.
  it('never runs a scheduled slot twice when two schedulers tick together', { timeout: 180_000 }, async (t) => {
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
    const schedules = Object.fromEntries(declaredJobs().flatMap((j) => (j.schedule ? [[j.name, j.schedule.cron]] : [])));
    expect(schedules).toEqual({
      'supervision.weekly-snapshot': '0 8 * * 1',
      'supervision.bulletin-draft': '0 8 1 * *',
      'supervision.reminders': '0 9 * * *',
      'notifications.digest': '30 8 * * *',
      'worklists.overdue-notice': '5 9 * * *',
      // enforcement
      'enforcement.regrade': '30 2 * * *',
      'enforcement.publish-due': '10 0 * * *',
      'enforcement.rectify-overdue': '20 0 * * *',
      'enforcement.desk-complaints': '*/15 * * * *',
      'demands.overdue': '0 9-18 * * *',
      'finance.desk-overdue': '10 8 * * *',
    });
  });
});

/** Waits (real time) until `check` holds. */
async function until(check: () => boolean | Promise<boolean>, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not reached');
    await new Promise((r) => setTimeout(r, 10));
  }
}

const never = () => new Promise<never>(() => {});

describeEachDialect('job runner processes', (h) => {
  const ran: { job: string; attempt: number; ctx: AppContext }[] = [];
  const jobs = [
    // Stand-in for a declared job, so the test sees which process ran it.
    defineJob({
      ...jobDeclaration('supervision.reminders'),
      name: 'supervision.reminders',
      handler: async (ctx, _p, run) => ran.push({ job: 'supervision.reminders', attempt: run.attempt, ctx }),
    }),
    // Its first attempt never ends: the process running it is then "killed".
    defineJob({
      name: 'test.hangs-once',
      label: { zh: '首次中断', en: 'hangs once' },
      payload: z.object({}).strict(),
      retry: { attempts: 2, delaySeconds: 0 },
      handler: async (ctx, _p, run) => {
        ran.push({ job: 'test.hangs-once', attempt: run.attempt, ctx });
        if (run.attempt === 1) await never();
        return { attempt: run.attempt };
      },
    }),
    defineJob({
      name: 'test.hangs-no-retry',
      label: { zh: '中断不重试', en: 'hangs, no retry' },
      payload: z.object({}).strict(),
      handler: async (ctx, _p, run) => {
        ran.push({ job: 'test.hangs-no-retry', attempt: run.attempt, ctx });
        await never();
      },
    }),
    // Commits its work and marks the run done in one transaction, then its process dies.
    defineJob({
      name: 'test.commit-then-die',
      label: { zh: '提交后中断', en: 'commit, then die' },
      payload: z.object({}).strict(),
      retry: { attempts: 3, delaySeconds: 0 },
      handler: async (ctx, _p, run) => {
        ran.push({ job: 'test.commit-then-die', attempt: run.attempt, ctx });
        await withTransaction(ctx.db, async (trx) => {
          await audit(ctx, trx, SYSTEM_ACTOR, { action: 'test.committed', entity: 'job_run', entityId: run.runId });
          await run.markDone(trx, { rows: 10_000 });
        });
        await never();
      },
    }),
  ];
  /** Another server process on the same database: its own context and (if started) job runner. */
  const otherProcess = () => createContext(h.ctx.config, { database: h.ctx.database, clock: () => h.now });
  const runOf = async (id: number) => (await getJobRun(h.ctx, id))!;
  const tick = (seconds: number) => {
    h.now = new Date(h.now.getTime() + seconds * 1000);
  };

  beforeAll(async () => {
    // The test process's own runner is "down" until a test restarts it.
    await stopJobs(h.ctx);
  });

  it('an HTTP worker only enqueues: the run waits for the runner process, which executes it', async () => {
    const worker = otherProcess();
    const workerApp = await buildApp(worker, { serveWeb: false });
    try {
      const office = await login(workerApp, 'office', TEST_PASSWORD);
      const started = await office.post('/api/v1/jobs/schedules/supervision.reminders/run');
      expect(started.statusCode).toBe(202);
      const direct = await enqueueJob(worker, 'supervision.reminders', {});
      await new Promise((r) => setTimeout(r, 300));
      expect((await runOf(started.json().id)).status).toBe('queued');
      expect((await runOf(direct.id)).status).toBe('queued');
      expect(ran).toEqual([]);

      await startJobs(h.ctx, { handlers, jobs, staleSeconds: 90 });
      await drainJobs(h.ctx);
      expect(await runOf(started.json().id)).toMatchObject({ status: 'succeeded', attempts: 1 });
      expect(await runOf(direct.id)).toMatchObject({ status: 'succeeded', attempts: 1 });
      expect(ran.map((r) => r.ctx === h.ctx)).toEqual([true, true]);
    } finally {
      await workerApp.close();
      await stopJobs(h.ctx);
      ran.length = 0;
    }
  });

  it('takes back a run whose process died, only once its heartbeat is stale, and retries it once', async () => {
    const dying = otherProcess();
    await startJobs(dying, { handlers, jobs, heartbeatSeconds: 0.05, pollSeconds: 60 });
    const run = await enqueueJobByName(dying, 'test.hangs-once', {});
    await until(() => ran.length === 1);
    expect(await runOf(run.id)).toMatchObject({ status: 'running', attempts: 1 });

    // A second runner starts while the first is alive: well past the stale age, the live heartbeat keeps the run where it is.
    await startJobs(h.ctx, { handlers, jobs, staleSeconds: 90 });
    tick(300);
    const row = () => h.ctx.db.selectFrom('job_run').select('heartbeat_at').where('id', '=', run.id).executeTakeFirstOrThrow();
    const heartbeat = async () => (await row()).heartbeat_at;
    await until(async () => (await heartbeat()) === h.now.toISOString());
    await new Promise((r) => setTimeout(r, 300));
    expect(await runOf(run.id)).toMatchObject({ status: 'running', attempts: 1 });
    expect(ran).toHaveLength(1);

    // The first process dies (its heartbeat stops); 90 s later the other runner retries the run.
    await stopJobs(dying, { graceMs: 0 });
    tick(60);
    await new Promise((r) => setTimeout(r, 300));
    expect(await runOf(run.id)).toMatchObject({ status: 'running', attempts: 1 });
    tick(31);
    await drainJobs(h.ctx);
    expect(await runOf(run.id)).toMatchObject({ status: 'succeeded', attempts: 2, result: { attempt: 2 } });
    expect(ran.map((r) => [r.attempt, r.ctx === h.ctx])).toEqual([
      [1, false],
      [2, true],
    ]);
    await stopJobs(h.ctx);
    ran.length = 0;
  });

  it('fails a run of a dead process when it has no attempt left', async () => {
    const dying = otherProcess();
    await startJobs(dying, { handlers, jobs, pollSeconds: 60 });
    const run = await enqueueJobByName(dying, 'test.hangs-no-retry', {});
    await until(() => ran.length === 1);
    await stopJobs(dying, { graceMs: 0 });
    tick(91);
    await startJobs(h.ctx, { handlers, jobs });
    await drainJobs(h.ctx);
    const failed = await runOf(run.id);
    expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
    expect(failed.error).toContain('stopped');
    expect(ran).toHaveLength(1);
    await stopJobs(h.ctx);
    ran.length = 0;
  });

  it('leaves a run succeeded when its process died after the job’s transaction committed', async () => {
    const dying = otherProcess();
    await startJobs(dying, { handlers, jobs, pollSeconds: 60 });
    const run = await enqueueJobByName(dying, 'test.commit-then-die', {});
    await until(async () => (await runOf(run.id)).status === 'succeeded');
    await stopJobs(dying, { graceMs: 0 });
    tick(600);
    await startJobs(h.ctx, { handlers, jobs });
    await drainJobs(h.ctx);
    expect(await runOf(run.id)).toMatchObject({ status: 'succeeded', attempts: 1, result: { rows: 10_000 }, error: null });
    expect(ran).toHaveLength(1);
    const written = await h.ctx.db.selectFrom('audit_log').select('entity_id').where('action', '=', 'test.committed').execute();
    expect(written.map((w) => String(w.entity_id))).toEqual([String(run.id)]);
    await stopJobs(h.ctx);
  });
});

describeEachDialect('work-list import killed after its commit', (h) => {
  beforeAll(() => stopJobs(h.ctx));

  it('ends succeeded on restart, with the rows in once, instead of failing on the consumed upload', async () => {
    const office = await h.as('office');
    const file = await workbook({
      name: '任务',
      rows: [
        HEADER,
        ['1', '开办企业', '推进企业开办全程网办', null, '市市场监管局', null, '2026年6月底'],
        ['2', '纳税', '推广非接触式办税', null, '市税务局', null, '长期坚持'],
        ['3', '获得电力', '压减接电时间', null, '呼和浩特供电公司', null, '2026年第三季度'],
      ],
    });
    const { body, headers } = multipart(file);
    const preview = await office.request(
      'POST',
      `/api/v1/worklists/imports?kind=task&list=${encodeURIComponent('中断导入')}`,
      body,
      headers,
    );
    expect(preview.statusCode).toBe(200);
    const queued = await office.post('/api/v1/worklists/imports/commit-job', { token: preview.json().token });
    expect(queued.statusCode).toBe(202);

    // The process that runs it dies right after the import's transaction committed.
    const real = handlers['worklists.import'];
    let committed = 0;
    const dying = createContext(h.ctx.config, { database: h.ctx.database, clock: () => h.now });
    const dyingHandlers = {
      ...handlers,
      'worklists.import': async (...args: Parameters<typeof real>) => {
        await real(...args);
        committed++;
        return never();
      },
    };
    await startJobs(dying, { handlers: dyingHandlers, pollSeconds: 60 });
    await until(() => committed === 1, 60_000);
    await stopJobs(dying, { graceMs: 0 });

    h.now = new Date(h.now.getTime() + 600_000);
    await startJobs(h.ctx, { handlers });
    await drainJobs(h.ctx);
    const run = (await getJobRun(h.ctx, queued.json().id))!;
    expect(run).toMatchObject({ status: 'succeeded', attempts: 1, error: null, result: { list: '中断导入', created: 3, updated: 0 } });
    const items = await h.ctx.db
      .selectFrom('item')
      .innerJoin('worklist', 'worklist.id', 'item.list_id')
      .select('item.code')
      .where('worklist.name', '=', '中断导入')
      .execute();
    expect(items).toHaveLength(3);
    expect(committed).toBe(1);
  });
});

describe('typed jobs', () => {
  it('checks job names and payloads at compile time (tsc), and payloads again at run time', async () => {
    expectTypeOf<JobPayload<'policies.match'>>().toEqualTypeOf<{ mode: 'full' | 'incremental' }>();
    expectTypeOf<JobPayload<'worklists.import'>>().toEqualTypeOf<{ token: string; keepValid?: boolean | undefined }>();
    // Never called: these lines are for the compiler.
    const calls = (ctx: AppContext) => [
      enqueueJob(ctx, 'policies.match', { mode: 'full' }),
      // @ts-expect-error a mode that does not exist
      enqueueJob(ctx, 'policies.match', { mode: 'everything' }),
      // @ts-expect-error the import needs its upload token
      enqueueJob(ctx, 'worklists.import', { keepValid: true }),
      // @ts-expect-error no such job
      enqueueJob(ctx, 'policies.unknown', {}),
    ];
    expect(calls).toBeTypeOf('function');
    expect(jobDeclaration('policies.match').payload.safeParse({ mode: 'everything' }).success).toBe(false);
  });
});

describe('PostgreSQL connection pools', () => {
  it('keep every process of one server within the budget (default 80 of PostgreSQL’s 100)', () => {
    expect(pgPoolSize({ workers: 1, pgConnections: 80 })).toBe(10);
    expect(pgPoolSize({ workers: 2, pgConnections: 80 })).toBe(10); // 3 processes, 30 connections
    expect(pgPoolSize({ workers: 8, pgConnections: 80 })).toBe(8); // 9 processes, 72 connections
    expect(pgPoolSize({ workers: 16, pgConnections: 80 })).toBe(4); // 17 processes, 68 connections
    expect(pgPoolSize({ workers: 3, pgConnections: 20 })).toBe(5); // 4 processes, 20 connections
  });
});
