import { createContext } from "../app.js";
import { ConfigError, loadConfig } from "../config.js";
import { migrateToLatest } from "../db/migrate.js";
async function openCliContext(opts = {}) {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const ctx = createContext({ ...config, logLevel: process.env.LOG_LEVEL ? config.logLevel : "warn" });
  if (opts.migrate !== false) await migrateToLatest(ctx.db);
  return ctx;
}
async function runCommand(fn) {
  try {
    await fn();
  } catch (err) {
    const e = err;
    if (e.toBody) {
      const body = e.toBody("zh");
      console.error(`\u9519\u8BEF / error ${e.code}: ${body.message}`);
      for (const d of body.details ?? []) console.error(`  - ${d.path ? `${d.path}: ` : ""}${d.message}`);
    } else {
      console.error(err instanceof Error ? err.message : String(err));
    }
    process.exitCode = 1;
  }
}
export {
  openCliContext,
  runCommand
};
//# sourceMappingURL=context.js.map
