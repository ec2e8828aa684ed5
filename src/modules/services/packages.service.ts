import { AppError, type ErrorDetail } from '../../common/errors.js';
import { hasPermission } from '../../common/permissions.js';
import type { CaseBody, PackageBody, StepBody } from '../../common/schemas/services.js';
import type { Actor, AppContext } from '../../context.js';
import { withTransaction } from '../../db/database.js';
import { getWorkCalendar } from '../calendar/calendar.service.js';
import { notify } from '../notifications/notifications.service.js';
import { createItem, findOrCreateList } from '../worklists/worklists.service.js';
import { audit } from '../org/audit.service.js';
import { type Material, today } from './catalogue.service.js';
import {
  type CaseRow,
  type PackageRow,
  addToCaseDay,
  bumpCaseVersion,
  caseStepsAndDocuments,
  closeCase,
  currentByCodes,
  findCase,
  findPackage,
  insertCase,
  insertMembers,
  insertPackage,
  insertSteps,
  lateCases,
  listCases,
  listMembers,
  listPackages,
  listSteps,
  sumCaseDays,
  updateStep,
} from './services.repository.js';
import { WORKDAY_MINUTES, asWorkingDaysHours, workingMinutesBetween } from './working-time.js';

/**
 * 高效办成一件事: packages of member services across departments, their cases fanned out to the
 * departments, and the reductions — the promised ones from the package's before/after figures,
 * the real ones from the cases of a period (the per-day roll-up, so a year of a million cases
 * reads a few thousand rows).
 */

/** 1 − after/before as a percent with one decimal; no before-figure, no reduction. */
export function reduction(before: number, after: number): number | null {
  return before > 0 ? Math.round((1 - after / before) * 1000) / 10 : null;
}

type MemberRow = Awaited<ReturnType<typeof listMembers>>[number];

function presentPackage(p: PackageRow, members: MemberRow[]) {
  const materials = JSON.parse(p.materials) as Material[];
  const afterMaterials = materials.filter((m) => !m.exempt).length;
  return {
    id: p.id,
    code: p.code,
    name: p.name,
    kind: p.kind,
    mode: p.mode,
    promisedDays: p.promised_days,
    formFields: JSON.parse(p.form_fields) as string[],
    materials,
    members: members.map((m) => ({ seq: m.seq, serviceCode: m.service_code, unitId: m.unit_id, unitName: m.unit_name })),
    departments: new Set(members.map((m) => m.unit_id)).size,
    place: p.place,
    onlineUrl: p.online_url,
    before: {
      steps: p.before_steps,
      materials: p.before_materials,
      days: p.before_days,
      visits: p.before_visits,
      feeFen: p.before_fee_fen,
    },
    after: { steps: p.after_steps, materials: afterMaterials, days: p.promised_days, visits: p.after_visits, feeFen: p.after_fee_fen },
    reductions: {
      steps: reduction(p.before_steps, p.after_steps),
      materials: reduction(p.before_materials, afterMaterials),
      days: reduction(p.before_days, p.promised_days),
      visits: reduction(p.before_visits, p.after_visits),
      fees: reduction(p.before_fee_fen, p.after_fee_fen),
    },
  };
}
export type PackageView = ReturnType<typeof presentPackage>;

export async function listServicePackages(ctx: AppContext): Promise<PackageView[]> {
  const packages = await listPackages(ctx.db);
  const members = await listMembers(
    ctx.db,
    packages.map((p) => p.id),
  );
  return packages.map((p) =>
    presentPackage(
      p,
      members.filter((m) => m.package_id === p.id),
    ),
  );
}

export async function getServicePackage(
  ctx: AppContext,
  by: { id: number } | { code: string },
): Promise<PackageView & { cases: CaseSummary[] }> {
  const p = await findPackage(ctx.db, by);
  if (!p) throw new AppError('NOT_FOUND');
  const cal = await getWorkCalendar(ctx);
  const cases = (await listCases(ctx.db, p.id, 20)).map((c) => summarizeCase(c, p, cal, ctx.clock().toISOString()));
  return { ...presentPackage(p, await listMembers(ctx.db, [p.id])), cases };
}

