import { z } from 'zod';
import { plainText } from '../text.js';
import { idValue } from './id.js';
import { isoDate } from './date.js';
import { LIMITS } from '../limits.js';
import { totalsRow } from './policies.js';
import { ITEM_KINDS, ITEM_STATUSES, unitRef } from './worklists.js';

/** Request and response shapes of the supervision module (督查督办); the web client imports them. */

export const SUPERVISION_LIMITS = {
  reminders: 5,
  maxDaysBefore: 30,
  maxDaysAfter: 120,
  commentary: 8000,
  title: 120,
  topic: 200,
  topics: 20,
  decisions: 50,
  reply: 2000,
} as const;

const text = (max: number) => z.string().trim().min(1).max(max);
/** A calendar month; 2026-13 is rejected with the field named. */
export const monthString = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM（01–12） / a month is YYYY-MM with 01–12');
export const idParam = z.object({ id: idValue }).strict();
const label = z.object({ zh: z.string(), en: z.string() });

// ---- escalation ladder (提醒 → 督办单 → 通报 → 约谈) ----
export const NOTICE_KINDS = ['reminder', 'notice', 'bulletin', 'summons'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];
export const NOTICE_KIND_LABELS: Record<NoticeKind, { zh: string; en: string }> = {
  reminder: { zh: '到期提醒', en: 'Reminder' },
  notice: { zh: '督办单', en: 'Supervision notice' },
  bulletin: { zh: '通报', en: 'Named in the bulletin' },
  summons: { zh: '约谈', en: 'Summons' },
};
export const NOTICE_STATUSES = ['sent', 'awaiting_reply', 'replied'] as const;

const step = (maxDays: number) => z.object({ enabled: z.boolean(), daysAfter: z.number().int().min(1).max(maxDays) }).strict();
export const escalationSettings = z
  .object({
    /** working days before the deadline on which a reminder goes out, e.g. [5, 1] */
    reminders: z
      .object({
        enabled: z.boolean(),
        daysBefore: z.array(z.number().int().min(1).max(SUPERVISION_LIMITS.maxDaysBefore)).max(SUPERVISION_LIMITS.reminders),
      })
      .strict(),
    /** working days after the deadline; a notice asks for a written reply within `replyDays` working days */
    notice: step(SUPERVISION_LIMITS.maxDaysAfter)
      .extend({ replyDays: z.number().int().min(1).max(30) })
      .strict(),
    bulletin: step(SUPERVISION_LIMITS.maxDaysAfter),
    summons: step(SUPERVISION_LIMITS.maxDaysAfter),
  })
  .strict();
export type EscalationSettings = z.infer<typeof escalationSettings>;

/** Weights of the red/black-list score; see `SCORE_FORMULA`. */
export const scoreSettings = z
  .object({
    weights: z
      .object({
        completion: z.number().min(0).max(1000),
        overdue: z.number().min(0).max(1000),
        stale: z.number().min(0).max(1000),
        lateReports: z.number().min(0).max(1000),
        returns: z.number().min(0).max(1000),
      })
      .strict(),
    redCount: z.number().int().min(0).max(30),
    blackCount: z.number().int().min(0).max(30),
    /** an item without a report for this many calendar days is stale */
    staleDays: z.number().int().min(1).max(90),
  })
  .strict();
export type ScoreSettings = z.infer<typeof scoreSettings>;

export const settingsView = z.object({
  escalation: escalationSettings,
  escalationVersion: z.number(),
  score: scoreSettings,
  scoreVersion: z.number(),
  formula: label,
});
export type SettingsView = z.infer<typeof settingsView>;
export const escalationSettingsBody = z.object({ version: z.number().int().positive(), escalation: escalationSettings }).strict();
export const scoreSettingsBody = z.object({ version: z.number().int().positive(), score: scoreSettings }).strict();

export const noticeView = z.object({
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
  createdAt: z.string(),
});
export type NoticeView = z.infer<typeof noticeView>;
export const noticeQuery = z
  .object({
    kind: z.enum(NOTICE_KINDS).optional(),
    unitId: idValue.optional(),
    itemId: idValue.optional(),
    status: z.enum(NOTICE_STATUSES).optional(),
    page: z.coerce.number().int().min(1).max(100000).default(1),
    pageSize: z.coerce.number().int().min(1).max(LIMITS.pageSize.max).default(LIMITS.pageSize.default),
  })
  .strict();
export type NoticeQuery = z.infer<typeof noticeQuery>;
export const noticePage = z.object({ items: z.array(noticeView), total: z.number(), page: z.number(), pageSize: z.number() });
export const replyBody = z.object({ text: text(SUPERVISION_LIMITS.reply) }).strict();
export const escalationRunBody = z.object({ date: isoDate.optional() }).strict();
export const escalationRunView = z.object({
  date: z.string(),
  workday: z.boolean(),
  fired: z.record(z.enum(NOTICE_KINDS), z.number()),
  notified: z.number(),
});
export type EscalationRunView = z.infer<typeof escalationRunView>;

