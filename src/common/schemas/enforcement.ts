import { z } from 'zod';
import { plainText } from '../text.js';
import { isoDate } from './date.js';

/** Request shapes of the enforcement module (法治环境); the web client imports them. */

export const MATTER_TYPES = ['penalty', 'coercion', 'inspection', 'levy', 'permit', 'other'] as const;
export const CREDIT_GRADE_CODES = ['A', 'B', 'C', 'D'] as const;
export const RESULT_OUTCOMES = ['none', 'problem', 'rectify', 'penalised'] as const;
export const DOCUMENT_OUTCOMES = ['keep', 'amend', 'repeal'] as const;
export const CREDIT_RECORD_KINDS = ['penalty', 'abnormal', 'dishonest', 'inspection', 'complaint'] as const;
export const WAIVER_KINDS = ['first', 'minor'] as const;

const code = z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, '编码为字母、数字、点、横线，最长 40 位 / letters, digits, dot and dash, up to 40');
const unitId = z.number().int().positive();

export const matterBody = z
  .object({
    unitId,
    code,
    name: plainText(200),
    type: z.enum(MATTER_TYPES),
    legalBasis: plainText(2000),
    items: z.array(z.object({ code, name: plainText(200) }).strict()).max(200).default([]),
  })
  .strict();
export type MatterBody = z.infer<typeof matterBody>;

export const catalogueQuery = z.object({ unitId: z.coerce.number().int().positive().optional() }).strict();

export const officerBody = z
  .object({ unitId, name: plainText(40), certNo: z.string().trim().max(40).nullable().default(null), certValidTo: isoDate.nullable().default(null) })
  .strict();
export type OfficerBody = z.infer<typeof officerBody>;
export const officerUpdateBody = officerBody.partial().extend({ version: z.number().int().positive() }).strict();

export const recusalBody = z.object({ unitId, enterpriseId: z.number().int().positive(), reason: plainText(200) }).strict();

export const quotaInput = z
  .object({ grade: z.enum(CREDIT_GRADE_CODES), ratio: z.number().min(0).max(1).optional(), count: z.number().int().min(0).max(1_000_000).optional() })
  .strict()
  .refine((q) => (q.ratio === undefined) !== (q.count === undefined), { message: '比例与数量填写其一 / give either a ratio or a count' });

export const planBody = z
  .object({
    name: plainText(200),
    kind: z.enum(['annual', 'ad_hoc']),
    unitIds: z.array(unitId).min(1).max(20),
    itemCodes: z.array(code).min(1).max(100),
    filter: z
      .object({ industryPrefix: z.string().max(8).optional(), countyCode: z.string().max(12).optional(), grades: z.array(z.enum(CREDIT_GRADE_CODES)).optional() })
      .strict()
      .default({}),
    quotas: z.array(quotaInput).min(1).max(4),
    officerIds: z.array(z.number().int().positive()).min(2).max(5000),
    officersPerVisit: z.number().int().min(2).max(10).default(2),
    windowFrom: isoDate,
    windowTo: isoDate,
    offSite: z.boolean().default(false),
    dataSource: z.string().trim().max(200).nullable().default(null),
    publishDays: z.number().int().min(1).max(60).default(20),
  })
  .strict();
export type PlanBody = z.infer<typeof planBody>;

export const resultBody = z
  .object({
    enterpriseId: z.number().int().positive(),
    itemCode: code,
    outcome: z.enum(RESULT_OUTCOMES),
    note: z.string().trim().max(500).default(''),
    inspectedOn: isoDate,
    rectifyDue: isoDate.nullable().default(null),
    waiverReason: z.string().trim().max(500).nullable().default(null),
  })
  .strict();
export type ResultBody = z.infer<typeof resultBody>;
export const rectifiedBody = z.object({ rectifiedOn: isoDate, version: z.number().int().positive() }).strict();

export const waiverBody = z.object({ unitId, itemCode: code, kind: z.enum(WAIVER_KINDS), description: plainText(500) }).strict();

export const documentBody = z
  .object({ unitId, title: plainText(200), docNumber: plainText(60), issuedOn: isoDate.nullable().default(null) })
  .strict();
export const documentReviewBody = z.object({ outcome: z.enum(DOCUMENT_OUTCOMES), reviewedOn: isoDate, note: z.string().trim().max(500).default(''), version: z.number().int().positive() }).strict();

export const creditRecordBody = z
  .object({ enterpriseId: z.number().int().positive(), unitId: unitId.nullable().default(null), kind: z.enum(CREDIT_RECORD_KINDS), summary: plainText(500), occurredOn: isoDate })
  .strict();
export const repairBody = z.object({ recordId: z.number().int().positive(), reason: plainText(500) }).strict();
export const repairReviewBody = z.object({ approve: z.boolean(), note: z.string().trim().max(500).default(''), version: z.number().int().positive() }).strict();

export const complaintBody = z
  .object({ unitId, enterpriseId: z.number().int().positive().nullable().default(null), source: z.enum(['demand', 'direct']), summary: plainText(1000) })
  .strict();
export const complaintCloseBody = z.object({ outcome: plainText(1000), version: z.number().int().positive() }).strict();

export const periodQuery = z.object({ from: isoDate, to: isoDate }).strict();
export const verifyView = z.object({
  matches: z.boolean(),
  checks: z.object({ commitment: z.boolean(), snapshot: z.boolean(), visits: z.boolean() }),
  visits: z.number(),
});
