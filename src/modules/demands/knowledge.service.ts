import { AppError } from '../../common/errors.js';
import type { KnowledgeBody, KnowledgeView } from '../../common/schemas/demands.js';
import type { Actor, AppContext } from '../../context.js';
import { type Executor, withTransaction } from '../../db/database.js';
import { audit } from '../org/audit.service.js';
import { serviceRefs } from '../services/index.js';
import { deleteKnowledge, findKnowledge, insertKnowledge, searchKnowledge, updateKnowledge } from './demands.repository.js';

type KnowledgeRow = NonNullable<Awaited<ReturnType<typeof findKnowledge>>>;

/** Rows as the seat sees them, each with its linked service's code and name (one read for all). */
async function present(db: Executor, rows: KnowledgeRow[]): Promise<KnowledgeView[]> {
  const services = await serviceRefs(db, [...new Set(rows.flatMap((k) => (k.service_id ? [k.service_id] : [])))]);
  return rows.map((k) => ({
    id: k.id,
    subjectId: k.subject_id,
    question: k.question,
    answer: k.answer,
    keywords: k.keywords,
    policyId: k.policy_id,
    service: (k.service_id && services.get(k.service_id)) || null,
  }));
}

/** What the seat finds while the caller is on the line: every word of the query must appear. */
export async function findAnswers(ctx: AppContext, q: { q: string; subjectId?: number | undefined }): Promise<KnowledgeView[]> {
  const terms = q.q
    .split(/[\s,，。？?、]+/)
    .filter(Boolean)
    .slice(0, 5);
  return present(ctx.db, await searchKnowledge(ctx.db, terms, q.subjectId));
}

/** The stored values of a body; a service link must name a service of the catalogue. */
async function valuesOf(ctx: AppContext, trx: Executor, body: KnowledgeBody) {
  if (body.serviceId && !(await serviceRefs(trx, [body.serviceId])).size)
    throw new AppError('VALIDATION_FAILED', [{ path: 'body.serviceId', message: '政务服务事项不存在 / no such service in the catalogue' }]);
  return {
    subject_id: body.subjectId,
    question: body.question,
    answer: body.answer,
    keywords: body.keywords,
    policy_id: body.policyId,
    service_id: body.serviceId,
    updated_at: ctx.clock().toISOString(),
  };
}

async function reread(trx: Executor, id: number): Promise<KnowledgeView> {
  return (await present(trx, [(await findKnowledge(trx, id))!]))[0]!;
}

export async function addKnowledge(ctx: AppContext, actor: Actor, body: KnowledgeBody): Promise<KnowledgeView> {
  return withTransaction(ctx.db, async (trx) => {
    const id = await insertKnowledge(trx, await valuesOf(ctx, trx, body));
    await audit(ctx, trx, actor, { action: 'demands.knowledge.add', entity: 'demand_knowledge', entityId: id, after: body });
    return reread(trx, id);
  });
}

export async function editKnowledge(ctx: AppContext, actor: Actor, id: number, body: KnowledgeBody): Promise<KnowledgeView> {
  return withTransaction(ctx.db, async (trx) => {
    const before = await findKnowledge(trx, id);
    if (!before) throw new AppError('NOT_FOUND');
    await updateKnowledge(trx, id, await valuesOf(ctx, trx, body));
    await audit(ctx, trx, actor, { action: 'demands.knowledge.edit', entity: 'demand_knowledge', entityId: id, before, after: body });
    return reread(trx, id);
  });
}

/** Removes an answer; tickets closed with it keep their note naming it. */
export async function removeKnowledge(ctx: AppContext, actor: Actor, id: number): Promise<void> {
  await withTransaction(ctx.db, async (trx) => {
    const before = await findKnowledge(trx, id);
    if (!before) throw new AppError('NOT_FOUND');
    await deleteKnowledge(trx, id);
    await audit(ctx, trx, actor, { action: 'demands.knowledge.remove', entity: 'demand_knowledge', entityId: id, before });
  });
}