/** A package's member services must be in the catalogue today; each brings its department. */
export async function createServicePackage(ctx: AppContext, actor: Actor, body: PackageBody): Promise<PackageView> {
  return withTransaction(ctx.db, async (trx) => {
    const services = new Map(
      (
        await currentByCodes(
          trx,
          body.members.map((m) => m.serviceCode),
          today(ctx),
        )
      ).map((s) => [s.code, s]),
    );
    const problems: ErrorDetail[] = body.members.flatMap((m, i) =>
      services.has(m.serviceCode)
        ? []
        : [
            {
              path: `body.members.${i}.serviceCode`,
              message: `目录中没有事项 ${m.serviceCode} / the catalogue has no service ${m.serviceCode}`,
            },
          ],
    );
    if (problems.length) throw new AppError('SERVICE_UNKNOWN', problems);
    if (await findPackage(trx, { code: body.code }))
      throw new AppError('SERVICE_CODE_DUPLICATE', [
        { path: 'body.code', message: `已有编码 ${body.code} 的一件事 / a package has this code` },
      ]);
    const at = ctx.clock().toISOString();
    const id = await insertPackage(trx, {
      code: body.code,
      name: body.name,
      kind: body.kind,
      mode: body.mode,
      promised_days: body.promisedDays,
      form_fields: JSON.stringify(body.formFields),
      materials: JSON.stringify(body.materials),
      before_steps: body.before.steps,
      before_materials: body.before.materials,
      before_days: body.before.days,
      before_visits: body.before.visits,
      before_fee_fen: body.before.feeFen,
      after_steps: body.after.steps,
      after_visits: body.after.visits,
      after_fee_fen: body.after.feeFen,
      place: body.place,
      online_url: body.onlineUrl ?? null,
      created_at: at,
      updated_at: at,
    });
    await insertMembers(
      trx,
      body.members.map((m, i) => ({
        package_id: id,
        seq: i + 1,
        service_code: m.serviceCode,
        unit_id: services.get(m.serviceCode)!.unit_id,
      })),
    );
    const view = presentPackage((await findPackage(trx, { id }))!, await listMembers(trx, [id]));
    await audit(ctx, trx, actor, { action: 'services.package.create', entity: 'service_package', entityId: id, after: view });
    return view;
  });
}

function summarizeCase(c: CaseRow, p: PackageRow, cal: Awaited<ReturnType<typeof getWorkCalendar>>, now: string) {
  const minutes = c.elapsed_minutes ?? workingMinutesBetween(cal, c.submitted_at, now);
  return {
    id: c.id,
    packageId: c.package_id,
    applicant: c.applicant,
    submittedAt: c.submitted_at,
    finishedAt: c.finished_at,
    status: c.status,
    elapsedMinutes: minutes,
    elapsed: asWorkingDaysHours(minutes),
    promisedMinutes: Math.round(p.promised_days * WORKDAY_MINUTES),
    late: c.status === 'open' ? minutes > p.promised_days * WORKDAY_MINUTES : c.late === 1,
    waivedFen: c.waived_fen,
    version: c.version,
  };
}
type CaseSummary = ReturnType<typeof summarizeCase>;

export async function getServiceCase(ctx: AppContext, id: number) {
  const c = await findCase(ctx.db, id);
  if (!c) throw new AppError('NOT_FOUND');
  const p = (await findPackage(ctx.db, { id: c.package_id }))!;
  const cal = await getWorkCalendar(ctx);
  const now = ctx.clock().toISOString();
  const steps = (await listSteps(ctx.db, id)).map((s) => ({
    id: s.id,
    seq: s.seq,
    unitId: s.unit_id,
    unitName: s.unit_name,
    serviceCode: s.service_code,
    startedAt: s.started_at,
    finishedAt: s.finished_at,
    result: s.result,
    note: s.note,
    elapsedMinutes: s.started_at ? workingMinutesBetween(cal, s.started_at, s.finished_at ?? now) : 0,
  }));
  return { ...summarizeCase(c, p, cal, now), packageCode: p.code, packageName: p.name, mode: p.mode, steps };
}

