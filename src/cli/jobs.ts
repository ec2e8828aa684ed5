import path from 'node:path';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { SYSTEM_ACTOR } from '../context.js';
import type { AppContext } from '../context.js';
import { listSchedules } from '../jobs/jobs.service.js';
import { enqueueJobByName, getJobRun, startJobs, stopJobs } from '../jobs/runtime.js';
import { importCalendarDays } from '../modules/calendar/calendar.service.js';
import { LIMITS } from '../common/limits.js';
import { readUploadFile } from '../http/upload.js';
import { openCliContext, runCommand } from './context.js';

/** Follows a run until it ends, drawing its progress; returns the final status. */
export async function followJobRun(ctx: AppContext, id: number): Promise<string> {
  const bar = new cliProgress.SingleBar(
    { format: '{bar} {percentage}% | {value}/{total} | {message}', hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  for (;;) {
    const run = await getJobRun(ctx, id);
    if (!run) throw new Error(`no job run ${id}`);
    if (run.progress.total) {
      if (!started) bar.start(run.progress.total, run.progress.done, { message: run.message ?? '' });
      started = true;
      bar.update(run.progress.done, { message: run.message ?? '' });
    }
    if (run.status === 'succeeded' || run.status === 'failed') {
      if (started) bar.stop();
      console.log(`${run.name} #${run.id}: ${run.status}${run.error ? ` — ${run.error}` : ''}`);
      if (run.result !== null) console.log(JSON.stringify(run.result, null, 2));
      return run.status;
    }
    await new Promise((r) => setTimeout(r, 300));
  }
}

export function registerJobCommands(program: Command): void {
  const jobs = program.command('jobs').description('定时任务与后台任务 / schedules and background jobs');

  jobs
    .command('list')
    .description('定时任务及上次/下次执行 / schedules with last and next run')
    .action(() =>
      runCommand(async () => {
        const ctx = await openCliContext();
        for (const s of await listSchedules(ctx)) {
          console.log(
            `${s.name.padEnd(30)} ${s.cron.padEnd(14)} ${s.enabled ? 'on ' : 'off'} ` +
              `next ${s.nextRunAt ?? '-'}  last ${s.lastRunAt ?? '-'} ${s.lastStatus ?? ''}  ${s.label.zh}`,
          );
        }
        await stopJobs(ctx);
        await ctx.database.destroy();
      }),
    );

  jobs
    .command('run <name>')
    .description('立即执行并显示进度 / run a job now and show its progress')
    .option('--payload <json>', 'payload as JSON', '{}')
    .action((name: string, opts: { payload: string }) =>
      runCommand(async () => {
        const ctx = await openCliContext();
        try {
          const run = await enqueueJobByName(ctx, name, JSON.parse(opts.payload), { actorId: null });
          // This command runs jobs while it waits: a running server may claim the run first, either way it runs once.
          // Loaded here only: every module's handlers cost seconds to load, which `jobs list` need not pay.
          const { loadModuleJobHandlers } = await import('../modules/index.js');
          await startJobs(ctx, { handlers: await loadModuleJobHandlers() });
          const status = await followJobRun(ctx, run.id);
          if (status !== 'succeeded') process.exitCode = 1;
        } finally {
          await stopJobs(ctx);
          await ctx.database.destroy();
        }
      }),
    );

  jobs
    .command('status <id>')
    .description('查看任务进度（直到结束） / follow a run until it ends')
    .action((id: string) =>
      runCommand(async () => {
        const ctx = await openCliContext();
        try {
          await followJobRun(ctx, Number(id));
        } finally {
          await ctx.database.destroy();
        }
      }),
    );

  program
    .command('calendar')
    .description('工作日历 / the working-day calendar')
    .command('import <file>')
    .description('导入国务院节假日安排（CSV：date,type,name 或 JSON） / import the State Council holiday schedule')
    .action((file: string) =>
      runCommand(async () => {
        const ctx = await openCliContext();
        try {
          const format = path.extname(file).toLowerCase() === '.json' ? 'json' : 'csv';
          // The same limit as the API's JSON body that carries this import.
          const upload = await readUploadFile(file, { maxBytes: LIMITS.bodyBytes });
          const result = await importCalendarDays(ctx, SYSTEM_ACTOR, { format, content: upload.data.toString('utf8') });
          console.log(`added ${result.added}, updated ${result.updated}, unchanged ${result.unchanged}; years ${result.years.join(', ')}`);
        } finally {
          await ctx.database.destroy();
        }
      }),
    );
}
