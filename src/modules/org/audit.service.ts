import type { AuditQuery, AuditView } from '../../common/schemas/org.js';
import type { Actor, AppContext } from '../../context.js';
import type { Executor } from '../../db/database.js';
import { type AuditEntry, insertAudit, listAudit } from './audit.repository.js';

/**
 * Records one write. Call it inside the same transaction as the write itself, so a change and its
 * audit row land together or not at all.
 */
export async function audit(
  ctx: Pick<AppContext, 'clock'>,
  trx: Executor,
  actor: Actor | null,
  entry: Omit<AuditEntry, 'at' | 'actorId' | 'actorName' | 'ip'>,
): Promise<void> {
  await insertAudit(trx, {
    ...entry,
    at: ctx.clock().toISOString(),
    actorId: actor && actor.id > 0 ? actor.id : null,
    actorName: actor ? actor.displayName : null,
    ip: actor?.ip ?? null,
  });
}

function parse(json: string | null): unknown {
  return json === null ? null : JSON.parse(json);
}

export async function listAuditLog(ctx: AppContext, q: AuditQuery): Promise<{ items: AuditView[]; total: number }> {
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
      ip: r.ip,
    })),
  };
}
