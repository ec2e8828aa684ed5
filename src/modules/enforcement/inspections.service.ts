import { randomBytes } from 'node:crypto';
import { hasPermission } from '../../common/permissions.js';
import { AppError } from '../../common/errors.js';
import type { PlanBody, RESULT_OUTCOMES, ResultBody } from '../../common/schemas/enforcement.js';

type Outcome = (typeof RESULT_OUTCOMES)[number];
import type { Actor, AppContext } from '../../context.js';
import { type Executor, withTransaction } from '../../db/database.js';
import type { WorkCalendar } from '../../common/workdays.js';
import { getWorkCalendar } from '../calendar/calendar.service.js';
import { notify } from '../notifications/notifications.service.js';
import { audit } from '../org/audit.service.js';
import { activeUnitIds, listUnits } from '../org/index.js';
import { registryByIds } from '../policies/index.js';
import { certified } from './catalogue.service.js';
import { recordCreditFact } from './credit.service.js';
import { DRAW_ALGORITHM, DrawError, type DrawSnapshot, type DrawnVisit, type Quota, runDraw, sha256Hex, verifyDraw } from './draw.js';
import {
  type PlanRow,
  type ResultRow,
  type VisitRow,
  findById,
  findItemsByCodes,
  findResultFor,
  findVisit,
  findWaiver,
  insertRow,
  insertVisits,
  inspectedWithin,
  poolInRegistry,
  lastInspectors,
  listOfficers,
  listPlans,
  listRecusals,
  listResults,
  listVisits,
  updateVersioned,
} from './enforcement.repository.js';
import { assertUnit, parseJson } from './scope.js';

/** An enterprise not yet graded is drawn as 一般风险 (B) until its first grading. */
const UNGRADED = 'B';

const today = (ctx: AppContext) => ctx.clock().toISOString().slice(0, 10);

function presentPlan(p: PlanRow) {
  return {
    id: p.id,
    name: p.name,
    kind: p.kind,
    unitIds: parseJson<number[]>(p.unit_ids_json),
    itemCodes: parseJson<string[]>(p.item_codes_json),
    filter: parseJson<PlanBody['filter']>(p.filter_json),
    quotas: parseJson<Quota[]>(p.quotas_json),
    officerIds: parseJson<number[]>(p.officer_ids_json),
    officersPerVisit: p.officers_per_visit,
    windowFrom: p.window_from,
    windowTo: p.window_to,
    offSite: p.off_site === 1,
    dataSource: p.data_source,
    publishDays: p.publish_days,
    status: p.status,
    commitment: p.commitment,
    snapshotHash: p.snapshot_hash,
    // The seed stays secret until the draw: publishing it earlier would let anyone predict the draw.
    seed: p.status === 'draft' || p.status === 'committed' ? null : p.seed,
    committedAt: p.committed_at,
    drawnAt: p.drawn_at,
    resultsPublishedAt: p.results_published_at,
    version: p.version,
  };
}
export type PlanView = ReturnType<typeof presentPlan>;

/** Checks that items are in the catalogue of the plan's units and officers are certified members of them. */
async function checkPlan(trx: Executor, body: Pick<PlanBody, 'unitIds' | 'itemCodes' | 'officerIds'>, on: string, prefix: string) {
  const problems: { path: string; message: string }[] = [];
  const items = new Map((await findItemsByCodes(trx, body.itemCodes)).map((i) => [i.code, i]));
  body.itemCodes.forEach((code, k) => {
    const item = items.get(code);
    if (!item) problems.push({ path: `${prefix}itemCodes.${k}`, message: `抽查事项 ${code} 不在执法事项清单中 / not in the catalogue` });
    else if (!body.unitIds.includes(item.unit_id))
      problems.push({
        path: `${prefix}itemCodes.${k}`,
        message: `抽查事项 ${code} 不属于计划的部门 / belongs to a department outside the plan`,
      });
  });
  if (problems.length) throw new AppError('ENF_ITEM_NOT_IN_CATALOGUE', problems);
  const officers = new Map((await listOfficers(trx, { ids: body.officerIds })).map((o) => [o.id, o]));
  body.officerIds.forEach((id, k) => {
    const o = officers.get(id);
    if (!o) problems.push({ path: `${prefix}officerIds.${k}`, message: `执法人员 ${id} 不存在 / unknown officer` });
    else if (!certified(o, on))
      problems.push({
        path: `${prefix}officerIds.${k}`,
        message: `${o.name} 无有效执法证件（${o.cert_valid_to ? `有效期至 ${o.cert_valid_to}` : '未登记证件'}） / no valid certificate`,
      });
    else if (!body.unitIds.includes(o.unit_id))
      problems.push({ path: `${prefix}officerIds.${k}`, message: `${o.name} 不属于计划的部门 / not in the plan's departments` });
  });
  if (problems.length) throw new AppError('ENF_CERTIFICATE_INVALID', problems);
}

