import { bulkInsert } from "../../db/bulk.js";
function reportsQuery(db) {
  return db.selectFrom("item_report as r").innerJoin("unit as u", "u.id", "r.unit_id").leftJoin("app_user as a", "a.id", "r.author_id").selectAll("r").select(["u.name as unit_name", "a.display_name as author_name"]);
}
async function listReports(db, itemId) {
  return reportsQuery(db).where("r.item_id", "=", itemId).orderBy("r.id", "desc").execute();
}
async function findReport(db, id) {
  return reportsQuery(db).where("r.id", "=", id).executeTakeFirst();
}
async function listReportsByStatus(db, f) {
  let q = reportsQuery(db).where("r.status", "=", f.status);
  if (f.unitId !== void 0) q = q.where("r.unit_id", "=", f.unitId);
  if (f.leadUnitId !== void 0) {
    const lead = f.leadUnitId;
    q = q.where("r.item_id", "in", (eb) => eb.selectFrom("item_assignment").select("item_id").where("unit_id", "=", lead).where("role", "=", "lead"));
  }
  return q.orderBy("r.id", "desc").limit(f.limit).execute();
}
async function insertReport(db, v) {
  const r = await db.insertInto("item_report").values(v).returning("id").executeTakeFirstOrThrow();
  return r.id;
}
async function transitionReport(db, id, from, v) {
  const r = await db.updateTable("item_report").set(v).where("id", "=", id).where("status", "=", from).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
async function hasOpenReport(db, itemId, unitId) {
  const r = await db.selectFrom("item_report").select("id").where("item_id", "=", itemId).where("unit_id", "=", unitId).where("status", "in", ["pending_head", "pending_office"]).executeTakeFirst();
  return Boolean(r);
}
function evidenceQuery(db) {
  return db.selectFrom("item_evidence as e").leftJoin("app_user as a", "a.id", "e.uploader_id").select(["e.id", "e.item_id", "e.report_id", "e.unit_id", "e.uploader_id", "e.filename", "e.mime", "e.size", "e.sha256", "e.created_at", "a.display_name as uploader_name"]);
}
async function listEvidence(db, itemId) {
  return evidenceQuery(db).where("e.item_id", "=", itemId).orderBy("e.id").execute();
}
async function findEvidence(db, id) {
  return evidenceQuery(db).where("e.id", "=", id).executeTakeFirst();
}
async function readEvidenceData(db, id) {
  const r = await db.selectFrom("item_evidence as e").innerJoin("evidence_blob as b", "b.id", "e.blob_id").select("b.data").where("e.id", "=", id).executeTakeFirst();
  return r ? Buffer.from(r.data) : void 0;
}
async function insertEvidence(db, v, data) {
  const blob = await db.insertInto("evidence_blob").values({ data }).returning("id").executeTakeFirstOrThrow();
  const r = await db.insertInto("item_evidence").values({ ...v, blob_id: blob.id }).returning("id").executeTakeFirstOrThrow();
  return r.id;
}
async function attachEvidence(db, ids, reportId) {
  if (ids.length) await db.updateTable("item_evidence").set({ report_id: reportId }).where("id", "in", ids).execute();
}
function extensionsQuery(db) {
  return db.selectFrom("item_extension as x").leftJoin("unit as u", "u.id", "x.unit_id").leftJoin("app_user as r", "r.id", "x.requester_id").leftJoin("app_user as d", "d.id", "x.decider_id").selectAll("x").select(["u.name as unit_name", "r.display_name as requester_name", "d.display_name as decider_name"]);
}
async function listExtensions(db, itemId) {
  return extensionsQuery(db).where("x.item_id", "=", itemId).orderBy("x.id", "desc").execute();
}
async function findExtension(db, id) {
  return extensionsQuery(db).where("x.id", "=", id).executeTakeFirst();
}
async function insertExtension(db, v) {
  const r = await db.insertInto("item_extension").values(v).returning("id").executeTakeFirstOrThrow();
  return r.id;
}
async function decideExtensionRow(db, id, v) {
  const r = await db.updateTable("item_extension").set(v).where("id", "=", id).where("status", "=", "pending").executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
async function hasPendingExtension(db, itemId) {
  return Boolean(await db.selectFrom("item_extension").select("id").where("item_id", "=", itemId).where("status", "=", "pending").executeTakeFirst());
}
async function listNotes(db, itemId) {
  return db.selectFrom("item_note as n").leftJoin("app_user as a", "a.id", "n.author_id").select(["n.id", "n.kind", "n.text", "n.created_at", "a.display_name as author_name", "a.role as author_role"]).where("n.item_id", "=", itemId).orderBy("n.id", "desc").execute();
}
async function insertNote(db, v) {
  const r = await db.insertInto("item_note").values(v).returning("id").executeTakeFirstOrThrow();
  return r.id;
}
async function insertEvents(db, rows) {
  await bulkInsert(db, "item_event", rows);
}
async function listEvents(db, itemId) {
  return db.selectFrom("item_event").selectAll().where("item_id", "=", itemId).orderBy("id").execute();
}
async function listSavedFilters(db, userId) {
  return db.selectFrom("item_saved_filter").selectAll().where("user_id", "=", userId).orderBy("name").execute();
}
async function insertSavedFilter(db, v) {
  const r = await db.insertInto("item_saved_filter").values(v).returning("id").executeTakeFirstOrThrow();
  return r.id;
}
async function deleteSavedFilterRow(db, id, userId) {
  const r = await db.deleteFrom("item_saved_filter").where("id", "=", id).where("user_id", "=", userId).executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}
async function insertReports(db, rows) {
  const ids = [];
  for (let i = 0; i < rows.length; i += 200) ids.push(...(await db.insertInto("item_report").values(rows.slice(i, i + 200)).returning("id").execute()).map((r) => r.id));
  return ids;
}
export {
  attachEvidence,
  decideExtensionRow,
  deleteSavedFilterRow,
  findEvidence,
  findExtension,
  findReport,
  hasOpenReport,
  hasPendingExtension,
  insertEvents,
  insertEvidence,
  insertExtension,
  insertNote,
  insertReport,
  insertReports,
  insertSavedFilter,
  listEvents,
  listEvidence,
  listExtensions,
  listNotes,
  listReports,
  listReportsByStatus,
  listSavedFilters,
  readEvidenceData,
  transitionReport
};
//# sourceMappingURL=progress.repository.js.map
