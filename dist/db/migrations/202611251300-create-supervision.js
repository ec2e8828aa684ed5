import { withId } from "./helpers.js";
async function up(db) {
  await db.schema.createTable("supervision_setting").addColumn("key", "varchar(40)", (c) => c.primaryKey()).addColumn("value_json", "text", (c) => c.notNull()).addColumn("version", "integer", (c) => c.notNull().defaultTo(1)).addColumn("updated_at", "varchar(32)", (c) => c.notNull()).execute();
  await withId(db, db.schema.createTable("supervision_notice")).addColumn("item_id", "integer", (c) => c.notNull().references("item.id").onDelete("cascade")).addColumn("unit_id", "integer", (c) => c.notNull().references("unit.id")).addColumn("kind", "varchar(16)", (c) => c.notNull()).addColumn("offset_days", "integer", (c) => c.notNull()).addColumn("deadline", "varchar(10)", (c) => c.notNull()).addColumn("due_on", "varchar(10)", (c) => c.notNull()).addColumn("number", "varchar(40)").addColumn("reply_due", "varchar(10)").addColumn("reply_text", "text").addColumn("replied_at", "varchar(32)").addColumn("replied_by", "integer", (c) => c.references("app_user.id")).addColumn("status", "varchar(16)", (c) => c.notNull()).addColumn("created_at", "varchar(32)", (c) => c.notNull()).addUniqueConstraint("supervision_notice_step_uq", ["item_id", "unit_id", "kind", "offset_days", "deadline"]).execute();
  await db.schema.createIndex("supervision_notice_unit_idx").on("supervision_notice").columns(["unit_id", "kind"]).execute();
  await db.schema.createIndex("supervision_notice_due_idx").on("supervision_notice").columns(["due_on"]).execute();
  await withId(db, db.schema.createTable("weekly_snapshot")).addColumn("week_of", "varchar(10)", (c) => c.notNull().unique()).addColumn("taken_at", "varchar(32)", (c) => c.notNull()).addColumn("score_json", "text", (c) => c.notNull()).addColumn("totals_json", "text", (c) => c.notNull()).execute();
  await withId(db, db.schema.createTable("weekly_snapshot_row")).addColumn("snapshot_id", "integer", (c) => c.notNull().references("weekly_snapshot.id").onDelete("cascade")).addColumn("unit_id", "integer", (c) => c.notNull()).addColumn("unit_name", "varchar(80)", (c) => c.notNull()).addColumn("assigned", "integer", (c) => c.notNull()).addColumn("closed", "integer", (c) => c.notNull()).addColumn("in_progress", "integer", (c) => c.notNull()).addColumn("overdue", "integer", (c) => c.notNull()).addColumn("stale", "integer", (c) => c.notNull()).addColumn("late_reports", "integer", (c) => c.notNull()).addColumn("returns", "integer", (c) => c.notNull()).addColumn("score", "real", (c) => c.notNull()).addColumn("rank", "integer", (c) => c.notNull()).addColumn("board", "varchar(8)").addUniqueConstraint("weekly_snapshot_row_uq", ["snapshot_id", "unit_id"]).execute();
  await db.schema.createIndex("weekly_snapshot_row_unit_idx").on("weekly_snapshot_row").columns(["unit_id"]).execute();
  await withId(db, db.schema.createTable("bulletin")).addColumn("month", "varchar(7)", (c) => c.notNull().unique()).addColumn("status", "varchar(16)", (c) => c.notNull()).addColumn("title", "varchar(120)", (c) => c.notNull()).addColumn("doc_number", "varchar(40)", (c) => c.notNull()).addColumn("commentary_json", "text", (c) => c.notNull()).addColumn("data_json", "text", (c) => c.notNull()).addColumn("generated_at", "varchar(32)", (c) => c.notNull()).addColumn("published_at", "varchar(32)").addColumn("published_by", "integer", (c) => c.references("app_user.id")).addColumn("version", "integer", (c) => c.notNull().defaultTo(1)).addColumn("created_at", "varchar(32)", (c) => c.notNull()).addColumn("updated_at", "varchar(32)", (c) => c.notNull()).execute();
  await withId(db, db.schema.createTable("dispatch_meeting")).addColumn("date", "varchar(10)", (c) => c.notNull()).addColumn("type", "varchar(16)", (c) => c.notNull()).addColumn("title", "varchar(120)", (c) => c.notNull()).addColumn("chair", "varchar(60)", (c) => c.notNull()).addColumn("topics_json", "text", (c) => c.notNull()).addColumn("version", "integer", (c) => c.notNull().defaultTo(1)).addColumn("created_by", "integer", (c) => c.references("app_user.id")).addColumn("created_at", "varchar(32)", (c) => c.notNull()).addColumn("updated_at", "varchar(32)", (c) => c.notNull()).execute();
  await db.schema.createIndex("dispatch_meeting_date_idx").on("dispatch_meeting").columns(["date"]).execute();
  await db.schema.createTable("dispatch_meeting_unit").addColumn("meeting_id", "integer", (c) => c.notNull().references("dispatch_meeting.id").onDelete("cascade")).addColumn("unit_id", "integer", (c) => c.notNull().references("unit.id")).addPrimaryKeyConstraint("dispatch_meeting_unit_pk", ["meeting_id", "unit_id"]).execute();
  await withId(db, db.schema.createTable("dispatch_decision")).addColumn("meeting_id", "integer", (c) => c.notNull().references("dispatch_meeting.id").onDelete("cascade")).addColumn("item_id", "integer", (c) => c.notNull().references("item.id").onDelete("cascade")).addColumn("sort_order", "integer", (c) => c.notNull()).addUniqueConstraint("dispatch_decision_item_uq", ["item_id"]).execute();
  await db.schema.createIndex("dispatch_decision_meeting_idx").on("dispatch_decision").columns(["meeting_id"]).execute();
}
async function down(db) {
  for (const t of [
    "dispatch_decision",
    "dispatch_meeting_unit",
    "dispatch_meeting",
    "bulletin",
    "weekly_snapshot_row",
    "weekly_snapshot",
    "supervision_notice",
    "supervision_setting"
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
export {
  down,
  up
};
//# sourceMappingURL=202611251300-create-supervision.js.map