/**
 * Files a case: one step per member department — all started at once for a parallel package,
 * the first only for a sequential one (each next starts when the one before is done). The
 * departments that must act now are told.
 */
export async function fileServiceCase(ctx: AppContext, actor: Actor, packageId: number, body: CaseBody) {
  const now = ctx.clock().toISOString();
  const submittedAt = body.submittedAt ? new Date(body.submittedAt).toISOString() : now;
  if (submittedAt > now)
    throw new AppError('VALIDATION_FAILED', [
      { path: 'body.submittedAt', message: '受理时间不能晚于现在 / the case cannot be submitted in the future' },
    ]);
  const id = await withTransaction(ctx.db, async (trx) => {
    const p = await findPackage(trx, { id: packageId });
    if (!p) throw new AppError('NOT_FOUND');
    const members = await listMembers(trx, [p.id]);
    const caseId = await insertCase(trx, {
      package_id: p.id,
      applicant: body.applicant,
      submitted_at: submittedAt,
      finished_at: null,
      status: 'open',
      elapsed_minutes: null,
      steps: body.steps,
      documents: body.documents,
      waived_fen: body.waivedFen,
      created_at: now,
    });
    const startsNow = (m: MemberRow) => p.mode === 'parallel' || m.seq === 1;
    await insertSteps(
      trx,
      members.map((m) => ({
        case_id: caseId,
        seq: m.seq,
        unit_id: m.unit_id,
        service_code: m.service_code,
        started_at: startsNow(m) ? submittedAt : null,
        finished_at: null,
        result: null,
        note: null,
      })),
    );
    const first = members.filter(startsNow).map((m) => m.unit_id);
    await notify(ctx, trx, {
      unitIds: [...new Set(first)],
      kind: 'assigned',
      title: `一件事办件待办理：${p.name}`,
      body: `申请人：${body.applicant}`,
      link: `/services/cases/${caseId}`,
    });
    await audit(ctx, trx, actor, {
      action: 'services.case.file',
      entity: 'service_case',
      entityId: caseId,
      after: { packageId: p.id, applicant: body.applicant, submittedAt },
    });
    return caseId;
  });
  return getServiceCase(ctx, id);
}

/**
 * A department records its step done or returned. A unit's staff act only on their own unit's
 * steps; a step cannot finish before it started. When the last step is done the case closes with
 * its elapsed working time, late or not, and joins the day's roll-up; a return closes it at once.
 */
