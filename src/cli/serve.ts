import { spawnSync } from 'node:child_process';
import cluster from 'node:cluster';
import type { FastifyInstance } from 'fastify';
import path from 'node:path';
import { WEB_DIST, buildApp } from '../app.js';
import { DEMO_UNIT, DEMO_USERNAMES } from '../modules/org/seed.js';
import { isEmptyInstallation, runSeed } from '../seed.js';
import { openCliContext } from './context.js';
import type { AppContext } from '../context.js';
import { startJobs, stopJobs } from '../jobs/runtime.js';
import { loadModuleJobHandlers } from '../modules/index.js';
import { closePdfBrowser } from '../modules/reports/pdf.js';

/** Builds the web client when it is missing or older than its sources (the same step as `npm start`). */
export function ensureWebBuilt(): void {
  const build = path.resolve(WEB_DIST, '../../scripts/build.mjs');
  const r = spawnSync(process.execPath, [build, '--web', '--if-stale'], { stdio: 'inherit', cwd: path.resolve(WEB_DIST, '../..') });
  if (r.status !== 0) throw new Error('web build failed');
}

export async function serve(opts: { buildWeb?: boolean }): Promise<void> {
  if (cluster.isWorker) return serveWorker();
  if (opts.buildWeb) ensureWebBuilt();
  const ctx = await openCliContext();
  const firstStart = await isEmptyInstallation(ctx);
  const demo = ctx.config.seedDemo === 'always' || (ctx.config.seedDemo === 'auto' && firstStart);
  await runSeed(ctx, { demo, report: (m) => console.log(m) });
  if (ctx.config.workers > 1) return servePrimary(ctx);
  const app = await buildApp(ctx);
  await app.listen({ port: ctx.config.port, host: ctx.config.host });
  // A single process runs the jobs and the schedule clock; app.close() stops them (see buildApp).
  await startJobs(ctx, { handlers: await loadModuleJobHandlers(), tickSeconds: ctx.config.schedulerTickSeconds });
  const addr = app.server.address();
  await printBanner(ctx, typeof addr === 'object' && addr ? addr.port : ctx.config.port);
  exitOnSignal(() => closeServer(app, ctx));
}

async function printBanner(ctx: AppContext, port: number, workers = 1): Promise<void> {
  const host = ctx.config.host === '0.0.0.0' ? '127.0.0.1' : ctx.config.host;
  console.log(`\nbizenv 优化营商环境工作平台 已启动 / is running at http://${host}:${port}`);
  console.log(`数据库 / database: ${ctx.database.dialect} ${ctx.database.location}`);
  if (workers > 1)
    console.log(
      `进程 / processes: ${workers} HTTP workers (pids ${Object.values(cluster.workers ?? {})
        .map((w) => w?.process.pid)
        .join(', ')}) + primary ${process.pid} (jobs)`,
    );
  console.log(`接口文档 / API docs: http://${host}:${port}/api/docs`);
  const existing = await ctx.db.selectFrom('app_user').select('username').where('username', 'in', DEMO_USERNAMES).execute();
  if (existing.length) {
    console.log(
      `演示账号 / demo logins (密码 password: ${ctx.config.demoPassword === 'Bizenv@2026' ? 'Bizenv@2026' : '$BIZENV_DEMO_PASSWORD'}):`,
    );
    console.log(`  ${existing.map((u) => u.username).join(', ')}   (unit_head, liaison → ${DEMO_UNIT})`);
  }
}

/**
 * `BIZENV_WORKERS` > 1: this primary process has migrated and seeded; it now runs the jobs and the
 * schedule clock, and forks the HTTP workers, which share the port (node:cluster) and the database
 * (SQLite in WAL mode, or the PostgreSQL pool). Workers only enqueue runs (rows in `job_run`); the
 * primary's runner picks them up within a second. A worker that dies is replaced.
 */
async function servePrimary(ctx: AppContext): Promise<void> {
  await startJobs(ctx, { handlers: await loadModuleJobHandlers(), tickSeconds: ctx.config.schedulerTickSeconds });
  let stopping = false;
  const fork = () => cluster.fork();
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    ctx.log.error({ workerPid: worker.process.pid, code, signal }, 'HTTP worker exited; starting another');
    setTimeout(fork, 1000);
  });
  // The banner comes once every worker listens (they share one port, also when PORT=0).
  const port = await new Promise<number>((resolve) => {
    let n = 0;
    const onListening = (_worker: unknown, address: { port: number }) => {
      if (++n < ctx.config.workers) return;
      cluster.off('listening', onListening);
      resolve(address.port);
    };
    cluster.on('listening', onListening);
    for (let i = 0; i < ctx.config.workers; i++) fork();
  });
  await printBanner(ctx, port, ctx.config.workers);
  exitOnSignal(async () => {
    stopping = true;
    const workers = Object.values(cluster.workers ?? {}).filter((w) => w !== undefined);
    await Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((resolve) => {
            w.once('exit', () => resolve());
            w.process.kill('SIGTERM');
          }),
      ),
    );
    await stopJobs(ctx);
    await closePdfBrowser();
    await ctx.database.destroy();
  });
}

/** An HTTP worker of the cluster: no migrations, seeding, schedule clock or job runner (the primary has them). */
async function serveWorker(): Promise<void> {
  const ctx = await openCliContext({ migrate: false });
  const app = await buildApp(ctx);
  await app.listen({ port: ctx.config.port, host: ctx.config.host });
  // Ctrl-C reaches every process of the group; the primary also sends SIGTERM when it stops.
  exitOnSignal(() => closeServer(app, ctx));
}

async function closeServer(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await app.close();
  await ctx.database.destroy();
}

/** Runs `stop` once on Ctrl-C or SIGTERM, then exits. */
function exitOnSignal(stop: () => Promise<void>): void {
  const handler = async () => {
    await stop();
    process.exit(0);
  };
  process.once('SIGINT', handler);
  process.once('SIGTERM', handler);
}
