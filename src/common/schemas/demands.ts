import { z } from 'zod';
import { plainText } from '../text.js';
import { isoDate } from './date.js';

/** Request and response shapes of the enterprise demand desk; the web client imports them. */

export const DEMAND_CHANNELS = ['seat', 'line', 'centre', 'web', 'specialist_visit', 'leader_visit', 'import', 'open311'] as const;
export type DemandChannel = (typeof DEMAND_CHANNELS)[number];
/** 咨询 / 求助 / 投诉 / 建议 / 举报 */
export const DEMAND_TYPES = ['consult', 'help', 'complaint', 'suggestion', 'report'] as const;
export type DemandType = (typeof DEMAND_TYPES)[number];
/** received = waiting for the office to dispatch (no routing rule matched). */
export const DEMAND_STATUSES = ['received', 'dispatched', 'sent_back', 'in_progress', 'answered', 'closed', 'merged'] as const;
export type DemandStatus = (typeof DEMAND_STATUSES)[number];
/** 5 非常满意 · 4 满意 · 3 基本满意 · 2 不满意 · 1 非常不满意; 2 or worse reopens the ticket. */
/** The handling unit's finding on a 投诉/举报: 查实 / 部分查实 / 未查实. */
export const DEMAND_FINDINGS = ['substantiated', 'partly', 'unsubstantiated'] as const;
export type DemandFinding = (typeof DEMAND_FINDINGS)[number];
/** The ticket types that may name the enterprise complained about (被投诉（举报）企业). */
export const RESPONDENT_TYPES: readonly DemandType[] = ['complaint', 'report'];
export const RATING_LEVELS = [5, 4, 3, 2, 1] as const;
export const BAD_RATING = 2;

const phone = z
  .string()
  .trim()
  .regex(/^[0-9+\- ]{5,20}$/, '电话号码只能包含数字、空格、+ 和 - / a phone number holds digits, spaces, + and - only');

export const intakeBody = z
  .object({
    channel: z.enum(DEMAND_CHANNELS).default('seat'),
    type: z.enum(DEMAND_TYPES),
    subjectId: z.number().int().positive(),
    countyCode: z
      .string()
      .regex(/^\d{6}$/)
      .optional(),
    uscc: z.string().trim().max(40).optional(),
    enterpriseName: plainText(200).optional(),
    /** 投诉/举报 only: the enterprise complained about (被投诉（举报）企业), by credit code; an unregistered code is kept and flagged. */
    respondentUscc: z.string().trim().max(40).optional(),
    respondentName: plainText(200).optional(),
    contactName: plainText(100).optional(),
    contactPhone: phone.optional(),
    description: z.string().trim().min(2).max(4000),
    address: plainText(300).optional(),
    /** A 咨询 answered while the caller is on the line: closed at once (一次办结). */
    firstContactAnswer: z.string().trim().min(1).max(4000).optional(),
    knowledgeId: z.number().int().positive().optional(),
    /** The client's own key for this submission: a repeat with the same key returns the first ticket. */
    idempotencyKey: z.string().trim().min(8).max(100).optional(),
  })
  .strict();
export type IntakeBody = z.infer<typeof intakeBody>;

export const demandEventView = z.object({
  action: z.string(),
  actorName: z.string(),
  unitName: z.string().nullable(),
  note: z.string().nullable(),
  at: z.string(),
});

export const demandView = z.object({
  id: z.number(),
  code: z.string(),
  externalCode: z.string().nullable(),
  channel: z.enum(DEMAND_CHANNELS),
  type: z.enum(DEMAND_TYPES),
  subjectId: z.number(),
  subjectName: z.string(),
  countyCode: z.string().nullable(),
  uscc: z.string().nullable(),
  /** false: the code is well formed but not in the enterprise registry (flagged for the office). */
  enterpriseKnown: z.boolean(),
  enterpriseName: z.string().nullable(),
  contactName: z.string().nullable(),
  /** masked as 138****1234; the whole number only through the audited reveal */
  contactPhone: z.string().nullable(),
  description: z.string(),
  status: z.enum(DEMAND_STATUSES),
  unitId: z.number().nullable(),
  unitName: z.string().nullable(),
  receivedAt: z.string(),
  signDueAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  signedAt: z.string().nullable(),
  answeredAt: z.string().nullable(),
  answer: z.string().nullable(),
  followedUpAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  firstContact: z.boolean(),
  reopenCount: z.number(),
  rating: z.number().nullable(),
  overdue: z.boolean(),
  pendingExtension: z.object({ days: z.number(), reason: z.string() }).nullable(),
  mergedIntoId: z.number().nullable(),
  /** 投诉/举报: the enterprise complained about; known false when the registry does not hold its code. */
  respondent: z.object({ uscc: z.string(), name: z.string().nullable(), known: z.boolean() }).nullable(),
  finding: z.enum(DEMAND_FINDINGS).nullable(),
  version: z.number(),
});
export type DemandView = z.infer<typeof demandView>;

