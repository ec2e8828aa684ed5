import type { Transaction, Updateable } from 'kysely';
import { AppError } from '../../common/errors.js';
import { type Permission, hasPermission } from '../../common/permissions.js';
import type { CaseStage, ItemDetailView, ItemStatus, ReportBody } from '../../common/schemas/worklists.js';
import type { Actor, AppContext } from '../../context.js';
import { withTransaction } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { ItemTable } from './worklists.tables.js';
import { audit } from '../org/audit.service.js';
import { calendarOf } from './deadlines.js';
import { TRANSITIONS } from './lifecycle.js';
import {
  type ReportRow,
  attachEvidence,
  decideExtensionRow,
  findExtension,
  findReport,
  hasOpenReport,
  hasPendingExtension,
  insertExtension,
  insertNote,
  insertReport,
  listEvidence,
  transitionReport,
} from './progress.repository.js';
import {
  tellExtensionDecided,
  tellExtensionRequested,
  tellInstruction,
  tellReportAccepted,
  tellReportAwaitsApproval,
  tellReportAwaitsReview,
  tellReportReturned,
} from './notify.service.js';
import { recordEvent } from './timeline.js';
import { type LoadedItem, isOffice, loadVisibleItem, requireOffice } from './worklists.access.js';
import { transitionItem, updateItemVersioned } from './worklists.repository.js';
import { itemDetailIn } from './worklists.service.js';

/**
 * Progress on an item: reports (liaison → unit head → office), extension requests, instructions
 * and comments. Every step checks the caller's role and unit, moves the item only from the
 * statuses its transition allows, writes a timeline event and an audit row in one transaction.
 */

type Step = (trx: Transaction<DB>, l: LoadedItem, at: string) => Promise<{ action: string; before?: unknown; after?: unknown }>;

async function onItem(ctx: AppContext, actor: Actor, id: number, step: Step): Promise<ItemDetailView> {
  const cal = await calendarOf(ctx);
  await withTransaction(ctx.db, async (trx) => {
    const l = await loadVisibleItem(trx, actor, id);
    const { action, before, after } = await step(trx, l, ctx.clock().toISOString());
    await audit(ctx, trx, actor, { action, entity: 'item', entityId: id, before, after });
  });
  // The answer is read after the commit: the write lock (one writer for all server processes) is
  // held only for the write itself, not for the seven reads of the item's detail.
  return itemDetailIn(ctx, actor, id, ctx.db, cal);
}

function statusConflict(l: LoadedItem, allowed: readonly string[]): AppError {
  return new AppError('ITEM_STATUS_CONFLICT', [
    {
      path: 'status',
      message: `当前状态为 ${l.item.status}，此操作要求 ${allowed.join('/')} / status is ${l.item.status}, needs ${allowed.join('/')}`,
    },
  ]);
}

async function move(
  trx: Transaction<DB>,
  l: LoadedItem,
  t: { from: readonly ItemStatus[]; to: ItemStatus },
  at: string,
  extra: Updateable<ItemTable> = {},
): Promise<void> {
  if (!(t.from as readonly string[]).includes(l.item.status)) throw statusConflict(l, t.from);
  const ok = await transitionItem(trx, l.item.id, t.from, { status: t.to, ...extra }, at);
  if (!ok) throw statusConflict(l, t.from);
}

function unitName(l: LoadedItem, unitId: number | null): string {
  return l.assignments.find((a) => a.unit_id === unitId)?.unit_name ?? '';
}

/** The caller holds the permission as one of the item's assigned units (the office acts without an assignment). */
function requireAssigned(actor: Actor, l: LoadedItem, permission: Permission, leadOnly = false): void {
  if (!hasPermission(actor.role, permission)) throw new AppError('FORBIDDEN');
  if (!l.myRole) throw new AppError('UNIT_NOT_ASSIGNED');
  if (leadOnly && l.myRole !== 'lead')
    throw new AppError('FORBIDDEN', [{ path: 'role', message: '仅牵头单位可执行此操作 / only the lead unit may do this' }]);
}

export function startItem(ctx: AppContext, actor: Actor, id: number) {
  return onItem(ctx, actor, id, async (trx, l, at) => {
    if (!isOffice(actor)) requireAssigned(actor, l, 'worklists.scope.unit', true);
    await move(trx, l, TRANSITIONS.start, at);
    await recordEvent(ctx, trx, actor, id, 'started', { from: l.item.status, to: 'in_progress' });
    return { action: 'item.start', before: { status: l.item.status }, after: { status: 'in_progress' } };
  });
}