export async function createPlan(ctx: AppContext, actor: Actor, body: PlanBody): Promise<PlanView> {
  assertUnit(actor, body.unitIds);
  if (body.windowFrom > body.windowTo)
    throw new AppError('VALIDATION_FAILED', [
      { path: 'body.windowTo', message: '结束日期早于开始日期 / the window ends before it starts' },
    ]);
  if (body.offSite && !body.dataSource)
    throw new AppError('VALIDATION_FAILED', [
      { path: 'body.dataSource', message: '非现场检查须注明数据来源 / an off-site inspection names its data source' },
    ]);
  const grades = body.quotas.map((q) => q.grade);
  if (new Set(grades).size !== grades.length)
    throw new AppError('VALIDATION_FAILED', [{ path: 'body.quotas', message: '每个信用等级只设一个抽取比例 / one quota per grade' }]);
  return withTransaction(ctx.db, async (trx) => {
    const units = await activeUnitIds(trx, body.unitIds);
    const unknown = body.unitIds.findIndex((u) => !units.includes(u));
    if (unknown >= 0) throw new AppError('VALIDATION_FAILED', [{ path: `body.unitIds.${unknown}`, message: '单位不存在 / unknown unit' }]);
    await checkPlan(trx, body, today(ctx), 'body.');
    const at = ctx.clock().toISOString();
    const id = await insertRow(trx, 'enf_plan', {
      name: body.name,
      kind: body.kind,
      unit_ids_json: JSON.stringify(body.unitIds),
      item_codes_json: JSON.stringify(body.itemCodes),
      filter_json: JSON.stringify(body.filter),
      quotas_json: JSON.stringify(body.quotas),
      officer_ids_json: JSON.stringify(body.officerIds),
      officers_per_visit: body.officersPerVisit,
      window_from: body.windowFrom,
      window_to: body.windowTo,
      off_site: body.offSite ? 1 : 0,
      data_source: body.dataSource,
      publish_days: body.publishDays,
      status: 'draft',
      created_by: actor.id,
      created_at: at,
      updated_at: at,
    });
    const view = presentPlan((await findById(trx, 'enf_plan', id))!);
    await audit(ctx, trx, actor, { action: 'enforcement.plan.create', entity: 'enf_plan', entityId: id, after: view });
    return view;
  });
}

async function planFor(trx: Executor, actor: Actor, id: number): Promise<PlanRow> {
  const plan = await findById(trx, 'enf_plan', id);
  if (!plan) throw new AppError('NOT_FOUND');
  assertUnit(actor, parseJson<number[]>(plan.unit_ids_json));
  return plan;
}

