import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../../common/errors.js';
import type { Resolved } from './check.js';
import type { Columns } from './columns.js';
import { compileRule, orderedForScan } from './compile.js';
import { FIELDS } from './fields.js';
import { walkRule } from './walk.js';

/*
 * Matching on several cores: worker threads share the enterprise columns (SharedArrayBuffers, see
 * Columns `shared`; nothing is copied to them) and compile the rules themselves. A batch of many
 * rules is shared out rule by rule, each rule evaluated whole by one worker; a few rules (the
 * matching job classifies one benefit at a time) are evaluated by every worker over its slice of
 * the rows, and the main thread joins the slices in row order. Either way the results are exactly
 * those of matching in one thread. Small registries (tests, a city's demo data) stay in the
 * calling thread, where starting workers would cost more than it saves.
 */

export interface RuleJob {
  rule: Resolved;
  /** The rule text (for the compiled rule's explanations; positions refer to it). */
  text: string;
}

export type WorkerRequest = {
  id: number;
  rules: RuleJob[];
  /** The rows to evaluate. */
  start: number;
  end: number;
  /** The rules arrive in scan order already (orderedForScan in the main thread). */
  presorted: boolean;
} & ({ kind: 'match' } | { kind: 'classify'; status: Uint8Array[] });
export type WorkerReply = { id: number; ok: true; results: Int32Array[] } | { id: number; ok: false; error: string };

/** Below this many enterprises matching stays in the calling thread. */
export const PARALLEL_MIN_ROWS = 100_000;

export interface MatcherOptions {
  /** Worker threads to use; default: the cores available, at most 4. 0 or 1: in the calling thread. */
  threads?: number;
  /** Registries smaller than this are matched in the calling thread (default PARALLEL_MIN_ROWS). */
  minRows?: number;
}

const HERE = new URL(import.meta.url);
/** The worker file beside this one, with this file's extension (.ts when run from source). */
const WORKER_URL = new URL(`./match-worker${path.extname(HERE.pathname)}`, HERE);

/**
 * A worker running the TypeScript source needs the tsx loader. Node 20 applies neither the loader
 * hooks of the parent thread (`node --import tsx`, vitest) nor those registered at run time
 * (bin/bizenv calls tsx's register()) to worker threads, so such a worker starts from a small
 * bootstrap that registers tsx in the worker, then imports the worker module.
 */
