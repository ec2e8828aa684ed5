import { dueInfo } from "./deadlines.js";
function presentWorklist(r) {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    description: r.description,
    itemCount: r.item_count,
    closedCount: r.closed_count,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at
  };
}
function presentItem(r, assignments, day, cal) {
  const mine = assignments.filter((a) => a.item_id === r.id);
  const units = (role) => mine.filter((a) => a.role === role).map((a) => ({ id: a.unit_id, name: a.unit_name }));
  return {
    id: r.id,
    listId: r.list_id,
    listName: r.list_name,
    kind: r.kind,
    code: r.code,
    area: r.area,
    content: r.content,
    measures: r.measures,
    deadline: r.deadline,
    ongoing: r.ongoing === 1,
    status: r.status,
    percent: r.percent,
    ...dueInfo(r.deadline, r.status, day, cal),
    returnReason: r.return_reason,
    leadUnits: units("lead"),
    coopUnits: units("coop"),
    tags: JSON.parse(r.tags_json),
    sourceEvaluation: r.source_evaluation,
    rectification: r.rectification,
    level: r.level,
    maxScore: r.max_score === null ? null : Number(r.max_score),
    selfScore: r.self_score === null ? null : Number(r.self_score),
    scoringRule: r.scoring_rule,
    stage: r.stage,
    version: r.version,
    updatedAt: r.updated_at
  };
}
function presentEvidence(e) {
  return { id: e.id, reportId: e.report_id, unitId: e.unit_id, filename: e.filename, mime: e.mime, size: e.size, uploadedBy: e.uploader_name, createdAt: e.created_at };
}
function presentReport(r, evidence) {
  return {
    id: r.id,
    unit: { id: r.unit_id, name: r.unit_name },
    role: r.role,
    text: r.text,
    percent: r.percent,
    status: r.status,
    author: r.author_name,
    headNote: r.head_note,
    reviewNote: r.review_note,
    evidence: evidence.filter((e) => e.report_id === r.id).map(presentEvidence),
    createdAt: r.created_at,
    updatedAt: r.updated_at
  };
}
function presentExtension(x) {
  return {
    id: x.id,
    unit: x.unit_id && x.unit_name ? { id: x.unit_id, name: x.unit_name } : null,
    reason: x.reason,
    oldDeadline: x.old_deadline,
    requestedDeadline: x.requested_deadline,
    status: x.status,
    requestedBy: x.requester_name,
    decidedBy: x.decider_name,
    decisionNote: x.decision_note,
    createdAt: x.created_at,
    decidedAt: x.decided_at
  };
}
function presentNote(n) {
  return { id: n.id, author: n.author_name, role: n.author_role, text: n.text, createdAt: n.created_at };
}
function presentEvent(e) {
  return { id: e.id, at: e.at, type: e.type, actor: e.actor_name, data: JSON.parse(e.data_json) };
}
export {
  presentEvent,
  presentEvidence,
  presentExtension,
  presentItem,
  presentNote,
  presentReport,
  presentWorklist
};
//# sourceMappingURL=worklists.presenters.js.map
