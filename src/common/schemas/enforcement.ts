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

const code = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, '编码为字母、数字、点、横线，最长 40 位 / letters, digits, dot and dash, up to 40');
const unitId = z.number().int().positive();

export const matterBody = z
  .object({
    unitId,
    code,
    name: plainText(200),
    type: z.enum(MATTER_TYPES),
    legalBasis: plainText(2000),
    items: z
      .array(z.object({ code, name: plainText(200) }).strict())
      .max(200)
      .default([]),
  })
  .strict();
export type MatterBody = z.infer<typeof matterBody>;

export const catalogueQuery = z.object({ unitId: z.coerce.number().int().positive().optional() }).strict();

export const officerBody = z
  .object({
    unitId,
    name: plainText(40),
    certNo: z.string().trim().max(40).nullable().default(null),
    certValidTo: isoDate.nullable().default(null),
  })
  .strict();
export type OfficerBody = z.infer<typeof officerBody>;
export const officerUpdateBody = officerBody.partial().extend({ version: z.number().int().positive() }).strict();

export const recusalBody = z.object({ unitId, enterpriseId: z.number().int().positive(), reason: plainText(200) }).strict();

export const quotaInput = z
  .object({
    grade: z.enum(CREDIT_GRADE_CODES),
    ratio: z.number().min(0).max(1).optional(),
    count: z.number().int().min(0).max(1_000_000).optional(),
  })
  .strict()
  .refine((q) => (q.ratio === undefined) !== (q.count === undefined), { message: '比例与数量填写其一 / give either a ratio or a count' });

