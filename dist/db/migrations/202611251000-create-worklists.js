import { sql } from "kysely";
import { isPostgres, withId } from "./helpers.js";
async function up(db) {
  const pg = isPostgres(db);
  await withId(db, db.schema.createTable("worklist")).addColumn("name", "varchar(80)", (c) => c.notNull()).addColumn("kind", "varchar(16)", (c) => c.notNull()).addColumn("description", "text").addColumn("version", "integer", (c) => c.notNull().defaultTo(1)).addColumn("created_at", "varchar(32)", (c) => c.notNull()).addColumn("updated_at", "varchar(32)", (c) => c.notNull()).addUniqueConstraint("worklist_kind_name_uq", ["kind", "name"]).execute();
  await withId(db, db.schema.createTable("item")).addColumn("list_id", "integer", (c) => c.notNull().references("worklist.id").onDelete("cascade")).addColumn("kind", "varchar(16)", (c) => c.notNull()).addColumn("code", "varchar(32)", (c) => c.notNull()).addColumn("sort_order", "integer", (c) => c.notNull().defaultTo(0)).addColumn("area", "varchar(80)").addColumn("content", "text", (c) => c.notNull()).addColumn("measures", "text").addColumn("deadline", "varchar(10)").addColumn("ongoing", "integer", (c) => c.notNull().defaultTo(0)).addColumn("status", "varchar(16)", (c) => c.notNull().defaultTo("not_started")).addColumn("percent", "integer", (c) => c.notNull().defaultTo(0)).addColumn("return_reason", "text").addColumn("tags_json", "text", (c) => c.notNull().defaultTo("[]")).addColumn("source_evaluation", "varchar(200)").addColumn("rectification", "text").addColumn("level", "varchar(16)").addColumn("max_score", "real").addColumn("self_score", "real").addColumn("scoring_rule", "text").addColumn("stage", "varchar(16)").addColumn("closed_at", "varchar(32)").addColumn("version", "integer", (c) => c.notNull().defaultTo(1)).addColumn("created_at", "varchar(32)", (c) => c.notNull()).addColumn("updated_at", "varchar(32)", (c) => c.notNull()).addUniqueConstraint("item_list_code_uq", ["list_id", "code"]).execute();
  await db.schema.createIndex("item_kind_status_idx").on("item").columns(["kind", "status"]).execute();
  await db.schema.createIndex("item_deadline_idx").on("item").column("deadline").execute();
  await db.schema.createIndex("item_list_sort_idx").on("item").columns(["list_id", "sort_order"]).execute();
  await withId(db, db.schema.createTable("item_publicity")).addColumn("item_id", "integer", (c) => c.notNull().references("item.id").onDelete("cascade")).addColumn("level", "varchar(16)", (c) => c.notNull()).addColumn("outlet", "varchar(120)", (c) => c.notNull()).addColumn("date", "varchar(10)").addColumn("link", "varchar(500)").execute();
  await db.schema.createIndex("item_publicity_item_idx").on("item_publicity").column("item_id").execute();
  await withId(db, db.schema.createTable("item_assignment")).addColumn("item_id", "integer", (c) => c.notNull().references("item.id").onDelete("cascade")).addColumn("unit_id", "integer", (c) => c.notNull().references("unit.id")).addColumn("role", "varchar(8)", (c) => c.notNull()).addUniqueConstraint("item_assignment_uq", ["item_id", "unit_id"]).execute();
  await db.schema.createIndex("item_assignment_unit_idx").on("item_assignment").columns(["unit_id", "role"]).execute();
  await withId(db, db.schema.createTable("item_report")).addColumn("item_id", "integer", (c) => c.notNull().references("item.id").onDelete("cascade")).addColumn("unit_id", "integer", (c) => c.notNull().references("unit.id")).addColumn("role", "varchar(8)", (c) => c.notNull()).addColumn("author_id", "integer", (c) => c.references("app_user.id")).addColumn("text", "text", (c) => c.notNull()).addColumn("percent", "integer", (c) => c.notNull()).addColumn("status", "varchar(16)", (c) => c.notNull()).addColumn("head_id", "integer", (c) => c.references("app_user.id")).addColumn("head_note", "text").addColumn("reviewer_id", "integer", (c) => c.references("app_user.id")).addColumn("review_note", "text").addColumn("created_at", "varchar(32)", (c) => c.notNull()).addColumn("updated_at", "varchar(32)", (c) => c.notNull()).execute();
  await db.schema.createIndex("item_report_item_idx").on("item_report").column("item_id").execute();
  await db.schema.createIndex("item_report_unit_status_idx").on("item_report").columns(["unit_id", "status"]).execute();
  await withId(db, db.schema.createTable("evidence_blob")).addColumn("data", pg ? "bytea" : "blob", (c) => c.notNull()).execute();
  await withId(db, db.schema.createTable("item_evidence")).addColumn("item_id", "integer", (c) => c.notNull().references("item.id").onDelete("cascade")).addColumn("report_id", "integer", (c) => c.references("item_report.id")).addColumn("unit_id", "integer", (c) => c.references("unit.id")).addColumn("uploader_id", "integer", (c) => c.references("app_user.id")).addColumn("blob_id", "integer", (c) => c.notNull().references("evidence_blob.id")).addColumn("filename", "varchar(200)", (c) => c.notNull()).addColumn("mime", "varchar(100)", (c) => c.notNull()).addColumn("size", "integer", (c) => c.notNull()).addColumn("sha256", "varchar(64)", (c) => c.notNull()).addColumn("created_at", "varchar(32)", (c) => c.notNull()).execute();
  await db.schema.createIndex("item_evidence_item_idx").on("item_evidence").column("item_id").execute();
  await withId(db, db.schema.createTable("item_extension")).addColumn("item_id", "integer", (c) => c.notNull().references("item.id").onDelete("cascade")).addColumn("unit_id", "integer", (c) => c.references("unit.id")).addColumn("requester_id", "integer", (c) => c.references("app_user.id")).addColumn("reason", "text", (c) => c.notNull()).addColumn("old_deadline", "varchar(10)").addColumn("requested_deadline", "varchar(10)", (c) => c.notNull()).addColumn("status", "varchar(16)", (c) => c.notNull()).addColumn("decider_id", "integer", (c) => c.references("app_user.id")).addColumn("decision_note", "text").addColumn("created_at", "varchar(32)", (c) => c.notNull()).addColumn("decided_at", "varchar(32)").execute();
  await db.schema.createIndex("item_extension_item_idx").on("item_extension").column("item_id").execute();
  await db.schema.createIndex("item_extension_status_idx").on("item_extension").column("status").execute();
  await withId(db, db.schema.createTable("item_note")).addColumn("item_id", "integer", (c) => c.notNull().references("item.id").onDelete("cascade")).addColumn("kind", "varchar(16)", (c) => c.notNull()).addColumn("author_id", "integer", (c) => c.references("app_user.id")).addColumn("text", "text", (c) => c.notNull()).addColumn("created_at", "varchar(32)", (c) => c.notNull()).execute();
  await db.schema.createIndex("item_note_item_idx").on("item_note").columns(["item_id", "kind"]).execute();
  await withId(db, db.schema.createTable("item_event")).addColumn("item_id", "integer", (c) => c.notNull().references("item.id").onDelete("cascade")).addColumn("at", "varchar(32)", (c) => c.notNull()).addColumn("type", "varchar(32)", (c) => c.notNull()).addColumn("actor_id", "integer").addColumn("actor_name", "varchar(60)").addColumn("data_json", "text", (c) => c.notNull().defaultTo("{}")).execute();
  await db.schema.createIndex("item_event_item_idx").on("item_event").columns(["item_id", "id"]).execute();
  await withId(db, db.schema.createTable("item_saved_filter")).addColumn("user_id", "integer", (c) => c.notNull().references("app_user.id").onDelete("cascade")).addColumn("name", "varchar(40)", (c) => c.notNull()).addColumn("filter_json", "text", (c) => c.notNull()).addColumn("created_at", "varchar(32)", (c) => c.notNull()).addUniqueConstraint("item_saved_filter_uq", ["user_id", "name"]).execute();
  if (pg) {
    await sql`create extension if not exists pg_trgm`.execute(db);
    await sql`create index item_search_trgm_idx on item using gin ((code || ' ' || coalesce(area, '') || ' ' || content || ' ' || coalesce(measures, '')) gin_trgm_ops)`.execute(db);
  } else {
    await sql`create virtual table item_fts using fts5(code, area, content, measures, content='item', content_rowid='id', tokenize='trigram')`.execute(db);
    await sql`create trigger item_fts_ai after insert on item begin
      insert into item_fts(rowid, code, area, content, measures) values (new.id, new.code, new.area, new.content, new.measures); end`.execute(db);
    await sql`create trigger item_fts_ad after delete on item begin
      insert into item_fts(item_fts, rowid, code, area, content, measures) values ('delete', old.id, old.code, old.area, old.content, old.measures); end`.execute(db);
    await sql`create trigger item_fts_au after update of code, area, content, measures on item begin
      insert into item_fts(item_fts, rowid, code, area, content, measures) values ('delete', old.id, old.code, old.area, old.content, old.measures);
      insert into item_fts(rowid, code, area, content, measures) values (new.id, new.code, new.area, new.content, new.measures); end`.execute(db);
  }
}
async function down(db) {
  if (!isPostgres(db)) await sql`drop table if exists item_fts`.execute(db);
  for (const t of [
    "item_saved_filter",
    "item_event",
    "item_note",
    "item_extension",
    "item_evidence",
    "evidence_blob",
    "item_report",
    "item_assignment",
    "item_publicity",
    "item",
    "worklist"
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
export {
  down,
  up
};
//# sourceMappingURL=202611251000-create-worklists.js.map