/** The pool snapshot: everything the draw depends on, read from the registry, grades and history. */
export async function buildSnapshot(trx: Executor, plan: PlanRow, on: string): Promise<DrawSnapshot> {
  const filter = parseJson<PlanBody['filter']>(plan.filter_json);
  const items = parseJson<string[]>(plan.item_codes_json);
  const unitIds = parseJson<number[]>(plan.unit_ids_json);
  const recognisedMap = new Map<number, Set<string>>();
  for (const r of await inspectedWithin(trx, items, plan.window_from, plan.window_to)) {
    let set = recognisedMap.get(r.enterprise_id);
    if (!set) recognisedMap.set(r.enterprise_id, (set = new Set()));
    set.add(r.item_code);
  }
  // The filtered registry and its grades in one read; then the enterprises already inspected for
  // every item of the plan within its window (mutual recognition: few) are left out.
  const pool = await poolInRegistry(trx, filter, UNGRADED);
  let { enterpriseIds, grades } = pool;
  const done = new Set([...recognisedMap].filter(([, set]) => set.size >= items.length).map(([e]) => e));
  if (done.size) {
    const keep = enterpriseIds.map((e) => !done.has(e));
    grades = [...grades].filter((_, i) => keep[i]).join('');
    enterpriseIds = enterpriseIds.filter((_, i) => keep[i]);
  }
  const inPool = new Set(enterpriseIds);
  const officers = (await listOfficers(trx, { ids: parseJson<number[]>(plan.officer_ids_json) }))
    .filter((o) => certified(o, on))
    .map((o) => ({ id: o.id, unitId: o.unit_id }));
  const officerIds = new Set(officers.map((o) => o.id));
  return {
    algorithm: DRAW_ALGORITHM,
    planId: plan.id,
    items,
    enterpriseIds,
    grades,
    recognised: [...recognisedMap].filter(([e]) => inPool.has(e)).map(([e, set]) => [e, items.filter((c) => set.has(c))]),
    quotas: parseJson<Quota[]>(plan.quotas_json),
    officers,
    officersPerVisit: plan.officers_per_visit,
    recusals: (await listRecusals(trx, unitIds)).filter((r) => inPool.has(r.enterprise_id)).map((r) => [r.unit_id, r.enterprise_id]),
    lastInspectors: (await lastInspectors(trx, plan.id))
      .filter((r) => inPool.has(r.enterprise_id))
      .map((r) => [r.enterprise_id, parseJson<number[]>(r.officer_ids_json).filter((o) => officerIds.has(o))] as [number, number[]])
      .filter(([, ids]) => ids.length > 0),
  };
}

function drawProblem(err: unknown, snapshot: DrawSnapshot): never {
  if (!(err instanceof DrawError)) throw err;
  if (err.kind === 'pool_too_small') {
    const k = snapshot.quotas.findIndex((q) => q.grade === err.info.grade);
    throw new AppError('ENF_POOL_TOO_SMALL', [
      {
        path: `quotas.${k}`,
        message:
          `${String(err.info.grade)} 级对象库 ${String(err.info.pool)} ` +
          `户，少于抽取数 ${String(err.info.sample)} / the pool is smaller than the sample`,
        ...err.info,
      },
    ]);
  }
  throw new AppError('ENF_NOT_ENOUGH_OFFICERS', [
    {
      path: 'officerIds',
      message: `企业 ${String(err.info.enterpriseId)} 满足回避规则的持证人员不足 ${snapshot.officersPerVisit} 名 / not enough eligible officers`,
      ...err.info,
    },
  ]);
}

/**
 * Fixes the pool and publishes the commitment (SHA-256 of a fresh secret seed) and the snapshot's
 * hash. The draw is tried once with the secret seed so that a draw that cannot keep the rules fails
 * here, before anything is published, and never after the seed is known.
 */
