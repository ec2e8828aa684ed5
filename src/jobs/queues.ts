import { CompiledQuery, type Transaction } from 'kysely';
import PgBoss from 'pg-boss';
import type { DB } from '../db/schema.js';

/** Delivers run ids to a worker: in this process (SQLite) or through pg-boss (PostgreSQL). */
export interface RunQueue {
  start(execute: (runId: number) => Promise<void>): Promise<void>;
  dispatch(runId: number, opts: { trx?: Transaction<DB> | undefined; delaySeconds?: number | undefined }): Promise<void>;
  /** Resolves when nothing is queued or running in this process. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

/** SQLite: one process owns the database, so an in-memory queue with two workers suffices. */
export function localQueue(concurrency = 2): RunQueue {
  const pending: number[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let active = 0;
  let stopped = false;
  let execute: (runId: number) => Promise<void> = async () => {};
  let waiters: (() => void)[] = [];
  const settle = () => {
    if (active === 0 && pending.length === 0 && timers.size === 0) {
      for (const w of waiters) w();
      waiters = [];
    }
  };
  const pump = () => {
    while (!stopped && active < concurrency && pending.length) {
      const id = pending.shift()!;
      active++;
      // setImmediate: a run enqueued inside a transaction waits for that transaction to end.
      setImmediate(() => {
        execute(id)
          .catch(() => {})
          .finally(() => {
            active--;
            pump();
            settle();
          });
      });
    }
    settle();
  };
  return {
    async start(fn) {
      execute = fn;
    },
    async dispatch(runId, opts) {
      if (stopped) return;
      if (opts.delaySeconds && opts.delaySeconds > 0) {
        const t = setTimeout(() => {
          timers.delete(t);
          pending.push(runId);
          pump();
        }, opts.delaySeconds * 1000);
        t.unref();
        timers.add(t);
        return;
      }
      pending.push(runId);
      pump();
    },
    idle: () => new Promise<void>((resolve) => {
      waiters.push(resolve);
      settle();
    }),
    async stop() {
      stopped = true;
      pending.length = 0;
      for (const t of timers) clearTimeout(t);
      timers.clear();
      // Let running handlers finish: they hold database connections that are about to close.
      while (active > 0) await new Promise((r) => setTimeout(r, 20));
      settle();
    },
  };
}

const QUEUE = 'bizenv-jobs';

/** PostgreSQL: pg-boss hands each run to exactly one worker among all server processes. */
export function pgBossQueue(connectionString: string, opts: { pollingIntervalSeconds?: number; workers?: number } = {}): RunQueue {
  const boss = new PgBoss({ connectionString, max: 3, schedule: false, application_name: 'bizenv-jobs' });
  const workerIds: string[] = [];
  let active = 0;
  boss.on('error', () => {
    // pg-boss reports connection trouble here; its own retry loop recovers, nothing to do.
  });
  return {
    async start(execute) {
      await boss.start();
      await boss.createQueue(QUEUE);
      for (let i = 0; i < (opts.workers ?? 2); i++) {
        workerIds.push(
          await boss.work<{ runId: number }>(QUEUE, { batchSize: 1, pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 1 }, async (jobs) => {
            active++;
            try {
              for (const job of jobs) await execute(job.data.runId);
            } finally {
              active--;
            }
          }),
        );
      }
    },
    async dispatch(runId, o) {
      // Inside a transaction, the pg-boss row is written by that transaction: no run without its job_run row.
      const db = o.trx ? { executeSql: async (text: string, values: unknown[]) => o.trx!.executeQuery(CompiledQuery.raw(text, values)) as Promise<{ rows: unknown[] }> } : undefined;
      await boss.send(QUEUE, { runId }, { retryLimit: 0, ...(o.delaySeconds ? { startAfter: Math.ceil(o.delaySeconds) } : {}), ...(db ? { db } : {}) });
      if (!o.trx) for (const id of workerIds) boss.notifyWorker(id);
    },
    async idle() {
      while (active > 0) await new Promise((r) => setTimeout(r, 20));
    },
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 15_000 });
    },
  };
}