export async function recordCaseStep(ctx: AppContext, actor: Actor, caseId: number, stepId: number, body: StepBody) {
  const now = ctx.clock().toISOString();
  const at = body.at ? new Date(body.at).toISOString() : now;
  if (at > now)
    throw new AppError('VALIDATION_FAILED', [{ path: 'body.at', message: '办结时间不能晚于现在 / a step cannot finish in the future' }]);
  const cal = await getWorkCalendar(ctx);
  await withTransaction(ctx.db, async (trx) => {
    const c = await findCase(trx, caseId);
    if (!c) throw new AppError('NOT_FOUND');
    const steps = await listSteps(trx, caseId);
    const step = steps.find((s) => s.id === stepId);
    if (!step) throw new AppError('NOT_FOUND');
    if (hasPermission(actor.role, 'services.scope.unit') && step.unit_id !== actor.unitId) throw new AppError('UNIT_NOT_ASSIGNED');
    if (c.status !== 'open' || step.finished_at || !step.started_at) throw new AppError('SERVICE_STEP_CLOSED');
    if (at < step.started_at) {
      throw new AppError('SERVICE_STEP_ORDER', [
        { path: 'body.at', message: `办结时间 ${at} 早于该环节开始时间 ${step.started_at} / the step started at ${step.started_at}` },
      ]);
    }
    if (!(await bumpCaseVersion(trx, c.id, c.version))) throw new AppError('VERSION_CONFLICT');
    await updateStep(trx, step.id, { finished_at: at, result: body.result, note: body.note });
    const p = (await findPackage(trx, { id: c.package_id }))!;
    const next = steps.find((s) => s.seq > step.seq && !s.started_at);
    if (body.result === 'done' && p.mode === 'sequence' && next) {
      await updateStep(trx, next.id, { started_at: at });
      await notify(ctx, trx, {
        unitIds: [next.unit_id],
        kind: 'assigned',
        title: `一件事办件待办理：${p.name}`,
        body: `申请人：${c.applicant}`,
        link: `/services/cases/${caseId}`,
      });
    }
    const open = steps.filter((s) => s.id !== step.id && !s.finished_at);
    if (body.result === 'returned' || !open.length) {
      const finishedAt = [at, ...steps.filter((s) => s.finished_at).map((s) => s.finished_at!)].sort().at(-1)!;
      const minutes = workingMinutesBetween(cal, c.submitted_at, finishedAt);
      const done = body.result === 'done';
      const late = done && minutes > p.promised_days * WORKDAY_MINUTES ? 1 : 0;
      if (
        !(await closeCase(trx, c.id, c.version + 1, {
          status: done ? 'done' : 'returned',
          finished_at: finishedAt,
          elapsed_minutes: minutes,
          late,
        }))
      )
        throw new AppError('VERSION_CONFLICT');
      if (done)
        await addToCaseDay(trx, {
          package_id: p.id,
          day: chinaDay(finishedAt),
          finished: 1,
          late,
          elapsed_minutes: minutes,
          waived_fen: c.waived_fen,
        });
    }
    await audit(ctx, trx, actor, {
      action: 'services.case.step',
      entity: 'service_case',
      entityId: c.id,
      after: { stepId, unitId: step.unit_id, result: body.result, at },
    });
  });
  return getServiceCase(ctx, caseId);
}

