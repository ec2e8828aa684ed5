import { insertAudit, listAudit } from "./audit.repository.js";
async function audit(ctx, trx, actor, entry) {
  await insertAudit(trx, {
    ...entry,
    at: ctx.clock().toISOString(),
    actorId: actor && actor.id > 0 ? actor.id : null,
    actorName: actor ? actor.displayName : null,
    ip: actor?.ip ?? null
  });
}
function parse(json) {
  return json === null ? null : JSON.parse(json);
}
async function listAuditLog(ctx, q) {
  const { rows, total } = await listAudit(ctx.db, q);
  return {
    total,
    items: rows.map((r) => ({
      id: r.id,
      at: r.at,
      actorId: r.actor_id,
      actorName: r.actor_name,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      before: parse(r.before_json),
      after: parse(r.after_json),
      ip: r.ip
    }))
  };
}
export {
  audit,
  listAuditLog
};
//# sourceMappingURL=audit.service.js.map
