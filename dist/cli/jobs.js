import fs from "node:fs";
import path from "node:path";
import cliProgress from "cli-progress";
import { SYSTEM_ACTOR } from "../context.js";
import { listSchedules } from "../jobs/jobs.service.js";
import { enqueueJobByName, getJobRun, startJobs, stopJobs } from "../jobs/runtime.js";
import { importCalendarDays } from "../modules/calendar/calendar.service.js";
import { openCliContext, runCommand } from "./context.js";
async function followJobRun(ctx, id) {
  const bar = new cliProgress.SingleBar({ format: "{bar} {percentage}% | {value}/{total} | {message}", hideCursor: true }, cliProgress.Presets.shades_classic);
  let started = false;
  for (; ; ) {
    const run = await getJobRun(ctx, id);
    if (!run) throw new Error(`no job run ${id}`);
    if (run.progress.total) {
      if (!started) bar.start(run.progress.total, run.progress.done, { message: run.message ?? "" });
      started = true;
      bar.update(run.progress.done, { message: run.message ?? "" });
    }
    if (run.status === "succeeded" || run.status === "failed") {
      if (started) bar.stop();
      console.log(`${run.name} #${run.id}: ${run.status}${run.error ? ` \u2014 ${run.error}` : ""}`);
      if (run.result !== null) console.log(JSON.stringify(run.result, null, 2));
      return run.status;
    }
    await new Promise((r) => setTimeout(r, 300));
  }
}
function registerJobCommands(program) {
  const jobs = program.command("jobs").description("\u5B9A\u65F6\u4EFB\u52A1\u4E0E\u540E\u53F0\u4EFB\u52A1 / schedules and background jobs");
  jobs.command("list").description("\u5B9A\u65F6\u4EFB\u52A1\u53CA\u4E0A\u6B21/\u4E0B\u6B21\u6267\u884C / schedules with last and next run").action(
    () => runCommand(async () => {
      const ctx = await openCliContext();
      for (const s of await listSchedules(ctx)) {
        console.log(`${s.name.padEnd(30)} ${s.cron.padEnd(14)} ${s.enabled ? "on " : "off"} next ${s.nextRunAt ?? "-"}  last ${s.lastRunAt ?? "-"} ${s.lastStatus ?? ""}  ${s.label.zh}`);
      }
      await stopJobs(ctx);
      await ctx.database.destroy();
    })
  );
  jobs.command("run <name>").description("\u7ACB\u5373\u6267\u884C\u5E76\u663E\u793A\u8FDB\u5EA6 / run a job now and show its progress").option("--payload <json>", "payload as JSON", "{}").action(
    (name, opts) => runCommand(async () => {
      const ctx = await openCliContext();
      try {
        const run = await enqueueJobByName(ctx, name, JSON.parse(opts.payload), { actorId: null });
        const { moduleJobHandlers } = await import("../modules/index.js");
        await startJobs(ctx, { handlers: moduleJobHandlers });
        const status = await followJobRun(ctx, run.id);
        if (status !== "succeeded") process.exitCode = 1;
      } finally {
        await stopJobs(ctx);
        await ctx.database.destroy();
      }
    })
  );
  jobs.command("status <id>").description("\u67E5\u770B\u4EFB\u52A1\u8FDB\u5EA6\uFF08\u76F4\u5230\u7ED3\u675F\uFF09 / follow a run until it ends").action(
    (id) => runCommand(async () => {
      const ctx = await openCliContext();
      try {
        await followJobRun(ctx, Number(id));
      } finally {
        await ctx.database.destroy();
      }
    })
  );
  program.command("calendar").description("\u5DE5\u4F5C\u65E5\u5386 / the working-day calendar").command("import <file>").description("\u5BFC\u5165\u56FD\u52A1\u9662\u8282\u5047\u65E5\u5B89\u6392\uFF08CSV\uFF1Adate,type,name \u6216 JSON\uFF09 / import the State Council holiday schedule").action(
    (file) => runCommand(async () => {
      const ctx = await openCliContext();
      try {
        const format = path.extname(file).toLowerCase() === ".json" ? "json" : "csv";
        const result = await importCalendarDays(ctx, SYSTEM_ACTOR, { format, content: fs.readFileSync(file, "utf8") });
        console.log(`added ${result.added}, updated ${result.updated}, unchanged ${result.unchanged}; years ${result.years.join(", ")}`);
      } finally {
        await ctx.database.destroy();
      }
    })
  );
}
export {
  followJobRun,
  registerJobCommands
};
//# sourceMappingURL=jobs.js.map