// ---- weekly supervision (周督查) ----
export const unitFigures = z.object({
  assigned: z.number(),
  closed: z.number(),
  inProgress: z.number(),
  overdue: z.number(),
  stale: z.number(),
  lateReports: z.number(),
  returns: z.number(),
});
export type UnitFigures = z.infer<typeof unitFigures>;
export const BOARDS = ['red', 'black'] as const;
export const snapshotRowView = unitFigures.extend({
  unit: unitRef,
  score: z.number(),
  rank: z.number(),
  board: z.enum(BOARDS).nullable(),
  /** change since the previous snapshot; null when the unit was not in it */
  change: unitFigures.extend({ score: z.number(), rank: z.number() }).nullable(),
});
export type SnapshotRowView = z.infer<typeof snapshotRowView>;
export const snapshotSummary = z.object({ id: z.number(), weekOf: z.string(), takenAt: z.string(), totals: unitFigures });
export type SnapshotSummary = z.infer<typeof snapshotSummary>;
export const snapshotView = snapshotSummary.extend({
  previousWeekOf: z.string().nullable(),
  period: z.object({ from: z.string(), to: z.string() }),
  score: scoreSettings,
  formula: label,
  rows: z.array(snapshotRowView),
  red: z.array(snapshotRowView),
  black: z.array(snapshotRowView),
});
export type SnapshotView = z.infer<typeof snapshotView>;
export const snapshotParam = z.object({ id: z.union([z.literal('latest'), idValue]) }).strict();
export const takeSnapshotBody = z.object({ weekOf: isoDate.optional() }).strict();

// ---- monthly bulletin (月通报) ----
export const BULLETIN_STATUSES = ['draft', 'published'] as const;
export const commentary = z
  .object({
    basicSituation: z.string().max(SUPERVISION_LIMITS.commentary),
    progressByArea: z.string().max(SUPERVISION_LIMITS.commentary),
    problems: z.string().max(SUPERVISION_LIMITS.commentary),
    nextSteps: z.string().max(SUPERVISION_LIMITS.commentary),
  })
  .strict();
export type Commentary = z.infer<typeof commentary>;

const rankRow = z.object({
  unit: unitRef,
  assigned: z.number(),
  closed: z.number(),
  overdue: z.number(),
  completionRate: z.number(),
  score: z.number(),
  rank: z.number(),
});
/** The figures a bulletin is made from; frozen when the bulletin is published. */
/**
 * A section another module contributes to the bulletin (融资环境, 政务服务, …): blocks of the
 * official-document model that survive JSON (no images), frozen with the bulletin's figures.
 */
const sectionBlock = z.discriminatedUnion('type', [
  z.object({ type: z.literal('heading'), level: z.union([z.literal(1), z.literal(2), z.literal(3)]), text: z.string() }),
  z.object({ type: z.literal('paragraph'), text: z.string(), indent: z.boolean().optional() }),
  z.object({
    type: z.literal('table'),
    caption: z.string().optional(),
    columns: z.array(z.object({ header: z.string(), width: z.number().optional(), align: z.enum(['left', 'center', 'right']).optional() })),
    rows: z.array(z.array(z.union([z.string(), z.number(), z.null()]))),
    note: z.string().optional(),
  }),
]);
export type BulletinSectionBlock = z.infer<typeof sectionBlock>;
export const bulletinSection = z.object({ key: z.string(), title: label, blocks: z.array(sectionBlock) });
export type BulletinSection = z.infer<typeof bulletinSection>;

export const bulletinData = z.object({
  month: z.string(),
  asOf: z.string(),
  totals: z.object({
    items: z.number(),
    closed: z.number(),
    inProgress: z.number(),
    notStarted: z.number(),
    overdue: z.number(),
    closedThisMonth: z.number(),
  }),
  byList: z.array(
    z.object({
      listId: z.number(),
      name: z.string(),
      kind: z.enum(ITEM_KINDS),
      total: z.number(),
      closed: z.number(),
      overdue: z.number(),
      byStatus: z.record(z.string(), z.number()),
    }),
  ),
  byArea: z.array(z.object({ area: z.string(), total: z.number(), closed: z.number(), overdue: z.number() })),
  ranking: z.array(rankRow),
  overdueItems: z.array(
    z.object({
      id: z.number(),
      code: z.string(),
      content: z.string(),
      listName: z.string(),
      deadline: z.string(),
      overdueWorkdays: z.number(),
      leadUnits: z.array(z.string()),
    }),
  ),
  named: z.array(z.object({ unit: z.string(), code: z.string(), content: z.string(), kind: z.enum(NOTICE_KINDS), dueOn: z.string() })),
  red: z.array(rankRow),
  black: z.array(rankRow),
  trend: z.array(z.object({ weekOf: z.string(), assigned: z.number(), closed: z.number(), overdue: z.number() })),
  meetings: z.object({
    mayor: z.number(),
    task_force: z.number(),
    special: z.number(),
    decisions: z.number(),
    decisionsClosed: z.number(),
  }),
  notices: z.record(z.enum(NOTICE_KINDS), z.number()),
  formula: label,
  /** Bulletins drafted before modules contributed sections have none. */
  sections: z.array(bulletinSection).default([]),
});
export type BulletinData = z.infer<typeof bulletinData>;

