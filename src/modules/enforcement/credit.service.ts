import { AppError } from '../../common/errors.js';
import { hasPermission } from '../../common/permissions.js';
import type { Actor, AppContext } from '../../context.js';
import { type Executor, withTransaction } from '../../db/database.js';
import { notify } from '../notifications/notifications.service.js';
import { audit } from '../org/audit.service.js';
import { enterpriseIdOfUser, enterpriseUserIds, findRegistryEnterprise, registryByIds } from '../policies/index.js';
import { CREDIT_GRADES } from './draw.js';
import { CREDIT_MODEL, type Contribution, RECORD_KINDS, type RecordKind, describeContribution, gradeEnterprise } from './credit.js';
import {
  type CreditRecordRow,
  type RepairRow,
  countOneByOne,
  countRecordsInEffect,
  dropRegradeStaging,
  endCreditRecord,
  findById,
  findCreditRecord,
  findGrade,
  insertRow,
  listCreditRecords,
  listRepairs,
  stageChangedGrades,
  stageOutcomes,
  countRegistryGrades,
  countStagedGrades,
  stageRecordCounts,
  stagedEnterprisesOf,
  unpackCounts,
  updateVersioned,
  upsertGrades,
  writeGrades,
  writeStagedGrades,
} from './enforcement.repository.js';
import { actsForAll, assertUnit, parseJson } from './scope.js';

/** Counts in RECORD_KINDS order → counts by kind. */
function countsByKind(counts: number[]): Partial<Record<RecordKind, number>> {
  return Object.fromEntries(RECORD_KINDS.map((k, i) => [k, counts[i] ?? 0]));
}

/**
 * Recomputes one enterprise's grade from its records in effect and its tax grade, and audits a
 * change of grade (the enterprise's supervision frequency follows it).
 */
export async function regradeEnterprise(ctx: AppContext, trx: Executor, actor: Actor | null, enterpriseId: number, why: string) {
  const enterprise = await findRegistryEnterprise(trx, enterpriseId);
  if (!enterprise) throw new AppError('NOT_FOUND');
  const [row] = await countRecordsInEffect(trx, enterpriseId, enterpriseId, RECORD_KINDS);
  const outcome = gradeEnterprise(row ? countsByKind(row.counts) : {}, enterprise.taxGrade);
  const before = await findGrade(trx, enterpriseId);
  await upsertGrades(trx, [
    {
      enterprise_id: enterpriseId,
      grade: outcome.grade,
      score: outcome.score,
      explanation_json: JSON.stringify(outcome.explanation),
      computed_at: ctx.clock().toISOString(),
    },
  ]);
  if (before?.grade !== outcome.grade)
    await audit(ctx, trx, actor, {
      action: 'enforcement.credit.regrade',
      entity: 'enterprise',
      entityId: enterpriseId,
      before: before ? { grade: before.grade, score: before.score } : null,
      after: { grade: outcome.grade, score: outcome.score, why },
    });
  return outcome;
}

/** Adds a credit record (penalty, abnormal list, dishonesty, inspection problem, complaint) and regrades. */
export async function recordCreditFact(
  ctx: AppContext,
  trx: Executor,
  actor: Actor,
  f: { enterpriseId: number; unitId: number | null; kind: RecordKind; summary: string; occurredOn: string },
) {
  if (!(await findRegistryEnterprise(trx, f.enterpriseId)))
    throw new AppError('VALIDATION_FAILED', [{ path: 'body.enterpriseId', message: '企业不在名录中 / not in the registry' }]);
  const id = await insertRow(trx, 'enf_credit_record', {
    enterprise_id: f.enterpriseId,
    unit_id: f.unitId,
    kind: f.kind,
    summary: f.summary,
    occurred_on: f.occurredOn,
    created_at: ctx.clock().toISOString(),
  });
  await audit(ctx, trx, actor, { action: 'enforcement.credit.record', entity: 'enf_credit_record', entityId: id, after: f });
  await regradeEnterprise(ctx, trx, actor, f.enterpriseId, `record ${id}`);
  return id;
}

