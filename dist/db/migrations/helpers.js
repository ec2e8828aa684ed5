import { PostgresAdapter } from "kysely";
function isPostgres(db) {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
function withId(db, table) {
  return isPostgres(db) ? table.addColumn("id", "serial", (c) => c.primaryKey()) : table.addColumn("id", "integer", (c) => c.primaryKey().autoIncrement());
}
export {
  isPostgres,
  withId
};
//# sourceMappingURL=helpers.js.map
