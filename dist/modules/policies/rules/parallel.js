import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { compileRule, orderedForScan } from "./compile.js";
import { FIELDS } from "./fields.js";
import { walkRule } from "./walk.js";
const PARALLEL_MIN_ROWS = 1e5;
const HERE = new URL(import.meta.url);
const WORKER_URL = new URL(`./match-worker${path.extname(HERE.pathname)}`, HERE);
function startWorker(workerData) {
  if (!WORKER_URL.pathname.endsWith(".ts")) return new Worker(WORKER_URL, { workerData });
  const tsxApi = pathToFileURL(createRequire(import.meta.url).resolve("tsx/esm/api")).href.replace(/\.cjs$/, ".mjs");
  const boot = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER_URL.href)}); });`;
  return new Worker(boot, { eval: true, workerData });
}
function needsStrings(rule) {
  return walkRule(rule, { expr: (e) => e.type === "field" && FIELDS[e.name]?.type === "string" });
}
class RuleMatcher {
  constructor(cols, today, slots) {
    this.cols = cols;
    this.today = today;
    this.slots = slots;
  }
  cols;
  today;
  slots;
  nextId = 1;
  /** Worker threads in use (0: matching in the calling thread). */
  get threads() {
    return this.slots.length;
  }
  /** Starts the worker threads (resolved once each has loaded the columns), or none for small or unshared columns. */
  static async open(cols, today, opts = {}) {
    const threads = opts.threads ?? Math.min(4, os.availableParallelism());
    if (threads < 2 || !cols.shared || cols.n < (opts.minRows ?? PARALLEL_MIN_ROWS)) return new RuleMatcher(cols, today, []);
    const snapshot = cols.snapshot();
    const started = [];
    const slots = await Promise.all(
      Array.from({ length: threads }, () => {
        const worker = startWorker({ snapshot, today });
        started.push(worker);
        const slot = { worker, pending: /* @__PURE__ */ new Map() };
        return new Promise((resolve, reject) => {
          const fail = (e) => {
            reject(e);
            for (const p of slot.pending.values()) p.reject(e);
            slot.pending.clear();
          };
          worker.on("error", fail);
          worker.on("exit", (code) => fail(new Error(`matching worker exited (${code})`)));
          worker.on("message", (m) => {
            if ("ready" in m) return resolve(slot);
            const p = slot.pending.get(m.id);
            slot.pending.delete(m.id);
            if (m.ok) p?.resolve(m.results);
            else p?.reject(new Error(`matching worker: ${m.error}`));
          });
        });
      })
    ).catch(async (e) => {
      await Promise.all(started.map((w) => w.terminate()));
      throw e;
    });
    return new RuleMatcher(cols, today, slots);
  }
  send(slot, req) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      slot.pending.set(id, { resolve, reject });
      slot.worker.postMessage({ ...req, id });
    });
  }
  /** The slice of rows of worker k of the pool. */
  range(k) {
    const t = this.slots.length;
    return { start: Math.floor(this.cols.n * k / t), end: Math.floor(this.cols.n * (k + 1) / t) };
  }
  /** The matching row indexes of each rule, in row order (as CompiledRule.matchAll gives them). */
  async match(rules, split = "auto") {
    const result = new Array(rules.length);
    const remote = this.slots.length ? [...rules.keys()].filter((k) => !needsStrings(rules[k].rule)) : [];
    const byRules = split === "rules" || split === "auto" && remote.length >= 4 * this.slots.length;
    const done = remote.length ? byRules ? this.matchByRules(rules, remote, result) : this.matchByRows(rules, remote, result) : Promise.resolve();
    const local = [...rules.keys()].filter((k) => !remote.includes(k));
    if (local.length) {
      const out = new Int32Array(this.cols.n);
      for (const k of local) result[k] = out.slice(0, compileRule(rules[k].rule, this.cols, this.today, rules[k].text).matchAll(out));
    }
    await done;
    return result;
  }
  async matchByRows(rules, remote, result) {
    const ordered = remote.map((k) => ({ rule: orderedForScan(rules[k].rule, this.cols, this.today), text: rules[k].text }));
    const bySlot = await Promise.all(this.slots.map((s, j) => this.send(s, { kind: "match", rules: ordered, ...this.range(j), presorted: true })));
    remote.forEach((k, j) => {
      const pieces = bySlot.map((r) => r[j]);
      const joined = new Int32Array(pieces.reduce((sum, p) => sum + p.length, 0));
      let at = 0;
      for (const p of pieces) {
        joined.set(p, at);
        at += p.length;
      }
      result[k] = joined;
    });
  }
  async matchByRules(rules, remote, result) {
    let next = 0;
    const all = { start: 0, end: this.cols.n };
    await Promise.all(
      this.slots.map(async (s) => {
        while (next < remote.length) {
          const k = remote[next++];
          [result[k]] = await this.send(s, { kind: "match", rules: [rules[k]], ...all, presorted: false });
        }
      })
    );
  }
  /**
   * Per rule, a status per row: MATCHED, NEAR_MISS (exactly one top-level condition fails) or
   * NO_MATCH (see CompiledRule.classify). The workers split the rows.
   */
  async classify(rules) {
    const parallel = this.slots.length > 0 && !rules.some((r) => needsStrings(r.rule));
    const status = rules.map(() => new Uint8Array(parallel ? new SharedArrayBuffer(this.cols.n) : new ArrayBuffer(this.cols.n)));
    if (!parallel) {
      rules.forEach((r, k) => compileRule(r.rule, this.cols, this.today, r.text).classify(status[k]));
      return status;
    }
    const ordered = rules.map((r) => ({ rule: orderedForScan(r.rule, this.cols, this.today), text: r.text }));
    await Promise.all(this.slots.map((s, j) => this.send(s, { kind: "classify", rules: ordered, status, ...this.range(j), presorted: true })));
    return status;
  }
  /** Stops the worker threads. */
  async close() {
    await Promise.all(
      this.slots.map((s) => {
        s.worker.removeAllListeners("exit");
        return s.worker.terminate();
      })
    );
    this.slots.length = 0;
  }
}
export {
  PARALLEL_MIN_ROWS,
  RuleMatcher
};
//# sourceMappingURL=parallel.js.map
