import { AppError } from '../../common/errors.js';
import { DEMAND_TYPES, type DeadlinesView, type DemandType } from '../../common/schemas/demands.js';
import type { Actor, AppContext } from '../../context.js';
import { type Executor, withTransaction } from '../../db/database.js';
import { audit } from '../org/audit.service.js';
import { findUnit, listUnits } from '../org/index.js';
import {
  deleteRouteRule,
  findRouteRule,
  findSubject,
  insertRouteRule,
  insertSubject,
  listDeadlines,
  listRouteRules,
  listSubjects,
  upsertDeadline,
  updateRouteRule,
} from './demands.repository.js';

/** The limits the issue names: sign for within 2 working hours; 咨询 1 working day, 求助/建议 5, 投诉/举报 10; 重办 5. */
export const DEFAULT_DEADLINES = { sign_for: 2, reopen: 5, consult: 1, help: 5, suggestion: 5, complaint: 10, report: 10 } as const;

export interface Deadlines {
  signForHours: number;
  reopenDays: number;
  days: Record<DemandType, number>;
  version: number;
}

export async function loadDeadlines(db: Executor): Promise<Deadlines> {
  const rows = new Map((await listDeadlines(db)).map((r) => [r.key, r]));
  const amount = (k: keyof typeof DEFAULT_DEADLINES) => rows.get(k)?.amount ?? DEFAULT_DEADLINES[k];
  const days = Object.fromEntries(DEMAND_TYPES.map((t) => [t, amount(t)])) as Record<DemandType, number>;
  const version = Math.max(1, ...[...rows.values()].map((r) => r.version));
  return { signForHours: amount('sign_for'), reopenDays: amount('reopen'), days, version };
}

export async function updateDeadlines(ctx: AppContext, actor: Actor, body: DeadlinesView): Promise<DeadlinesView> {
  return withTransaction(ctx.db, async (trx) => {
    const before = await loadDeadlines(trx);
    if (before.version !== body.version) throw new AppError('VERSION_CONFLICT');
    const at = ctx.clock().toISOString();
    await upsertDeadline(trx, 'sign_for', body.signForHours, at);
    await upsertDeadline(trx, 'reopen', body.reopenDays, at);
    for (const t of DEMAND_TYPES) await upsertDeadline(trx, t, body.days[t] ?? before.days[t], at);
    const after = await loadDeadlines(trx);
    await audit(ctx, trx, actor, { action: 'demands.deadlines.update', entity: 'demand_deadline', entityId: null, before, after });
    return after;
  });
}

export async function subjectTree(ctx: AppContext) {
  return (await listSubjects(ctx.db)).map((s) => ({ id: s.id, parentId: s.parent_id, name: s.name, sortOrder: s.sort_order }));
}

export async function addSubject(ctx: AppContext, actor: Actor, body: { parentId: number | null; name: string; sortOrder: number }) {
  return withTransaction(ctx.db, async (trx) => {
    if (body.parentId && !(await findSubject(trx, body.parentId)))
      throw new AppError('VALIDATION_FAILED', [{ path: 'body.parentId', message: '上级事项不存在 / parent subject not found' }]);
    const id = await insertSubject(trx, { parent_id: body.parentId, name: body.name, sort_order: body.sortOrder });
    await audit(ctx, trx, actor, { action: 'demands.subject.add', entity: 'demand_subject', entityId: id, after: body });
    return { id, parentId: body.parentId, name: body.name, sortOrder: body.sortOrder };
  });
}

export async function routeRules(ctx: AppContext) {
  const rules = await listRouteRules(ctx.db);
  const units = new Map(
    (await listUnits(ctx.db, { ids: [...new Set(rules.map((r) => r.unit_id))], includeRetired: true })).map((u) => [u.id, u.name]),
  );
  return rules.map((r) => ({
    id: r.id,
    subjectId: r.subject_id,
    countyCode: r.county_code,
    unitId: r.unit_id,
    unitName: units.get(r.unit_id) ?? '',
  }));
}

type RouteRuleInput = { subjectId: number; countyCode: string | null; unitId: number };

/** The subject must exist and the unit be active: a ticket is never routed to a retired unit. */
async function checkRouteRule(trx: Executor, body: RouteRuleInput) {
  if (!(await findSubject(trx, body.subjectId)))
    throw new AppError('VALIDATION_FAILED', [{ path: 'body.subjectId', message: '业务事项不存在 / subject not found' }]);
  const unit = await findUnit(trx, body.unitId);
  if (!unit || unit.status !== 'active')
    throw new AppError('VALIDATION_FAILED', [{ path: 'body.unitId', message: '承办单位不存在或已撤销 / unit not found or retired' }]);
  return unit;
}

export async function addRouteRule(ctx: AppContext, actor: Actor, body: RouteRuleInput) {
  return withTransaction(ctx.db, async (trx) => {
    const unit = await checkRouteRule(trx, body);
    const id = await insertRouteRule(trx, {
      subject_id: body.subjectId,
      county_code: body.countyCode,
      unit_id: body.unitId,
      updated_at: ctx.clock().toISOString(),
    });
    await audit(ctx, trx, actor, { action: 'demands.route.add', entity: 'demand_route_rule', entityId: id, after: body });
    return { id, ...body, unitName: unit.name };
  });
}

/** Edits a routing rule; tickets already dispatched stay with their unit, new ones follow the rule. */
export async function editRouteRule(ctx: AppContext, actor: Actor, id: number, body: RouteRuleInput) {
  return withTransaction(ctx.db, async (trx) => {
    const before = await findRouteRule(trx, id);
    if (!before) throw new AppError('NOT_FOUND');
    const unit = await checkRouteRule(trx, body);
    await updateRouteRule(trx, id, {
      subject_id: body.subjectId,
      county_code: body.countyCode,
      unit_id: body.unitId,
      updated_at: ctx.clock().toISOString(),
    });
    await audit(ctx, trx, actor, { action: 'demands.route.edit', entity: 'demand_route_rule', entityId: id, before, after: body });
    return { id, ...body, unitName: unit.name };
  });
}

export async function removeRouteRule(ctx: AppContext, actor: Actor, id: number) {
  await withTransaction(ctx.db, async (trx) => {
    const before = await findRouteRule(trx, id);
    if (!before) throw new AppError('NOT_FOUND');
    await deleteRouteRule(trx, id);
    await audit(ctx, trx, actor, { action: 'demands.route.remove', entity: 'demand_route_rule', entityId: id, before });
  });
}

/**
 * The unit responsible for a subject in a county: the subject's rule for that county, else its
 * rule for any county, else the same search on the parent subject. Undefined: the office dispatches.
 */
/**
 * The unit a ticket goes to: the rule for its subject and county, else for its subject anywhere,
 * else the same for the parent subject, upwards. Pure, so intake can decide it from settings read
 * before its transaction.
 */
export function routeIn(
  rules: readonly { subject_id: number; county_code: string | null; unit_id: number }[],
  subjects: ReadonlyMap<number, { id: number; parent_id: number | null }>,
  subjectId: number,
  countyCode: string | null,
): number | undefined {
  for (let s = subjects.get(subjectId); s; s = s.parent_id ? subjects.get(s.parent_id) : undefined) {
    const own = rules.filter((r) => r.subject_id === s!.id);
    const hit = own.find((r) => countyCode && r.county_code === countyCode) ?? own.find((r) => r.county_code === null);
    if (hit) return hit.unit_id;
  }
  return undefined;
}
