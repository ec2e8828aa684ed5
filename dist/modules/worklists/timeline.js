import { insertEvents } from "./progress.repository.js";
async function recordEvents(ctx, trx, actor, events) {
  const at = ctx.clock().toISOString();
  await insertEvents(
    trx,
    events.map((e) => ({
      item_id: e.itemId,
      at,
      type: e.type,
      actor_id: actor.id > 0 ? actor.id : null,
      actor_name: actor.displayName,
      data_json: JSON.stringify(e.data ?? {})
    }))
  );
}
function recordEvent(ctx, trx, actor, itemId, type, data) {
  return recordEvents(ctx, trx, actor, [{ itemId, type, ...data ? { data } : {} }]);
}
export {
  recordEvent,
  recordEvents
};
//# sourceMappingURL=timeline.js.map
