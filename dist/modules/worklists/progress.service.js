import { AppError } from "../../common/errors.js";
import { withTransaction } from "../../db/database.js";
import { audit } from "../org/audit.service.js";
import { calendarOf } from "./deadlines.js";
import { TRANSITIONS } from "./lifecycle.js";
import {
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
  transitionReport
} from "./progress.repository.js";
import { recordEvent } from "./timeline.js";
import { isOffice, isUnitRole, loadVisibleItem, requireOffice } from "./worklists.access.js";
import { transitionItem, updateItemVersioned } from "./worklists.repository.js";
import { itemDetailIn } from "./worklists.service.js";
async function onItem(ctx, actor, id, step) {
  const cal = await calendarOf(ctx);
  return withTransaction(ctx.db, async (trx) => {
    const l = await loadVisibleItem(trx, actor, id);
    const { action, before, after } = await step(trx, l, ctx.clock().toISOString());
    await audit(ctx, trx, actor, { action, entity: "item", entityId: id, before, after });
    return itemDetailIn(ctx, actor, id, trx, cal);
  });
}
function statusConflict(l, allowed) {
  return new AppError("ITEM_STATUS_CONFLICT", [
    { path: "status", message: `\u5F53\u524D\u72B6\u6001\u4E3A ${l.item.status}\uFF0C\u6B64\u64CD\u4F5C\u8981\u6C42 ${allowed.join("/")} / status is ${l.item.status}, needs ${allowed.join("/")}` }
  ]);
}
async function move(trx, l, t, at, extra = {}) {
  if (!t.from.includes(l.item.status)) throw statusConflict(l, t.from);
  const ok = await transitionItem(trx, l.item.id, t.from, { status: t.to, ...extra }, at);
  if (!ok) throw statusConflict(l, t.from);
}
function requireAssigned(actor, l, roles, leadOnly = false) {
  if (!roles.includes(actor.role)) throw new AppError("FORBIDDEN");
  if (!l.myRole) throw new AppError("UNIT_NOT_ASSIGNED");
  if (leadOnly && l.myRole !== "lead") throw new AppError("FORBIDDEN", [{ path: "role", message: "\u4EC5\u7275\u5934\u5355\u4F4D\u53EF\u6267\u884C\u6B64\u64CD\u4F5C / only the lead unit may do this" }]);
}
function startItem(ctx, actor, id) {
  return onItem(ctx, actor, id, async (trx, l, at) => {
    if (!isOffice(actor)) requireAssigned(actor, l, ["liaison", "unit_head"], true);
    await move(trx, l, TRANSITIONS.start, at);
    await recordEvent(ctx, trx, actor, id, "started", { from: l.item.status, to: "in_progress" });
    return { action: "item.start", before: { status: l.item.status }, after: { status: "in_progress" } };
  });
}
function reportProgress(ctx, actor, id, body) {
  return onItem(ctx, actor, id, async (trx, l, at) => {
    requireAssigned(actor, l, ["liaison"]);
    const unitId = actor.unitId;
    if (l.item.status === "closed") throw statusConflict(l, TRANSITIONS.report.from);
    if (await hasOpenReport(trx, id, unitId)) throw new AppError("ITEM_STATUS_CONFLICT", [{ path: "report", message: "\u672C\u5355\u4F4D\u5DF2\u6709\u5F85\u5BA1\u6838\u7684\u62A5\u9001 / your unit already has a report awaiting review" }]);
    const evidenceIds = [...new Set(body.evidenceIds ?? [])];
    if (evidenceIds.length) {
      const own = new Map((await listEvidence(trx, id)).map((e) => [e.id, e]));
      const bad = evidenceIds.filter((e) => own.get(e)?.unit_id !== unitId || own.get(e)?.report_id !== null);
      if (bad.length) throw new AppError("VALIDATION_FAILED", bad.map((e) => ({ path: "body.evidenceIds", message: `\u4F50\u8BC1\u6750\u6599 ${e} \u4E0D\u5C5E\u4E8E\u672C\u5355\u4F4D\u5728\u6B64\u4E8B\u9879\u7684\u672A\u63D0\u4EA4\u6750\u6599 / evidence ${e} is not an unattached file of your unit on this item` })));
    }
    if (l.myRole === "lead") await move(trx, l, TRANSITIONS.report, at, { return_reason: null });
    const reportId = await insertReport(trx, {
      item_id: id,
      unit_id: unitId,
      role: l.myRole,
      author_id: actor.id,
      text: body.text,
      percent: body.percent,
      status: "pending_head",
      head_id: null,
      head_note: null,
      reviewer_id: null,
      review_note: null,
      created_at: at,
      updated_at: at
    });
    await attachEvidence(trx, evidenceIds, reportId);
    await recordEvent(ctx, trx, actor, id, "reported", { reportId, unitId, role: l.myRole, percent: body.percent, evidence: evidenceIds.length });
    return { action: "item.report", after: { reportId, percent: body.percent, text: body.text, evidenceIds } };
  });
}
async function loadReport(trx, l, reportId) {
  const r = await findReport(trx, reportId);
  if (!r || r.item_id !== l.item.id) throw new AppError("NOT_FOUND", [{ path: "params.reportId", message: "\u62A5\u9001\u4E0D\u5B58\u5728 / report not found" }]);
  return r;
}
async function moveReport(trx, r, from, v) {
  if (r.status !== from || !await transitionReport(trx, r.id, from, v)) {
    throw new AppError("ITEM_STATUS_CONFLICT", [{ path: "report.status", message: `\u62A5\u9001\u72B6\u6001\u4E3A ${r.status}\uFF0C\u9700\u8981 ${from} / report is ${r.status}, needs ${from}` }]);
  }
}
function headDecision(ctx, actor, id, reportId, approve, note) {
  return onItem(ctx, actor, id, async (trx, l, at) => {
    requireAssigned(actor, l, ["unit_head"]);
    const r = await loadReport(trx, l, reportId);
    if (r.unit_id !== actor.unitId) throw new AppError("UNIT_NOT_ASSIGNED", [{ path: "params.reportId", message: "\u8FD9\u4E0D\u662F\u672C\u5355\u4F4D\u7684\u62A5\u9001 / not your unit\u2019s report" }]);
    if (!approve && !note) throw new AppError("VALIDATION_FAILED", [{ path: "body.note", message: "\u9000\u56DE\u987B\u8BF4\u660E\u7406\u7531 / a reason is required to send back" }]);
    const lead = r.role === "lead";
    const to = approve ? lead ? "pending_office" : "delivered" : "head_returned";
    await moveReport(trx, r, "pending_head", { status: to, head_id: actor.id, head_note: note, updated_at: at });
    if (lead) await move(trx, l, approve ? TRANSITIONS.headApprove : TRANSITIONS.headReturn, at, approve ? {} : { return_reason: note });
    const type = approve ? lead ? "head_approved" : "coop_delivered" : "head_returned";
    await recordEvent(ctx, trx, actor, id, type, { reportId, unitId: r.unit_id, ...note ? { note } : {} });
    return { action: approve ? "item.report.approve" : "item.report.send_back", before: { reportStatus: r.status }, after: { reportStatus: to, note } };
  });
}
function officeDecision(ctx, actor, id, reportId, accept, note) {
  return onItem(ctx, actor, id, async (trx, l, at) => {
    requireOffice(actor);
    const r = await loadReport(trx, l, reportId);
    if (!accept && !note) throw new AppError("VALIDATION_FAILED", [{ path: "body.reason", message: "\u9000\u56DE\u987B\u8BF4\u660E\u7406\u7531 / a reason is required to return" }]);
    await moveReport(trx, r, "pending_office", { status: accept ? "accepted" : "office_returned", reviewer_id: actor.id, review_note: note, updated_at: at });
    const closes = accept && r.percent === 100;
    if (!accept) await move(trx, l, TRANSITIONS.officeReturn, at, { return_reason: note });
    else await move(trx, l, closes ? TRANSITIONS.close : TRANSITIONS.acceptPartial, at, { percent: r.percent, ...closes ? { closed_at: at } : {} });
    await recordEvent(ctx, trx, actor, id, accept ? "accepted" : "returned", { reportId, percent: r.percent, ...note ? { reason: note } : {} });
    if (closes) await recordEvent(ctx, trx, actor, id, "closed", { reportId });
    return { action: accept ? closes ? "item.close" : "item.report.accept" : "item.return", before: { status: l.item.status }, after: { accept, closes, note } };
  });
}
function reopenItem(ctx, actor, id, reason) {
  return onItem(ctx, actor, id, async (trx, l, at) => {
    requireOffice(actor);
    await move(trx, l, TRANSITIONS.reopen, at, { closed_at: null });
    await recordEvent(ctx, trx, actor, id, "reopened", { reason });
    return { action: "item.reopen", before: { status: "closed" }, after: { status: "in_progress", reason } };
  });
}
function setSelfScore(ctx, actor, id, version, selfScore) {
  return onItem(ctx, actor, id, async (trx, l, at) => {
    if (!isOffice(actor)) requireAssigned(actor, l, ["liaison", "unit_head"], true);
    if (l.item.kind !== "question") throw new AppError("VALIDATION_FAILED", [{ path: "body.selfScore", message: "\u4EC5\u8BD5\u9898\u53EF\u81EA\u8BC4 / only questions are self-assessed" }]);
    if (l.item.max_score !== null && selfScore > l.item.max_score) throw new AppError("VALIDATION_FAILED", [{ path: "body.selfScore", message: `\u81EA\u8BC4\u5206\u4E0D\u80FD\u8D85\u8FC7\u6EE1\u5206 ${l.item.max_score} / above the maximum` }]);
    if (!await updateItemVersioned(trx, id, version, { self_score: selfScore }, at)) throw new AppError("VERSION_CONFLICT");
    await recordEvent(ctx, trx, actor, id, "self_scored", { from: l.item.self_score, to: selfScore });
    return { action: "item.self_score", before: { selfScore: l.item.self_score }, after: { selfScore } };
  });
}
function setCaseStage(ctx, actor, id, version, stage) {
  return onItem(ctx, actor, id, async (trx, l, at) => {
    requireOffice(actor);
    if (l.item.kind !== "case") throw new AppError("VALIDATION_FAILED", [{ path: "body.stage", message: "\u4EC5\u5178\u578B\u6848\u4F8B\u6709\u9636\u6BB5 / only cases have a stage" }]);
    if (!await updateItemVersioned(trx, id, version, { stage }, at)) throw new AppError("VERSION_CONFLICT");
    await recordEvent(ctx, trx, actor, id, "updated", { fields: ["stage"], from: l.item.stage, to: stage });
    return { action: "item.stage", before: { stage: l.item.stage }, after: { stage } };
  });
}
function requestExtension(ctx, actor, id, body) {
  return onItem(ctx, actor, id, async (trx, l, at) => {
    requireAssigned(actor, l, ["liaison", "unit_head"], true);
    if (l.item.status === "closed") throw statusConflict(l, ["not_started", "in_progress", "submitted", "under_review", "returned"]);
    if (!l.item.deadline) throw new AppError("VALIDATION_FAILED", [{ path: "body.requestedDeadline", message: "\u8BE5\u4E8B\u9879\u6CA1\u6709\u5B8C\u6210\u65F6\u9650 / the item has no deadline" }]);
    if (body.requestedDeadline <= l.item.deadline) throw new AppError("VALIDATION_FAILED", [{ path: "body.requestedDeadline", message: `\u65B0\u65F6\u9650\u987B\u665A\u4E8E ${l.item.deadline} / must be after the current deadline` }]);
    if (await hasPendingExtension(trx, id)) throw new AppError("CONFLICT", [{ path: "extension", message: "\u5DF2\u6709\u5F85\u5BA1\u6279\u7684\u5EF6\u671F\u7533\u8BF7 / an extension request is already pending" }]);
    const extensionId = await insertExtension(trx, {
      item_id: id,
      unit_id: actor.unitId,
      requester_id: actor.id,
      reason: body.reason,
      old_deadline: l.item.deadline,
      requested_deadline: body.requestedDeadline,
      status: "pending",
      decider_id: null,
      decision_note: null,
      created_at: at,
      decided_at: null
    });
    await recordEvent(ctx, trx, actor, id, "extension_requested", { extensionId, from: l.item.deadline, to: body.requestedDeadline, reason: body.reason });
    return { action: "item.extension.request", after: { extensionId, ...body } };
  });
}
function decideExtension(ctx, actor, id, extensionId, approve, note) {
  return onItem(ctx, actor, id, async (trx, l, at) => {
    requireOffice(actor);
    const x = await findExtension(trx, extensionId);
    if (!x || x.item_id !== id) throw new AppError("NOT_FOUND", [{ path: "params.extensionId", message: "\u5EF6\u671F\u7533\u8BF7\u4E0D\u5B58\u5728 / extension request not found" }]);
    const decided = await decideExtensionRow(trx, extensionId, { status: approve ? "approved" : "refused", decider_id: actor.id, decision_note: note, decided_at: at });
    if (!decided) throw new AppError("ITEM_STATUS_CONFLICT", [{ path: "extension.status", message: `\u7533\u8BF7\u5DF2${x.status === "approved" ? "\u6279\u51C6" : "\u5904\u7406"} / already decided` }]);
    if (approve) {
      const ok = await updateItemVersioned(trx, id, l.item.version, { deadline: x.requested_deadline }, at);
      if (!ok) throw new AppError("VERSION_CONFLICT");
    }
    await recordEvent(ctx, trx, actor, id, approve ? "extension_approved" : "extension_refused", {
      extensionId,
      from: x.old_deadline,
      to: x.requested_deadline,
      ...note ? { note } : {}
    });
    return { action: approve ? "item.extension.approve" : "item.extension.refuse", before: { deadline: l.item.deadline }, after: { deadline: approve ? x.requested_deadline : l.item.deadline, note } };
  });
}
function addInstruction(ctx, actor, id, text) {
  return onItem(ctx, actor, id, async (trx, _l, at) => {
    if (actor.role !== "leader" && actor.role !== "admin") throw new AppError("FORBIDDEN");
    const noteId = await insertNote(trx, { item_id: id, kind: "instruction", author_id: actor.id, text, created_at: at });
    await recordEvent(ctx, trx, actor, id, "instruction", { noteId, text });
    return { action: "item.instruction", after: { noteId, text } };
  });
}
function addComment(ctx, actor, id, text) {
  return onItem(ctx, actor, id, async (trx, _l, at) => {
    if (!isOffice(actor) && !isUnitRole(actor) && actor.role !== "leader") throw new AppError("FORBIDDEN");
    const noteId = await insertNote(trx, { item_id: id, kind: "comment", author_id: actor.id, text, created_at: at });
    await recordEvent(ctx, trx, actor, id, "comment", { noteId });
    return { action: "item.comment", after: { noteId, text } };
  });
}
export {
  addComment,
  addInstruction,
  decideExtension,
  headDecision,
  officeDecision,
  reopenItem,
  reportProgress,
  requestExtension,
  setCaseStage,
  setSelfScore,
  startItem
};
//# sourceMappingURL=progress.service.js.map
