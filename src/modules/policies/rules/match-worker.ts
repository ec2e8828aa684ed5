import { parentPort, workerData } from 'node:worker_threads';
import { Columns, type ColumnsSnapshot } from './columns.js';
import { compileRule } from './compile.js';
import type { WorkerRequest, WorkerReply } from './parallel.js';

/*
 * A matching worker thread: it reads the enterprise columns from the shared memory of the main
 * thread's Columns (nothing copied), compiles each rule it is sent, and evaluates it over the
 * slice of rows [start, end) the request names.
 */
const { snapshot, today } = workerData as { snapshot: ColumnsSnapshot; today: number };
const cols = Columns.fromSnapshot(snapshot);
let out = new Int32Array(0);
parentPort!.postMessage({ ready: true });

parentPort!.on('message', (req: WorkerRequest) => {
  try {
    const reply: WorkerReply = { id: req.id, ok: true, results: run(req) };
    parentPort!.postMessage(
      reply,
      reply.results.map((r) => r.buffer).filter((b): b is ArrayBuffer => b instanceof ArrayBuffer),
    );
  } catch (e) {
    const reply: WorkerReply = { id: req.id, ok: false, error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
    parentPort!.postMessage(reply);
  }
});

function run(req: WorkerRequest): Int32Array[] {
  const { start, end } = req;
  const compiled = req.rules.map(
    ({ rule, text }) =>
      () =>
        compileRule(rule, cols, today, text, { reorder: !req.presorted }),
  );
  if (req.kind === 'classify') {
    // The status arrays are shared: each worker writes its own rows; there is nothing to send back.
    compiled.forEach((c, k) => c().classify(req.status[k]!, start, end));
    return [];
  }
  // Each rule's matches are copied out of the scratch buffer, then transferred (not copied again).
  if (out.length < end - start) out = new Int32Array(end - start);
  return compiled.map((c) => out.slice(0, c().matchAll(out, start, end)));
}