export const duplicateView = z.object({
  id: z.number(),
  code: z.string(),
  receivedAt: z.string(),
  status: z.enum(DEMAND_STATUSES),
  similarity: z.number(),
  description: z.string(),
});
export type DuplicateView = z.infer<typeof duplicateView>;

export const demandDetailView = demandView.extend({ events: z.array(demandEventView), duplicates: z.array(duplicateView) });
export type DemandDetailView = z.infer<typeof demandDetailView>;

export const intakeResult = demandDetailView.extend({ created: z.boolean(), ratingCode: z.string().nullable() });

export const demandQuery = z
  .object({
    status: z.enum(DEMAND_STATUSES).optional(),
    type: z.enum(DEMAND_TYPES).optional(),
    channel: z.enum(DEMAND_CHANNELS).optional(),
    unitId: z.coerce.number().int().positive().optional(),
    overdue: z.enum(['true', 'false']).optional(),
    q: z.string().trim().max(100).optional(),
    page: z.coerce.number().int().min(1).max(100000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(20),
  })
  .strict();
export type DemandQuery = z.infer<typeof demandQuery>;
export const demandPage = z.object({ items: z.array(demandView), total: z.number(), page: z.number(), pageSize: z.number() });

const version = z.number().int().positive();
export const versionBody = z.object({ version }).strict();
export const dispatchBody = z.object({ version, unitId: z.number().int().positive(), note: plainText(500).optional() }).strict();
export const sendBackBody = z.object({ version, reason: plainText(500) }).strict();
/** The office's decision on a send-back: route to another unit, or return it to the same one. */
export const decideSendBackBody = z
  .object({ version, unitId: z.number().int().positive().optional(), note: plainText(500).optional() })
  .strict();
/** A ticket naming an enterprise complained about needs the finding (查实 / 部分查实 / 未查实) with its answer. */
export const answerBody = z
  .object({ version, answer: z.string().trim().min(2).max(4000), finding: z.enum(DEMAND_FINDINGS).optional() })
  .strict();
/** The handling unit (or the office) names the enterprise complained about; null clears it. */
export const respondentBody = z.object({ version, uscc: z.string().trim().max(40).nullable(), name: plainText(200).optional() }).strict();
export const extensionBody = z.object({ version, days: z.number().int().min(1).max(30), reason: plainText(500) }).strict();
export const decideExtensionBody = z.object({ version, approve: z.boolean(), note: plainText(500).optional() }).strict();
export const followUpBody = z
  .object({ version, level: z.number().int().min(1).max(5).optional(), note: plainText(500).optional() })
  .strict();
export const mergeBody = z.object({ version, intoId: z.number().int().positive() }).strict();
export const actionResult = demandDetailView.extend({ ratingCode: z.string().nullable() });

export const rateBody = z
  .object({ code: z.string().trim().min(4).max(40), level: z.number().int().min(1).max(5), comment: plainText(500).optional() })
  .strict();
export const rateResult = z.object({ ok: z.literal(true), reopened: z.boolean(), unitName: z.string() });

export const phoneView = z.object({ contactPhone: z.string().nullable() });

export const subjectView = z.object({ id: z.number(), parentId: z.number().nullable(), name: z.string(), sortOrder: z.number() });
export const subjectBody = z
  .object({ parentId: z.number().int().positive().nullable().default(null), name: plainText(100), sortOrder: z.number().int().default(0) })
  .strict();
export const routeRuleView = z.object({
  id: z.number(),
  subjectId: z.number(),
  countyCode: z.string().nullable(),
  unitId: z.number(),
  unitName: z.string(),
});
export const routeRuleBody = z
  .object({
    subjectId: z.number().int().positive(),
    countyCode: z
      .string()
      .regex(/^\d{6}$/)
      .nullable()
      .default(null),
    unitId: z.number().int().positive(),
  })
  .strict();
export const deadlinesView = z.object({
  signForHours: z.number(),
  reopenDays: z.number(),
  days: z.record(z.enum(DEMAND_TYPES), z.number()),
  version: z.number(),
});
export const deadlinesBody = z
  .object({
    version,
    signForHours: z.number().int().min(1).max(40),
    reopenDays: z.number().int().min(1).max(60),
    days: z.record(z.enum(DEMAND_TYPES), z.number().int().min(1).max(60)),
  })
  .strict();
export type DeadlinesView = z.infer<typeof deadlinesView>;

export const knowledgeView = z.object({
  id: z.number(),
  subjectId: z.number().nullable(),
  question: z.string(),
  answer: z.string(),
  keywords: z.string(),
  policyId: z.number().nullable(),
  /** the linked service; its public guide page is /guide/services/<code> */
  service: z.object({ id: z.number(), code: z.string(), name: z.string() }).nullable(),
});
export type KnowledgeView = z.infer<typeof knowledgeView>;
export const knowledgeQuery = z
  .object({ q: z.string().trim().max(100).default(''), subjectId: z.coerce.number().int().positive().optional() })
  .strict();
export const knowledgeBody = z
  .object({
    subjectId: z.number().int().positive().nullable().default(null),
    question: plainText(300),
    answer: z.string().trim().min(2).max(4000),
    keywords: z.string().trim().max(300).default(''),
    policyId: z.number().int().positive().nullable().default(null),
    serviceId: z.number().int().positive().nullable().default(null),
  })
  .strict();
export type KnowledgeBody = z.infer<typeof knowledgeBody>;

export const duplicateQuery = z
  .object({
    uscc: z.string().trim().max(40).optional(),
    phone: z.string().trim().max(30).optional(),
    description: z.string().trim().min(2).max(4000),
  })
  .strict();

export const KPI_DIMENSIONS = ['unit', 'specialist', 'subject', 'channel', 'month'] as const;
export const kpiQuery = z
  .object({
    by: z.enum(KPI_DIMENSIONS).default('unit'),
    from: z
      .string()
      .regex(/^\d{4}-\d{2}$/)
      .optional(),
    to: z
      .string()
      .regex(/^\d{4}-\d{2}$/)
      .optional(),
  })
  .strict();
export type KpiQuery = z.infer<typeof kpiQuery>;
export const kpiRow = z.object({
  key: z.string(),
  label: z.string(),
  tickets: z.number(),
  signRate: z.number().nullable(),
  onTimeRate: z.number().nullable(),
  firstContactRate: z.number().nullable(),
  followUpRate: z.number().nullable(),
  satisfactionRate: z.number().nullable(),
  reopenRate: z.number().nullable(),
  avgHandlingHours: z.number().nullable(),
});
export type KpiRow = z.infer<typeof kpiRow>;
export const kpiView = z.object({ by: z.enum(KPI_DIMENSIONS), rows: z.array(kpiRow) });

export const boardView = z.object({
  months: z.array(z.string()),
  units: z.array(
    z.object({
      unitName: z.string(),
      months: z.array(
        z.object({
          month: z.string(),
          ratings: z.number(),
          satisfactionRate: z.number().nullable(),
          onTimeRate: z.number().nullable(),
          closed: z.number(),
        }),
      ),
    }),
  ),
});
export type BoardView = z.infer<typeof boardView>;

export const ratingCodeBody = z
  .object({
    kind: z.enum(['window', 'specialist']),
    name: plainText(100),
    unitId: z.number().int().positive(),
    userId: z.number().int().positive().nullable().default(null),
  })
  .strict();
export const ratingCodeView = z.object({
  id: z.number(),
  code: z.string(),
  kind: z.string(),
  name: z.string(),
  unitId: z.number(),
  active: z.boolean(),
});
export const codeRatingBody = z.object({ level: z.number().int().min(1).max(5), comment: plainText(500).optional() }).strict();

export const visitBody = z
  .object({
    uscc: z.string().trim().max(40),
    kind: z.enum(['specialist', 'leader']),
    visitedOn: isoDate,
    notes: z.string().trim().min(2).max(4000),
    needs: z
      .array(
        z.object({ type: z.enum(DEMAND_TYPES), subjectId: z.number().int().positive(), description: z.string().trim().min(2).max(4000) }),
      )
      .max(20)
      .default([]),
  })
  .strict();
export const visitView = z.object({
  id: z.number(),
  uscc: z.string(),
  kind: z.string(),
  visitedOn: z.string(),
  notes: z.string(),
  ticketIds: z.array(z.number()),
});

export const importQuery = z.object({ commit: z.enum(['true', 'false']).default('false') }).strict();
export const importResult = z.object({ rows: z.number(), created: z.number(), updated: z.number(), committed: z.boolean() });

export const hotIssueView = z.object({
  subjectName: z.string(),
  tickets: z.number(),
  sources: z.number(),
  sample: z.string(),
  ticketIds: z.array(z.number()),
  latestAt: z.string(),
});
export const keyEnterpriseBody = z
  .object({
    uscc: z.string().trim().max(40),
    specialistId: z.number().int().positive(),
    chiefId: z.number().int().positive().nullable().default(null),
  })
  .strict();
export const keyEnterpriseView = z.object({ uscc: z.string(), specialistId: z.number(), chiefId: z.number().nullable() });
export const attachmentView = z.object({ id: z.number(), filename: z.string(), mime: z.string(), size: z.number(), createdAt: z.string() });
