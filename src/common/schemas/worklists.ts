import { z } from 'zod';
import { plainText } from '../text.js';
import { idValue } from './id.js';
import { isoDate } from './date.js';
import { LIMITS } from '../limits.js';

/** Request and response shapes of the worklists module (四表一单); the web client imports them. */

export const ITEM_KINDS = ['task', 'problem', 'question', 'improvement', 'case'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];
export const ITEM_KIND_LABELS: Record<ItemKind, { zh: string; en: string }> = {
  task: { zh: '重点任务', en: 'Key task' },
  problem: { zh: '问题清单', en: 'Problem' },
  question: { zh: '试题清单', en: 'Question' },
  improvement: { zh: '提升清单', en: 'Improvement' },
  case: { zh: '典型案例', en: 'Typical case' },
};

/** The life cycle; `returned` is re-entered by the liaison's next report. Overdue is derived, never stored. */
export const ITEM_STATUSES = ['not_started', 'in_progress', 'submitted', 'under_review', 'returned', 'closed'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];
export const ITEM_STATUS_LABELS: Record<ItemStatus, { zh: string; en: string }> = {
  not_started: { zh: '未启动', en: 'Not started' },
  in_progress: { zh: '推进中', en: 'In progress' },
  submitted: { zh: '待单位审核', en: 'Awaiting unit head' },
  under_review: { zh: '办公室审核中', en: 'Under office review' },
  returned: { zh: '已退回', en: 'Returned' },
  closed: { zh: '已销号', en: 'Closed' },
};

export const CASE_STAGES = ['declared', 'nurtured', 'selected', 'promoted'] as const;
export type CaseStage = (typeof CASE_STAGES)[number];
export const CASE_STAGE_LABELS: Record<CaseStage, { zh: string; en: string }> = {
  declared: { zh: '申报', en: 'Declared' },
  nurtured: { zh: '培育', en: 'Nurtured' },
  selected: { zh: '入选', en: 'Selected' },
  promoted: { zh: '推广', en: 'Promoted' },
};

export const QUESTION_LEVELS = ['city', 'county'] as const;
export type QuestionLevel = (typeof QUESTION_LEVELS)[number];
export const PUBLICITY_LEVELS = ['national', 'regional', 'city'] as const;
export type PublicityLevel = (typeof PUBLICITY_LEVELS)[number];
export const PUBLICITY_LEVEL_LABELS: Record<PublicityLevel, { zh: string; en: string }> = {
  national: { zh: '国家级', en: 'National' },
  regional: { zh: '自治区级', en: 'Regional' },
  city: { zh: '市级', en: 'City' },
};

export const ASSIGNMENT_ROLES = ['lead', 'coop'] as const;
export type AssignmentRole = (typeof ASSIGNMENT_ROLES)[number];

