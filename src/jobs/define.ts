import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { AppContext } from '../context.js';
import type { DB } from '../db/schema.js';

/** What a running handler can see and report. */
export interface JobRunHandle {
  runId: number;
  /** The schedule slot (ISO instant) for a scheduled run, null for a run enqueued by hand. */
  slot: string | null;
  attempt: number;
  actorId: number | null;
  /**
   * Reports progress. It never waits for the database, so it is safe inside a transaction; the
   * figures reach `job_run` a moment later (and at the end of the run at the latest).
   */
  progress(done: number, total?: number | null, message?: string): void;
}

/**
 * A job: a name, a payload schema and an idempotent handler that calls a service. The same run may
 * be attempted again after a failure or a crash, so the handler must tolerate a second call.
 */
export interface JobDefinition<S extends z.ZodType = z.ZodType> {
  name: string;
  /** 中文名 / label shown in the admin page. */
  label: { zh: string; en: string };
  payload: S;
  handler(ctx: AppContext, payload: z.infer<S>, run: JobRunHandle): Promise<unknown>;
  /** Attempts in all (1 = no retry) and the delay before each retry, doubled each time. */
  retry?: { attempts: number; delaySeconds: number };
  /** A default schedule (cron, Asia/Shanghai); the admin can change it, it is stored in `job_schedule`. */
  schedule?: { cron: string };
}

export function defineJob<S extends z.ZodType>(def: JobDefinition<S>): JobDefinition<S> {
  return def;
}

export interface EnqueueOptions {
  /** Enqueue inside the caller's transaction: the run exists only if that transaction commits. */
  trx?: Transaction<DB>;
  actorId?: number | null;
  slot?: string | null;
  delaySeconds?: number;
}
