import { z } from "zod";
import { LIMITS } from "../limits.js";
import { ITEM_KINDS, ITEM_STATUSES, unitRef } from "./worklists.js";
const SUPERVISION_LIMITS = {
  reminders: 5,
  maxDaysBefore: 30,
  maxDaysAfter: 120,
  commentary: 8e3,
  title: 120,
  topic: 200,
  topics: 20,
  decisions: 50,
  reply: 2e3
};
const text = (max) => z.string().trim().min(1).max(max);
const isoDate = z.iso.date();
const monthString = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "\u6708\u4EFD\u683C\u5F0F\u5E94\u4E3A YYYY-MM\uFF0801\u201312\uFF09 / a month is YYYY-MM with 01\u201312");
const idParam = z.object({ id: z.coerce.number().int().positive() }).strict();
const label = z.object({ zh: z.string(), en: z.string() });
const NOTICE_KINDS = ["reminder", "notice", "bulletin", "summons"];
const NOTICE_KIND_LABELS = {
  reminder: { zh: "\u5230\u671F\u63D0\u9192", en: "Reminder" },
  notice: { zh: "\u7763\u529E\u5355", en: "Supervision notice" },
  bulletin: { zh: "\u901A\u62A5", en: "Named in the bulletin" },
  summons: { zh: "\u7EA6\u8C08", en: "Summons" }
};
const NOTICE_STATUSES = ["sent", "awaiting_reply", "replied"];
const step = (maxDays) => z.object({ enabled: z.boolean(), daysAfter: z.number().int().min(1).max(maxDays) }).strict();
const escalationSettings = z.object({
  /** working days before the deadline on which a reminder goes out, e.g. [5, 1] */
  reminders: z.object({ enabled: z.boolean(), daysBefore: z.array(z.number().int().min(1).max(SUPERVISION_LIMITS.maxDaysBefore)).max(SUPERVISION_LIMITS.reminders) }).strict(),
  /** working days after the deadline; a notice asks for a written reply within `replyDays` working days */
  notice: step(SUPERVISION_LIMITS.maxDaysAfter).extend({ replyDays: z.number().int().min(1).max(30) }).strict(),
  bulletin: step(SUPERVISION_LIMITS.maxDaysAfter),
  summons: step(SUPERVISION_LIMITS.maxDaysAfter)
}).strict();
const scoreSettings = z.object({
  weights: z.object({
    completion: z.number().min(0).max(1e3),
    overdue: z.number().min(0).max(1e3),
    stale: z.number().min(0).max(1e3),
    lateReports: z.number().min(0).max(1e3),
    returns: z.number().min(0).max(1e3)
  }).strict(),
  redCount: z.number().int().min(0).max(30),
  blackCount: z.number().int().min(0).max(30),
  /** an item without a report for this many calendar days is stale */
  staleDays: z.number().int().min(1).max(90)
}).strict();
const settingsView = z.object({
  escalation: escalationSettings,
  escalationVersion: z.number(),
  score: scoreSettings,
  scoreVersion: z.number(),
  formula: label
});
const escalationSettingsBody = z.object({ version: z.number().int().positive(), escalation: escalationSettings }).strict();
const scoreSettingsBody = z.object({ version: z.number().int().positive(), score: scoreSettings }).strict();
const noticeView = z.object({
  id: z.number(),
  kind: z.enum(NOTICE_KINDS),
  item: z.object({ id: z.number(), code: z.string(), content: z.string(), listName: z.string() }),
  unit: unitRef,
  offsetDays: z.number(),
  deadline: z.string(),
  dueOn: z.string(),
  number: z.string().nullable(),
  replyDue: z.string().nullable(),
  replyText: z.string().nullable(),
  repliedAt: z.string().nullable(),
  status: z.enum(NOTICE_STATUSES),
  createdAt: z.string()
});
const noticeQuery = z.object({
  kind: z.enum(NOTICE_KINDS).optional(),
  unitId: z.coerce.number().int().positive().optional(),
  itemId: z.coerce.number().int().positive().optional(),
  status: z.enum(NOTICE_STATUSES).optional(),
  page: z.coerce.number().int().min(1).max(1e5).default(1),
  pageSize: z.coerce.number().int().min(1).max(LIMITS.pageSize.max).default(LIMITS.pageSize.default)
}).strict();
const noticePage = z.object({ items: z.array(noticeView), total: z.number(), page: z.number(), pageSize: z.number() });
const replyBody = z.object({ text: text(SUPERVISION_LIMITS.reply) }).strict();
const escalationRunBody = z.object({ date: isoDate.optional() }).strict();
const escalationRunView = z.object({
  date: z.string(),
  workday: z.boolean(),
  fired: z.record(z.enum(NOTICE_KINDS), z.number()),
  notified: z.number()
});
const unitFigures = z.object({
  assigned: z.number(),
  closed: z.number(),
  inProgress: z.number(),
  overdue: z.number(),
  stale: z.number(),
  lateReports: z.number(),
  returns: z.number()
});
const BOARDS = ["red", "black"];
const snapshotRowView = unitFigures.extend({
  unit: unitRef,
  score: z.number(),
  rank: z.number(),
  board: z.enum(BOARDS).nullable(),
  /** change since the previous snapshot; null when the unit was not in it */
  change: unitFigures.extend({ score: z.number(), rank: z.number() }).nullable()
});
const snapshotSummary = z.object({ id: z.number(), weekOf: z.string(), takenAt: z.string(), totals: unitFigures });
const snapshotView = snapshotSummary.extend({
  previousWeekOf: z.string().nullable(),
  period: z.object({ from: z.string(), to: z.string() }),
  score: scoreSettings,
  formula: label,
  rows: z.array(snapshotRowView),
  red: z.array(snapshotRowView),
  black: z.array(snapshotRowView)
});
const snapshotParam = z.object({ id: z.union([z.literal("latest"), z.coerce.number().int().positive()]) }).strict();
const takeSnapshotBody = z.object({ weekOf: isoDate.optional() }).strict();
const BULLETIN_STATUSES = ["draft", "published"];
const commentary = z.object({
  basicSituation: z.string().max(SUPERVISION_LIMITS.commentary),
  progressByArea: z.string().max(SUPERVISION_LIMITS.commentary),
  problems: z.string().max(SUPERVISION_LIMITS.commentary),
  nextSteps: z.string().max(SUPERVISION_LIMITS.commentary)
}).strict();
const rankRow = z.object({
  unit: unitRef,
  assigned: z.number(),
  closed: z.number(),
  overdue: z.number(),
  completionRate: z.number(),
  score: z.number(),
  rank: z.number()
});
const bulletinData = z.object({
  month: z.string(),
  asOf: z.string(),
  totals: z.object({ items: z.number(), closed: z.number(), inProgress: z.number(), notStarted: z.number(), overdue: z.number(), closedThisMonth: z.number() }),
  byList: z.array(z.object({ listId: z.number(), name: z.string(), kind: z.enum(ITEM_KINDS), total: z.number(), closed: z.number(), overdue: z.number(), byStatus: z.record(z.string(), z.number()) })),
  byArea: z.array(z.object({ area: z.string(), total: z.number(), closed: z.number(), overdue: z.number() })),
  ranking: z.array(rankRow),
  overdueItems: z.array(z.object({ id: z.number(), code: z.string(), content: z.string(), listName: z.string(), deadline: z.string(), overdueWorkdays: z.number(), leadUnits: z.array(z.string()) })),
  named: z.array(z.object({ unit: z.string(), code: z.string(), content: z.string(), kind: z.enum(NOTICE_KINDS), dueOn: z.string() })),
  red: z.array(rankRow),
  black: z.array(rankRow),
  trend: z.array(z.object({ weekOf: z.string(), assigned: z.number(), closed: z.number(), overdue: z.number() })),
  meetings: z.object({ mayor: z.number(), task_force: z.number(), special: z.number(), decisions: z.number(), decisionsClosed: z.number() }),
  notices: z.record(z.enum(NOTICE_KINDS), z.number()),
  formula: label
});
const bulletinSummary = z.object({
  id: z.number(),
  month: z.string(),
  status: z.enum(BULLETIN_STATUSES),
  title: z.string(),
  docNumber: z.string(),
  generatedAt: z.string(),
  publishedAt: z.string().nullable(),
  version: z.number()
});
const bulletinView = bulletinSummary.extend({ commentary, data: bulletinData, publishedBy: z.string().nullable() });
const draftBulletinBody = z.object({ month: monthString }).strict();
const updateBulletinBody = z.object({ version: z.number().int().positive(), title: text(SUPERVISION_LIMITS.title).optional(), docNumber: text(40).optional(), commentary: commentary.partial().strict().optional() }).strict();
const versionBody = z.object({ version: z.number().int().positive() }).strict();
const MEETING_TYPES = ["mayor", "task_force", "special"];
const MEETING_TYPE_LABELS = {
  mayor: { zh: "\u5E02\u957F\u8C03\u5EA6\u4F1A", en: "Mayor's dispatch meeting" },
  task_force: { zh: "\u4E13\u73ED\u8C03\u5EA6\u4F1A", en: "Task-force dispatch meeting" },
  special: { zh: "\u4E13\u9898\u8C03\u5EA6\u4F1A", en: "Special dispatch meeting" }
};
const decisionInput = z.object({
  content: text(2e3),
  leadUnitIds: z.array(z.number().int().positive()).min(1).max(30),
  coopUnitIds: z.array(z.number().int().positive()).max(80).optional(),
  deadline: isoDate.nullable().optional(),
  ongoing: z.boolean().optional()
}).strict();
const createMeetingBody = z.object({
  date: isoDate,
  type: z.enum(MEETING_TYPES),
  title: text(SUPERVISION_LIMITS.title),
  chair: text(60),
  unitIds: z.array(z.number().int().positive()).max(100),
  topics: z.array(text(SUPERVISION_LIMITS.topic)).max(SUPERVISION_LIMITS.topics),
  decisions: z.array(decisionInput).max(SUPERVISION_LIMITS.decisions)
}).strict();
const addDecisionsBody = z.object({ decisions: z.array(decisionInput).min(1).max(SUPERVISION_LIMITS.decisions) }).strict();
const meetingQuery = z.object({ from: isoDate.optional(), to: isoDate.optional(), type: z.enum(MEETING_TYPES).optional() }).strict();
const decisionView = z.object({
  itemId: z.number(),
  code: z.string(),
  content: z.string(),
  status: z.enum(ITEM_STATUSES),
  percent: z.number(),
  deadline: z.string().nullable(),
  ongoing: z.boolean(),
  overdue: z.boolean(),
  leadUnits: z.array(unitRef)
});
const meetingSummary = z.object({
  id: z.number(),
  date: z.string(),
  type: z.enum(MEETING_TYPES),
  title: z.string(),
  chair: z.string(),
  decisionCount: z.number(),
  closedCount: z.number(),
  overdueCount: z.number()
});
const meetingView = meetingSummary.extend({
  units: z.array(unitRef),
  topics: z.array(z.string()),
  decisions: z.array(decisionView),
  /** the work list that holds every meeting's decisions */
  listId: z.number().nullable(),
  version: z.number()
});
const drill = z.record(z.string(), z.union([z.string(), z.number()]));
const cockpitQuery = z.object({ kind: z.enum(ITEM_KINDS).optional(), listId: z.coerce.number().int().positive().optional() }).strict();
const cockpitView = z.object({
  asOf: z.string(),
  totals: z.object({ items: z.number(), closed: z.number(), open: z.number(), overdue: z.number(), completionRate: z.number() }),
  byUnit: z.array(z.object({ unit: unitRef, assigned: z.number(), closed: z.number(), overdue: z.number(), completionRate: z.number(), drill, overdueDrill: drill })),
  byList: z.array(
    z.object({ listId: z.number(), name: z.string(), kind: z.enum(ITEM_KINDS), total: z.number(), closed: z.number(), overdue: z.number(), byStatus: z.record(z.string(), z.number()), drill })
  ),
  trend: z.array(z.object({ weekOf: z.string(), assigned: z.number(), closed: z.number(), overdue: z.number() })),
  redBlack: z.object({ weekOf: z.string().nullable(), red: z.array(snapshotRowView), black: z.array(snapshotRowView), formula: label }),
  instructions: z.array(z.object({ itemId: z.number(), code: z.string(), content: z.string(), text: z.string(), author: z.string().nullable(), createdAt: z.string(), drill })),
  upcoming: z.array(z.object({ itemId: z.number(), code: z.string(), content: z.string(), deadline: z.string(), dueInWorkdays: z.number(), leadUnits: z.array(unitRef), drill })),
  drillPath: z.string()
});
export {
  BOARDS,
  BULLETIN_STATUSES,
  MEETING_TYPES,
  MEETING_TYPE_LABELS,
  NOTICE_KINDS,
  NOTICE_KIND_LABELS,
  NOTICE_STATUSES,
  SUPERVISION_LIMITS,
  addDecisionsBody,
  bulletinData,
  bulletinSummary,
  bulletinView,
  cockpitQuery,
  cockpitView,
  commentary,
  createMeetingBody,
  decisionInput,
  decisionView,
  draftBulletinBody,
  drill,
  escalationRunBody,
  escalationRunView,
  escalationSettings,
  escalationSettingsBody,
  idParam,
  meetingQuery,
  meetingSummary,
  meetingView,
  monthString,
  noticePage,
  noticeQuery,
  noticeView,
  replyBody,
  scoreSettings,
  scoreSettingsBody,
  settingsView,
  snapshotParam,
  snapshotRowView,
  snapshotSummary,
  snapshotView,
  takeSnapshotBody,
  unitFigures,
  updateBulletinBody,
  versionBody
};
//# sourceMappingURL=supervision.js.map
