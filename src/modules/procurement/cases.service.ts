import { AppError } from '../../common/errors.js';
import { chinaDate } from '../../common/dates.js';
import { UNIT_SCOPED_ROLES } from '../../common/roles.js';
import type { CaseListItem, CaseOutcome, CaseView, CreateCaseBody } from '../../common/schemas/procurement.js';
import type { Actor, AppContext } from '../../context.js';
import { type Executor, withTransaction } from '../../db/database.js';
import { getWorkCalendar } from '../calendar/calendar.service.js';
import { notify } from '../notifications/notifications.service.js';
import { audit } from '../org/audit.service.js';
import * as repo from './procurement.repository.js';
import { findGroupOrThrow } from './procurement.service.js';

/**
 * Cases (线索 → 核查 → 处理): a suspected tender or bidder group becomes a lead; the office sends it
 * to a unit for verification with a deadline counted in working days; evidence is added along the
 * way; the outcome (referred, penalised, cleared) closes it and labels its tenders for the next
 * calibration of the risk model (penalised = collusive, cleared = competitive).
 */

const isUnitUser = (actor: Actor) => UNIT_SCOPED_ROLES.includes(actor.role);

function present(row: repo.CaseRow, today: string): CaseListItem {
  return {
    id: row.id,
    subject: row.subject as CaseListItem['subject'],
    title: row.title,
    stage: row.stage as CaseListItem['stage'],
    outcome: row.outcome as CaseListItem['outcome'],
    unitId: row.unit_id,
    unitName: row.unit_name,
    deadline: row.deadline,
    overdue: row.stage === 'verification' && row.deadline !== null && row.deadline < today,
    tenderId: row.tender_pk,
    createdAt: row.created_at,
    version: row.version,
  };
}

/** A unit's users see only the cases sent to their unit; another unit's case is "not found", never its content. */
async function caseFor(db: Executor, actor: Actor, id: number): Promise<repo.CaseRow> {
  const row = await repo.findCase(db, id);
  if (!row || (isUnitUser(actor) && row.unit_id !== actor.unitId))
    throw new AppError('NOT_FOUND', [{ path: 'id', message: `线索 ${id} 不存在 / case ${id} not found` }]);
  return row;
}

export async function listCases(ctx: AppContext, actor: Actor, q: { stage?: string | undefined; page: number; pageSize: number }) {
  const unitId = isUnitUser(actor) ? (actor.unitId ?? -1) : undefined;
  const { rows, total } = await repo.listCases(ctx.db, { stage: q.stage, unitId }, { page: q.page, pageSize: q.pageSize });
  const today = chinaDate(ctx.clock());
  return { items: rows.map((r) => present(r, today)), total };
}

export async function getCase(ctx: AppContext, actor: Actor, id: number, db: Executor = ctx.db): Promise<CaseView> {
  const row = await caseFor(db, actor, id);
  const events = await repo.caseEvents(db, id);
  return {
    ...present(row, chinaDate(ctx.clock())),
    members: row.members_json ? (JSON.parse(row.members_json) as string[]) : [],
    events: events.map((e) => ({ id: e.id, kind: e.kind, note: e.note, actorName: e.actor_name, at: e.at })),
  };
}

async function event(ctx: AppContext, trx: Executor, actor: Actor, caseId: number, kind: string, note: string | null | undefined) {
  await repo.insertCaseEvent(trx, {
    case_id: caseId,
    kind,
    note: note ?? null,
    actor_id: actor.id > 0 ? actor.id : null,
    actor_name: actor.displayName,
    at: ctx.clock().toISOString(),
  });
}

export async function createCase(ctx: AppContext, actor: Actor, body: CreateCaseBody): Promise<CaseView> {
  return withTransaction(ctx.db, async (trx) => {
    let subject: 'tender' | 'group';
    let tenderPk: number | null = null;
    let members: string[] | null = null;
    let title: string;
    if ('tenderId' in body) {
      const t = await repo.findTender(trx, body.tenderId);
      if (!t) throw new AppError('VALIDATION_FAILED', [{ path: 'body.tenderId', message: '招标项目不存在 / tender not found' }]);
      subject = 'tender';
      tenderPk = t.id;
      title = `${t.key}${t.title ? ` ${t.title}` : ''}`;
    } else {
      const g = await findGroupOrThrow(trx, body.groupId);
      subject = 'group';
      members = JSON.parse(g.members_json) as string[];
      const names = await repo.bidderNames(trx, members);
      title = `投标人组：${members.map((m) => names.get(m) ?? m).join('、')}`.slice(0, 300);
    }
    const id = await repo.insertCase(trx, {
      subject,
      tender_pk: tenderPk,
      members_json: members && JSON.stringify(members),
      title,
      created_by: actor.id > 0 ? actor.id : null,
      at: ctx.clock().toISOString(),
    });
    await event(ctx, trx, actor, id, 'created', body.note);
    const view = await getCase(ctx, actor, id, trx);
    await audit(ctx, trx, actor, { action: 'procurement.case.create', entity: 'procurement_case', entityId: id, after: view });
    return view;
  });
}