export const planBody = z
  .object({
    name: plainText(200),
    kind: z.enum(['annual', 'ad_hoc']),
    unitIds: z.array(unitId).min(1).max(20),
    itemCodes: z.array(code).min(1).max(100),
    filter: z
      .object({
        industryPrefix: z.string().max(8).optional(),
        countyCode: z.string().max(12).optional(),
        grades: z.array(z.enum(CREDIT_GRADE_CODES)).optional(),
      })
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
export const documentReviewBody = z
  .object({
    outcome: z.enum(DOCUMENT_OUTCOMES),
    reviewedOn: isoDate,
    note: z.string().trim().max(500).default(''),
    version: z.number().int().positive(),
  })
  .strict();

export const creditRecordBody = z
  .object({
    enterpriseId: z.number().int().positive(),
    unitId: unitId.nullable().default(null),
    kind: z.enum(CREDIT_RECORD_KINDS),
    summary: plainText(500),
    occurredOn: isoDate,
  })
  .strict();
export const repairBody = z.object({ recordId: z.number().int().positive(), reason: plainText(500) }).strict();
export const repairReviewBody = z
  .object({ approve: z.boolean(), note: z.string().trim().max(500).default(''), version: z.number().int().positive() })
  .strict();

export const complaintBody = z
  .object({
    unitId,
    enterpriseId: z.number().int().positive().nullable().default(null),
    source: z.enum(['demand', 'direct']),
    summary: plainText(1000),
  })
  .strict();
export const complaintCloseBody = z.object({ outcome: plainText(1000), version: z.number().int().positive() }).strict();

export const periodQuery = z.object({ from: isoDate, to: isoDate }).strict();
export const verifyView = z.object({
  matches: z.boolean(),
  checks: z.object({ commitment: z.boolean(), snapshot: z.boolean(), visits: z.boolean() }),
  visits: z.number(),
});

// — response shapes (the web's typed client is generated from them) —

export const matterView = z.object({
  id: z.number(),
  unitId: z.number(),
  code: z.string(),
  name: z.string(),
  type: z.string(),
  legalBasis: z.string(),
  items: z.array(z.object({ code: z.string(), name: z.string() })),
  version: z.number(),
});
export const officerView = z.object({
  id: z.number(),
  unitId: z.number(),
  name: z.string(),
  certNo: z.string().nullable(),
  certValidTo: z.string().nullable(),
  certified: z.boolean(),
  version: z.number(),
});
const quotaView = z.object({ grade: z.enum(CREDIT_GRADE_CODES), ratio: z.number().optional(), count: z.number().optional() });
export const planView = z.object({
  id: z.number(),
  name: z.string(),
  kind: z.string(),
  unitIds: z.array(z.number()),
  itemCodes: z.array(z.string()),
  filter: z.object({ industryPrefix: z.string().optional(), countyCode: z.string().optional(), grades: z.array(z.string()).optional() }),
  quotas: z.array(quotaView),
  officerIds: z.array(z.number()),
  officersPerVisit: z.number(),
  windowFrom: z.string(),
  windowTo: z.string(),
  offSite: z.boolean(),
  dataSource: z.string().nullable(),
  publishDays: z.number(),
  status: z.string(),
  commitment: z.string().nullable(),
  snapshotHash: z.string().nullable(),
  seed: z.string().nullable(),
  committedAt: z.string().nullable(),
  drawnAt: z.string().nullable(),
  resultsPublishedAt: z.string().nullable(),
  version: z.number(),
});
export const planSummaryView = z.object({
  id: z.number(),
  name: z.string(),
  kind: z.string(),
  unitIds: z.array(z.number()),
  status: z.string(),
  windowFrom: z.string(),
  windowTo: z.string(),
  offSite: z.boolean(),
  version: z.number(),
});
const visitView = z.object({
  enterpriseId: z.number(),
  grade: z.string(),
  items: z.array(z.string()),
  officerIds: z.array(z.number()),
  enterpriseName: z.string(),
  uscc: z.string(),
});
export const resultView = z.object({
  id: z.number(),
  enterpriseId: z.number(),
  itemCode: z.string(),
  outcome: z.enum(RESULT_OUTCOMES),
  note: z.string(),
  inspectedOn: z.string(),
  offSite: z.boolean(),
  rectifyDue: z.string().nullable(),
  rectifiedOn: z.string().nullable(),
  waiverReason: z.string().nullable(),
  version: z.number(),
});
export const planDetailView = planView.extend({
  poolSize: z.number().nullable(),
  publishBy: z.string().nullable(),
  publishOverdue: z.boolean(),
  visits: z.array(visitView.extend({ officers: z.array(z.object({ id: z.number(), name: z.string() })) })),
  results: z.array(resultView),
});
export const publicPlanSummaryView = z.object({
  id: z.number(),
  name: z.string(),
  kind: z.string(),
  units: z.array(z.string()),
  windowFrom: z.string(),
  windowTo: z.string(),
  offSite: z.boolean(),
  status: z.string(),
  commitment: z.string().nullable(),
  snapshotHash: z.string().nullable(),
  committedAt: z.string().nullable(),
  drawnAt: z.string().nullable(),
});
export const publicPlanView = z.object({
  id: z.number(),
  name: z.string(),
  kind: z.string(),
  windowFrom: z.string(),
  windowTo: z.string(),
  offSite: z.boolean(),
  dataSource: z.string().nullable(),
  status: z.string(),
  algorithm: z.string(),
  commitment: z.string().nullable(),
  snapshotHash: z.string().nullable(),
  seed: z.string().nullable(),
  committedAt: z.string().nullable(),
  drawnAt: z.string().nullable(),
  items: z.array(z.object({ code: z.string(), name: z.string() })),
  visits: z.array(visitView),
  resultsPublishedAt: z.string().nullable(),
  results: z.array(
    z.object({
      enterpriseName: z.string(),
      uscc: z.string(),
      itemCode: z.string(),
      itemName: z.string(),
      outcome: z.enum(RESULT_OUTCOMES),
      inspectedOn: z.string(),
      offSite: z.boolean(),
      rectifiedOn: z.string().nullable(),
    }),
  ),
});
export const creditProfileView = z.object({
  enterpriseId: z.number(),
  name: z.string(),
  uscc: z.string(),
  taxGrade: z.string().nullable(),
  grade: z.string().nullable(),
  gradeLabel: z.object({ zh: z.string(), en: z.string() }).nullable(),
  score: z.number().nullable(),
  base: z.number(),
  /** `line`: the contribution in plain words, from the model ("近一年被投诉并经查实 2 次（企业诉求专席）"). */
  explanation: z.array(
    z.object({ factor: z.string(), count: z.number(), points: z.number(), line: z.object({ zh: z.string(), en: z.string() }) }),
  ),
  computedAt: z.string().nullable(),
  records: z.array(
    z.object({
      id: z.number(),
      kind: z.string(),
      unitId: z.number().nullable(),
      summary: z.string(),
      occurredOn: z.string(),
      endedOn: z.string().nullable(),
      inEffect: z.boolean(),
    }),
  ),
});
export const figuresView = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  figures: z.object({
    matters: z.number(),
    bodies: z.number(),
    officersCertified: z.number(),
    inspections: z.number(),
    offSiteInspections: z.number(),
    mutualRecognitions: z.number(),
    documentsCleaned: z.number(),
  }),
  lists: z.object({
    bodies: z.array(z.object({ unitId: z.number(), name: z.string(), matters: z.number() })),
    officers: z.array(
      z.object({
        id: z.number(),
        name: z.string(),
        unitName: z.string(),
        certNo: z.string().nullable(),
        certValidTo: z.string().nullable(),
      }),
    ),
    offSiteInspections: z.array(
      z.object({
        id: z.number(),
        planId: z.number(),
        enterpriseName: z.string(),
        itemCode: z.string(),
        outcome: z.string(),
        inspectedOn: z.string(),
      }),
    ),
    mutualRecognitions: z.array(
      z.object({
        planId: z.number(),
        planName: z.string(),
        enterpriseId: z.number(),
        enterpriseName: z.string(),
        itemCodes: z.array(z.string()),
      }),
    ),
    documentsCleaned: z.array(
      z.object({
        id: z.number(),
        title: z.string(),
        docNumber: z.string(),
        outcome: z.string().nullable(),
        reviewedOn: z.string().nullable(),
      }),
    ),
  }),
});
export const catalogueImportView = z.object({
  dryRun: z.boolean(),
  matters: z.number(),
  items: z.number(),
  codes: z.array(z.string()),
  added: z.number(),
  replaced: z.number(),
});
export const documentsView = z.object({
  documents: z.array(
    z.object({
      id: z.number(),
      unitId: z.number(),
      title: z.string(),
      docNumber: z.string(),
      issuedOn: z.string().nullable(),
      outcome: z.string().nullable(),
      reviewedOn: z.string().nullable(),
      reviews: z.array(z.object({ round: z.number(), outcome: z.string(), reviewedOn: z.string(), note: z.string() })),
      version: z.number(),
    }),
  ),
  totals: z.object({
    documents: z.number(),
    reviewed: z.number(),
    keep: z.number(),
    amend: z.number(),
    repeal: z.number(),
    pending: z.number(),
  }),
});
export const repairView = z.object({
  id: z.number(),
  recordId: z.number(),
  enterpriseId: z.number(),
  reason: z.string(),
  status: z.string(),
  reviewNote: z.string().nullable(),
  createdAt: z.string(),
  version: z.number(),
});
/** In the reviewers' list: which enterprise and which record, so the decision can be made from the row. */
export const repairListItem = repairView.extend({ enterpriseName: z.string().nullable(), recordSummary: z.string().nullable() });
export const complaintView = z.object({
  id: z.number(),
  unitId: z.number(),
  enterpriseId: z.number().nullable(),
  source: z.string(),
  summary: z.string(),
  status: z.string(),
  outcome: z.string().nullable(),
  /** The demand-desk ticket it was imported from; null when entered here. */
  ticketId: z.number().nullable(),
  createdAt: z.string(),
  version: z.number(),
});

// — figures fed to the indicators module, a month at a time —
export const publishFiguresBody = z
  .object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM / a month is YYYY-MM') })
  .strict();
export const publishFiguresView = z.object({
  month: z.string(),
  values: z.array(z.object({ code: z.string(), value: z.number(), period: z.string(), source: z.string() })),
});
