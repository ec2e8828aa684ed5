import path from "node:path";
import { loadConfig } from "../config.js";
import { backupDatabase, restoreDatabase } from "../db/backup.js";
import { migrateToLatest } from "../db/migrate.js";
import { runSeed } from "../seed.js";
import { openCliContext, runCommand } from "./context.js";
import { serve } from "./serve.js";
function registerSystemCommands(program) {
  program.command("serve").description("\u542F\u52A8\u670D\u52A1 / start the server (migrates, seeds the demo on first start)").option("--build-web", "build the web client first when it is missing or out of date").action((opts) => runCommand(() => serve(opts)));
  program.command("migrate").description("\u8FC1\u79FB\u6570\u636E\u5E93\u5230\u6700\u65B0\u7ED3\u6784 / bring the database schema up to date (idempotent)").action(
    () => runCommand(async () => {
      const ctx = await openCliContext({ migrate: false });
      const { applied } = await migrateToLatest(ctx.db);
      console.log(applied.length ? `applied: ${applied.join(", ")}` : "already up to date");
      await ctx.database.destroy();
    })
  );
  program.command("seed").description("\u8F7D\u5165\u53C2\u8003\u5355\u4F4D\u548C\u6F14\u793A\u6570\u636E / load the reference units and the demo data (idempotent)").option("--no-demo", "reference units only").action(
    (opts) => runCommand(async () => {
      const ctx = await openCliContext();
      await runSeed(ctx, { demo: opts.demo, report: (m) => console.log(m) });
      await ctx.database.destroy();
    })
  );
  program.command("backup").description("\u5728\u7EBF\u5907\u4EFD / back up while the server runs (SQLite copy or pg_dump)").requiredOption("--out <file>", "backup file").action(
    (opts) => runCommand(async () => {
      const ctx = await openCliContext({ migrate: false });
      let last = -1;
      await backupDatabase(ctx.database, path.resolve(opts.out), (done, total) => {
        const pct = total ? Math.floor(done / total * 100) : 100;
        if (pct !== last) process.stderr.write(`\rbackup ${pct}%`);
        last = pct;
      });
      process.stderr.write("\n");
      console.log(`backup written: ${path.resolve(opts.out)}`);
      await ctx.database.destroy();
    })
  );
  program.command("restore <file>").description("\u4ECE\u5907\u4EFD\u6062\u590D\uFF08\u5148\u505C\u6B62\u670D\u52A1\uFF09 / restore a backup (stop the server first)").option("--yes", "confirm that the current data will be replaced").action(
    (file, opts) => runCommand(async () => {
      if (!opts.yes) throw new Error("restore replaces all current data: run again with --yes to confirm");
      const config = loadConfig();
      restoreDatabase(
        config.databaseUrl ? { connectionString: config.databaseUrl } : { sqliteFile: path.join(config.dataDir, "bizenv.sqlite") },
        path.resolve(file)
      );
      console.log("restored; run `bizenv migrate` if the backup is from an older version");
    })
  );
}
export {
  registerSystemCommands
};
//# sourceMappingURL=system.js.map