export async function commitPlan(ctx: AppContext, actor: Actor, id: number, version: number): Promise<PlanView> {
  return withTransaction(ctx.db, async (trx) => {
    const plan = await planFor(trx, actor, id);
    if (plan.status !== 'draft') throw new AppError('ENF_PLAN_STATUS');
    const on = today(ctx);
    await checkPlan(
      trx,
      { unitIds: parseJson(plan.unit_ids_json), itemCodes: parseJson(plan.item_codes_json), officerIds: parseJson(plan.officer_ids_json) },
      on,
      '',
    );
    const snapshot = await buildSnapshot(trx, plan, on);
    const seed = randomBytes(32).toString('hex');
    let trial: DrawnVisit[];
    try {
      trial = runDraw(seed, snapshot);
    } catch (err) {
      drawProblem(err, snapshot);
    }
    if (!trial.length)
      throw new AppError('ENF_POOL_TOO_SMALL', [
        {
          path: 'quotas',
          message: `按条件筛选的对象库为 ${snapshot.enterpriseIds.length} 户，抽取结果为 0 户 / the draw would select nobody`,
        },
      ]);
    const snapshotJson = JSON.stringify(snapshot);
    const at = ctx.clock().toISOString();
    const set = {
      status: 'committed',
      seed,
      commitment: sha256Hex(seed),
      snapshot_json: snapshotJson,
      snapshot_hash: sha256Hex(snapshotJson),
      committed_at: at,
    };
    if (!(await updateVersioned(trx, 'enf_plan', id, version, set, at))) throw new AppError('VERSION_CONFLICT');
    const view = presentPlan((await findById(trx, 'enf_plan', id))!);
    await audit(ctx, trx, actor, {
      action: 'enforcement.plan.commit',
      entity: 'enf_plan',
      entityId: id,
      after: {
        commitment: view.commitment,
        snapshotHash: view.snapshotHash,
        pool: snapshot.enterpriseIds.length,
        officers: snapshot.officers.length,
      },
    });
    return view;
  });
}

/** Runs the draw from the committed seed and snapshot, stores the visits and reveals the seed. */
export async function drawPlan(ctx: AppContext, actor: Actor, id: number, version: number): Promise<PlanView> {
  return withTransaction(ctx.db, async (trx) => {
    const plan = await planFor(trx, actor, id);
    if (plan.status !== 'committed') throw new AppError('ENF_PLAN_STATUS');
    const snapshot = parseJson<DrawSnapshot>(plan.snapshot_json);
    let visits: DrawnVisit[];
    try {
      visits = runDraw(plan.seed!, snapshot);
    } catch (err) {
      drawProblem(err, snapshot);
    }
    await insertVisits(trx, id, visits);
    const at = ctx.clock().toISOString();
    if (!(await updateVersioned(trx, 'enf_plan', id, version, { status: 'drawn', drawn_at: at }, at)))
      throw new AppError('VERSION_CONFLICT');
    const view = presentPlan((await findById(trx, 'enf_plan', id))!);
    await audit(ctx, trx, actor, {
      action: 'enforcement.plan.draw',
      entity: 'enf_plan',
      entityId: id,
      after: { seed: view.seed, visits: visits.length },
    });
    // The departments must now inspect the drawn enterprises: their people are told.
    await notify(ctx, trx, {
      unitIds: view.unitIds,
      kind: 'assigned',
      title: `双随机抽查已抽取：${view.name}`,
      body: `共抽中 ${visits.length} 户企业，请按计划于 ${view.windowTo} 前完成检查并登记结果。`,
      link: `/enforcement/plans/${id}`,
    });
    return view;
  });
}

const visitOf = (v: VisitRow): DrawnVisit => ({
  enterpriseId: v.enterprise_id,
  grade: v.grade as DrawnVisit['grade'],
  items: parseJson(v.item_codes_json),
  officerIds: parseJson(v.officer_ids_json),
});

/** Re-runs a drawn plan's draw from its published seed and snapshot (the CLI's verify-draw). */
export async function verifyPlanDraw(db: Executor, id: number) {
  const plan = await findById(db, 'enf_plan', id);
  if (!plan) throw new AppError('NOT_FOUND');
  if (plan.status !== 'drawn') throw new AppError('ENF_PLAN_STATUS');
  const visits = (await listVisits(db, id)).map(visitOf);
  return verifyDraw({
    commitment: plan.commitment!,
    seed: plan.seed!,
    snapshotHash: plan.snapshot_hash!,
    snapshotJson: plan.snapshot_json!,
    visits,
  });
}

export async function listPlansFor(ctx: AppContext, actor: Actor) {
  const rows = await listPlans(ctx.db);
  return rows
    .filter(
      (p) => hasPermission(actor.role, 'enforcement.scope.readAll') || parseJson<number[]>(p.unit_ids_json).includes(actor.unitId ?? -1),
    )
    .map((p) => ({
      id: p.id,
      name: p.name,
      kind: p.kind,
      unitIds: parseJson<number[]>(p.unit_ids_json),
      status: p.status,
      windowFrom: p.window_from,
      windowTo: p.window_to,
      offSite: p.off_site === 1,
      version: p.version,
    }));
}

