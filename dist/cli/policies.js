import fs from "node:fs";
import path from "node:path";
import cliProgress from "cli-progress";
import { SYSTEM_ACTOR } from "../context.js";
import { importRegistry } from "../modules/policies/enterprises.import.js";
import { runAllRuleTests } from "../modules/policies/library.service.js";
import { matchPolicies } from "../modules/policies/matching.service.js";
import { exportResults } from "../modules/policies/results.service.js";
import { seedDemoPolicies } from "../modules/policies/seed.js";
import { RESULT_STATUSES } from "../common/schemas/policies.js";
import { openCliContext, runCommand } from "./context.js";
const OFFICE = { ...SYSTEM_ACTOR, role: "office" };
function registerPolicyCommands(program) {
  const policies = program.command("policies").description("\u60E0\u4F01\u653F\u7B56\uFF1A\u4F01\u4E1A\u5E93\u3001\u89C4\u5219\u3001\u5339\u914D\u4E0E\u5151\u73B0 / enterprise policies");
  policies.command("import <file>").description("\u5BFC\u5165\u4F01\u4E1A\u5E93\uFF08.xlsx/.csv\uFF09\uFF1B\u9ED8\u8BA4\u53EA\u9884\u89C8 / import the enterprise registry (preview unless --commit)").option("--commit", "write the rows (all-or-nothing)").option("--keep-valid", "with --commit: write only the rows without problems").option("--json", "print the result as JSON").action(
    (file, opts) => runCommand(async () => {
      const ctx = await openCliContext();
      const view = await importRegistry(ctx, OFFICE, fs.readFileSync(file), path.basename(file), { commit: !!opts.commit, keepValid: !!opts.keepValid });
      if (opts.json) console.log(JSON.stringify(view, null, 2));
      else {
        for (const p of view.problems) console.log(`  \u7B2C ${p.row} \u884C${p.column ? ` ${p.column} \u5217` : ""}${p.field ? `\uFF08${p.field}\uFF09` : ""}\uFF1A${p.message}`);
        console.log(`${view.rows} rows, ${view.valid} valid, ${view.problems.length} problems${view.committed ? `; created ${view.created}, updated ${view.updated}` : " (preview: nothing written)"}`);
      }
      await ctx.database.destroy();
    })
  );
  policies.command("match").description("\u6279\u91CF\u5339\u914D\uFF08\u9ED8\u8BA4\u53EA\u5339\u914D\u53D8\u5316\u90E8\u5206\uFF09 / match enterprises against auto-grant rules").option("--full", "every enterprise \xD7 every auto-grant rule").action(
    (opts) => runCommand(async () => {
      const ctx = await openCliContext();
      const bar = new cliProgress.SingleBar({ format: "{bar} {percentage}% | {value}/{total} | {message}", hideCursor: true }, cliProgress.Presets.shades_classic);
      let started = false;
      const summary = await matchPolicies(ctx, {
        mode: opts.full ? "full" : "incremental",
        progress: (done, total, message) => {
          if (!started) bar.start(total, 0, { message: "" });
          started = true;
          bar.update(done, { message: message ?? "" });
        }
      });
      if (started) bar.stop();
      console.log(JSON.stringify(summary));
      await ctx.database.destroy();
    })
  );
  policies.command("test-rules").description("\u5728\u793A\u4F8B\u4F01\u4E1A\u4E0A\u8FD0\u884C\u6240\u6709\u89C4\u5219\u6D4B\u8BD5 / run every benefit\u2019s example enterprises").action(
    () => runCommand(async () => {
      const ctx = await openCliContext();
      let failed = 0;
      for (const { code, result } of await runAllRuleTests(ctx)) {
        for (const p of result.problems) console.log(`\u2717 ${code}: \u7B2C ${p.line} \u884C\u7B2C ${p.column} \u5217 ${p.message}`);
        for (const e of result.examples) {
          console.log(`${e.pass ? "\u2713" : "\u2717"} ${code} \xB7 ${e.name}: expected ${e.expected}, got ${e.actual}`);
          if (!e.pass) failed++;
        }
        if (!result.ok) failed++;
      }
      if (failed) process.exitCode = 1;
      await ctx.database.destroy();
    })
  );
  policies.command("export <file>").description("\u5BFC\u51FA\u5339\u914D\u4E0E\u5151\u73B0\u6E05\u5355\uFF08.xlsx\uFF09 / export a result list").option("--status <status>", `one of ${RESULT_STATUSES.join(", ")}`).action(
    (file, opts) => runCommand(async () => {
      if (opts.status && !RESULT_STATUSES.includes(opts.status)) throw new Error(`unknown status ${opts.status}`);
      const ctx = await openCliContext();
      fs.writeFileSync(file, await exportResults(ctx, OFFICE, { status: opts.status }));
      console.log(`written ${file}`);
      await ctx.database.destroy();
    })
  );
  policies.command("seed-demo").description("\u751F\u6210\u6F14\u793A\u4F01\u4E1A\u5E93\u4E0E\u653F\u7B56\uFF08\u5E42\u7B49\uFF09 / seed the synthetic registry and demo policies").option("--enterprises <n>", "registry size", "20000").action(
    (opts) => runCommand(async () => {
      const ctx = await openCliContext();
      console.log(JSON.stringify(await seedDemoPolicies(ctx, { enterprises: Number(opts.enterprises) })));
      await ctx.database.destroy();
    })
  );
}
export {
  registerPolicyCommands
};
//# sourceMappingURL=policies.js.map
