import type { DemandType } from '../../common/schemas/demands.js';
import type { Actor, AppContext } from '../../context.js';
import { withTransaction } from '../../db/database.js';
import { audit } from '../org/audit.service.js';
import { AppError } from '../../common/errors.js';
import { findUserById } from '../org/index.js';
import { insertVisit, upsertKeyEnterprise } from './demands.repository.js';
import { intakeDemand, resolveEnterprise } from './demands.service.js';

interface VisitInput {
  uscc: string;
  kind: 'specialist' | 'leader';
  visitedOn: string;
  notes: string;
  needs: { type: DemandType; subjectId: number; description: string }[];
}

/**
 * A specialist's or leader's visit to an enterprise (走访记录); each need found becomes a ticket of
 * the visit channel, routed like any other. The visit is written first, so a need refused later
 * (e.g. an unknown subject) leaves the visit and the needs before it in place; the answer lists them.
 */
export async function recordVisit(ctx: AppContext, actor: Actor, body: VisitInput) {
  const enterprise = await resolveEnterprise(ctx.db, body.uscc, 'body.uscc');
  const uscc = enterprise!.uscc;
  const id = await withTransaction(ctx.db, async (trx) => {
    const visitId = await insertVisit(trx, {
      uscc,
      kind: body.kind,
      visitor_id: actor.id,
      visited_on: body.visitedOn,
      notes: body.notes,
      created_at: ctx.clock().toISOString(),
    });
    await audit(ctx, trx, actor, {
      action: 'demands.visit.add',
      entity: 'demand_visit',
      entityId: visitId,
      after: { uscc, kind: body.kind, visitedOn: body.visitedOn, needs: body.needs.length },
    });
    return visitId;
  });
  const ticketIds: number[] = [];
  for (const [i, need] of body.needs.entries()) {
    const t = await intakeDemand(ctx, actor, {
      channel: body.kind === 'leader' ? 'leader_visit' : 'specialist_visit',
      type: need.type,
      subjectId: need.subjectId,
      uscc,
      description: need.description,
      idempotencyKey: `visit-${id}-${i}`,
    });
    ticketIds.push(t.id);
  }
  return { id, uscc, kind: body.kind, visitedOn: body.visitedOn, notes: body.notes, ticketIds };
}

/** A key enterprise's service specialist (and chief specialist): its new tickets are followed by them. */
export async function assignKeyEnterprise(
  ctx: AppContext,
  actor: Actor,
  body: { uscc: string; specialistId: number; chiefId: number | null },
) {
  const enterprise = await resolveEnterprise(ctx.db, body.uscc, 'body.uscc');
  for (const [path, id] of [
    ['body.specialistId', body.specialistId],
    ['body.chiefId', body.chiefId],
  ] as const) {
    if (id === null) continue;
    const user = await findUserById(ctx.db, id);
    if (!user || user.role !== 'specialist')
      throw new AppError('VALIDATION_FAILED', [{ path, message: '该用户不是企业服务专员 / not a service specialist' }]);
  }
  const uscc = enterprise!.uscc;
  await withTransaction(ctx.db, async (trx) => {
    await upsertKeyEnterprise(trx, {
      uscc,
      specialist_id: body.specialistId,
      chief_id: body.chiefId,
      updated_at: ctx.clock().toISOString(),
    });
    await audit(ctx, trx, actor, {
      action: 'demands.keyEnterprise.assign',
      entity: 'demand_key_enterprise',
      entityId: null,
      after: { ...body, uscc },
    });
  });
  return { uscc, specialistId: body.specialistId, chiefId: body.chiefId };
}