/** A liaison reports for their unit: the lead unit's report submits the item; a cooperating unit's goes to the lead unit. */
export function reportProgress(ctx: AppContext, actor: Actor, id: number, body: ReportBody) {
  return onItem(ctx, actor, id, async (trx, l, at) => {
    requireAssigned(actor, l, 'worklists.report');
    const unitId = actor.unitId!;
    if (l.item.status === 'closed') throw statusConflict(l, TRANSITIONS.report.from);
    if (await hasOpenReport(trx, id, unitId))
      throw new AppError('ITEM_STATUS_CONFLICT', [
        { path: 'report', message: '本单位已有待审核的报送 / your unit already has a report awaiting review' },
      ]);
    const evidenceIds = [...new Set(body.evidenceIds ?? [])];
    if (evidenceIds.length) {
      const own = new Map((await listEvidence(trx, id)).map((e) => [e.id, e]));
      const bad = evidenceIds.filter((e) => own.get(e)?.unit_id !== unitId || own.get(e)?.report_id !== null);
      if (bad.length)
        throw new AppError(
          'VALIDATION_FAILED',
          bad.map((e) => ({
            path: 'body.evidenceIds',
            message: `佐证材料 ${e} 不属于本单位在此事项的未提交材料 / evidence ${e} is not an unattached file of your unit on this item`,
          })),
        );
    }
    if (l.myRole === 'lead') await move(trx, l, TRANSITIONS.report, at, { return_reason: null });
    const reportId = await insertReport(trx, {
      item_id: id,
      unit_id: unitId,
      role: l.myRole!,
      author_id: actor.id,
      text: body.text,
      percent: body.percent,
      status: 'pending_head',
      head_id: null,
      head_note: null,
      reviewer_id: null,
      review_note: null,
      created_at: at,
      updated_at: at,
    });
    await attachEvidence(trx, evidenceIds, reportId);
    await recordEvent(ctx, trx, actor, id, 'reported', {
      reportId,
      unitId,
      role: l.myRole,
      percent: body.percent,
      evidence: evidenceIds.length,
    });
    await tellReportAwaitsApproval(ctx, trx, l.item, unitId, body.percent);
    return { action: 'item.report', after: { reportId, percent: body.percent, text: body.text, evidenceIds } };
  });
}

async function loadReport(trx: Transaction<DB>, l: LoadedItem, reportId: number): Promise<ReportRow> {
  const r = await findReport(trx, reportId);
  if (!r || r.item_id !== l.item.id)
    throw new AppError('NOT_FOUND', [{ path: 'params.reportId', message: '报送不存在 / report not found' }]);
  return r;
}

async function moveReport(trx: Transaction<DB>, r: ReportRow, from: string, v: Parameters<typeof transitionReport>[3]): Promise<void> {
  if (r.status !== from || !(await transitionReport(trx, r.id, from, v))) {
    throw new AppError('ITEM_STATUS_CONFLICT', [
      { path: 'report.status', message: `报送状态为 ${r.status}，需要 ${from} / report is ${r.status}, needs ${from}` },
    ]);
  }
}

/** The unit head passes (or sends back) a report of their own unit. */
export function headDecision(ctx: AppContext, actor: Actor, id: number, reportId: number, approve: boolean, note: string | null) {
  return onItem(ctx, actor, id, async (trx, l, at) => {
    requireAssigned(actor, l, 'worklists.approve');
    const r = await loadReport(trx, l, reportId);
    if (r.unit_id !== actor.unitId)
      throw new AppError('UNIT_NOT_ASSIGNED', [{ path: 'params.reportId', message: '这不是本单位的报送 / not your unit’s report' }]);
    if (!approve && !note)
      throw new AppError('VALIDATION_FAILED', [{ path: 'body.note', message: '退回须说明理由 / a reason is required to send back' }]);
    const lead = r.role === 'lead';
    const to = approve ? (lead ? 'pending_office' : 'delivered') : 'head_returned';
    await moveReport(trx, r, 'pending_head', { status: to, head_id: actor.id, head_note: note, updated_at: at });
    if (lead) await move(trx, l, approve ? TRANSITIONS.headApprove : TRANSITIONS.headReturn, at, approve ? {} : { return_reason: note });
    const type = approve ? (lead ? 'head_approved' : 'coop_delivered') : 'head_returned';
    await recordEvent(ctx, trx, actor, id, type, { reportId, unitId: r.unit_id, ...(note ? { note } : {}) });
    if (!approve) await tellReportReturned(ctx, trx, l.item, r.unit_id, 'head', note!);
    else if (lead) await tellReportAwaitsReview(ctx, trx, l.item, unitName(l, r.unit_id), r.percent);
    return {
      action: approve ? 'item.report.approve' : 'item.report.send_back',
      before: { reportStatus: r.status },
      after: { reportStatus: to, note },
    };
  });
}

