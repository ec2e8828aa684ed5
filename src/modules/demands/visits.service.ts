import type { DemandType } from '../../common/schemas/demands.js';
import type { Actor, AppContext } from '../../context.js';
import { withTransaction } from '../../db/database.js';
import { audit } from '../org/audit.service.js';
import { AppError, errorDefinition } from '../../common/errors.js';
import { findUserById } from '../org/index.js';
import { insertVisit, upsertKeyEnterprise } from './demands.repository.js';
import { demandCreator, resolveEnterprise } from './demands.service.js';

interface VisitInput {
  uscc: string;
  kind: 'specialist' | 'leader';
  visitedOn: string;
  notes: string;
  needs: { type: DemandType; subjectId: number; description: string }[];
}

/**
 * A specialist's or leader's visit to an enterprise (走访记录); each need found becomes a ticket of
 * the visit channel, routed like any other. The visit and its tickets are one transaction: a need
 * refused (e.g. an unknown subject) leaves nothing behind, and the error names the need.
 */
export async function recordVisit(ctx: AppContext, actor: Actor, body: VisitInput) {
  const enterprise = await resolveEnterprise(ctx.db, body.uscc, 'body.uscc');
  const uscc = enterprise!.uscc;
  const create = await demandCreator(ctx, actor);
  return withTransaction(ctx.db, async (trx) => {
    const id = await insertVisit(trx, {
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
      entityId: id,
      after: { uscc, kind: body.kind, visitedOn: body.visitedOn, needs: body.needs.length },
    });
    const ticketIds: number[] = [];
    for (const [i, need] of body.needs.entries()) {
      const intake = {
        channel: body.kind === 'leader' ? ('leader_visit' as const) : ('specialist_visit' as const),
        type: need.type,
        subjectId: need.subjectId,
        uscc,
        description: need.description,
        idempotencyKey: `visit-${id}-${i}`,
      };
      const t = await create(trx, intake).catch((err: unknown) => {
        throw err instanceof AppError ? forNeed(err, i) : err;
      });
      ticketIds.push(t.id);
    }
    return { id, uscc, kind: body.kind, visitedOn: body.visitedOn, notes: body.notes, ticketIds };
  });
}

/** Locates a ticket's refusal at the need it came from: `body.subjectId` → `body.needs.1.subjectId`, 第 2 条需求. */
function forNeed(err: AppError, index: number): AppError {
  const label = { zh: `第 ${index + 1} 条需求`, en: `need ${index + 1}` };
  const whole = err.custom ?? errorDefinition(err.code);
  const details = (err.details ?? [{ message: `${whole.zh} / ${whole.en}` }]).map((d) => ({
    ...d,
    path: d.path ? d.path.replace(/^body\./, `body.needs.${index}.`) : `body.needs.${index}`,
    message: `${label.zh}：${d.message}`,
  }));
  return new AppError(err.code, details, err.custom && { zh: `${label.zh}：${err.custom.zh}`, en: `${label.en}: ${err.custom.en}` });
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
