import type {
  EvidenceView,
  ExtensionView,
  ItemView,
  NoteView,
  ReportView,
  TimelineView,
  WorklistView,
} from '../../common/schemas/worklists.js';
import { chinaDate } from '../../common/dates.js';
import { type WorkCalendar, officialCalendar } from '../../common/workdays.js';
import { dueInfo } from './deadlines.js';
import type { EvidenceRow, ExtensionRow, ReportRow } from './progress.repository.js';
import type { AssignmentRecord, ItemRow, WorklistRow } from './worklists.repository.js';

/** Responses are shaped here, never sent as raw rows. */

export function presentWorklist(r: WorklistRow & { item_count: number; closed_count: number }): WorklistView {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind as WorklistView['kind'],
    description: r.description,
    itemCount: r.item_count,
    closedCount: r.closed_count,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** A closed item keeps showing that it was closed late: working days from its deadline to the China date it closed. */
function closedLate(r: ItemRow, cal: WorkCalendar = officialCalendar): number {
  if (r.status !== 'closed' || !r.closed_at || !r.deadline) return 0;
  return Math.max(0, -cal.workdaysBetween(chinaDate(new Date(r.closed_at)), r.deadline));
}

export function presentItem(
  r: ItemRow & { list_name: string },
  assignments: AssignmentRecord[],
  day: string,
  cal?: WorkCalendar,
): ItemView {
  const mine = assignments.filter((a) => a.item_id === r.id);
  const units = (role: string) => mine.filter((a) => a.role === role).map((a) => ({ id: a.unit_id, name: a.unit_name }));
  return {
    id: r.id,
    listId: r.list_id,
    listName: r.list_name,
    kind: r.kind as ItemView['kind'],
    code: r.code,
    area: r.area,
    content: r.content,
    measures: r.measures,
    deadline: r.deadline,
    ongoing: r.ongoing === 1,
    status: r.status as ItemView['status'],
    percent: r.percent,
    ...dueInfo(r.deadline, r.status, day, cal),
    closedAt: r.status === 'closed' ? r.closed_at : null,
    closedLateWorkdays: closedLate(r, cal),
    returnReason: r.return_reason,
    leadUnits: units('lead'),
    coopUnits: units('coop'),
    tags: JSON.parse(r.tags_json) as string[],
    sourceEvaluation: r.source_evaluation,
    rectification: r.rectification,
    level: r.level as ItemView['level'],
    maxScore: r.max_score === null ? null : Number(r.max_score),
    selfScore: r.self_score === null ? null : Number(r.self_score),
    scoringRule: r.scoring_rule,
    stage: r.stage as ItemView['stage'],
    version: r.version,
    updatedAt: r.updated_at,
  };
}

export function presentEvidence(e: EvidenceRow): EvidenceView {
  return {
    id: e.id,
    reportId: e.report_id,
    unitId: e.unit_id,
    filename: e.filename,
    mime: e.mime,
    size: e.size,
    uploadedBy: e.uploader_name,
    createdAt: e.created_at,
  };
}

export function presentReport(r: ReportRow, evidence: EvidenceRow[]): ReportView {
  return {
    id: r.id,
    unit: { id: r.unit_id, name: r.unit_name },
    role: r.role as ReportView['role'],
    text: r.text,
    percent: r.percent,
    status: r.status as ReportView['status'],
    author: r.author_name,
    headNote: r.head_note,
    reviewNote: r.review_note,
    evidence: evidence.filter((e) => e.report_id === r.id).map(presentEvidence),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function presentExtension(x: ExtensionRow): ExtensionView {
  return {
    id: x.id,
    unit: x.unit_id && x.unit_name ? { id: x.unit_id, name: x.unit_name } : null,
    reason: x.reason,
    oldDeadline: x.old_deadline,
    requestedDeadline: x.requested_deadline,
    status: x.status as ExtensionView['status'],
    requestedBy: x.requester_name,
    decidedBy: x.decider_name,
    decisionNote: x.decision_note,
    createdAt: x.created_at,
    decidedAt: x.decided_at,
  };
}

export function presentNote(n: {
  id: number;
  text: string;
  created_at: string;
  author_name: string | null;
  author_role: string | null;
}): NoteView {
  return { id: n.id, author: n.author_name, role: n.author_role, text: n.text, createdAt: n.created_at };
}

export function presentEvent(e: { id: number; at: string; type: string; actor_name: string | null; data_json: string }): TimelineView {
  return {
    id: e.id,
    at: e.at,
    type: e.type as TimelineView['type'],
    actor: e.actor_name,
    data: JSON.parse(e.data_json) as Record<string, unknown>,
  };
}
