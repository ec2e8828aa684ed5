import path from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { backupDatabase, restoreDatabase } from '../db/backup.js';
import { migrateToLatest } from '../db/migrate.js';
import { runSeed } from '../seed.js';
import { openCliContext, runCommand } from './context.js';
import { serve } from './serve.js';

export function registerSystemCommands(program: Command): void {
  program
    .command('serve')
    .description('启动服务 / start the server (migrates, seeds the demo on first start)')
    .option('--build-web', 'build the web client first when it is missing or out of date')
    .action((opts: { buildWeb?: boolean }) => runCommand(() => serve(opts)));

  program
    .command('migrate')
    .description('迁移数据库到最新结构 / bring the database schema up to date (idempotent)')
    .action(() =>
      runCommand(async () => {
        const ctx = await openCliContext({ migrate: false });
        const { applied } = await migrateToLatest(ctx.db);
        console.log(applied.length ? `applied: ${applied.join(', ')}` : 'already up to date');
        await ctx.database.destroy();
      }),
    );

  program
    .command('seed')
    .description('载入参考单位和演示数据 / load the reference units and the demo data (idempotent)')
    .option('--no-demo', 'reference units only')
    .action((opts: { demo: boolean }) =>
      runCommand(async () => {
        const ctx = await openCliContext();
        await runSeed(ctx, { demo: opts.demo, report: (m) => console.log(m) });
        await ctx.database.destroy();
      }),
    );

  program
    .command('backup')
    .description('在线备份 / back up while the server runs (SQLite copy or pg_dump)')
    .requiredOption('--out <file>', 'backup file')
    .action((opts: { out: string }) =>
      runCommand(async () => {
        const ctx = await openCliContext({ migrate: false });
        let last = -1;
        await backupDatabase(ctx.database, path.resolve(opts.out), (done, total) => {
          const pct = total ? Math.floor((done / total) * 100) : 100;
          if (pct !== last) process.stderr.write(`\rbackup ${pct}%`);
          last = pct;
        });
        process.stderr.write('\n');
        console.log(`backup written: ${path.resolve(opts.out)}`);
        await ctx.database.destroy();
      }),
    );

  program
    .command('restore <file>')
    .description('从备份恢复（先停止服务） / restore a backup (stop the server first)')
    .option('--yes', 'confirm that the current data will be replaced')
    .action((file: string, opts: { yes?: boolean }) =>
      runCommand(async () => {
        if (!opts.yes) throw new Error('restore replaces all current data: run again with --yes to confirm');
        const config = loadConfig();
        restoreDatabase(
          config.databaseUrl ? { connectionString: config.databaseUrl } : { sqliteFile: path.join(config.dataDir, 'bizenv.sqlite') },
          path.resolve(file),
        );
        console.log('restored; run `bizenv migrate` if the backup is from an older version');
      }),
    );
}