function stageConflict(expected: string): AppError {
  return new AppError('CASE_STAGE_CONFLICT', [
    { path: 'stage', message: `线索应处于“${expected}”阶段 / the case must be at stage ${expected}` },
  ]);
}

/** Sends a lead to a unit for verification (核查), due a number of working days from today. */
export async function verifyCase(
  ctx: AppContext,
  actor: Actor,
  id: number,
  body: { unitId: number; workdays: number; note?: string | undefined; version: number },
): Promise<CaseView> {
  const cal = await getWorkCalendar(ctx);
  return withTransaction(ctx.db, async (trx) => {
    const row = await caseFor(trx, actor, id);
    if (row.stage !== 'lead') throw stageConflict('线索');
    const unit = await repo.unitExists(trx, body.unitId);
    if (!unit) throw new AppError('VALIDATION_FAILED', [{ path: 'body.unitId', message: '单位不存在 / unit not found' }]);
    const deadline = cal.addWorkdays(chinaDate(ctx.clock()), body.workdays);
    if (
      !(await repo.updateCaseVersioned(
        trx,
        id,
        body.version,
        { stage: 'verification', unit_id: unit.id, deadline },
        ctx.clock().toISOString(),
      ))
    )
      throw new AppError('VERSION_CONFLICT');
    await event(
      ctx,
      trx,
      actor,
      id,
      'verification',
      `${unit.name}，${body.workdays} 个工作日内（${deadline} 前）核查${body.note ? `：${body.note}` : ''}`,
    );
    await notify(ctx, trx, {
      unitIds: [unit.id],
      title: `串通投标线索核查：${row.title}`.slice(0, 200),
      body: `请于 ${deadline} 前完成核查并上传核查材料。`,
      link: `/procurement/cases/${id}`,
      kind: 'assigned',
    });
    const view = await getCase(ctx, actor, id, trx);
    await audit(ctx, trx, actor, {
      action: 'procurement.case.verify',
      entity: 'procurement_case',
      entityId: id,
      before: { stage: row.stage },
      after: { stage: view.stage, unitId: unit.id, deadline },
    });
    return view;
  });
}

export async function addEvidence(ctx: AppContext, actor: Actor, id: number, body: { note: string }): Promise<CaseView> {
  return withTransaction(ctx.db, async (trx) => {
    const row = await caseFor(trx, actor, id);
    if (row.stage === 'disposed') throw stageConflict('线索或核查');
    await event(ctx, trx, actor, id, 'evidence', body.note);
    await audit(ctx, trx, actor, {
      action: 'procurement.case.evidence',
      entity: 'procurement_case',
      entityId: id,
      after: { note: body.note },
    });
    return getCase(ctx, actor, id, trx);
  });
}

const LABEL: Record<CaseOutcome, number | null> = { penalised: 1, cleared: 0, referred: null };

/** Records the outcome (处理) and feeds it back as the label of the case's tenders. */
export async function recordOutcome(
  ctx: AppContext,
  actor: Actor,
  id: number,
  body: { outcome: CaseOutcome; note: string; version: number },
): Promise<CaseView> {
  return withTransaction(ctx.db, async (trx) => {
    const row = await caseFor(trx, actor, id);
    if (row.stage === 'disposed') throw stageConflict('线索或核查');
    if (!(await repo.updateCaseVersioned(trx, id, body.version, { stage: 'disposed', outcome: body.outcome }, ctx.clock().toISOString())))
      throw new AppError('VERSION_CONFLICT');
    const tenders = row.tender_pk
      ? [row.tender_pk]
      : await repo.jointTenders(trx, row.members_json ? (JSON.parse(row.members_json) as string[]) : []);
    // "referred" hands the case on without a finding: its tenders stay unlabelled
    if (LABEL[body.outcome] !== null) await repo.setTenderLabels(trx, tenders, LABEL[body.outcome]);
    await event(ctx, trx, actor, id, 'outcome', body.note);
    const view = await getCase(ctx, actor, id, trx);
    await audit(ctx, trx, actor, {
      action: 'procurement.case.outcome',
      entity: 'procurement_case',
      entityId: id,
      before: { stage: row.stage },
      after: { stage: 'disposed', outcome: body.outcome, labelledTenders: tenders.length },
    });
    return view;
  });
}