function chinaDay(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * The reductions measured from the cases finished in a period, per package and on average over
 * the packages with cases: real time against the before-limit, late share.
 */
export async function packageStats(ctx: AppContext, from: string, to: string) {
  const [packages, sums] = await Promise.all([listPackages(ctx.db), sumCaseDays(ctx.db, from, to)]);
  const byPackage = new Map(sums.map((s) => [s.packageId, s]));
  const rows = packages.map((p) => {
    const s = byPackage.get(p.id);
    const exactDays = s?.finished ? s.elapsedMinutes / s.finished / WORKDAY_MINUTES : null;
    const avgDays = exactDays === null ? null : Math.round(exactDays * 100) / 100;
    const materials = (JSON.parse(p.materials) as Material[]).filter((m) => !m.exempt).length;
    return {
      packageId: p.id,
      code: p.code,
      name: p.name,
      finished: s?.finished ?? 0,
      late: s?.late ?? 0,
      beforeDays: p.before_days,
      promisedDays: p.promised_days,
      avgDays,
      timeCut: exactDays === null ? null : reduction(p.before_days, exactDays),
      elapsedMinutes: s?.elapsedMinutes ?? 0,
      materialsCut: reduction(p.before_materials, materials),
      waivedFen: s?.waivedFen ?? 0,
    };
  });
  const measured = rows.filter((r) => r.timeCut !== null);
  const mean = (xs: number[]) => (xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10 : null);
  return {
    from,
    to,
    packages: rows,
    measuredPackages: measured.length,
    finished: rows.reduce((a, r) => a + r.finished, 0),
    late: rows.reduce((a, r) => a + r.late, 0),
    averageTimeCut: mean(measured.map((r) => r.timeCut!)),
    averageMaterialsCut: mean(rows.filter((r) => r.materialsCut !== null).map((r) => r.materialsCut!)),
  };
}

/** The office's "missed promise" list: packages with cases finished late in the period, worst first. */
export async function missedPromises(ctx: AppContext, from: string, to: string) {
  const stats = await packageStats(ctx, from, to);
  const missed = stats.packages.filter((p) => p.late > 0).sort((a, b) => b.late / b.finished - a.late / a.finished || b.late - a.late);
  const fromIso = new Date(`${from}T00:00:00+08:00`).toISOString();
  const toIso = new Date(Date.parse(`${to}T00:00:00+08:00`) + 86_400_000).toISOString();
  return {
    from,
    to,
    packages: await Promise.all(
      missed.map(async (p) => ({
        ...p,
        lateShare: Math.round((p.late / p.finished) * 1000) / 10,
        lateCases: (await lateCases(ctx.db, p.packageId, fromIso, toIso, 5)).map((c) => ({
          id: c.id,
          applicant: c.applicant,
          submittedAt: c.submitted_at,
          finishedAt: c.finished_at,
          elapsedMinutes: c.elapsed_minutes,
        })),
      })),
    ),
  };
}

/** Company start-up (企业开办) cases of a year: count, average time, steps, documents, fees waived. */
export async function startupYear(ctx: AppContext, year: number) {
  const stats = await packageStats(ctx, `${year}-01-01`, `${year}-12-31`);
  const startup = new Set((await listPackages(ctx.db)).filter((p) => p.kind === 'startup').map((p) => p.id));
  const rows = stats.packages.filter((p) => startup.has(p.packageId));
  const finished = rows.reduce((a, r) => a + r.finished, 0);
  const minutes = rows.reduce((a, r) => a + r.elapsedMinutes, 0);
  const figures = await caseStepsAndDocuments(
    ctx.db,
    [...startup],
    new Date(`${year}-01-01T00:00:00+08:00`).toISOString(),
    new Date(`${year + 1}-01-01T00:00:00+08:00`).toISOString(),
  );
  return {
    year,
    cases: finished,
    averageDays: finished ? Math.round((minutes / finished / WORKDAY_MINUTES) * 100) / 100 : null,
    averageSteps: figures.steps,
    averageDocuments: figures.documents,
    waivedFen: rows.reduce((a, r) => a + r.waivedFen, 0),
    packages: rows,
  };
}

/** The problem list the office's missed-promise items go to (created when first needed). */
export const MISSED_PROMISE_LIST = '“高效办成一件事”超承诺时限问题清单';

/**
 * Opens a work-list problem item for a package that missed its promise in a period, led by the
 * package's departments, through the work lists' own services (their life cycle, notices and
 * supervision then follow). One item per package and period: a second call is refused by the
 * list's code check.
 */
export async function openMissedPromiseItem(
  ctx: AppContext,
  actor: Actor,
  packageId: number,
  q: { from: string; to: string; deadline: string },
) {
  const p = await findPackage(ctx.db, { id: packageId });
  if (!p) throw new AppError('NOT_FOUND');
  const missed = (await missedPromises(ctx, q.from, q.to)).packages.find((m) => m.packageId === packageId);
  if (!missed)
    throw new AppError('VALIDATION_FAILED', [
      { path: 'params.id', message: '该一件事在此期间没有超时办件 / no late case of this package in the period' },
    ]);
  const units = [...new Set((await listMembers(ctx.db, [p.id])).map((m) => m.unit_id))];
  const list = await withTransaction(ctx.db, (trx) => findOrCreateList(ctx, actor, trx, { name: MISSED_PROMISE_LIST, kind: 'problem' }));
  return createItem(ctx, actor, {
    listId: list.id,
    code: `${p.code}-${q.from}-${q.to}`.slice(0, 60),
    area: '政务服务',
    content:
      `${p.name}：${q.from} 至 ${q.to} 办结 ${missed.finished} 件，${missed.late} ` +
      `件超过承诺时限（${p.promised_days} 个工作日），超时率 ${missed.lateShare}%`,
    measures: '查明超时环节和原因，提出整改措施并按期报送',
    deadline: q.deadline,
    leadUnitIds: units.slice(0, 30),
  });
}
