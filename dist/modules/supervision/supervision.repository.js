import { sql } from "kysely";
import { paged } from "../../db/paged.js";
function findSetting(db, key) {
  return db.selectFrom("supervision_setting").selectAll().where("key", "=", key).executeTakeFirst();
}
async function saveSetting(db, key, valueJson, version, at) {
  const existing = await findSetting(db, key);
  if (!existing) {
    if (version !== 1) return false;
    await db.insertInto("supervision_setting").values({ key, value_json: valueJson, version: 2, updated_at: at }).execute();
    return true;
  }
  const r = await db.updateTable("supervision_setting").set({ value_json: valueJson, version: sql`version + 1`, updated_at: at }).where("key", "=", key).where("version", "=", version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
function listLeadItems(db, f = {}) {
  if (f.light) {
    return db.selectFrom("item_assignment as a").innerJoin("item as i", "i.id", "a.item_id").select(["a.item_id", "a.unit_id", "i.status", "i.deadline", "i.created_at"]).where("a.role", "=", "lead").execute();
  }
  let q = db.selectFrom("item_assignment as a").innerJoin("item as i", "i.id", "a.item_id").innerJoin("worklist as w", "w.id", "i.list_id").select([
    "a.item_id",
    "a.unit_id",
    "i.code",
    "i.content",
    "i.list_id",
    "w.name as list_name",
    "i.kind",
    "i.area",
    "i.status",
    "i.deadline",
    "i.created_at",
    "i.closed_at"
  ]).where("a.role", "=", "lead");
  if (f.openWithDeadline) q = q.where("i.status", "<>", "closed").where("i.deadline", "is not", null);
  if (f.kind) q = q.where("i.kind", "=", f.kind);
  if (f.listId) q = q.where("i.list_id", "=", f.listId);
  return q.orderBy("a.item_id").orderBy("a.unit_id").execute();
}
async function lastReportAt(db) {
  const rows = await db.selectFrom("item_report").select(["item_id", "unit_id", (eb) => eb.fn.max("created_at").as("last")]).groupBy(["item_id", "unit_id"]).execute();
  return new Map(rows.map((r) => [`${r.item_id}:${r.unit_id}`, r.last]));
}
function reportsBetween(db, from, to) {
  return db.selectFrom("item_report as r").innerJoin("item as i", "i.id", "r.item_id").select(["r.unit_id", "r.item_id", "r.created_at", "i.deadline"]).where("r.created_at", ">=", from).where("r.created_at", "<", to).execute();
}
function returnsBetween(db, from, to) {
  return db.selectFrom("item_report").select(["unit_id", "item_id"]).where("status", "=", "office_returned").where("updated_at", ">=", from).where("updated_at", "<", to).execute();
}
function listActiveUnits(db) {
  return db.selectFrom("unit").select(["id", "name", "sort_order"]).where("status", "=", "active").orderBy("sort_order").orderBy("id").execute();
}
function unitNames(db, ids) {
  if (!ids.length) return Promise.resolve([]);
  return db.selectFrom("unit").select(["id", "name"]).where("id", "in", ids).execute();
}
function recentInstructions(db, limit) {
  return db.selectFrom("item_note as n").innerJoin("item as i", "i.id", "n.item_id").leftJoin("app_user as u", "u.id", "n.author_id").select(["n.item_id", "i.code", "i.content", "n.text", "n.created_at", "u.display_name as author"]).where("n.kind", "=", "instruction").orderBy("n.id", "desc").limit(limit).execute();
}
async function insertNoticeOnce(db, v) {
  const r = await db.insertInto("supervision_notice").values(v).onConflict((oc) => oc.columns(["item_id", "unit_id", "kind", "offset_days", "deadline"]).doNothing()).returning("id").executeTakeFirst();
  return r?.id ?? null;
}
async function firedStepKeys(db, itemIds) {
  const keys = /* @__PURE__ */ new Set();
  for (let i = 0; i < itemIds.length; i += 500) {
    const rows = await db.selectFrom("supervision_notice").select(["item_id", "unit_id", "kind", "offset_days", "deadline"]).where("item_id", "in", itemIds.slice(i, i + 500)).execute();
    for (const r of rows) keys.add(`${r.item_id}:${r.unit_id}:${r.kind}:${r.offset_days}:${r.deadline}`);
  }
  return keys;
}
async function countNoticesInYear(db, year) {
  const r = await db.selectFrom("supervision_notice").select((eb) => eb.fn.countAll().as("n")).where("kind", "=", "notice").where("due_on", "like", `${year}-%`).executeTakeFirstOrThrow();
  return Number(r.n);
}
function noticeQuery(db, f) {
  let q = db.selectFrom("supervision_notice as n").innerJoin("item as i", "i.id", "n.item_id").innerJoin("worklist as w", "w.id", "i.list_id").innerJoin("unit as u", "u.id", "n.unit_id");
  if (f.unitId !== void 0) q = q.where("n.unit_id", "=", f.unitId);
  if (f.kind) q = q.where("n.kind", "=", f.kind);
  if (f.itemId) q = q.where("n.item_id", "=", f.itemId);
  if (f.status) q = q.where("n.status", "=", f.status);
  if (f.dueFrom) q = q.where("n.due_on", ">=", f.dueFrom);
  if (f.dueTo) q = q.where("n.due_on", "<=", f.dueTo);
  return q;
}
async function listNotices(db, f, page) {
  return paged(noticeQuery(db, f).selectAll("n").select(["i.code", "i.content", "w.name as list_name", "u.name as unit_name"]).orderBy("n.due_on", "desc").orderBy("n.id", "desc"), page);
}
async function findNotice(db, id) {
  return noticeQuery(db, {}).selectAll("n").select(["i.code", "i.content", "w.name as list_name", "u.name as unit_name"]).where("n.id", "=", id).executeTakeFirst();
}
async function replyToNotice(db, id, v) {
  const r = await db.updateTable("supervision_notice").set({ reply_text: v.text, replied_by: v.by, replied_at: v.at, status: "replied" }).where("id", "=", id).where("status", "=", "awaiting_reply").executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
async function countNoticesByKind(db, from, to) {
  const rows = await db.selectFrom("supervision_notice").select(["kind", (eb) => eb.fn.countAll().as("n")]).where("due_on", ">=", from).where("due_on", "<=", to).groupBy("kind").execute();
  return Object.fromEntries(rows.map((r) => [r.kind, Number(r.n)]));
}
async function insertSnapshot(db, s, rows) {
  const { id } = await db.insertInto("weekly_snapshot").values(s).returning("id").executeTakeFirstOrThrow();
  for (let i = 0; i < rows.length; i += 200) await db.insertInto("weekly_snapshot_row").values(rows.slice(i, i + 200).map((r) => ({ ...r, snapshot_id: id }))).execute();
  return id;
}
function findSnapshot(db, by) {
  let q = db.selectFrom("weekly_snapshot").selectAll();
  if (by === "latest") q = q.orderBy("week_of", "desc").limit(1);
  else if ("id" in by) q = q.where("id", "=", by.id);
  else q = q.where("week_of", "=", by.weekOf);
  return q.executeTakeFirst();
}
function findSnapshotBefore(db, weekOf) {
  return db.selectFrom("weekly_snapshot").selectAll().where("week_of", "<", weekOf).orderBy("week_of", "desc").limit(1).executeTakeFirst();
}
function listSnapshots(db, limit) {
  return db.selectFrom("weekly_snapshot").selectAll().orderBy("week_of", "desc").limit(limit).execute();
}
function listSnapshotRows(db, snapshotId, unitId) {
  let q = db.selectFrom("weekly_snapshot_row").selectAll().where("snapshot_id", "=", snapshotId);
  if (unitId !== void 0) q = q.where("unit_id", "=", unitId);
  return q.orderBy("rank").orderBy("id").execute();
}
function bulletinQuery(db) {
  return db.selectFrom("bulletin as b").leftJoin("app_user as u", "u.id", "b.published_by").selectAll("b").select("u.display_name as published_by_name");
}
function findBulletin(db, by) {
  const q = bulletinQuery(db);
  return ("id" in by ? q.where("b.id", "=", by.id) : q.where("b.month", "=", by.month)).executeTakeFirst();
}
function listBulletins(db) {
  return bulletinQuery(db).orderBy("b.month", "desc").execute();
}
async function insertBulletin(db, v) {
  const r = await db.insertInto("bulletin").values(v).returning("id").executeTakeFirstOrThrow();
  return r.id;
}
async function updateDraftBulletin(db, id, version, set, at) {
  const r = await db.updateTable("bulletin").set({ ...set, updated_at: at, version: sql`version + 1` }).where("id", "=", id).where("version", "=", version).where("status", "=", "draft").executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
async function insertMeeting(db, v, unitIds) {
  const { at, ...rest } = v;
  const { id } = await db.insertInto("dispatch_meeting").values({ ...rest, created_at: at, updated_at: at }).returning("id").executeTakeFirstOrThrow();
  if (unitIds.length) await db.insertInto("dispatch_meeting_unit").values(unitIds.map((unit_id) => ({ meeting_id: id, unit_id }))).execute();
  return id;
}
async function insertDecisions(db, meetingId, itemIds, startOrder) {
  if (itemIds.length) await db.insertInto("dispatch_decision").values(itemIds.map((item_id, i) => ({ meeting_id: meetingId, item_id, sort_order: startOrder + i }))).execute();
}
function findMeeting(db, id) {
  return db.selectFrom("dispatch_meeting").selectAll().where("id", "=", id).executeTakeFirst();
}
function listMeetings(db, f) {
  let q = db.selectFrom("dispatch_meeting").selectAll();
  if (f.from) q = q.where("date", ">=", f.from);
  if (f.to) q = q.where("date", "<=", f.to);
  if (f.type) q = q.where("type", "=", f.type);
  return q.orderBy("date", "desc").orderBy("id", "desc").execute();
}
function listMeetingUnits(db, meetingId) {
  return db.selectFrom("dispatch_meeting_unit as m").innerJoin("unit as u", "u.id", "m.unit_id").select(["u.id", "u.name"]).where("m.meeting_id", "=", meetingId).orderBy("u.sort_order").execute();
}
function listDecisionItems(db, meetingIds) {
  if (!meetingIds.length) return Promise.resolve([]);
  return db.selectFrom("dispatch_decision as d").innerJoin("item as i", "i.id", "d.item_id").innerJoin("worklist as w", "w.id", "i.list_id").selectAll("i").select(["d.meeting_id", "d.sort_order as decision_order", "w.name as list_name"]).where("d.meeting_id", "in", meetingIds).orderBy("d.meeting_id").orderBy("d.sort_order").execute();
}
async function maxDecisionOrder(db, meetingId) {
  const r = await db.selectFrom("dispatch_decision").select((eb) => eb.fn.max("sort_order").as("m")).where("meeting_id", "=", meetingId).executeTakeFirst();
  return Number(r?.m ?? 0);
}
export {
  countNoticesByKind,
  countNoticesInYear,
  findBulletin,
  findMeeting,
  findNotice,
  findSetting,
  findSnapshot,
  findSnapshotBefore,
  firedStepKeys,
  insertBulletin,
  insertDecisions,
  insertMeeting,
  insertNoticeOnce,
  insertSnapshot,
  lastReportAt,
  listActiveUnits,
  listBulletins,
  listDecisionItems,
  listLeadItems,
  listMeetingUnits,
  listMeetings,
  listNotices,
  listSnapshotRows,
  listSnapshots,
  maxDecisionOrder,
  recentInstructions,
  replyToNotice,
  reportsBetween,
  returnsBetween,
  saveSetting,
  unitNames,
  updateDraftBulletin
};
//# sourceMappingURL=supervision.repository.js.map
