import fs from 'node:fs';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { SYSTEM_ACTOR } from '../context.js';
import { importRegistry } from '../modules/policies/enterprises.import.js';
import { runAllRuleTests } from '../modules/policies/library.service.js';
import { matchPolicies } from '../modules/policies/matching.service.js';
import { exportResults } from '../modules/policies/results.service.js';
import { seedDemoPolicies } from '../modules/policies/seed.js';
import { RESULT_STATUSES, type ResultStatus } from '../common/schemas/policies.js';
import { readUploadFile } from '../http/upload.js';
import { openCliContext, runCommand } from './context.js';

const OFFICE = { ...SYSTEM_ACTOR, role: 'office' as const };

export function registerPolicyCommands(program: Command): void {
  const policies = program.command('policies').description('惠企政策：企业库、规则、匹配与兑现 / enterprise policies');

  policies
    .command('import <file>')
    .description('导入企业库（.xlsx/.csv）；默认只预览 / import the enterprise registry (preview unless --commit)')
    .option('--commit', 'write the rows (all-or-nothing)')
    .option('--keep-valid', 'with --commit: write only the rows without problems')
    .option('--json', 'print the result as JSON')
    .action((file: string, opts: { commit?: boolean; keepValid?: boolean; json?: boolean }) =>
      runCommand(async () => {
        const ctx = await openCliContext();
        const upload = await readUploadFile(file, { maxBytes: ctx.config.uploadMaxBytes });
        const options = { commit: !!opts.commit, keepValid: !!opts.keepValid };
        const view = await importRegistry(ctx, OFFICE, upload.data, upload.filename, options);
        if (opts.json) console.log(JSON.stringify(view, null, 2));
        else {
          for (const p of view.problems)
            console.log(`  第 ${p.row} 行${p.column ? ` ${p.column} 列` : ''}${p.field ? `（${p.field}）` : ''}：${p.message}`);
          console.log(
            `${view.rows} rows, ${view.valid} valid, ${view.problems.length} ` +
              `problems${view.committed ? `; created ${view.created}, updated ${view.updated}` : ' (preview: nothing written)'}`,
          );
        }
        await ctx.database.destroy();
      }),
    );

  policies
    .command('match')
    .description('批量匹配（默认只匹配变化部分） / match enterprises against auto-grant rules')
    .option('--full', 'every enterprise × every auto-grant rule')
    .action((opts: { full?: boolean }) =>
      runCommand(async () => {
        const ctx = await openCliContext();
        const bar = new cliProgress.SingleBar(
          { format: '{bar} {percentage}% | {value}/{total} | {message}', hideCursor: true },
          cliProgress.Presets.shades_classic,
        );
        let started = false;
        const summary = await matchPolicies(ctx, {
          mode: opts.full ? 'full' : 'incremental',
          progress: (done, total, message) => {
            if (!started) bar.start(total, 0, { message: '' });
            started = true;
            bar.update(done, { message: message ?? '' });
          },
        });
        if (started) bar.stop();
        console.log(JSON.stringify(summary));
        await ctx.database.destroy();
      }),
    );

  policies
    .command('test-rules')
    .description('在示例企业上运行所有规则测试 / run every benefit’s example enterprises')
    .action(() =>
      runCommand(async () => {
        const ctx = await openCliContext();
        let failed = 0;
        for (const { code, result } of await runAllRuleTests(ctx)) {
          for (const p of result.problems) console.log(`✗ ${code}: 第 ${p.line} 行第 ${p.column} 列 ${p.message.zh}`);
          for (const e of result.examples) {
            console.log(`${e.pass ? '✓' : '✗'} ${code} · ${e.name}: expected ${e.expected}, got ${e.actual}`);
            if (!e.pass) failed++;
          }
          if (!result.ok) failed++;
        }
        if (failed) process.exitCode = 1;
        await ctx.database.destroy();
      }),
    );

  policies
    .command('export <file>')
    .description('导出匹配与兑现清单（.xlsx） / export a result list')
    .option('--status <status>', `one of ${RESULT_STATUSES.join(', ')}`)
    .action((file: string, opts: { status?: string }) =>
      runCommand(async () => {
        if (opts.status && !(RESULT_STATUSES as readonly string[]).includes(opts.status)) throw new Error(`unknown status ${opts.status}`);
        const ctx = await openCliContext();
        fs.writeFileSync(file, await exportResults(ctx, OFFICE, { status: opts.status as ResultStatus | undefined }));
        console.log(`written ${file}`);
        await ctx.database.destroy();
      }),
    );

  policies
    .command('seed-demo')
    .description('生成演示企业库与政策（幂等） / seed the synthetic registry and demo policies')
    .option('--enterprises <n>', 'registry size', '20000')
    .action((opts: { enterprises: string }) =>
      runCommand(async () => {
        const ctx = await openCliContext();
        console.log(JSON.stringify(await seedDemoPolicies(ctx, { enterprises: Number(opts.enterprises) })));
        await ctx.database.destroy();
      }),
    );
}
