import { spawnSync } from "node:child_process";
import cluster from "node:cluster";
import fs from "node:fs";
import path from "node:path";
import { WEB_DIST, buildApp } from "../app.js";
import { DEMO_UNIT, DEMO_USERNAMES } from "../modules/org/seed.js";
import { isEmptyInstallation, runSeed } from "../seed.js";
import { openCliContext } from "./context.js";
import { startJobs, stopJobs } from "../jobs/runtime.js";
import { moduleJobHandlers } from "../modules/index.js";
import { closePdfBrowser } from "../modules/reports/pdf.js";
function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}
function ensureWebBuilt() {
  const index = path.join(WEB_DIST, "index.html");
  const webSrc = path.resolve(WEB_DIST, "..");
  const sources = [path.join(webSrc, "src"), path.join(webSrc, "index.html"), path.join(webSrc, "vite.config.ts"), path.resolve(webSrc, "../src/common")];
  const newestSource = Math.max(...sources.filter((p) => fs.existsSync(p)).map((p) => fs.statSync(p).isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs));
  const stale = !fs.existsSync(index) || newestSource > fs.statSync(index).mtimeMs;
  if (!stale) return;
  console.log("\u6B63\u5728\u6784\u5EFA\u7F51\u9875\u7AEF / building the web client (about a minute the first time)\u2026");
  const r = spawnSync("npx", ["vite", "build", "--config", path.join(webSrc, "vite.config.ts")], {
    stdio: "inherit",
    cwd: path.resolve(webSrc, ".."),
    env: { ...process.env, NODE_ENV: "production" }
  });
  if (r.status !== 0) throw new Error("web build failed");
}
async function serve(opts) {
  if (cluster.isWorker) return serveWorker();
  if (opts.buildWeb) ensureWebBuilt();
  const ctx = await openCliContext();
  const firstStart = await isEmptyInstallation(ctx);
  const demo = ctx.config.seedDemo === "always" || ctx.config.seedDemo === "auto" && firstStart;
  await runSeed(ctx, { demo, report: (m) => console.log(m) });
  if (ctx.config.workers > 1) return servePrimary(ctx);
  const app = await buildApp(ctx);
  await app.listen({ port: ctx.config.port, host: ctx.config.host });
  await startJobs(ctx, { handlers: moduleJobHandlers, tickSeconds: ctx.config.schedulerTickSeconds });
  const addr = app.server.address();
  await printBanner(ctx, typeof addr === "object" && addr ? addr.port : ctx.config.port);
  exitOnSignal(() => closeServer(app, ctx));
}
async function printBanner(ctx, port, workers = 1) {
  const host = ctx.config.host === "0.0.0.0" ? "127.0.0.1" : ctx.config.host;
  console.log(`
bizenv \u4F18\u5316\u8425\u5546\u73AF\u5883\u5DE5\u4F5C\u5E73\u53F0 \u5DF2\u542F\u52A8 / is running at http://${host}:${port}`);
  console.log(`\u6570\u636E\u5E93 / database: ${ctx.database.dialect} ${ctx.database.location}`);
  if (workers > 1) console.log(`\u8FDB\u7A0B / processes: ${workers} HTTP workers (pids ${Object.values(cluster.workers ?? {}).map((w) => w?.process.pid).join(", ")}) + primary ${process.pid} (jobs)`);
  console.log(`\u63A5\u53E3\u6587\u6863 / API docs: http://${host}:${port}/api/docs`);
  const existing = await ctx.db.selectFrom("app_user").select("username").where("username", "in", DEMO_USERNAMES).execute();
  if (existing.length) {
    console.log(`\u6F14\u793A\u8D26\u53F7 / demo logins (\u5BC6\u7801 password: ${ctx.config.demoPassword === "Bizenv@2026" ? "Bizenv@2026" : "$BIZENV_DEMO_PASSWORD"}):`);
    console.log(`  ${existing.map((u) => u.username).join(", ")}   (unit_head, liaison \u2192 ${DEMO_UNIT})`);
  }
}
async function servePrimary(ctx) {
  await startJobs(ctx, { handlers: moduleJobHandlers, tickSeconds: ctx.config.schedulerTickSeconds });
  let stopping = false;
  const fork = () => cluster.fork();
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) return;
    ctx.log.error({ workerPid: worker.process.pid, code, signal }, "HTTP worker exited; starting another");
    setTimeout(fork, 1e3);
  });
  const port = await new Promise((resolve) => {
    let n = 0;
    const onListening = (_worker, address) => {
      if (++n < ctx.config.workers) return;
      cluster.off("listening", onListening);
      resolve(address.port);
    };
    cluster.on("listening", onListening);
    for (let i = 0; i < ctx.config.workers; i++) fork();
  });
  await printBanner(ctx, port, ctx.config.workers);
  exitOnSignal(async () => {
    stopping = true;
    const workers = Object.values(cluster.workers ?? {}).filter((w) => w !== void 0);
    await Promise.all(
      workers.map(
        (w) => new Promise((resolve) => {
          w.once("exit", () => resolve());
          w.process.kill("SIGTERM");
        })
      )
    );
    await stopJobs(ctx);
    await closePdfBrowser();
    await ctx.database.destroy();
  });
}
async function serveWorker() {
  const ctx = await openCliContext({ migrate: false });
  const app = await buildApp(ctx);
  await app.listen({ port: ctx.config.port, host: ctx.config.host });
  exitOnSignal(() => closeServer(app, ctx));
}
async function closeServer(app, ctx) {
  await app.close();
  await ctx.database.destroy();
}
function exitOnSignal(stop) {
  const handler = async () => {
    await stop();
    process.exit(0);
  };
  process.once("SIGINT", handler);
  process.once("SIGTERM", handler);
}
export {
  ensureWebBuilt,
  serve
};
//# sourceMappingURL=serve.js.map