/** A report passes the unit head, then (for the lead unit) the office; a cooperating unit's report ends at the lead unit. */
export const REPORT_STATUSES = ['pending_head', 'head_returned', 'pending_office', 'office_returned', 'accepted', 'delivered'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
export const REPORT_STATUS_LABELS: Record<ReportStatus, { zh: string; en: string }> = {
  pending_head: { zh: '待单位负责人审核', en: 'Awaiting unit head' },
  head_returned: { zh: '单位负责人退回', en: 'Sent back by unit head' },
  pending_office: { zh: '待办公室审核', en: 'Awaiting office' },
  office_returned: { zh: '办公室退回', en: 'Returned by office' },
  accepted: { zh: '已采纳', en: 'Accepted' },
  delivered: { zh: '已报牵头单位', en: 'Delivered to lead unit' },
};

export const EXTENSION_STATUSES = ['pending', 'approved', 'refused'] as const;
export type ExtensionStatus = (typeof EXTENSION_STATUSES)[number];

export const WORKLIST_LIMITS = {
  listName: 80,
  code: 32,
  area: 80,
  content: 2000,
  measures: 4000,
  text: 4000,
  tag: 20,
  tags: 10,
  reason: 1000,
  evidencePerReport: 20,
  dueWithinMax: 250,
} as const;

const text = (max: number) => z.string().trim().min(1).max(max);
const optText = (max: number) => z.string().trim().max(max).nullable().optional();

export const unitRef = z.object({ id: z.number(), name: z.string() });

// ---- lists ----
export const worklistView = z.object({
  id: z.number(),
  name: z.string(),
  kind: z.enum(ITEM_KINDS),
  description: z.string().nullable(),
  itemCount: z.number(),
  closedCount: z.number(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type WorklistView = z.infer<typeof worklistView>;

export const createWorklistBody = z
  .object({ name: plainText(WORKLIST_LIMITS.listName), kind: z.enum(ITEM_KINDS), description: optText(1000) })
  .strict();
export type CreateWorklistBody = z.infer<typeof createWorklistBody>;
export const updateWorklistBody = z
  .object({ version: z.number().int().positive(), name: plainText(WORKLIST_LIMITS.listName).optional(), description: optText(1000) })
  .strict();
export type UpdateWorklistBody = z.infer<typeof updateWorklistBody>;
export const worklistQuery = z.object({ kind: z.enum(ITEM_KINDS).optional() }).strict();

// ---- items ----
export const publicityView = z.object({
  level: z.enum(PUBLICITY_LEVELS),
  outlet: z.string(),
  date: z.string().nullable(),
  link: z.string().nullable(),
});
export const publicityInput = z
  .object({
    level: z.enum(PUBLICITY_LEVELS),
    outlet: text(120),
    date: isoDate.nullable().optional(),
    link: z
      .url({ protocol: /^https?$/ })
      .max(500)
      .nullable()
      .optional(),
  })
  .strict();

export const itemView = z.object({
  id: z.number(),
  listId: z.number(),
  listName: z.string(),
  kind: z.enum(ITEM_KINDS),
  code: z.string(),
  area: z.string().nullable(),
  content: z.string(),
  measures: z.string().nullable(),
  deadline: z.string().nullable(),
  ongoing: z.boolean(),
  status: z.enum(ITEM_STATUSES),
  percent: z.number(),
  /** derived: a working day has passed since the deadline and the item is not closed */
  overdue: z.boolean(),
  overdueWorkdays: z.number(),
  /** working days from today to the deadline (negative when past); null without a deadline */
  dueInWorkdays: z.number().nullable(),
  /** when the office accepted it as done (销号); null while open */
  closedAt: z.string().nullable(),
  /** working days the item was closed after its deadline; 0 when closed in time or still open */
  closedLateWorkdays: z.number(),
  returnReason: z.string().nullable(),
  leadUnits: z.array(unitRef),
  coopUnits: z.array(unitRef),
  tags: z.array(z.string()),
  sourceEvaluation: z.string().nullable(),
  rectification: z.string().nullable(),
  level: z.enum(QUESTION_LEVELS).nullable(),
  maxScore: z.number().nullable(),
  selfScore: z.number().nullable(),
  scoringRule: z.string().nullable(),
  stage: z.enum(CASE_STAGES).nullable(),
  version: z.number(),
  updatedAt: z.string(),
});
export type ItemView = z.infer<typeof itemView>;

const kindFields = {
  tags: z.array(text(WORKLIST_LIMITS.tag)).max(WORKLIST_LIMITS.tags).optional(),
  sourceEvaluation: optText(200),
  rectification: optText(WORKLIST_LIMITS.measures),
  level: z.enum(QUESTION_LEVELS).nullable().optional(),
  maxScore: z.number().min(0).max(1000).nullable().optional(),
  selfScore: z.number().min(0).max(1000).nullable().optional(),
  scoringRule: optText(WORKLIST_LIMITS.text),
  stage: z.enum(CASE_STAGES).nullable().optional(),
  publicity: z.array(publicityInput).max(50).optional(),
};

export const createItemBody = z
  .object({
    listId: z.number().int().positive(),
    code: text(WORKLIST_LIMITS.code),
    area: optText(WORKLIST_LIMITS.area),
    content: text(WORKLIST_LIMITS.content),
    measures: optText(WORKLIST_LIMITS.measures),
    deadline: isoDate.nullable().optional(),
    ongoing: z.boolean().optional(),
    leadUnitIds: z.array(z.number().int().positive()).min(1).max(30),
    coopUnitIds: z.array(z.number().int().positive()).max(80).optional(),
    /** A deadline before today makes the item overdue at once: the user has to say so. */
    confirmPastDeadline: z.boolean().optional(),
    ...kindFields,
  })
  .strict();
export type CreateItemBody = z.infer<typeof createItemBody>;

export const updateItemBody = z
  .object({
    version: z.number().int().positive(),
    code: text(WORKLIST_LIMITS.code).optional(),
    area: optText(WORKLIST_LIMITS.area),
    content: text(WORKLIST_LIMITS.content).optional(),
    measures: optText(WORKLIST_LIMITS.measures),
    deadline: isoDate.nullable().optional(),
    ongoing: z.boolean().optional(),
    leadUnitIds: z.array(z.number().int().positive()).min(1).max(30).optional(),
    coopUnitIds: z.array(z.number().int().positive()).max(80).optional(),
    /** A deadline before today makes the item overdue at once: the user has to say so. */
    confirmPastDeadline: z.boolean().optional(),
    ...kindFields,
  })
  .strict();
export type UpdateItemBody = z.infer<typeof updateItemBody>;

/** Self-assessment of a question by an assigned unit (自评). */
export const selfScoreBody = z.object({ version: z.number().int().positive(), selfScore: z.number().min(0).max(1000) }).strict();

export const ITEM_SORTS = ['code', 'deadline', 'updatedAt', 'status', 'percent'] as const;
export const itemQueryFields = {
  kind: z.enum(ITEM_KINDS).optional(),
  listId: idValue.optional(),
  area: z.string().trim().max(WORKLIST_LIMITS.area).optional(),
  unitId: idValue.optional(),
  role: z.enum(ASSIGNMENT_ROLES).optional(),
  status: z.enum(ITEM_STATUSES).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  dueWithin: z.coerce.number().int().min(0).max(WORKLIST_LIMITS.dueWithinMax).optional(),
  stage: z.enum(CASE_STAGES).optional(),
  q: z.string().trim().max(LIMITS.searchText.max).optional(),
  sort: z.enum(ITEM_SORTS).optional(),
  order: z.enum(['asc', 'desc']).optional(),
};
export const itemQuery = z
  .object({
    ...itemQueryFields,
    page: z.coerce.number().int().min(1).max(100000).default(1),
    pageSize: z.coerce.number().int().min(1).max(LIMITS.pageSize.max).default(LIMITS.pageSize.default),
  })
  .strict();
export type ItemQuery = z.infer<typeof itemQuery>;
/** The filter part of a query, as a saved filter stores it. */
export const itemFilter = z.object(itemQueryFields).strict();
export type ItemFilter = z.infer<typeof itemFilter>;

export const itemPage = z.object({ items: z.array(itemView), total: z.number(), page: z.number(), pageSize: z.number() });

// ---- progress, review, extensions, instructions, comments ----
export const evidenceView = z.object({
  id: z.number(),
  reportId: z.number().nullable(),
  unitId: z.number().nullable(),
  filename: z.string(),
  mime: z.string(),
  size: z.number(),
  uploadedBy: z.string().nullable(),
  createdAt: z.string(),
});
export type EvidenceView = z.infer<typeof evidenceView>;

export const reportView = z.object({
  id: z.number(),
  unit: unitRef,
  role: z.enum(ASSIGNMENT_ROLES),
  text: z.string(),
  percent: z.number(),
  status: z.enum(REPORT_STATUSES),
  author: z.string().nullable(),
  headNote: z.string().nullable(),
  reviewNote: z.string().nullable(),
  evidence: z.array(evidenceView),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ReportView = z.infer<typeof reportView>;

export const reportBody = z
  .object({
    text: text(WORKLIST_LIMITS.text),
    percent: z.number().int().min(0).max(100),
    evidenceIds: z.array(z.number().int().positive()).max(WORKLIST_LIMITS.evidencePerReport).optional(),
  })
  .strict();
export type ReportBody = z.infer<typeof reportBody>;
export const reportParams = z.object({ id: idValue, reportId: idValue }).strict();
export const noteBody = z.object({ note: optText(WORKLIST_LIMITS.reason) }).strict();
export const reasonBody = z.object({ reason: text(WORKLIST_LIMITS.reason) }).strict();

export const extensionView = z.object({
  id: z.number(),
  unit: unitRef.nullable(),
  reason: z.string(),
  oldDeadline: z.string().nullable(),
  requestedDeadline: z.string(),
  status: z.enum(EXTENSION_STATUSES),
  requestedBy: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decisionNote: z.string().nullable(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
});
export type ExtensionView = z.infer<typeof extensionView>;
export const extensionBody = z.object({ reason: text(WORKLIST_LIMITS.reason), requestedDeadline: isoDate }).strict();
export const extensionDecisionBody = z.object({ approve: z.boolean(), note: optText(WORKLIST_LIMITS.reason) }).strict();
export const extensionParams = z.object({ id: idValue, extensionId: idValue }).strict();

export const noteView = z.object({
  id: z.number(),
  author: z.string().nullable(),
  role: z.string().nullable(),
  text: z.string(),
  createdAt: z.string(),
});
export type NoteView = z.infer<typeof noteView>;
export const textBody = z.object({ text: text(WORKLIST_LIMITS.text) }).strict();

export const TIMELINE_EVENTS = [
  'created',
  'updated',
  'imported',
  'assigned',
  'started',
  'reported',
  'head_approved',
  'head_returned',
  'accepted',
  'returned',
  'closed',
  'reopened',
  'coop_delivered',
  'evidence_added',
  'extension_requested',
  'extension_approved',
  'extension_refused',
  'instruction',
  'comment',
  'self_scored',
  // supervision module: a reminder/escalation step or a dispatch-meeting link (data.step says which)
  'supervision',
] as const;
export type TimelineEventType = (typeof TIMELINE_EVENTS)[number];
export const timelineView = z.object({
  id: z.number(),
  at: z.string(),
  type: z.enum(TIMELINE_EVENTS),
  actor: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
});
export type TimelineView = z.infer<typeof timelineView>;

/** What the caller may do on this item now; the web client shows only these actions. */
export const itemPermissions = z.object({
  edit: z.boolean(),
  start: z.boolean(),
  report: z.boolean(),
  approve: z.boolean(),
  review: z.boolean(),
  requestExtension: z.boolean(),
  decideExtension: z.boolean(),
  instruct: z.boolean(),
  comment: z.boolean(),
  uploadEvidence: z.boolean(),
  selfScore: z.boolean(),
  reopen: z.boolean(),
});
export type ItemPermissions = z.infer<typeof itemPermissions>;

export const itemDetailView = itemView.extend({
  publicity: z.array(publicityView),
  instructions: z.array(noteView),
  reports: z.array(reportView),
  evidence: z.array(evidenceView),
  extensions: z.array(extensionView),
  comments: z.array(noteView),
  timeline: z.array(timelineView),
  can: itemPermissions,
});
export type ItemDetailView = z.infer<typeof itemDetailView>;

// ---- saved filters, to-do, case board ----
export const savedFilterView = z.object({ id: z.number(), name: z.string(), filter: itemFilter, createdAt: z.string() });
export type SavedFilterView = z.infer<typeof savedFilterView>;
export const savedFilterBody = z.object({ name: plainText(40), filter: itemFilter }).strict();

export const todoView = z.object({
  /** items waiting for the caller's unit to report (not started, in progress or returned) */
  toReport: z.array(itemView),
  /** reports of the caller's unit awaiting the unit head */
  toApprove: z.array(z.object({ item: itemView, report: reportView })),
  /** overdue or due within 5 working days */
  dueSoon: z.array(itemView),
  /** cooperating units' reports delivered to the caller's unit as lead */
  coopReports: z.array(z.object({ item: itemView, report: reportView })),
});
export type TodoView = z.infer<typeof todoView>;

export const caseBoardView = z.object({
  columns: z.array(z.object({ stage: z.enum(CASE_STAGES), items: z.array(itemView) })),
});
export type CaseBoardView = z.infer<typeof caseBoardView>;
export const caseBoardQuery = z.object({ listId: idValue.optional() }).strict();
export const stageBody = z.object({ version: z.number().int().positive(), stage: z.enum(CASE_STAGES) }).strict();