export async function addCreditRecord(
  ctx: AppContext,
  actor: Actor,
  body: { enterpriseId: number; unitId: number | null; kind: RecordKind; summary: string; occurredOn: string },
) {
  return withTransaction(ctx.db, async (trx) => ({ id: await recordCreditFact(ctx, trx, actor, body) }));
}

function presentRecord(r: CreditRecordRow) {
  return {
    id: r.id,
    kind: r.kind,
    unitId: r.unit_id,
    summary: r.summary,
    occurredOn: r.occurred_on,
    endedOn: r.ended_on,
    inEffect: r.ended_on === null,
  };
}

/** An enterprise's grade with its explanation and the records behind it. */
export async function creditProfile(ctx: AppContext, actor: Actor, enterpriseId: number) {
  const enterprise = await findRegistryEnterprise(ctx.db, enterpriseId);
  if (!enterprise) throw new AppError('NOT_FOUND');
  // An enterprise sees its own grade only.
  if (hasPermission(actor.role, 'enforcement.scope.enterprise') && (await enterpriseIdOfUser(ctx.db, actor.id)) !== enterpriseId)
    throw new AppError('FORBIDDEN');
  const grade = await findGrade(ctx.db, enterpriseId);
  const label = CREDIT_MODEL.grades.find((g) => g.grade === grade?.grade);
  return {
    enterpriseId,
    name: enterprise.name,
    uscc: enterprise.uscc,
    taxGrade: enterprise.taxGrade,
    grade: grade?.grade ?? null,
    gradeLabel: label ? { zh: label.zh, en: label.en } : null,
    score: grade?.score ?? null,
    base: CREDIT_MODEL.base,
    explanation: (grade ? parseJson<Contribution[]>(grade.explanation_json) : []).map((c) => ({ ...c, line: describeContribution(c) })),
    computedAt: grade?.computed_at ?? null,
    records: (await listCreditRecords(ctx.db, enterpriseId)).map(presentRecord),
  };
}

/** The enterprise user's own grade and records (its page); an account not linked to an enterprise has none. */
export async function myCreditProfile(ctx: AppContext, actor: Actor) {
  const mine = await enterpriseIdOfUser(ctx.db, actor.id);
  if (mine === null || mine === undefined) throw new AppError('NOT_FOUND');
  return creditProfile(ctx, actor, mine);
}

export interface RegradeSummary {
  enterprises: number;
  byGrade: Record<string, number>;
  /** Enterprises whose grade, score or explanation changed (written); the rest were left as stored. */
  changed: number;
  /** Changes of grade as `from→to` (from `-` for an enterprise graded the first time) with their counts. */
  transitions: Record<string, number>;
}

/**
 * Regrades every enterprise of the registry in one transaction (the grades change together, and a
 * failed run leaves the previous ones), set-based: the records in effect are counted per enterprise
 * and kind in SQL once; the model grades each distinct combination of counts and tax grade (few:
 * thousands for a million enterprises) here in code; the database then finds the enterprises whose
 * grade, score or explanation differs from the stored one and writes only those, so `computed_at`
 * is when an enterprise's grade last changed. An enterprise with more records of one kind than a
 * packed sum holds is counted and graded on its own. The run is audited with its counts of changes
 * per `from→to`. Run as the `enforcement.regrade` job.
 */
