import { sql } from "kysely";
async function listIndicators(db) {
  return db.selectFrom("indicator").selectAll().orderBy("sort_order").orderBy("id").execute();
}
async function findIndicator(db, id) {
  return db.selectFrom("indicator").selectAll().where("id", "=", id).executeTakeFirst();
}
async function findIndicatorsByCode(db, codes) {
  if (!codes.length) return [];
  return db.selectFrom("indicator").selectAll().where("code", "in", codes).execute();
}
async function insertIndicator(db, v, at) {
  const row = await db.insertInto("indicator").values({ ...v, created_at: at, updated_at: at }).returning("id").executeTakeFirstOrThrow();
  return row.id;
}
async function updateIndicatorVersioned(db, id, version, v, at) {
  const r = await db.updateTable("indicator").set((eb) => ({ ...v, updated_at: at, version: eb("version", "+", 1) })).where("id", "=", id).where("version", "=", version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
async function listValues(db, f) {
  let q = db.selectFrom("indicator_value as v").innerJoin("indicator as i", "i.id", "v.indicator_id").innerJoin("unit as u", "u.id", "v.unit_id").leftJoin("indicator_target as t", (j) => j.onRef("t.indicator_id", "=", "v.indicator_id").onRef("t.unit_id", "=", "v.unit_id").onRef("t.period", "=", "v.period")).selectAll("v").select(["i.code as indicator_code", "u.name as unit_name", "t.target as target"]);
  if (f.indicatorId) q = q.where("v.indicator_id", "=", f.indicatorId);
  if (f.unitIds) q = f.unitIds.length ? q.where("v.unit_id", "in", f.unitIds) : q.where(sql`1 = 0`);
  if (f.ids) q = f.ids.length ? q.where("v.id", "in", f.ids) : q.where(sql`1 = 0`);
  if (f.periodFrom) q = q.where("v.period", ">=", f.periodFrom);
  if (f.periodTo) q = q.where("v.period", "<=", `${f.periodTo}\uFFFF`);
  return q.orderBy("v.indicator_id").orderBy("v.unit_id").orderBy("v.period").execute();
}
async function findValue(db, id) {
  return (await listValues(db, { ids: [id] }))[0];
}
async function findValueByKey(db, indicatorId, unitId, period) {
  return db.selectFrom("indicator_value").selectAll().where("indicator_id", "=", indicatorId).where("unit_id", "=", unitId).where("period", "=", period).executeTakeFirst();
}
async function listValueKeys(db, indicatorIds, unitIds) {
  if (!indicatorIds.length || !unitIds.length) return [];
  return db.selectFrom("indicator_value").selectAll().where("indicator_id", "in", indicatorIds).where("unit_id", "in", unitIds).execute();
}
async function insertValue(db, v, at) {
  const row = await db.insertInto("indicator_value").values({ ...v, created_at: at, updated_at: at }).returning("id").executeTakeFirstOrThrow();
  return row.id;
}
async function insertValues(db, rows, at) {
  const ids = [];
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500).map((v) => ({ ...v, created_at: at, updated_at: at }));
    ids.push(...(await db.insertInto("indicator_value").values(chunk).returning("id").execute()).map((r) => r.id));
  }
  return ids;
}
async function updateValueVersioned(db, id, version, v, at) {
  const r = await db.updateTable("indicator_value").set((eb) => ({ ...v, updated_at: at, version: eb("version", "+", 1) })).where("id", "=", id).where("version", "=", version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
async function latestValues(db, unitId, upToPeriod) {
  const rows = await db.selectFrom("indicator_value").selectAll().where("unit_id", "=", unitId).where("period", "<=", `${upToPeriod}\uFFFF`).orderBy("indicator_id").orderBy("period", "desc").execute();
  const seen = /* @__PURE__ */ new Set();
  return rows.filter((r) => !seen.has(r.indicator_id) && seen.add(r.indicator_id));
}
async function findTarget(db, indicatorId, unitId, period) {
  return db.selectFrom("indicator_target").selectAll().where("indicator_id", "=", indicatorId).where("unit_id", "=", unitId).where("period", "=", period).executeTakeFirst();
}
async function listTargets(db, f) {
  let q = db.selectFrom("indicator_target").selectAll();
  if (f.indicatorId) q = q.where("indicator_id", "=", f.indicatorId);
  if (f.unitIds) q = f.unitIds.length ? q.where("unit_id", "in", f.unitIds) : q.where(sql`1 = 0`);
  return q.orderBy("indicator_id").orderBy("unit_id").orderBy("period").execute();
}
async function upsertTarget(db, v, at) {
  const existing = await findTarget(db, v.indicator_id, v.unit_id, v.period);
  if (existing) {
    await db.updateTable("indicator_target").set((eb) => ({ target: v.target, note: v.note, updated_at: at, version: eb("version", "+", 1) })).where("id", "=", existing.id).execute();
  } else {
    await db.insertInto("indicator_target").values({ ...v, created_at: at, updated_at: at }).execute();
  }
  return await findTarget(db, v.indicator_id, v.unit_id, v.period);
}
async function listPeerValues(db, methodId, period) {
  return db.selectFrom("indicator_peer_value").selectAll().where("method_id", "=", methodId).where("period", "=", period).orderBy("peer_code").orderBy("id").execute();
}
async function replacePeerValues(db, methodId, period, rows) {
  const r = await db.deleteFrom("indicator_peer_value").where("method_id", "=", methodId).where("period", "=", period).executeTakeFirst();
  for (let i = 0; i < rows.length; i += 500) await db.insertInto("indicator_peer_value").values(rows.slice(i, i + 500)).execute();
  return Number(r.numDeletedRows);
}
async function listAuditFor(db, entity, entityId) {
  return db.selectFrom("audit_log").select(["at", "actor_name", "action", "before_json", "after_json"]).where("entity", "=", entity).where("entity_id", "=", String(entityId)).orderBy("id").execute();
}
async function listImportAuditFrom(db, at, limit = 5) {
  return db.selectFrom("audit_log").select(["at", "actor_name", "action", "before_json", "after_json"]).where("entity", "=", "indicator_value_import").where("at", ">=", at).orderBy("id").limit(limit).execute();
}
async function listQuestionSelfScores(db, unitId) {
  let q = db.selectFrom("item as it").innerJoin("item_assignment as a", "a.item_id", "it.id").innerJoin("unit as u", "u.id", "a.unit_id").select(["a.unit_id as unitId", "u.name as unitName", "it.area as area", "it.self_score as selfScore", "it.max_score as maxScore"]).where("it.kind", "=", "question").where("a.role", "=", "lead");
  if (unitId) q = q.where("a.unit_id", "=", unitId);
  return q.execute();
}
export {
  findIndicator,
  findIndicatorsByCode,
  findTarget,
  findValue,
  findValueByKey,
  insertIndicator,
  insertValue,
  insertValues,
  latestValues,
  listAuditFor,
  listImportAuditFrom,
  listIndicators,
  listPeerValues,
  listQuestionSelfScores,
  listTargets,
  listValueKeys,
  listValues,
  replacePeerValues,
  updateIndicatorVersioned,
  updateValueVersioned,
  upsertTarget
};
//# sourceMappingURL=indicators.repository.js.map