export const bulletinSummary = z.object({
  id: z.number(),
  month: z.string(),
  status: z.enum(BULLETIN_STATUSES),
  title: z.string(),
  docNumber: z.string(),
  generatedAt: z.string(),
  publishedAt: z.string().nullable(),
  version: z.number(),
});
export type BulletinSummary = z.infer<typeof bulletinSummary>;
export const bulletinView = bulletinSummary.extend({ commentary, data: bulletinData, publishedBy: z.string().nullable() });
export type BulletinView = z.infer<typeof bulletinView>;
export const draftBulletinBody = z.object({ month: monthString }).strict();
export const updateBulletinBody = z
  .object({
    version: z.number().int().positive(),
    title: plainText(SUPERVISION_LIMITS.title).optional(),
    docNumber: text(40).optional(),
    commentary: commentary.partial().strict().optional(),
  })
  .strict();
export type UpdateBulletinBody = z.infer<typeof updateBulletinBody>;
export const versionBody = z.object({ version: z.number().int().positive() }).strict();

// ---- dispatch meetings (调度会) ----
export const MEETING_TYPES = ['mayor', 'task_force', 'special'] as const;
export type MeetingType = (typeof MEETING_TYPES)[number];
export const MEETING_TYPE_LABELS: Record<MeetingType, { zh: string; en: string }> = {
  mayor: { zh: '市长调度会', en: "Mayor's dispatch meeting" },
  task_force: { zh: '专班调度会', en: 'Task-force dispatch meeting' },
  special: { zh: '专题调度会', en: 'Special dispatch meeting' },
};
export const decisionInput = z
  .object({
    content: text(2000),
    leadUnitIds: z.array(z.number().int().positive()).min(1).max(30),
    coopUnitIds: z.array(z.number().int().positive()).max(80).optional(),
    deadline: isoDate.nullable().optional(),
    ongoing: z.boolean().optional(),
  })
  .strict();
export type DecisionInput = z.infer<typeof decisionInput>;
export const createMeetingBody = z
  .object({
    date: isoDate,
    type: z.enum(MEETING_TYPES),
    title: plainText(SUPERVISION_LIMITS.title),
    chair: text(60),
    unitIds: z.array(z.number().int().positive()).max(100),
    topics: z.array(text(SUPERVISION_LIMITS.topic)).max(SUPERVISION_LIMITS.topics),
    decisions: z.array(decisionInput).max(SUPERVISION_LIMITS.decisions),
    /** Decisions whose deadline has passed are saved only when the office confirms it (they are overdue at once). */
    confirmPastDeadline: z.boolean().optional(),
  })
  .strict();
export type CreateMeetingBody = z.infer<typeof createMeetingBody>;
export const addDecisionsBody = z
  .object({ decisions: z.array(decisionInput).min(1).max(SUPERVISION_LIMITS.decisions), confirmPastDeadline: z.boolean().optional() })
  .strict();
export const meetingQuery = z.object({ from: isoDate.optional(), to: isoDate.optional(), type: z.enum(MEETING_TYPES).optional() }).strict();
export const decisionView = z.object({
  itemId: z.number(),
  code: z.string(),
  content: z.string(),
  status: z.enum(ITEM_STATUSES),
  percent: z.number(),
  deadline: z.string().nullable(),
  ongoing: z.boolean(),
  overdue: z.boolean(),
  leadUnits: z.array(unitRef),
});
export const meetingSummary = z.object({
  id: z.number(),
  date: z.string(),
  type: z.enum(MEETING_TYPES),
  title: z.string(),
  chair: z.string(),
  decisionCount: z.number(),
  closedCount: z.number(),
  overdueCount: z.number(),
});
export type MeetingSummary = z.infer<typeof meetingSummary>;
export const meetingView = meetingSummary.extend({
  units: z.array(unitRef),
  topics: z.array(z.string()),
  decisions: z.array(decisionView),
  /** the work list that holds every meeting's decisions */
  listId: z.number().nullable(),
  version: z.number(),
});
export type MeetingView = z.infer<typeof meetingView>;

