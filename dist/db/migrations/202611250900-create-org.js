import { withId } from "./helpers.js";
async function up(db) {
  await withId(db, db.schema.createTable("unit")).addColumn("name", "varchar(80)", (c) => c.notNull().unique()).addColumn("kind", "varchar(16)", (c) => c.notNull()).addColumn("parent_id", "integer", (c) => c.references("unit.id")).addColumn("division_code", "varchar(12)").addColumn("status", "varchar(16)", (c) => c.notNull().defaultTo("active")).addColumn("merged_into_id", "integer", (c) => c.references("unit.id")).addColumn("sort_order", "integer", (c) => c.notNull().defaultTo(0)).addColumn("version", "integer", (c) => c.notNull().defaultTo(1)).addColumn("created_at", "varchar(32)", (c) => c.notNull()).addColumn("updated_at", "varchar(32)", (c) => c.notNull()).execute();
  await withId(db, db.schema.createTable("unit_alias")).addColumn("unit_id", "integer", (c) => c.notNull().references("unit.id").onDelete("cascade")).addColumn("alias", "varchar(40)", (c) => c.notNull().unique()).execute();
  await db.schema.createIndex("unit_alias_unit_idx").on("unit_alias").column("unit_id").execute();
  await withId(db, db.schema.createTable("app_user")).addColumn("username", "varchar(40)", (c) => c.notNull().unique()).addColumn("display_name", "varchar(60)", (c) => c.notNull()).addColumn("role", "varchar(16)", (c) => c.notNull()).addColumn("unit_id", "integer", (c) => c.references("unit.id")).addColumn("password_hash", "varchar(255)", (c) => c.notNull()).addColumn("must_change_password", "integer", (c) => c.notNull().defaultTo(0)).addColumn("locale", "varchar(8)", (c) => c.notNull().defaultTo("zh-CN")).addColumn("status", "varchar(16)", (c) => c.notNull().defaultTo("active")).addColumn("failed_logins", "integer", (c) => c.notNull().defaultTo(0)).addColumn("locked_until", "varchar(32)").addColumn("last_login_at", "varchar(32)").addColumn("version", "integer", (c) => c.notNull().defaultTo(1)).addColumn("created_at", "varchar(32)", (c) => c.notNull()).addColumn("updated_at", "varchar(32)", (c) => c.notNull()).execute();
  await db.schema.createIndex("app_user_unit_idx").on("app_user").column("unit_id").execute();
  await db.schema.createTable("session").addColumn("id_hash", "varchar(64)", (c) => c.primaryKey()).addColumn("user_id", "integer", (c) => c.notNull().references("app_user.id").onDelete("cascade")).addColumn("csrf_token", "varchar(64)", (c) => c.notNull()).addColumn("created_at", "varchar(32)", (c) => c.notNull()).addColumn("expires_at", "varchar(32)", (c) => c.notNull()).addColumn("last_seen_at", "varchar(32)", (c) => c.notNull()).addColumn("ip", "varchar(64)").addColumn("user_agent", "varchar(255)").execute();
  await db.schema.createIndex("session_user_idx").on("session").column("user_id").execute();
  await withId(db, db.schema.createTable("audit_log")).addColumn("at", "varchar(32)", (c) => c.notNull()).addColumn("actor_id", "integer").addColumn("actor_name", "varchar(60)").addColumn("action", "varchar(40)", (c) => c.notNull()).addColumn("entity", "varchar(40)", (c) => c.notNull()).addColumn("entity_id", "varchar(64)").addColumn("before_json", "text").addColumn("after_json", "text").addColumn("ip", "varchar(64)").execute();
  await db.schema.createIndex("audit_log_at_idx").on("audit_log").column("at").execute();
  await db.schema.createIndex("audit_log_entity_idx").on("audit_log").columns(["entity", "entity_id"]).execute();
  await db.schema.createIndex("audit_log_actor_idx").on("audit_log").column("actor_id").execute();
}
async function down(db) {
  for (const t of ["audit_log", "session", "app_user", "unit_alias", "unit"]) {
    await db.schema.dropTable(t).execute();
  }
}
export {
  down,
  up
};
//# sourceMappingURL=202611250900-create-org.js.map
