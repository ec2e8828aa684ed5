import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { WEB_DIST, buildApp } from '../app.js';
import { DEMO_UNIT, DEMO_USERNAMES } from '../modules/org/seed.js';
import { isEmptyInstallation, runSeed } from '../seed.js';
import { openCliContext } from './context.js';
import { startJobs } from '../jobs/runtime.js';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

/** Builds the web client when it is missing or older than its sources. */
export function ensureWebBuilt(): void {
  const index = path.join(WEB_DIST, 'index.html');
  const webSrc = path.resolve(WEB_DIST, '..');
  // The client also bundles the shared tables and labels of src/common.
  const sources = [path.join(webSrc, 'src'), path.join(webSrc, 'index.html'), path.join(webSrc, 'vite.config.ts'), path.resolve(webSrc, '../src/common')];
  const newestSource = Math.max(...sources.filter((p) => fs.existsSync(p)).map((p) => (fs.statSync(p).isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs)));
  const stale = !fs.existsSync(index) || newestSource > fs.statSync(index).mtimeMs;
  if (!stale) return;
  console.log('正在构建网页端 / building the web client (about a minute the first time)…');
  // NODE_ENV is forced: under vitest it is 'test', which would make Vite bundle React and antd's development builds.
  const r = spawnSync('npx', ['vite', 'build', '--config', path.join(webSrc, 'vite.config.ts')], {
    stdio: 'inherit',
    cwd: path.resolve(webSrc, '..'),
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (r.status !== 0) throw new Error('web build failed');
}

export async function serve(opts: { buildWeb?: boolean }): Promise<void> {
  if (opts.buildWeb) ensureWebBuilt();
  const ctx = await openCliContext();
  const firstStart = await isEmptyInstallation(ctx);
  const demo = ctx.config.seedDemo === 'always' || (ctx.config.seedDemo === 'auto' && firstStart);
  await runSeed(ctx, { demo, report: (m) => console.log(m) });
  const app = await buildApp(ctx);
  await app.listen({ port: ctx.config.port, host: ctx.config.host });
  // Workers and the schedule clock; app.close() stops them (see buildApp).
  await startJobs(ctx, { tickSeconds: ctx.config.schedulerTickSeconds });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : ctx.config.port;
  const host = ctx.config.host === '0.0.0.0' ? '127.0.0.1' : ctx.config.host;
  console.log(`\nbizenv 优化营商环境工作平台 已启动 / is running at http://${host}:${port}`);
  console.log(`数据库 / database: ${ctx.database.dialect} ${ctx.database.location}`);
  console.log(`接口文档 / API docs: http://${host}:${port}/api/docs`);
  const existing = await ctx.db.selectFrom('app_user').select('username').where('username', 'in', DEMO_USERNAMES).execute();
  if (existing.length) {
    console.log(`演示账号 / demo logins (密码 password: ${ctx.config.demoPassword === 'Bizenv@2026' ? 'Bizenv@2026' : '$BIZENV_DEMO_PASSWORD'}):`);
    console.log(`  ${existing.map((u) => u.username).join(', ')}   (unit_head, liaison → ${DEMO_UNIT})`);
  }
  const stop = async () => {
    await app.close();
    await ctx.database.destroy();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