// ---- cockpit (驾驶舱) ----
/** Query parameters for GET /api/v1/items that show the items behind a figure. */
export const drill = z.record(z.string(), z.union([z.string(), z.number()]));
export const cockpitQuery = z.object({ kind: z.enum(ITEM_KINDS).optional(), listId: idValue.optional() }).strict();
export const cockpitView = z.object({
  asOf: z.string(),
  totals: z.object({ items: z.number(), closed: z.number(), open: z.number(), overdue: z.number(), completionRate: z.number() }),
  byUnit: z.array(
    z.object({
      unit: unitRef,
      assigned: z.number(),
      closed: z.number(),
      onTime: z.number(),
      overdue: z.number(),
      completionRate: z.number(),
      drill,
      overdueDrill: drill,
    }),
  ),
  /** per list: closed (销号), open within the deadline (按期推进), open past it (逾期) */
  byList: z.array(
    z.object({
      listId: z.number(),
      name: z.string(),
      kind: z.enum(ITEM_KINDS),
      total: z.number(),
      closed: z.number(),
      onTime: z.number(),
      overdue: z.number(),
      byStatus: z.record(z.string(), z.number()),
      drill,
    }),
  ),
  trend: z.array(z.object({ weekOf: z.string(), assigned: z.number(), closed: z.number(), overdue: z.number() })),
  redBlack: z.object({ weekOf: z.string().nullable(), red: z.array(snapshotRowView), black: z.array(snapshotRowView), formula: label }),
  instructions: z.array(
    z.object({
      itemId: z.number(),
      code: z.string(),
      content: z.string(),
      text: z.string(),
      author: z.string().nullable(),
      createdAt: z.string(),
      drill,
    }),
  ),
  upcoming: z.array(
    z.object({
      itemId: z.number(),
      code: z.string(),
      content: z.string(),
      deadline: z.string(),
      dueInWorkdays: z.number(),
      leadUnits: z.array(unitRef),
      drill,
    }),
  ),
  drillPath: z.string(),
  /** 保二争一: the forecast rank among the region's leagues/cities; null when no peer values were imported */
  rankGoal: z
    .object({
      period: z.string(),
      method: label,
      synthetic: z.boolean(),
      rank: z.number(),
      peers: z.number(),
      score: z.number(),
      /** overall points behind the 2nd / 1st place; 0 when already there */
      gapTo2: z.number(),
      gapTo1: z.number(),
      first: z.object({ name: z.string(), score: z.number() }),
      /** the smallest set of improvements that reaches the next goal (2nd, then 1st) */
      goalRank: z.number(),
      improvements: z.array(z.object({ name: label, unit: label, from: z.number(), to: z.number(), gain: z.number() })),
    })
    .nullable(),
  /** 免申即享 follow-through: results per stage (cumulative: a paid result was also notified) and amounts in 万元 */
  autoGrant: totalsRow.omit({ key: true, label: true }),
  /** open items by the highest ladder step they reached, and notices still awaiting the unit's reply */
  escalation: z.object({ open: z.number(), byStep: z.record(z.enum(NOTICE_KINDS), z.number()), awaitingReply: z.number() }),
  /** the demand desk: this month's tickets and rates (percent, null without a base) and 12 months of 按时办结率 and 满意率 */
  demands: z.object({
    month: z.string(),
    received: z.number(),
    closed: z.number(),
    signRate: z.number().nullable(),
    onTimeRate: z.number().nullable(),
    firstContactRate: z.number().nullable(),
    satisfactionRate: z.number().nullable(),
    reopenRate: z.number().nullable(),
    trend: z.array(z.object({ month: z.string(), onTimeRate: z.number().nullable(), satisfactionRate: z.number().nullable() })),
  }),
});
export type CockpitView = z.infer<typeof cockpitView>;

// ---- a unit's own red/black-list position (the latest weekly snapshot) ----
export const unitPositionView = z.object({
  /** null until the first weekly snapshot that lists the caller's unit */
  position: z
    .object({
      weekOf: z.string(),
      unit: unitRef,
      /** 0 when the unit led no items that week and was not ranked */
      rank: z.number(),
      rankedUnits: z.number(),
      score: z.number(),
      board: z.enum(BOARDS).nullable(),
      /** since the previous snapshot; a positive rank change means the unit climbed */
      change: z.object({ rank: z.number(), score: z.number() }).nullable(),
    })
    .nullable(),
});
export type UnitPositionView = z.infer<typeof unitPositionView>;
