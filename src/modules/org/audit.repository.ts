import type { AuditQuery } from '../../common/schemas/org.js';
import type { Executor } from '../../db/database.js';
import { paged } from '../../db/paged.js';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

export interface AuditEntry {
  at: string;
  actorId: number | null;
  actorName: string | null;
  action: string;
  entity: string;
  entityId: string | number | null;
  before?: unknown;
  after?: unknown;
  ip?: string | null | undefined;
}

export async function insertAudit(db: Executor, e: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: e.at,
      actor_id: e.actorId,
      actor_name: e.actorName,
      action: e.action,
      entity: e.entity,
      entity_id: e.entityId === null ? null : String(e.entityId),
      before_json: e.before === undefined || e.before === null ? null : JSON.stringify(e.before),
      after_json: e.after === undefined || e.after === null ? null : JSON.stringify(e.after),
      ip: e.ip ?? null,
    })
    .execute();
}

export async function listAudit(db: Kysely<DB>, q: AuditQuery) {
  let query = db.selectFrom('audit_log');
  if (q.actorId) query = query.where('actor_id', '=', q.actorId);
  if (q.entity) query = query.where('entity', '=', q.entity);
  if (q.entityId) query = query.where('entity_id', '=', q.entityId);
  if (q.action) query = query.where('action', '=', q.action);
  if (q.from) query = query.where('at', '>=', q.from);
  // `to` is inclusive: everything before the next day starts.
  if (q.to) query = query.where('at', '<', `${q.to}T99`);
  return paged(query.selectAll().orderBy('id', 'desc'), q);
}