export async function regradeAll(ctx: AppContext, actor: Actor, progress?: (done: number, total: number) => void): Promise<RegradeSummary> {
  const transitions: Record<string, number> = {};
  const note = (from: string | null | undefined, to: string, n: number) => {
    const t = `${from ?? '-'}→${to}`;
    transitions[t] = (transitions[t] ?? 0) + n;
  };
  const at = ctx.clock().toISOString();
  // Progress in steps (counting, grading the combinations, finding the changes, writing) of the combinations' count.
  return withTransaction(ctx.db, async (trx) => {
    const combinations = await stageRecordCounts(trx, RECORD_KINDS);
    const step = (k: number) => progress?.(k, 4);
    step(1);
    const outcomes = [];
    let changed = 0;
    for (const c of combinations) {
      const counts = unpackCounts(c.packed, c.n, RECORD_KINDS);
      if (counts) {
        const g = gradeEnterprise(countsByKind(counts), c.taxGrade);
        outcomes.push({ combinationId: c.id, grade: g.grade, score: g.score, explanationJson: JSON.stringify(g.explanation) });
        continue;
      }
      // Counts a packed sum cannot hold (a thousand or more records of one kind): each enterprise on its own.
      for (const e of await stagedEnterprisesOf(trx, c, RECORD_KINDS)) {
        const g = gradeEnterprise(countsByKind(await countOneByOne(trx, e.id, RECORD_KINDS)), e.tax_grade);
        const before = await findGrade(trx, e.id);
        const json = JSON.stringify(g.explanation);
        if (before && before.grade === g.grade && before.score === g.score && before.explanation_json === json) continue;
        if (before?.grade !== g.grade) note(before?.grade, g.grade, 1);
        await writeGrades(trx, [{ enterprise_id: e.id, grade: g.grade, score: g.score, explanation_json: json, computed_at: at }]);
        changed++;
      }
    }
    await stageOutcomes(trx, outcomes);
    step(2);
    const staged = await stageChangedGrades(trx, RECORD_KINDS);
    for (const t of staged.transitions) note(t.from, t.to, t.n);
    changed += staged.changed;
    step(3);
    await writeStagedGrades(trx, at);
    const counted = (await countStagedGrades(trx, CREDIT_GRADES)) ?? (await countRegistryGrades(trx, CREDIT_GRADES));
    await dropRegradeStaging(trx);
    const byGrade = Object.fromEntries(CREDIT_GRADES.map((g, i) => [g, counted.byGrade[i]!]));
    const enterprises = counted.enterprises;
    step(4);
    await audit(ctx, trx, actor, {
      action: 'enforcement.credit.regradeAll',
      entity: 'enterprise',
      entityId: null,
      after: { enterprises, byGrade, changed, transitions, model: CREDIT_MODEL.name },
    });
    return { enterprises, byGrade, changed, transitions };
  });
}

// — credit repair (信用修复: 失信行为纠正后的信用信息修复管理办法（试行）, 国家发展和改革委员会令 2023年第58号) —

function presentRepair(r: RepairRow) {
  return {
    id: r.id,
    recordId: r.record_id,
    enterpriseId: r.enterprise_id,
    reason: r.reason,
    status: r.status,
    reviewNote: r.review_note,
    createdAt: r.created_at,
    version: r.version,
  };
}

export async function applyRepair(ctx: AppContext, actor: Actor, body: { recordId: number; reason: string }) {
  return withTransaction(ctx.db, async (trx) => {
    const record = await findCreditRecord(trx, body.recordId);
    if (!record)
      throw new AppError('VALIDATION_FAILED', [
        { path: 'body.recordId', message: `信用记录 ${body.recordId} 不存在 / no such credit record` },
      ]);
    if (hasPermission(actor.role, 'enforcement.scope.enterprise') && (await enterpriseIdOfUser(trx, actor.id)) !== record.enterprise_id)
      throw new AppError('FORBIDDEN');
    if (record.ended_on)
      throw new AppError('ENF_REPAIR_STATUS', [{ path: 'body.recordId', message: '该记录已停止公示 / the record no longer has effect' }]);
    if ((await listRepairs(trx, 'pending')).some((r) => r.record_id === record.id))
      throw new AppError('ENF_REPAIR_STATUS', [{ path: 'body.recordId', message: '已有待审核的修复申请 / an application is pending' }]);
    const at = ctx.clock().toISOString();
    const id = await insertRow(trx, 'enf_repair', {
      record_id: record.id,
      enterprise_id: record.enterprise_id,
      reason: body.reason,
      status: 'pending',
      applied_by: actor.id,
      created_at: at,
      updated_at: at,
    });
    const view = presentRepair((await findById(trx, 'enf_repair', id))!);
    await audit(ctx, trx, actor, { action: 'enforcement.repair.apply', entity: 'enf_repair', entityId: id, after: view });
    // Whoever decides is told: the department that made the record, else the office.
    await notify(ctx, trx, {
      ...(record.unit_id ? { unitIds: [record.unit_id], unitRoles: ['unit_head', 'liaison'] } : { roles: ['office'] }),
      kind: 'awaiting_review',
      title: '信用修复申请待审核',
      body: `${record.summary}：${body.reason}`,
      link: '/enforcement?tab=credit',
    });
    return view;
  });
}

