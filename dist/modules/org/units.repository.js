import { sql } from "kysely";
async function listUnits(db, f = {}) {
  let q = db.selectFrom("unit").selectAll();
  if (!f.includeRetired) q = q.where("status", "=", "active");
  if (f.kind) q = q.where("kind", "=", f.kind);
  if (f.ids) q = f.ids.length ? q.where("id", "in", f.ids) : q.where(sql`1 = 0`);
  const rows = await q.orderBy("sort_order").orderBy("id").execute();
  return attachDetails(db, rows);
}
async function attachDetails(db, rows) {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const aliases = await db.selectFrom("unit_alias").select(["unit_id", "alias"]).where("unit_id", "in", ids).orderBy("id").execute();
  const counts = await db.selectFrom("app_user").select(["unit_id", (eb) => eb.fn.countAll().as("n")]).where("unit_id", "in", ids).groupBy("unit_id").execute();
  const countBy = new Map(counts.map((c) => [c.unit_id, Number(c.n)]));
  return rows.map((r) => ({
    ...r,
    aliases: aliases.filter((a) => a.unit_id === r.id).map((a) => a.alias),
    user_count: countBy.get(r.id) ?? 0
  }));
}
async function findUnit(db, id) {
  const row = await db.selectFrom("unit").selectAll().where("id", "=", id).executeTakeFirst();
  return row ? (await attachDetails(db, [row]))[0] : void 0;
}
async function listAllNames(db) {
  const units = await db.selectFrom("unit").select(["id", "name"]).execute();
  const aliases = await db.selectFrom("unit_alias").select(["unit_id", "alias"]).execute();
  return [
    ...units.map((u) => ({ unitId: u.id, name: u.name, isAlias: false })),
    ...aliases.map((a) => ({ unitId: a.unit_id, name: a.alias, isAlias: true }))
  ];
}
async function insertUnit(db, v, at) {
  const row = await db.insertInto("unit").values({ ...v, status: "active", merged_into_id: null, created_at: at, updated_at: at }).returning("id").executeTakeFirstOrThrow();
  return row.id;
}
async function updateUnitVersioned(db, id, version, v, at) {
  const r = await db.updateTable("unit").set((eb) => ({ ...v, updated_at: at, version: eb("version", "+", 1) })).where("id", "=", id).where("version", "=", version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
async function replaceAliases(db, unitId, aliases) {
  await db.deleteFrom("unit_alias").where("unit_id", "=", unitId).execute();
  if (aliases.length) {
    await db.insertInto("unit_alias").values(aliases.map((alias) => ({ unit_id: unitId, alias }))).execute();
  }
}
async function moveUsers(db, fromUnitId, toUnitId) {
  await db.updateTable("app_user").set({ unit_id: toUnitId }).where("unit_id", "=", fromUnitId).execute();
}
async function deleteUnitRow(db, id) {
  await db.deleteFrom("unit").where("id", "=", id).execute();
}
async function countChildren(db, id) {
  const r = await db.selectFrom("unit").select((eb) => eb.fn.countAll().as("n")).where("parent_id", "=", id).where("status", "=", "active").executeTakeFirstOrThrow();
  return Number(r.n);
}
export {
  countChildren,
  deleteUnitRow,
  findUnit,
  insertUnit,
  listAllNames,
  listUnits,
  moveUsers,
  replaceAliases,
  updateUnitVersioned
};
//# sourceMappingURL=units.repository.js.map
