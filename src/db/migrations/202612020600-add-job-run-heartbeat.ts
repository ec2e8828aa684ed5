import type { Kysely } from 'kysely';

/**
 * A run's heartbeat: the process running it refreshes `heartbeat_at`; a run whose heartbeat went
 * stale (its process died) is put back in the queue or failed, on both dialects. `worker` names the
 * process (host:pid) for the admin. The index serves the reaper's scan of running runs.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('job_run').addColumn('heartbeat_at', 'varchar(32)').execute();
  await db.schema.alterTable('job_run').addColumn('worker', 'varchar(120)').execute();
  await db.schema.createIndex('job_run_status_heartbeat_idx').on('job_run').columns(['status', 'heartbeat_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('job_run_status_heartbeat_idx').execute();
  await db.schema.alterTable('job_run').dropColumn('worker').execute();
  await db.schema.alterTable('job_run').dropColumn('heartbeat_at').execute();
}
