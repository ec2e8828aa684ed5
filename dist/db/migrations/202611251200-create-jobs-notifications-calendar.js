import { withId } from "./helpers.js";
async function up(db) {
  await db.schema.createTable("job_schedule").addColumn("name", "varchar(80)", (c) => c.primaryKey()).addColumn("cron", "varchar(80)", (c) => c.notNull()).addColumn("enabled", "integer", (c) => c.notNull().defaultTo(1)).addColumn("next_run_at", "varchar(32)").addColumn("last_run_at", "varchar(32)").addColumn("last_run_id", "integer").addColumn("last_status", "varchar(16)").addColumn("version", "integer", (c) => c.notNull().defaultTo(1)).addColumn("updated_at", "varchar(32)", (c) => c.notNull()).execute();
  await withId(db, db.schema.createTable("job_run")).addColumn("name", "varchar(80)", (c) => c.notNull()).addColumn("payload_json", "text", (c) => c.notNull()).addColumn("status", "varchar(16)", (c) => c.notNull()).addColumn("slot", "varchar(32)").addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0)).addColumn("max_attempts", "integer", (c) => c.notNull().defaultTo(1)).addColumn("progress_done", "integer", (c) => c.notNull().defaultTo(0)).addColumn("progress_total", "integer").addColumn("message", "varchar(500)").addColumn("result_json", "text").addColumn("error", "text").addColumn("actor_id", "integer").addColumn("enqueued_at", "varchar(32)", (c) => c.notNull()).addColumn("run_after", "varchar(32)", (c) => c.notNull()).addColumn("started_at", "varchar(32)").addColumn("finished_at", "varchar(32)").execute();
  await db.schema.createIndex("job_run_slot_uq").on("job_run").columns(["name", "slot"]).unique().execute();
  await db.schema.createIndex("job_run_status_idx").on("job_run").columns(["status", "run_after"]).execute();
  await withId(db, db.schema.createTable("notification")).addColumn("user_id", "integer", (c) => c.notNull().references("app_user.id").onDelete("cascade")).addColumn("title", "varchar(200)", (c) => c.notNull()).addColumn("body", "text", (c) => c.notNull()).addColumn("link", "varchar(500)").addColumn("created_at", "varchar(32)", (c) => c.notNull()).addColumn("read_at", "varchar(32)").execute();
  await db.schema.createIndex("notification_user_idx").on("notification").columns(["user_id", "read_at"]).execute();
  await db.schema.createTable("user_contact").addColumn("user_id", "integer", (c) => c.primaryKey().references("app_user.id").onDelete("cascade")).addColumn("email", "varchar(254)").addColumn("updated_at", "varchar(32)", (c) => c.notNull()).execute();
  await withId(db, db.schema.createTable("calendar_day")).addColumn("date", "varchar(10)", (c) => c.notNull().unique()).addColumn("type", "varchar(16)", (c) => c.notNull()).addColumn("name", "varchar(40)", (c) => c.notNull()).addColumn("version", "integer", (c) => c.notNull().defaultTo(1)).addColumn("created_at", "varchar(32)", (c) => c.notNull()).addColumn("updated_at", "varchar(32)", (c) => c.notNull()).execute();
}
async function down(db) {
  for (const t of ["calendar_day", "user_contact", "notification", "job_run", "job_schedule"]) {
    await db.schema.dropTable(t).execute();
  }
}
export {
  down,
  up
};
//# sourceMappingURL=202611251200-create-jobs-notifications-calendar.js.map