/** The office accepts the lead unit's report (closing the item at 100 %) or returns it with a reason. */
export function officeDecision(ctx: AppContext, actor: Actor, id: number, reportId: number, accept: boolean, note: string | null) {
  return onItem(ctx, actor, id, async (trx, l, at) => {
    requireOffice(actor);
    const r = await loadReport(trx, l, reportId);
    if (!accept && !note)
      throw new AppError('VALIDATION_FAILED', [{ path: 'body.reason', message: '退回须说明理由 / a reason is required to return' }]);
    await moveReport(trx, r, 'pending_office', {
      status: accept ? 'accepted' : 'office_returned',
      reviewer_id: actor.id,
      review_note: note,
      updated_at: at,
    });
    const closes = accept && r.percent === 100;
    if (!accept) await move(trx, l, TRANSITIONS.officeReturn, at, { return_reason: note });
    else
      await move(trx, l, closes ? TRANSITIONS.close : TRANSITIONS.acceptPartial, at, {
        percent: r.percent,
        ...(closes ? { closed_at: at } : {}),
      });
    await recordEvent(ctx, trx, actor, id, accept ? 'accepted' : 'returned', {
      reportId,
      percent: r.percent,
      ...(note ? { reason: note } : {}),
    });
    if (closes) await recordEvent(ctx, trx, actor, id, 'closed', { reportId });
    if (accept) await tellReportAccepted(ctx, trx, l.item, r.unit_id, r.percent, closes);
    else await tellReportReturned(ctx, trx, l.item, r.unit_id, 'office', note!);
    return {
      action: accept ? (closes ? 'item.close' : 'item.report.accept') : 'item.return',
      before: { status: l.item.status },
      after: { accept, closes, note },
    };
  });
}

export function reopenItem(ctx: AppContext, actor: Actor, id: number, reason: string) {
  return onItem(ctx, actor, id, async (trx, l, at) => {
    requireOffice(actor);
    await move(trx, l, TRANSITIONS.reopen, at, { closed_at: null });
    await recordEvent(ctx, trx, actor, id, 'reopened', { reason });
    return { action: 'item.reopen', before: { status: 'closed' }, after: { status: 'in_progress', reason } };
  });
}

/** Self-assessment of a question against the latest progress (自评). */
export function setSelfScore(ctx: AppContext, actor: Actor, id: number, version: number, selfScore: number) {
  return onItem(ctx, actor, id, async (trx, l, at) => {
    if (!isOffice(actor)) requireAssigned(actor, l, 'worklists.scope.unit', true);
    if (l.item.kind !== 'question')
      throw new AppError('VALIDATION_FAILED', [{ path: 'body.selfScore', message: '仅试题可自评 / only questions are self-assessed' }]);
    if (l.item.max_score !== null && selfScore > l.item.max_score)
      throw new AppError('VALIDATION_FAILED', [
        { path: 'body.selfScore', message: `自评分不能超过满分 ${l.item.max_score} / above the maximum` },
      ]);
    if (!(await updateItemVersioned(trx, id, version, { self_score: selfScore }, at))) throw new AppError('VERSION_CONFLICT');
    await recordEvent(ctx, trx, actor, id, 'self_scored', { from: l.item.self_score, to: selfScore });
    return { action: 'item.self_score', before: { selfScore: l.item.self_score }, after: { selfScore } };
  });
}

export function setCaseStage(ctx: AppContext, actor: Actor, id: number, version: number, stage: CaseStage) {
  return onItem(ctx, actor, id, async (trx, l, at) => {
    requireOffice(actor);
    if (l.item.kind !== 'case')
      throw new AppError('VALIDATION_FAILED', [{ path: 'body.stage', message: '仅典型案例有阶段 / only cases have a stage' }]);
    if (!(await updateItemVersioned(trx, id, version, { stage }, at))) throw new AppError('VERSION_CONFLICT');
    await recordEvent(ctx, trx, actor, id, 'updated', { fields: ['stage'], from: l.item.stage, to: stage });
    return { action: 'item.stage', before: { stage: l.item.stage }, after: { stage } };
  });
}

// ---- extensions ----