function startWorker(workerData: unknown): Worker {
  if (!WORKER_URL.pathname.endsWith('.ts')) return new Worker(WORKER_URL, { workerData });
  const tsxApi = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api')).href.replace(/\.cjs$/, '.mjs');
  const boot = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER_URL.href)}); });`;
  return new Worker(boot, { eval: true, workerData });
}

/** Rules that name the enterprise's USCC or name need the string columns, which stay in the main thread. */
function needsStrings(rule: Resolved): boolean {
  return walkRule(rule, { expr: (e) => e.type === 'field' && FIELDS[e.name]?.type === 'string' });
}

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

interface Slot {
  worker: Worker;
  pending: Map<number, { resolve: (r: Int32Array[]) => void; reject: (e: Error) => void }>;
  /** Set once the worker has died: its pending and all later calls fail with it instead of waiting forever. */
  failure?: AppError;
}

/** A worker that died (out of memory, killed, a crash in native code) fails the matcher for good. */
function workerFailure(k: number, cause: string): AppError {
  const message = `计算线程 ${k} 已终止：${cause} / matching thread ${k} stopped: ${cause}`;
  return new AppError('MATCHING_WORKER_FAILED', [{ path: `worker[${k}]`, message }]);
}

/**
 * How a batch of rules is shared out. `rows`: every worker evaluates every rule over its slice of
 * the enterprises (the rules are ordered for scanning once, in the main thread). `rules`: each
 * rule goes whole to the next free worker, so each is compiled (and optimised by V8) once, not
 * once per worker. `auto`: `rules` for batches of at least 4 rules per worker, else `rows`.
 */
export type Split = 'rows' | 'rules' | 'auto';

export class RuleMatcher {
  private nextId = 1;
  private constructor(
    readonly cols: Columns,
    readonly today: number,
    private readonly slots: Slot[],
  ) {}

  /** Worker threads in use (0: matching in the calling thread). */
  get threads(): number {
    return this.slots.length;
  }

  /** Starts the worker threads (resolved once each has loaded the columns), or none for small or unshared columns. */
  static async open(cols: Columns, today: number, opts: MatcherOptions = {}): Promise<RuleMatcher> {
    const threads = opts.threads ?? Math.min(4, os.availableParallelism());
    if (threads < 2 || !cols.shared || cols.n < (opts.minRows ?? PARALLEL_MIN_ROWS)) return new RuleMatcher(cols, today, []);
    const snapshot = cols.snapshot();
    const started: Worker[] = [];
    const slots = await Promise.all(
      Array.from({ length: threads }, (_, k) => {
        const worker = startWorker({ snapshot, today });
        started.push(worker);
        const slot: Slot = { worker, pending: new Map() };
        return new Promise<Slot>((resolve, reject) => {
          const fail = (cause: string) => {
            slot.failure ??= workerFailure(k, cause);
            reject(slot.failure);
            for (const p of slot.pending.values()) p.reject(slot.failure);
            slot.pending.clear();
          };
          worker.on('error', (e) => fail(e.message));
          worker.on('exit', (code) => fail(`exit code ${code}`));
          worker.on('message', (m: WorkerReply | { ready: true }) => {
            if ('ready' in m) return resolve(slot);
            const p = slot.pending.get(m.id);
            slot.pending.delete(m.id);
            if (m.ok) p?.resolve(m.results);
            else p?.reject(new Error(`matching worker: ${m.error}`));
          });
        });
      }),
    ).catch(async (e: unknown) => {
      await Promise.all(started.map((w) => w.terminate()));
      throw e;
    });
    return new RuleMatcher(cols, today, slots);
  }

  private send(slot: Slot, req: WithoutId<WorkerRequest>): Promise<Int32Array[]> {
    const id = this.nextId++;
    // One dead worker leaves its slice of rows (or its share of rules) unanswered: no call can succeed.
    const failure = this.slots.find((s) => s.failure)?.failure;
    if (failure) return Promise.reject(failure);
    return new Promise((resolve, reject) => {
      slot.pending.set(id, { resolve, reject });
      slot.worker.postMessage({ ...req, id } as WorkerRequest);
    });
  }

  /** The slice of rows of worker k of the pool. */
  private range(k: number): { start: number; end: number } {
    const t = this.slots.length;
    return { start: Math.floor((this.cols.n * k) / t), end: Math.floor((this.cols.n * (k + 1)) / t) };
  }

  /** The matching row indexes of each rule, in row order (as CompiledRule.matchAll gives them). */
  async match(rules: RuleJob[], split: Split = 'auto'): Promise<Int32Array[]> {
    const result = new Array<Int32Array>(rules.length);
    const remote = this.slots.length ? [...rules.keys()].filter((k) => !needsStrings(rules[k]!.rule)) : [];
    const byRules = split === 'rules' || (split === 'auto' && remote.length >= 4 * this.slots.length);
    const done = remote.length
      ? byRules
        ? this.matchByRules(rules, remote, result)
        : this.matchByRows(rules, remote, result)
      : Promise.resolve();
    // Rules naming the USCC or the name run here meanwhile.
    const local = [...rules.keys()].filter((k) => !remote.includes(k));
    if (local.length) {
      const out = new Int32Array(this.cols.n);
      for (const k of local) result[k] = out.slice(0, compileRule(rules[k]!.rule, this.cols, this.today, rules[k]!.text).matchAll(out));
    }
    await done;
    return result;
  }

  private async matchByRows(rules: RuleJob[], remote: number[], result: Int32Array[]): Promise<void> {
    const ordered = remote.map((k) => ({ rule: orderedForScan(rules[k]!.rule, this.cols, this.today), text: rules[k]!.text }));
    const bySlot = await Promise.all(
      this.slots.map((s, j) => this.send(s, { kind: 'match', rules: ordered, ...this.range(j), presorted: true })),
    );
    remote.forEach((k, j) => {
      const pieces = bySlot.map((r) => r[j]!);
      const joined = new Int32Array(pieces.reduce((sum, p) => sum + p.length, 0));
      let at = 0;
      for (const p of pieces) {
        joined.set(p, at);
        at += p.length;
      }
      result[k] = joined;
    });
  }

  private async matchByRules(rules: RuleJob[], remote: number[], result: Int32Array[]): Promise<void> {
    let next = 0;
    const all = { start: 0, end: this.cols.n };
    // Each worker takes the next rule as soon as it is free: rules differ a lot in cost.
    await Promise.all(
      this.slots.map(async (s) => {
        while (next < remote.length) {
          const k = remote[next++]!;
          [result[k]] = (await this.send(s, { kind: 'match', rules: [rules[k]!], ...all, presorted: false })) as [Int32Array];
        }
      }),
    );
  }

  /**
   * Per rule, a status per row: MATCHED, NEAR_MISS (exactly one top-level condition fails) or
   * NO_MATCH (see CompiledRule.classify). The workers split the rows.
   */
  async classify(rules: RuleJob[]): Promise<Uint8Array[]> {
    const parallel = this.slots.length > 0 && !rules.some((r) => needsStrings(r.rule));
    const status = rules.map(() => new Uint8Array(parallel ? new SharedArrayBuffer(this.cols.n) : new ArrayBuffer(this.cols.n)));
    if (!parallel) {
      rules.forEach((r, k) => compileRule(r.rule, this.cols, this.today, r.text).classify(status[k]!));
      return status;
    }
    const ordered = rules.map((r) => ({ rule: orderedForScan(r.rule, this.cols, this.today), text: r.text }));
    await Promise.all(
      this.slots.map((s, j) => this.send(s, { kind: 'classify', rules: ordered, status, ...this.range(j), presorted: true })),
    );
    return status;
  }

  /** Stops the worker threads. */
  async close(): Promise<void> {
    await Promise.all(
      this.slots.map((s) => {
        s.worker.removeAllListeners('exit');
        return s.worker.terminate();
      }),
    );
    this.slots.length = 0;
  }
}