function presentResult(r: ResultRow) {
  return {
    id: r.id,
    enterpriseId: r.enterprise_id,
    itemCode: r.item_code,
    outcome: r.outcome as Outcome,
    note: r.note,
    inspectedOn: r.inspected_on,
    offSite: r.off_site === 1,
    rectifyDue: r.rectify_due,
    rectifiedOn: r.rectified_on,
    waiverReason: r.waiver_reason,
    version: r.version,
  };
}

/**
 * Results become public once published; the deadline (`publish_days` working days on the official
 * calendar, default 20) runs from the oldest unpublished result's inspection day.
 */
export function publishBy(calendar: WorkCalendar, plan: PlanRow, results: ResultRow[]): string | null {
  const pending = results
    .filter((r) => !plan.results_published_at || r.created_at > plan.results_published_at)
    .map((r) => r.inspected_on)
    .sort();
  if (!pending.length) return null;
  return calendar.addWorkdays(pending[0]!, plan.publish_days);
}

export async function getPlan(ctx: AppContext, actor: Actor, id: number) {
  const plan = await findById(ctx.db, 'enf_plan', id);
  if (!plan) throw new AppError('NOT_FOUND');
  if (!hasPermission(actor.role, 'enforcement.scope.readAll')) assertUnit(actor, parseJson<number[]>(plan.unit_ids_json));
  const visits = await listVisits(ctx.db, id);
  const results = await listResults(ctx.db, { planId: id });
  const registry = await registryByIds(
    ctx.db,
    visits.map((v) => v.enterprise_id),
  );
  const officers = new Map(
    (await listOfficers(ctx.db, { ids: [...new Set(visits.flatMap((v) => parseJson<number[]>(v.officer_ids_json)))] })).map((o) => [
      o.id,
      o.name,
    ]),
  );
  const due = publishBy(await getWorkCalendar(ctx), plan, results);
  return {
    ...presentPlan(plan),
    poolSize: plan.snapshot_json ? parseJson<DrawSnapshot>(plan.snapshot_json).enterpriseIds.length : null,
    publishBy: due,
    publishOverdue: due !== null && due < today(ctx),
    visits: visits.map((v) => ({
      ...visitOf(v),
      enterpriseName: registry.get(v.enterprise_id)?.name ?? '',
      uscc: registry.get(v.enterprise_id)?.uscc ?? '',
      officers: parseJson<number[]>(v.officer_ids_json).map((o) => ({ id: o, name: officers.get(o) ?? '' })),
    })),
    results: results.map(presentResult),
  };
}

/**
 * Records one inspection result. A penalty for an item on a department's first-violation list
 * (首违不罚, 《行政处罚法》第三十三条第一款: a first, minor violation corrected in time is not
 * penalised) needs a written reason when the enterprise has no earlier penalty for the item.
 */
