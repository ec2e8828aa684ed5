import { z } from "zod";
import { LIMITS } from "../limits.js";
const ITEM_KINDS = ["task", "problem", "question", "improvement", "case"];
const ITEM_KIND_LABELS = {
  task: { zh: "\u91CD\u70B9\u4EFB\u52A1", en: "Key task" },
  problem: { zh: "\u95EE\u9898\u6E05\u5355", en: "Problem" },
  question: { zh: "\u8BD5\u9898\u6E05\u5355", en: "Question" },
  improvement: { zh: "\u63D0\u5347\u6E05\u5355", en: "Improvement" },
  case: { zh: "\u5178\u578B\u6848\u4F8B", en: "Typical case" }
};
const ITEM_STATUSES = ["not_started", "in_progress", "submitted", "under_review", "returned", "closed"];
const ITEM_STATUS_LABELS = {
  not_started: { zh: "\u672A\u542F\u52A8", en: "Not started" },
  in_progress: { zh: "\u63A8\u8FDB\u4E2D", en: "In progress" },
  submitted: { zh: "\u5F85\u5355\u4F4D\u5BA1\u6838", en: "Awaiting unit head" },
  under_review: { zh: "\u529E\u516C\u5BA4\u5BA1\u6838\u4E2D", en: "Under office review" },
  returned: { zh: "\u5DF2\u9000\u56DE", en: "Returned" },
  closed: { zh: "\u5DF2\u9500\u53F7", en: "Closed" }
};
const CASE_STAGES = ["declared", "nurtured", "selected", "promoted"];
const CASE_STAGE_LABELS = {
  declared: { zh: "\u7533\u62A5", en: "Declared" },
  nurtured: { zh: "\u57F9\u80B2", en: "Nurtured" },
  selected: { zh: "\u5165\u9009", en: "Selected" },
  promoted: { zh: "\u63A8\u5E7F", en: "Promoted" }
};
const QUESTION_LEVELS = ["city", "county"];
const PUBLICITY_LEVELS = ["national", "regional", "city"];
const PUBLICITY_LEVEL_LABELS = {
  national: { zh: "\u56FD\u5BB6\u7EA7", en: "National" },
  regional: { zh: "\u81EA\u6CBB\u533A\u7EA7", en: "Regional" },
  city: { zh: "\u5E02\u7EA7", en: "City" }
};
const ASSIGNMENT_ROLES = ["lead", "coop"];
const REPORT_STATUSES = ["pending_head", "head_returned", "pending_office", "office_returned", "accepted", "delivered"];
const REPORT_STATUS_LABELS = {
  pending_head: { zh: "\u5F85\u5355\u4F4D\u8D1F\u8D23\u4EBA\u5BA1\u6838", en: "Awaiting unit head" },
  head_returned: { zh: "\u5355\u4F4D\u8D1F\u8D23\u4EBA\u9000\u56DE", en: "Sent back by unit head" },
  pending_office: { zh: "\u5F85\u529E\u516C\u5BA4\u5BA1\u6838", en: "Awaiting office" },
  office_returned: { zh: "\u529E\u516C\u5BA4\u9000\u56DE", en: "Returned by office" },
  accepted: { zh: "\u5DF2\u91C7\u7EB3", en: "Accepted" },
  delivered: { zh: "\u5DF2\u62A5\u7275\u5934\u5355\u4F4D", en: "Delivered to lead unit" }
};
const EXTENSION_STATUSES = ["pending", "approved", "refused"];
const WORKLIST_LIMITS = {
  listName: 80,
  code: 32,
  area: 80,
  content: 2e3,
  measures: 4e3,
  text: 4e3,
  tag: 20,
  tags: 10,
  reason: 1e3,
  evidencePerReport: 20,
  dueWithinMax: 250
};
const text = (max) => z.string().trim().min(1).max(max);
const optText = (max) => z.string().trim().max(max).nullable().optional();
const isoDate = z.iso.date();
const unitRef = z.object({ id: z.number(), name: z.string() });
const worklistView = z.object({
  id: z.number(),
  name: z.string(),
  kind: z.enum(ITEM_KINDS),
  description: z.string().nullable(),
  itemCount: z.number(),
  closedCount: z.number(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string()
});
const createWorklistBody = z.object({ name: text(WORKLIST_LIMITS.listName), kind: z.enum(ITEM_KINDS), description: optText(1e3) }).strict();
const updateWorklistBody = z.object({ version: z.number().int().positive(), name: text(WORKLIST_LIMITS.listName).optional(), description: optText(1e3) }).strict();
const worklistQuery = z.object({ kind: z.enum(ITEM_KINDS).optional() }).strict();
const publicityView = z.object({
  level: z.enum(PUBLICITY_LEVELS),
  outlet: z.string(),
  date: z.string().nullable(),
  link: z.string().nullable()
});
const publicityInput = z.object({
  level: z.enum(PUBLICITY_LEVELS),
  outlet: text(120),
  date: isoDate.nullable().optional(),
  link: z.url({ protocol: /^https?$/ }).max(500).nullable().optional()
}).strict();
const itemView = z.object({
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
  updatedAt: z.string()
});
const kindFields = {
  tags: z.array(text(WORKLIST_LIMITS.tag)).max(WORKLIST_LIMITS.tags).optional(),
  sourceEvaluation: optText(200),
  rectification: optText(WORKLIST_LIMITS.measures),
  level: z.enum(QUESTION_LEVELS).nullable().optional(),
  maxScore: z.number().min(0).max(1e3).nullable().optional(),
  selfScore: z.number().min(0).max(1e3).nullable().optional(),
  scoringRule: optText(WORKLIST_LIMITS.text),
  stage: z.enum(CASE_STAGES).nullable().optional(),
  publicity: z.array(publicityInput).max(50).optional()
};
const createItemBody = z.object({
  listId: z.number().int().positive(),
  code: text(WORKLIST_LIMITS.code),
  area: optText(WORKLIST_LIMITS.area),
  content: text(WORKLIST_LIMITS.content),
  measures: optText(WORKLIST_LIMITS.measures),
  deadline: isoDate.nullable().optional(),
  ongoing: z.boolean().optional(),
  leadUnitIds: z.array(z.number().int().positive()).min(1).max(30),
  coopUnitIds: z.array(z.number().int().positive()).max(80).optional(),
  ...kindFields
}).strict();
const updateItemBody = z.object({
  version: z.number().int().positive(),
  code: text(WORKLIST_LIMITS.code).optional(),
  area: optText(WORKLIST_LIMITS.area),
  content: text(WORKLIST_LIMITS.content).optional(),
  measures: optText(WORKLIST_LIMITS.measures),
  deadline: isoDate.nullable().optional(),
  ongoing: z.boolean().optional(),
  leadUnitIds: z.array(z.number().int().positive()).min(1).max(30).optional(),
  coopUnitIds: z.array(z.number().int().positive()).max(80).optional(),
  ...kindFields
}).strict();
const selfScoreBody = z.object({ version: z.number().int().positive(), selfScore: z.number().min(0).max(1e3) }).strict();
const ITEM_SORTS = ["code", "deadline", "updatedAt", "status", "percent"];
const itemQueryFields = {
  kind: z.enum(ITEM_KINDS).optional(),
  listId: z.coerce.number().int().positive().optional(),
  area: z.string().trim().max(WORKLIST_LIMITS.area).optional(),
  unitId: z.coerce.number().int().positive().optional(),
  role: z.enum(ASSIGNMENT_ROLES).optional(),
  status: z.enum(ITEM_STATUSES).optional(),
  overdue: z.enum(["true", "false"]).optional(),
  dueWithin: z.coerce.number().int().min(0).max(WORKLIST_LIMITS.dueWithinMax).optional(),
  stage: z.enum(CASE_STAGES).optional(),
  q: z.string().trim().max(LIMITS.searchText.max).optional(),
  sort: z.enum(ITEM_SORTS).optional(),
  order: z.enum(["asc", "desc"]).optional()
};
const itemQuery = z.object({
  ...itemQueryFields,
  page: z.coerce.number().int().min(1).max(1e5).default(1),
  pageSize: z.coerce.number().int().min(1).max(LIMITS.pageSize.max).default(LIMITS.pageSize.default)
}).strict();
const itemFilter = z.object(itemQueryFields).strict();
const itemPage = z.object({ items: z.array(itemView), total: z.number(), page: z.number(), pageSize: z.number() });
const evidenceView = z.object({
  id: z.number(),
  reportId: z.number().nullable(),
  unitId: z.number().nullable(),
  filename: z.string(),
  mime: z.string(),
  size: z.number(),
  uploadedBy: z.string().nullable(),
  createdAt: z.string()
});
const reportView = z.object({
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
  updatedAt: z.string()
});
const reportBody = z.object({
  text: text(WORKLIST_LIMITS.text),
  percent: z.number().int().min(0).max(100),
  evidenceIds: z.array(z.number().int().positive()).max(WORKLIST_LIMITS.evidencePerReport).optional()
}).strict();
const reportParams = z.object({ id: z.coerce.number().int().positive(), reportId: z.coerce.number().int().positive() }).strict();
const noteBody = z.object({ note: optText(WORKLIST_LIMITS.reason) }).strict();
const reasonBody = z.object({ reason: text(WORKLIST_LIMITS.reason) }).strict();
const extensionView = z.object({
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
  decidedAt: z.string().nullable()
});
const extensionBody = z.object({ reason: text(WORKLIST_LIMITS.reason), requestedDeadline: isoDate }).strict();
const extensionDecisionBody = z.object({ approve: z.boolean(), note: optText(WORKLIST_LIMITS.reason) }).strict();
const extensionParams = z.object({ id: z.coerce.number().int().positive(), extensionId: z.coerce.number().int().positive() }).strict();
const noteView = z.object({ id: z.number(), author: z.string().nullable(), role: z.string().nullable(), text: z.string(), createdAt: z.string() });
const textBody = z.object({ text: text(WORKLIST_LIMITS.text) }).strict();
const TIMELINE_EVENTS = [
  "created",
  "updated",
  "imported",
  "assigned",
  "started",
  "reported",
  "head_approved",
  "head_returned",
  "accepted",
  "returned",
  "closed",
  "reopened",
  "coop_delivered",
  "evidence_added",
  "extension_requested",
  "extension_approved",
  "extension_refused",
  "instruction",
  "comment",
  "self_scored",
  // supervision module: a reminder/escalation step or a dispatch-meeting link (data.step says which)
  "supervision"
];
const timelineView = z.object({
  id: z.number(),
  at: z.string(),
  type: z.enum(TIMELINE_EVENTS),
  actor: z.string().nullable(),
  data: z.record(z.string(), z.unknown())
});
const itemPermissions = z.object({
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
  reopen: z.boolean()
});
const itemDetailView = itemView.extend({
  publicity: z.array(publicityView),
  instructions: z.array(noteView),
  reports: z.array(reportView),
  evidence: z.array(evidenceView),
  extensions: z.array(extensionView),
  comments: z.array(noteView),
  timeline: z.array(timelineView),
  can: itemPermissions
});
const savedFilterView = z.object({ id: z.number(), name: z.string(), filter: itemFilter, createdAt: z.string() });
const savedFilterBody = z.object({ name: text(40), filter: itemFilter }).strict();
const todoView = z.object({
  /** items waiting for the caller's unit to report (not started, in progress or returned) */
  toReport: z.array(itemView),
  /** reports of the caller's unit awaiting the unit head */
  toApprove: z.array(z.object({ item: itemView, report: reportView })),
  /** overdue or due within 5 working days */
  dueSoon: z.array(itemView),
  /** cooperating units' reports delivered to the caller's unit as lead */
  coopReports: z.array(z.object({ item: itemView, report: reportView }))
});
const caseBoardView = z.object({
  columns: z.array(z.object({ stage: z.enum(CASE_STAGES), items: z.array(itemView) }))
});
const caseBoardQuery = z.object({ listId: z.coerce.number().int().positive().optional() }).strict();
const stageBody = z.object({ version: z.number().int().positive(), stage: z.enum(CASE_STAGES) }).strict();
export {
  ASSIGNMENT_ROLES,
  CASE_STAGES,
  CASE_STAGE_LABELS,
  EXTENSION_STATUSES,
  ITEM_KINDS,
  ITEM_KIND_LABELS,
  ITEM_SORTS,
  ITEM_STATUSES,
  ITEM_STATUS_LABELS,
  PUBLICITY_LEVELS,
  PUBLICITY_LEVEL_LABELS,
  QUESTION_LEVELS,
  REPORT_STATUSES,
  REPORT_STATUS_LABELS,
  TIMELINE_EVENTS,
  WORKLIST_LIMITS,
  caseBoardQuery,
  caseBoardView,
  createItemBody,
  createWorklistBody,
  evidenceView,
  extensionBody,
  extensionDecisionBody,
  extensionParams,
  extensionView,
  itemDetailView,
  itemFilter,
  itemPage,
  itemPermissions,
  itemQuery,
  itemQueryFields,
  itemView,
  noteBody,
  noteView,
  publicityInput,
  publicityView,
  reasonBody,
  reportBody,
  reportParams,
  reportView,
  savedFilterBody,
  savedFilterView,
  selfScoreBody,
  stageBody,
  textBody,
  timelineView,
  todoView,
  unitRef,
  updateItemBody,
  updateWorklistBody,
  worklistQuery,
  worklistView
};
//# sourceMappingURL=worklists.js.map
