import type { TimelineEventType } from '../../common/schemas/worklists.js';
import type { Actor, AppContext } from '../../context.js';
import type { Executor } from '../../db/database.js';
import { insertEvents } from './progress.repository.js';

/** Appends events to items' timelines, in the caller's transaction so they land with the change. */
export async function recordEvents(
  ctx: Pick<AppContext, 'clock'>,
  trx: Executor,
  actor: Actor,
  events: { itemId: number; type: TimelineEventType; data?: Record<string, unknown> }[],
): Promise<void> {
  const at = ctx.clock().toISOString();
  await insertEvents(
    trx,
    events.map((e) => ({
      item_id: e.itemId,
      at,
      type: e.type,
      actor_id: actor.id > 0 ? actor.id : null,
      actor_name: actor.displayName,
      data_json: JSON.stringify(e.data ?? {}),
    })),
  );
}

export function recordEvent(
  ctx: Pick<AppContext, 'clock'>,
  trx: Executor,
  actor: Actor,
  itemId: number,
  type: TimelineEventType,
  data?: Record<string, unknown>,
) {
  return recordEvents(ctx, trx, actor, [{ itemId, type, ...(data ? { data } : {}) }]);
}
