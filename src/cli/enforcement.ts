import type { Command } from 'commander';
import { verifyPlanDraw } from '../modules/enforcement/inspections.service.js';
import { openCliContext, runCommand } from './context.js';

export function registerEnforcementCommands(program: Command): void {
  const enforcement = program.command('enforcement').description('法治环境：双随机抽查 / enforcement and random inspections');

  enforcement
    .command('verify-draw <planId>')
    .description('用公布的种子和对象库快照复核抽取结果 / re-run a draw from its published seed and snapshot')
    .option('--json', 'print the result as JSON')
    .action((planId: string, opts: { json?: boolean }) =>
      runCommand(async () => {
        const ctx = await openCliContext();
        try {
          const id = Number(planId);
          if (!Number.isInteger(id) || id <= 0) throw new Error(`计划编号应为正整数 / a plan id is a positive whole number: ${planId}`);
          const v = await verifyPlanDraw(ctx.db, id);
          if (opts.json) console.log(JSON.stringify({ planId: id, ...v }));
          else {
            const mark = (ok: boolean) => (ok ? '一致 / ok' : '不一致 / MISMATCH');
            console.log(`承诺值 SHA-256(种子) / commitment: ${mark(v.checks.commitment)}`);
            console.log(`对象库快照哈希 / snapshot hash: ${mark(v.checks.snapshot)}`);
            console.log(`重新抽取的 ${v.visits} 户与公布结果 / re-run of ${v.visits} visits: ${mark(v.checks.visits)}`);
            console.log(v.matches ? '抽取结果可复核，与公布一致 / the draw verifies' : '抽取结果与公布不一致 / the draw does NOT verify');
            // Where anyone else gets the same data to re-run it without the platform (verify-draw.py).
            const base = `${ctx.config.notify.publicUrl ?? ''}/api/v1/enforcement/public`;
            console.log(`公开数据 / public data: ${base}/plans/${id}  ${base}/plans/${id}/snapshot  ${base}/verify-draw.py`);
          }
          // Exit code 0 only when everything matches, so scripts can rely on it.
          if (!v.matches) process.exitCode = 3;
        } finally {
          await ctx.database.destroy();
        }
      }),
    );
}
