import { paged } from "../../db/paged.js";
async function insertAudit(db, e) {
  await db.insertInto("audit_log").values({
    at: e.at,
    actor_id: e.actorId,
    actor_name: e.actorName,
    action: e.action,
    entity: e.entity,
    entity_id: e.entityId === null ? null : String(e.entityId),
    before_json: e.before === void 0 || e.before === null ? null : JSON.stringify(e.before),
    after_json: e.after === void 0 || e.after === null ? null : JSON.stringify(e.after),
    ip: e.ip ?? null
  }).execute();
}
async function listAudit(db, q) {
  let query = db.selectFrom("audit_log");
  if (q.actorId) query = query.where("actor_id", "=", q.actorId);
  if (q.entity) query = query.where("entity", "=", q.entity);
  if (q.entityId) query = query.where("entity_id", "=", q.entityId);
  if (q.action) query = query.where("action", "=", q.action);
  if (q.from) query = query.where("at", ">=", q.from);
  if (q.to) query = query.where("at", "<", `${q.to}T99`);
  return paged(query.selectAll().orderBy("id", "desc"), q);
}
export {
  insertAudit,
  listAudit
};
//# sourceMappingURL=audit.repository.js.map
