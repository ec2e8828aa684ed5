import { sql } from "kysely";
async function insertRun(db, r) {
  return db.insertInto("job_run").values({
    name: r.name,
    payload_json: r.payloadJson,
    status: "queued",
    slot: r.slot,
    attempts: 0,
    max_attempts: r.maxAttempts,
    progress_done: 0,
    progress_total: null,
    actor_id: r.actorId,
    enqueued_at: r.at,
    run_after: r.runAfter
  }).returningAll().executeTakeFirstOrThrow();
}
function findRun(db, id) {
  return db.selectFrom("job_run").selectAll().where("id", "=", id).executeTakeFirst();
}
async function claimRun(db, id, at, worker) {
  const r = await db.updateTable("job_run").set((eb) => ({ status: "running", attempts: eb("attempts", "+", 1), started_at: at, heartbeat_at: at, worker, error: null })).where("id", "=", id).where("status", "=", "queued").returning("attempts").executeTakeFirst();
  return r ? r.attempts : null;
}
async function listDueRuns(db, now, limit) {
  const rows = await db.selectFrom("job_run").select("id").where("status", "=", "queued").where("run_after", "<=", now).orderBy("id").limit(limit).execute();
  return rows.map((r) => r.id);
}
async function updateRun(db, id, set) {
  await db.updateTable("job_run").set(set).where("id", "=", id).execute();
}
async function finishAttempt(db, id, attempt, set, from = "running") {
  const r = await db.updateTable("job_run").set(set).where("id", "=", id).where("status", "=", from).where("attempts", "=", attempt).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
async function beatRuns(db, held, at) {
  for (const h of held) {
    await db.updateTable("job_run").set({ heartbeat_at: at }).where("id", "=", h.id).where("status", "=", "running").where("attempts", "=", h.attempt).execute();
  }
}
function listStaleRuns(db, before) {
  return db.selectFrom("job_run").select(["id", "name", "attempts", "max_attempts", "worker"]).where("status", "=", "running").where((eb) => eb.or([eb("heartbeat_at", "<", before), eb("heartbeat_at", "is", null)])).orderBy("id").execute();
}
async function reapRun(db, id, attempt, before, set) {
  const r = await db.updateTable("job_run").set(set).where("id", "=", id).where("status", "=", "running").where("attempts", "=", attempt).where((eb) => eb.or([eb("heartbeat_at", "<", before), eb("heartbeat_at", "is", null)])).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
async function listRuns(db, q) {
  let query = db.selectFrom("job_run");
  if (q.name) query = query.where("name", "=", q.name);
  if (q.status) query = query.where("status", "=", q.status);
  if (q.actorId !== void 0) query = query.where("actor_id", "=", q.actorId);
  const [{ total }] = await query.select((eb) => eb.fn.countAll().as("total")).execute();
  const rows = await query.selectAll().orderBy("id", "desc").limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute();
  return { rows, total: Number(total) };
}
function countUnfinishedRuns(db) {
  return db.selectFrom("job_run").select((eb) => eb.fn.countAll().as("n")).where("status", "in", ["queued", "running"]).executeTakeFirstOrThrow().then((r) => Number(r.n));
}
function listScheduleRows(db) {
  return db.selectFrom("job_schedule").selectAll().orderBy("name").execute();
}
function findSchedule(db, name) {
  return db.selectFrom("job_schedule").selectAll().where("name", "=", name).executeTakeFirst();
}
async function insertMissingSchedules(db, rows) {
  for (const r of rows) {
    await db.insertInto("job_schedule").values({ name: r.name, cron: r.cron, enabled: 1, next_run_at: r.next_run_at, updated_at: r.at }).onConflict((oc) => oc.column("name").doNothing()).execute();
  }
}
async function advanceSchedule(db, name, version, nextRunAt, at) {
  const r = await db.updateTable("job_schedule").set({ next_run_at: nextRunAt, version: sql`version + 1`, updated_at: at }).where("name", "=", name).where("version", "=", version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
async function updateScheduleVersioned(db, name, version, set, at) {
  const r = await db.updateTable("job_schedule").set({ ...set, version: sql`version + 1`, updated_at: at }).where("name", "=", name).where("version", "=", version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
async function recordScheduleResult(db, name, r) {
  await db.updateTable("job_schedule").set({ last_run_at: r.at, last_run_id: r.runId, last_status: r.status }).where("name", "=", name).execute();
}
export {
  advanceSchedule,
  beatRuns,
  claimRun,
  countUnfinishedRuns,
  findRun,
  findSchedule,
  finishAttempt,
  insertMissingSchedules,
  insertRun,
  listDueRuns,
  listRuns,
  listScheduleRows,
  listStaleRuns,
  reapRun,
  recordScheduleResult,
  updateRun,
  updateScheduleVersioned
};
//# sourceMappingURL=jobs.repository.js.map
