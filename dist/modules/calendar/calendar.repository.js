import { sql } from "kysely";
function listDays(db, year) {
  let q = db.selectFrom("calendar_day").selectAll();
  if (year) q = q.where("date", ">=", `${year}-01-01`).where("date", "<=", `${year}-12-31`);
  return q.orderBy("date").execute();
}
function findDay(db, id) {
  return db.selectFrom("calendar_day").selectAll().where("id", "=", id).executeTakeFirst();
}
function findDayByDate(db, date) {
  return db.selectFrom("calendar_day").selectAll().where("date", "=", date).executeTakeFirst();
}
async function insertDay(db, d, at) {
  const r = await db.insertInto("calendar_day").values({ ...d, created_at: at, updated_at: at }).returning("id").executeTakeFirstOrThrow();
  return r.id;
}
async function updateDayVersioned(db, id, version, set, at) {
  const r = await db.updateTable("calendar_day").set({ ...set, version: sql`version + 1`, updated_at: at }).where("id", "=", id).where("version", "=", version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
async function deleteDay(db, id) {
  await db.deleteFrom("calendar_day").where("id", "=", id).execute();
}
export {
  deleteDay,
  findDay,
  findDayByDate,
  insertDay,
  listDays,
  updateDayVersioned
};
//# sourceMappingURL=calendar.repository.js.map
