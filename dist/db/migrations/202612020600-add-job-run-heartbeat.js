async function up(db) {
  await db.schema.alterTable("job_run").addColumn("heartbeat_at", "varchar(32)").execute();
  await db.schema.alterTable("job_run").addColumn("worker", "varchar(120)").execute();
  await db.schema.createIndex("job_run_status_heartbeat_idx").on("job_run").columns(["status", "heartbeat_at"]).execute();
}
async function down(db) {
  await db.schema.dropIndex("job_run_status_heartbeat_idx").execute();
  await db.schema.alterTable("job_run").dropColumn("worker").execute();
  await db.schema.alterTable("job_run").dropColumn("heartbeat_at").execute();
}
export {
  down,
  up
};
//# sourceMappingURL=202612020600-add-job-run-heartbeat.js.map