export function requestExtension(ctx: AppContext, actor: Actor, id: number, body: { reason: string; requestedDeadline: string }) {
  return onItem(ctx, actor, id, async (trx, l, at) => {
    requireAssigned(actor, l, 'worklists.scope.unit', true);
    if (l.item.status === 'closed') throw statusConflict(l, ['not_started', 'in_progress', 'submitted', 'under_review', 'returned']);
    if (!l.item.deadline)
      throw new AppError('VALIDATION_FAILED', [
        { path: 'body.requestedDeadline', message: '该事项没有完成时限 / the item has no deadline' },
      ]);
    if (body.requestedDeadline <= l.item.deadline)
      throw new AppError('VALIDATION_FAILED', [
        { path: 'body.requestedDeadline', message: `新时限须晚于 ${l.item.deadline} / must be after the current deadline` },
      ]);
    if (await hasPendingExtension(trx, id))
      throw new AppError('CONFLICT', [{ path: 'extension', message: '已有待审批的延期申请 / an extension request is already pending' }]);
    const extensionId = await insertExtension(trx, {
      item_id: id,
      unit_id: actor.unitId,
      requester_id: actor.id,
      reason: body.reason,
      old_deadline: l.item.deadline,
      requested_deadline: body.requestedDeadline,
      status: 'pending',
      decider_id: null,
      decision_note: null,
      created_at: at,
      decided_at: null,
    });
    await recordEvent(ctx, trx, actor, id, 'extension_requested', {
      extensionId,
      from: l.item.deadline,
      to: body.requestedDeadline,
      reason: body.reason,
    });
    await tellExtensionRequested(ctx, trx, l.item, unitName(l, actor.unitId), body.requestedDeadline, body.reason);
    return { action: 'item.extension.request', after: { extensionId, ...body } };
  });
}

export function decideExtension(ctx: AppContext, actor: Actor, id: number, extensionId: number, approve: boolean, note: string | null) {
  return onItem(ctx, actor, id, async (trx, l, at) => {
    requireOffice(actor);
    const x = await findExtension(trx, extensionId);
    if (!x || x.item_id !== id)
      throw new AppError('NOT_FOUND', [{ path: 'params.extensionId', message: '延期申请不存在 / extension request not found' }]);
    const decided = await decideExtensionRow(trx, extensionId, {
      status: approve ? 'approved' : 'refused',
      decider_id: actor.id,
      decision_note: note,
      decided_at: at,
    });
    if (!decided)
      throw new AppError('ITEM_STATUS_CONFLICT', [
        { path: 'extension.status', message: `申请已${x.status === 'approved' ? '批准' : '处理'} / already decided` },
      ]);
    if (approve) {
      const ok = await updateItemVersioned(trx, id, l.item.version, { deadline: x.requested_deadline }, at);
      if (!ok) throw new AppError('VERSION_CONFLICT');
    }
    await recordEvent(ctx, trx, actor, id, approve ? 'extension_approved' : 'extension_refused', {
      extensionId,
      from: x.old_deadline,
      to: x.requested_deadline,
      ...(note ? { note } : {}),
    });
    await tellExtensionDecided(ctx, trx, l.item, { unitId: x.unit_id, approve, requested: x.requested_deadline, note });
    return {
      action: approve ? 'item.extension.approve' : 'item.extension.refuse',
      before: { deadline: l.item.deadline },
      after: { deadline: approve ? x.requested_deadline : l.item.deadline, note },
    };
  });
}

// ---- instructions and comments ----

export function addInstruction(ctx: AppContext, actor: Actor, id: number, text: string) {
  return onItem(ctx, actor, id, async (trx, l, at) => {
    if (!hasPermission(actor.role, 'worklists.instruct')) throw new AppError('FORBIDDEN');
    const noteId = await insertNote(trx, { item_id: id, kind: 'instruction', author_id: actor.id, text, created_at: at });
    await recordEvent(ctx, trx, actor, id, 'instruction', { noteId, text });
    await tellInstruction(
      ctx,
      trx,
      l.item,
      l.assignments.map((a) => a.unit_id),
      actor.displayName,
      text,
    );
    return { action: 'item.instruction', after: { noteId, text } };
  });
}

export function addComment(ctx: AppContext, actor: Actor, id: number, text: string) {
  return onItem(ctx, actor, id, async (trx, _l, at) => {
    if (!hasPermission(actor.role, 'worklists.comment')) throw new AppError('FORBIDDEN');
    const noteId = await insertNote(trx, { item_id: id, kind: 'comment', author_id: actor.id, text, created_at: at });
    await recordEvent(ctx, trx, actor, id, 'comment', { noteId });
    return { action: 'item.comment', after: { noteId, text } };
  });
}