export async function recordResult(ctx: AppContext, actor: Actor, planId: number, body: ResultBody) {
  // Read before the transaction: on SQLite the calendar's own query would wait for it.
  const calendar = await getWorkCalendar(ctx);
  return withTransaction(ctx.db, async (trx) => {
    const plan = await planFor(trx, actor, planId);
    if (plan.status !== 'drawn') throw new AppError('ENF_PLAN_STATUS');
    const visit = await findVisit(trx, planId, body.enterpriseId);
    if (!visit)
      throw new AppError('ENF_NOT_DRAWN', [
        { path: 'body.enterpriseId', message: `企业 ${body.enterpriseId} 未被本计划抽中 / not drawn in this plan` },
      ]);
    if (!parseJson<string[]>(visit.item_codes_json).includes(body.itemCode))
      throw new AppError('VALIDATION_FAILED', [
        { path: 'body.itemCode', message: `抽查事项 ${body.itemCode} 不在本次检查中 / not an item of this visit` },
      ]);
    if (await findResultFor(trx, planId, body.enterpriseId, body.itemCode))
      throw new AppError('CONFLICT', [{ path: 'body.itemCode', message: '该事项已登记结果 / a result is already recorded' }]);
    const unitIds = parseJson<number[]>(plan.unit_ids_json);
    if (body.outcome === 'penalised') {
      const waiver = await findWaiver(trx, unitIds, body.itemCode);
      const earlier = (await listResults(trx, { enterpriseId: body.enterpriseId, itemCode: body.itemCode })).some(
        (r) => r.outcome === 'penalised',
      );
      if (waiver && !earlier && !body.waiverReason)
        throw new AppError('ENF_WAIVER_REASON_REQUIRED', [
          {
            path: 'body.waiverReason',
            message: `首违不罚清单：${waiver.description}。如仍处罚请说明理由 / on the first-violation list: give the reason to penalise`,
          },
        ]);
    }
    const rectifyDue = body.outcome === 'rectify' ? (body.rectifyDue ?? calendar.addWorkdays(body.inspectedOn, 20)) : null;
    const at = ctx.clock().toISOString();
    const id = await insertRow(trx, 'enf_result', {
      plan_id: planId,
      enterprise_id: body.enterpriseId,
      item_code: body.itemCode,
      outcome: body.outcome,
      note: body.note,
      inspected_on: body.inspectedOn,
      off_site: plan.off_site,
      rectify_due: rectifyDue,
      waiver_reason: body.outcome === 'penalised' ? body.waiverReason : null,
      recorded_by: actor.id,
      created_at: at,
      updated_at: at,
    });
    const result = presentResult((await findById(trx, 'enf_result', id))!);
    await audit(ctx, trx, actor, { action: 'enforcement.result.record', entity: 'enf_result', entityId: id, after: result });
    if (body.outcome !== 'none') {
      const [item] = await findItemsByCodes(trx, [body.itemCode]);
      await recordCreditFact(ctx, trx, actor, {
        enterpriseId: body.enterpriseId,
        unitId: item?.unit_id ?? null,
        kind: body.outcome === 'penalised' ? 'penalty' : 'inspection',
        summary: `${plan.name}：${item?.name ?? body.itemCode}${body.note ? `，${body.note}` : ''}`,
        occurredOn: body.inspectedOn,
      });
    }
    return result;
  });
}

/** Closes a rectification (整改) once the enterprise has corrected the problem. */
export async function markRectified(ctx: AppContext, actor: Actor, resultId: number, body: { rectifiedOn: string; version: number }) {
  return withTransaction(ctx.db, async (trx) => {
    const before = await findById(trx, 'enf_result', resultId);
    if (!before) throw new AppError('NOT_FOUND');
    await planFor(trx, actor, before.plan_id);
    if (before.outcome === 'none' || before.rectified_on)
      throw new AppError('CONFLICT', [{ path: 'body', message: '该结果无需整改或已整改完成 / nothing to rectify' }]);
    if (body.rectifiedOn < before.inspected_on)
      throw new AppError('VALIDATION_FAILED', [{ path: 'body.rectifiedOn', message: '整改日期早于检查日期 / before the inspection' }]);
    const at = ctx.clock().toISOString();
    if (!(await updateVersioned(trx, 'enf_result', resultId, body.version, { rectified_on: body.rectifiedOn }, at)))
      throw new AppError('VERSION_CONFLICT');
    const after = presentResult((await findById(trx, 'enf_result', resultId))!);
    await audit(ctx, trx, actor, {
      action: 'enforcement.result.rectified',
      entity: 'enf_result',
      entityId: resultId,
      before: presentResult(before),
      after,
    });
    return after;
  });
}

/** Publishes the plan's recorded results ("一公开"): they appear on the public page, without login. */
export async function publishResults(ctx: AppContext, actor: Actor, planId: number, version: number): Promise<PlanView> {
  return withTransaction(ctx.db, async (trx) => {
    const plan = await planFor(trx, actor, planId);
    if (plan.status !== 'drawn') throw new AppError('ENF_PLAN_STATUS');
    if (!(await markResultsPublished(ctx, trx, actor, plan, version))) throw new AppError('VERSION_CONFLICT');
    return presentPlan((await findById(trx, 'enf_plan', planId))!);
  });
}