/** The department that made the record (or the office) decides; approval ends the record's effect and regrades. */
export async function reviewRepair(ctx: AppContext, actor: Actor, id: number, body: { approve: boolean; note: string; version: number }) {
  return withTransaction(ctx.db, async (trx) => {
    const before = await findById(trx, 'enf_repair', id);
    if (!before) throw new AppError('NOT_FOUND');
    const record = (await findCreditRecord(trx, before.record_id))!;
    if (!actsForAll(actor)) assertUnit(actor, record.unit_id ?? -1);
    if (before.status !== 'pending') throw new AppError('ENF_REPAIR_STATUS');
    const at = ctx.clock().toISOString();
    const set = { status: body.approve ? 'approved' : 'rejected', review_note: body.note || null, reviewed_by: actor.id };
    if (!(await updateVersioned(trx, 'enf_repair', id, body.version, set, at))) throw new AppError('VERSION_CONFLICT');
    let grade = null;
    if (body.approve) {
      await endCreditRecord(trx, record.id, at.slice(0, 10));
      grade = await regradeEnterprise(ctx, trx, actor, record.enterprise_id, `repair ${id}`);
    }
    const after = presentRepair((await findById(trx, 'enf_repair', id))!);
    // The enterprise applied and waits for the answer: its accounts are told either way.
    const owners = await enterpriseUserIds(trx, record.enterprise_id);
    if (owners.length)
      await notify(ctx, trx, {
        userIds: owners,
        kind: body.approve ? 'accepted' : 'returned',
        title: body.approve ? '信用修复申请已通过' : '信用修复申请未通过',
        body: `${record.summary}${body.note ? `：${body.note}` : ''}`,
        link: '/enforcement/my-credit',
      });
    await audit(ctx, trx, actor, {
      action: 'enforcement.repair.review',
      entity: 'enf_repair',
      entityId: id,
      before: presentRepair(before),
      after: { ...after, grade: grade?.grade ?? null },
    });
    return { ...after, grade: grade?.grade ?? null };
  });
}

export async function listRepairsFor(ctx: AppContext, actor: Actor) {
  const all = await listRepairs(ctx.db);
  const records = new Map<number, Awaited<ReturnType<typeof findCreditRecord>>>();
  for (const r of all) if (!records.has(r.record_id)) records.set(r.record_id, await findCreditRecord(ctx.db, r.record_id));
  let rows = all;
  if (hasPermission(actor.role, 'enforcement.scope.enterprise')) {
    const mine = await enterpriseIdOfUser(ctx.db, actor.id);
    rows = all.filter((r) => r.enterprise_id === mine);
  } else if (hasPermission(actor.role, 'enforcement.scope.unit')) {
    rows = all.filter((r) => records.get(r.record_id)?.unit_id === actor.unitId);
  }
  // A reviewer decides from the row: the enterprise's name and the record the application is about.
  const names = await registryByIds(
    ctx.db,
    rows.map((r) => r.enterprise_id),
  );
  return rows.map((r) => ({
    ...presentRepair(r),
    enterpriseName: names.get(r.enterprise_id)?.name ?? null,
    recordSummary: records.get(r.record_id)?.summary ?? null,
  }));
}
