import { Migrator } from "kysely";
import { migrations } from "./migrations/index.js";
function migrator(db) {
  return new Migrator({ db, provider: { getMigrations: async () => migrations } });
}
async function migrateToLatest(db) {
  const result = await migrator(db).migrateToLatest();
  if (result.error) throw result.error;
  return { applied: (result.results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName) };
}
async function migrateDownAll(db) {
  const m = migrator(db);
  for (; ; ) {
    const r = await m.migrateDown();
    if (r.error) throw r.error;
    if (!r.results?.length) return;
  }
}
export {
  migrateDownAll,
  migrateToLatest
};
//# sourceMappingURL=migrate.js.map
