import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { JobData, JobDeclaration, JobName } from '../common/jobs.js';
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
  /**
   * Marks the run succeeded inside the handler's own transaction, as its last statement. A handler
   * whose work is one transaction calls it there: if the process dies after that transaction
   * committed, the run stays succeeded instead of being retried against data already written.
   */
  markDone(trx: Transaction<DB>, result?: unknown): Promise<void>;
}

/**
 * The handler of job N: it calls a service. The same run may be attempted again after a failure or
 * a crash, so it must tolerate a second call (or mark the run done in its own transaction).
 */
export type JobHandler<N extends JobName> = (ctx: AppContext, payload: JobData<N>, run: JobRunHandle) => Promise<unknown>;

/** One handler for every declared job: what the start-up code hands to `startJobs`. */
export type JobHandlers = { [N in JobName]: JobHandler<N> };

/** The handlers of one module's jobs, those named `<prefix>.…`: a missing one is a compile error. */
export type JobHandlersFor<P extends string> = { [N in JobName as N extends `${P}.${string}` ? N : never]: JobHandler<N> };

/** A declaration with its handler, as the runtime keeps it; tests add jobs outside `JOBS` this way. */
export interface JobDefinition extends JobDeclaration {
  name: string;
  handler(ctx: AppContext, payload: never, run: JobRunHandle): Promise<unknown>;
}

export interface EnqueueOptions {
  /** Enqueue inside the caller's transaction: the run exists only if that transaction commits. */
  trx?: Transaction<DB>;
  actorId?: number | null;
  slot?: string | null;
  delaySeconds?: number;
}

/** A job outside the declared ones, its handler typed by its payload schema (tests). */
export function defineJob<S extends JobDeclaration['payload']>(
  def: Omit<JobDeclaration, 'payload'> & {
    name: string;
    payload: S;
    handler(ctx: AppContext, payload: z.output<S>, run: JobRunHandle): Promise<unknown>;
  },
): JobDefinition {
  return def as JobDefinition;
}