/**
 * Stamps a drawn plan's results as published and audits it (with `why`, e.g. the deadline that made
 * the system publish); false when the plan changed since `version` was read.
 */
export async function markResultsPublished(
  ctx: AppContext,
  trx: Executor,
  actor: Actor,
  plan: PlanRow,
  version: number,
  why: Record<string, unknown> = {},
): Promise<boolean> {
  const at = ctx.clock().toISOString();
  if (!(await updateVersioned(trx, 'enf_plan', plan.id, version, { results_published_at: at }, at))) return false;
  const count = (await listResults(trx, { planId: plan.id })).length;
  await audit(ctx, trx, actor, {
    action: 'enforcement.results.publish',
    entity: 'enf_plan',
    entityId: plan.id,
    after: { results: count, at, ...why },
  });
  return true;
}

// — the public face: no login, no personal data (officers appear by number only) —

export async function publicPlans(ctx: AppContext) {
  const plans = await listPlans(ctx.db, { status: ['committed', 'drawn'] });
  const units = new Map((await listUnits(ctx.db, { includeRetired: true })).map((u) => [u.id, u.name]));
  return plans.map((p) => ({
    id: p.id,
    name: p.name,
    kind: p.kind,
    units: parseJson<number[]>(p.unit_ids_json).map((u) => units.get(u) ?? ''),
    windowFrom: p.window_from,
    windowTo: p.window_to,
    offSite: p.off_site === 1,
    status: p.status,
    commitment: p.commitment,
    snapshotHash: p.snapshot_hash,
    committedAt: p.committed_at,
    drawnAt: p.drawn_at,
  }));
}

export async function publicPlan(ctx: AppContext, id: number) {
  const plan = await findById(ctx.db, 'enf_plan', id);
  if (!plan || (plan.status !== 'committed' && plan.status !== 'drawn')) throw new AppError('NOT_FOUND');
  const visits = await listVisits(ctx.db, id);
  const published = plan.results_published_at
    ? (await listResults(ctx.db, { planId: id })).filter((r) => r.created_at <= plan.results_published_at!)
    : [];
  const registry = await registryByIds(
    ctx.db,
    visits.map((v) => v.enterprise_id),
  );
  const items = new Map((await findItemsByCodes(ctx.db, parseJson<string[]>(plan.item_codes_json))).map((i) => [i.code, i.name]));
  const name = (e: number) => registry.get(e)?.name ?? '';
  const view = presentPlan(plan);
  return {
    id: view.id,
    name: view.name,
    kind: view.kind,
    windowFrom: view.windowFrom,
    windowTo: view.windowTo,
    offSite: view.offSite,
    dataSource: view.dataSource,
    status: view.status,
    algorithm: DRAW_ALGORITHM,
    commitment: view.commitment,
    snapshotHash: view.snapshotHash,
    seed: view.seed,
    committedAt: view.committedAt,
    drawnAt: view.drawnAt,
    items: view.itemCodes.map((c) => ({ code: c, name: items.get(c) ?? '' })),
    visits: visits.map((v) => ({ ...visitOf(v), enterpriseName: name(v.enterprise_id), uscc: registry.get(v.enterprise_id)?.uscc ?? '' })),
    resultsPublishedAt: plan.results_published_at,
    results: published.map((r) => ({
      enterpriseName: name(r.enterprise_id),
      uscc: registry.get(r.enterprise_id)?.uscc ?? '',
      itemCode: r.item_code,
      itemName: items.get(r.item_code) ?? '',
      outcome: r.outcome as Outcome,
      inspectedOn: r.inspected_on,
      offSite: r.off_site === 1,
      rectifiedOn: r.rectified_on,
    })),
  };
}

export async function publicSnapshot(ctx: AppContext, id: number): Promise<string> {
  const plan = await findById(ctx.db, 'enf_plan', id);
  if (!plan?.snapshot_json || (plan.status !== 'committed' && plan.status !== 'drawn')) throw new AppError('NOT_FOUND');
  return plan.snapshot_json;
}
