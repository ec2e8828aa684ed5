import { parentPort, workerData } from "node:worker_threads";
import { Columns } from "./columns.js";
import { compileRule } from "./compile.js";
const { snapshot, today } = workerData;
const cols = Columns.fromSnapshot(snapshot);
let out = new Int32Array(0);
parentPort.postMessage({ ready: true });
parentPort.on("message", (req) => {
  try {
    const reply = { id: req.id, ok: true, results: run(req) };
    parentPort.postMessage(reply, reply.results.map((r) => r.buffer).filter((b) => b instanceof ArrayBuffer));
  } catch (e) {
    const reply = { id: req.id, ok: false, error: e instanceof Error ? e.stack ?? e.message : String(e) };
    parentPort.postMessage(reply);
  }
});
function run(req) {
  const { start, end } = req;
  const compiled = req.rules.map(({ rule, text }) => () => compileRule(rule, cols, today, text, { reorder: !req.presorted }));
  if (req.kind === "classify") {
    compiled.forEach((c, k) => c().classify(req.status[k], start, end));
    return [];
  }
  if (out.length < end - start) out = new Int32Array(end - start);
  return compiled.map((c) => out.slice(0, c().matchAll(out, start, end)));
}
//# sourceMappingURL=match-worker.js.map
