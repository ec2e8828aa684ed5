import { z } from 'zod';
import { plainText } from '../text.js';
import { idValue } from './id.js';
import { nestingMessage, ruleNestingProblem } from '../rule-nesting.js';
import { isoDate } from './date.js';
import { LIMITS } from '../limits.js';

/** Request and response shapes of the policies module (registry, library, matching, payout). */

export const POLICY_AREAS = ['policy', 'government', 'legal', 'market', 'financing'] as const;
export const POLICY_AREA_LABELS: Record<(typeof POLICY_AREAS)[number], { zh: string; en: string }> = {
  policy: { zh: '政策环境', en: 'Policy' },
  government: { zh: '政务环境', en: 'Government services' },
  legal: { zh: '法治环境', en: 'Rule of law' },
  market: { zh: '市场环境', en: 'Market' },
  financing: { zh: '融资环境', en: 'Financing' },
};
/** near = fails exactly one top-level condition (shown as "nearly qualifies"). */
export const RESULT_STATUSES = ['near', 'matched', 'notified', 'confirmed', 'declined', 'paid'] as const;
export type ResultStatus = (typeof RESULT_STATUSES)[number];

const date = isoDate;
const money = z.number().finite().min(0).max(1e12);
const page = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(LIMITS.pageSize.max).default(LIMITS.pageSize.default),
};

export const qualificationInput = z.object({ kind: z.string().min(1).max(40), from: date, to: date.nullable().optional() }).strict();
const yearly = z.array(z.number().finite().nullable()).max(2);
export const historyInput = z.object({ employees: yearly, revenue: yearly, assets: yearly, rdSpending: yearly }).partial().strict();

/** An enterprise as written by the API or an import row; county may be a name or a code. */
export const enterpriseInput = z
  .object({
    uscc: z.string().min(1).max(30),
    name: plainText(200),
    legalForm: z.string().max(20).nullable().optional(),
    registeredOn: date.nullable().optional(),
    capital: money.nullable().optional(),
    county: z.string().max(40).nullable().optional(),
    industryCode: z.string().max(8).nullable().optional(),
    employees: z.number().int().min(0).max(10_000_000).nullable().optional(),
    revenue: money.nullable().optional(),
    assets: money.nullable().optional(),
    rdSpending: money.nullable().optional(),
    taxGrade: z.string().max(1).nullable().optional(),
    figuresYear: z.number().int().min(1990).max(2100).nullable().optional(),
    qualifications: z.array(qualificationInput).max(20).optional(),
    tags: z.array(z.string().trim().min(1).max(30)).max(30).optional(),
    history: historyInput.optional(),
    /** Where the enterprise is told about benefits: a mobile number gets an SMS-ready text. */
    contactName: z.string().trim().max(40).nullable().optional(),
    contactPhone: z
      .string()
      .trim()
      .regex(/^[0-9+\- ]{7,20}$/)
      .nullable()
      .optional(),
    contactEmail: z.string().trim().email().max(200).nullable().optional(),
    /** 法定代表人 and 股东 (names or credit codes): the related-party signal of procurement reads them. */
    legalRepresentative: plainText(60).nullable().optional(),
    shareholders: z.array(plainText(200)).max(100).optional(),
  })
  .strict();
export type EnterpriseInput = z.infer<typeof enterpriseInput>;
export const enterpriseUpdateBody = enterpriseInput.extend({ version: z.number().int().positive() }).strict();

export const enterpriseView = z.object({
  id: z.number(),
  uscc: z.string(),
  name: z.string(),
  legalForm: z.string().nullable(),
  registeredOn: z.string().nullable(),
  capital: z.number().nullable(),
  countyCode: z.string().nullable(),
  countyName: z.string(),
  industryCode: z.string().nullable(),
  industryName: z.string(),
  sizeClass: z.string().nullable(),
  employees: z.number().nullable(),
  revenue: z.number().nullable(),
  assets: z.number().nullable(),
  rdSpending: z.number().nullable(),
  taxGrade: z.string().nullable(),
  figuresYear: z.number().nullable(),
  qualifications: z.array(z.object({ kind: z.string(), from: z.string(), to: z.string().nullable() })),
  tags: z.array(z.string()),
  history: z.record(z.string(), z.array(z.number().nullable())),
  synthetic: z.boolean(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  contactEmail: z.string().nullable(),
  legalRepresentative: z.string().nullable(),
  shareholders: z.array(z.string()),
  version: z.number(),
});
export type EnterpriseView = z.infer<typeof enterpriseView>;

export const enterpriseListQuery = z
  .object({
    q: z.string().max(LIMITS.searchText.max).optional(),
    county: z.string().max(40).optional(),
    industry: z.string().max(8).optional(),
    sizeClass: z.enum(['大', '中', '小', '微']).optional(),
    ...page,
  })
  .strict();
export const enterpriseList = z.object({ items: z.array(enterpriseView), total: z.number() });

export const importQuery = z
  .object({ commit: z.enum(['true', 'false']).default('false'), keepValid: z.enum(['true', 'false']).default('false') })
  .strict();
export const importProblem = z.object({
  row: z.number(),
  column: z.string().nullable(),
  field: z.string().nullable(),
  message: z.string(),
});
export const importView = z.object({
  rows: z.number(),
  valid: z.number(),
  problems: z.array(importProblem),
  committed: z.boolean(),
  created: z.number(),
  updated: z.number(),
});
export type ImportView = z.infer<typeof importView>;

/** A rule or formula text: refused at the door when nested too deeply for the parser, with the place. */
const ruleText = z
  .string()
  .max(10_000)
  .superRefine((text, ctx) => {
    const p = ruleNestingProblem(text);
    if (p) ctx.addIssue({ code: 'custom', message: nestingMessage(p) });
  });

export const ruleProblem = z.object({
  kind: z.string(),
  message: z.object({ zh: z.string(), en: z.string() }),
  line: z.number(),
  column: z.number(),
  start: z.number(),
  end: z.number(),
});

/** A made-up enterprise that a rule is tested on, with the outcome the rule must give. */
export const ruleExample = z
  .object({
    name: plainText(100),
    expected: z.boolean(),
    /** The day the example is judged on (rules say "within 3 years"); today when absent. */
    asOf: date.optional(),
    enterprise: enterpriseInput.partial().strict(),
  })
  .strict();
export type RuleExample = z.infer<typeof ruleExample>;

export const ruleCheckBody = z
  .object({
    text: ruleText,
    /** The benefit's own code, so rule("…") cannot point back at it. */
    code: z.string().max(40).optional(),
    examples: z.array(ruleExample).max(50).optional(),
  })
  .strict();

/** A text in both languages; the client shows the half of the user's language. */
export const bilingual = z.object({ zh: z.string(), en: z.string() });
export type Bilingual = z.infer<typeof bilingual>;
/** Explanations stored by an earlier version carry "中文 / English" strings instead of objects. */
const bilingualOrText = z.union([bilingual, z.string()]);

export const explainNode: z.ZodType<ExplainNodeView> = z.lazy(() =>
  z.object({
    kind: z.enum(['and', 'or', 'not', 'ref', 'cond']),
    pass: z.boolean(),
    /** The condition as written in the rule: for staff only, never shown to the enterprise. */
    text: z.string(),
    line: z.number(),
    column: z.number(),
    sentence: bilingual.optional(),
    actionable: z.boolean().optional(),
    label: bilingualOrText.optional(),
    actual: bilingualOrText.optional(),
    expected: bilingualOrText.optional(),
    children: z.array(explainNode).optional(),
  }),
);
// Named, so the OpenAPI document (and the web's generated types) can refer to the recursive tree.
z.globalRegistry.add(explainNode, { id: 'ExplainNode' });
export interface ExplainNodeView {
  kind: 'and' | 'or' | 'not' | 'ref' | 'cond';
  pass: boolean;
  text: string;
  line: number;
  column: number;
  sentence?: Bilingual | undefined;
  actionable?: boolean | undefined;
  label?: Bilingual | string | undefined;
  actual?: Bilingual | string | undefined;
  expected?: Bilingual | string | undefined;
  children?: ExplainNodeView[] | undefined;
}

export const exampleOutcome = z.object({
  name: z.string(),
  expected: z.boolean(),
  actual: z.boolean().nullable(),
  pass: z.boolean(),
  explanation: explainNode.nullable(),
  problem: z.string().nullable(),
});
/** `reading`: the valid rule in plain words, as the enterprise will read it (names, units). */
export const ruleCheckView = z.object({
  ok: z.boolean(),
  problems: z.array(ruleProblem),
  examples: z.array(exampleOutcome),
  reading: bilingual.nullable(),
});
export type RuleCheckView = z.infer<typeof ruleCheckView>;

export const policyBody = z
  .object({
    title: plainText(300),
    departmentUnitId: z.number().int().positive().nullable().optional(),
    docNumber: z.string().trim().max(100).nullable().optional(),
    effectiveFrom: date.nullable().optional(),
    effectiveTo: date.nullable().optional(),
    body: z.string().max(200_000).nullable().optional(),
    link: z.string().url().max(500).nullable().optional(),
    area: z.enum(POLICY_AREAS),
  })
  .strict();
export type PolicyBody = z.infer<typeof policyBody>;
export const policyUpdateBody = policyBody.partial().extend({ version: z.number().int().positive() }).strict();

export const benefitBody = z
  .object({
    code: z
      .string()
      .trim()
      .min(1)
      .max(40)
      .regex(/^[\w.-]+$/, '字母、数字、-、_、. / letters, digits, - _ .'),
    name: plainText(300),
    amount: money.nullable().optional(),
    formula: ruleText.max(2000).nullable().optional(),
    cap: money.nullable().optional(),
    autoGrant: z.boolean(),
    rule: ruleText,
    examples: z.array(ruleExample).max(50).optional(),
  })
  .strict();
export type BenefitBody = z.infer<typeof benefitBody>;
export const benefitUpdateBody = benefitBody.partial().extend({ version: z.number().int().positive() }).strict();

export const benefitView = z.object({
  id: z.number(),
  policyId: z.number(),
  code: z.string(),
  name: z.string(),
  amount: z.number().nullable(),
  formula: z.string().nullable(),
  cap: z.number().nullable(),
  autoGrant: z.boolean(),
  rule: z.string(),
  examples: z.array(ruleExample),
  matchStale: z.boolean(),
  version: z.number(),
});
export type BenefitView = z.infer<typeof benefitView>;

export const policyView = z.object({
  id: z.number(),
  title: z.string(),
  departmentUnitId: z.number().nullable(),
  departmentName: z.string().nullable(),
  docNumber: z.string().nullable(),
  effectiveFrom: z.string().nullable(),
  effectiveTo: z.string().nullable(),
  body: z.string().nullable(),
  link: z.string().nullable(),
  area: z.enum(POLICY_AREAS),
  benefits: z.array(benefitView),
  version: z.number(),
});
export type PolicyView = z.infer<typeof policyView>;
export const policyListQuery = z
  .object({ q: z.string().max(LIMITS.searchText.max).optional(), area: z.enum(POLICY_AREAS).optional(), ...page })
  .strict();
export const policyList = z.object({ items: z.array(policyView), total: z.number() });

export const matchStartBody = z.object({ mode: z.enum(['full', 'incremental']).default('incremental') }).strict();
export const matchSummary = z.object({
  mode: z.string(),
  benefits: z.number(),
  enterprises: z.number(),
  evaluations: z.number(),
  matched: z.number(),
  near: z.number(),
  written: z.number(),
  removed: z.number(),
  skipped: z.array(z.object({ code: z.string(), problem: z.string() })),
  seconds: z.number(),
});
export type MatchSummary = z.infer<typeof matchSummary>;

export const resultListQuery = z
  .object({
    status: z.enum(RESULT_STATUSES).optional(),
    benefitId: idValue.optional(),
    policyId: idValue.optional(),
    enterpriseId: idValue.optional(),
    county: z.string().max(40).optional(),
    departmentUnitId: idValue.optional(),
    ...page,
  })
  .strict();
export type ResultListQuery = z.infer<typeof resultListQuery>;
export const resultExportQuery = resultListQuery.omit({ page: true, pageSize: true }).strict();

export const resultView = z.object({
  id: z.number(),
  enterprise: z.object({ id: z.number(), name: z.string(), uscc: z.string(), countyCode: z.string().nullable(), countyName: z.string() }),
  benefit: z.object({
    id: z.number(),
    code: z.string(),
    name: z.string(),
    policyId: z.number(),
    policyTitle: z.string(),
    departmentName: z.string().nullable(),
  }),
  eligible: z.boolean(),
  failed: z.number(),
  status: z.enum(RESULT_STATUSES),
  amount: z.number().nullable(),
  explanation: explainNode,
  /** The outcome in one sentence: "满足全部条件" or "未满足：…". */
  summary: bilingual,
  /** What the enterprise was sent when it was told (inbox, e-mail, SMS-ready text). */
  notices: z.array(
    z.object({ channel: z.enum(['inbox', 'email', 'sms']), address: z.string().nullable(), text: z.string(), createdAt: z.string() }),
  ),
  matchedAt: z.string(),
  notifiedAt: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  declinedAt: z.string().nullable(),
  declineReason: z.string().nullable(),
  paidOn: z.string().nullable(),
  paidAmount: z.number().nullable(),
  version: z.number(),
});
export type ResultView = z.infer<typeof resultView>;
export const resultList = z.object({ items: z.array(resultView), total: z.number() });

export const resultActionBody = z.discriminatedUnion('action', [
  z.object({ action: z.literal('notify'), version: z.number().int().positive() }).strict(),
  z.object({ action: z.literal('confirm'), version: z.number().int().positive() }).strict(),
  z.object({ action: z.literal('decline'), reason: z.string().trim().min(1).max(500), version: z.number().int().positive() }).strict(),
  z.object({ action: z.literal('pay'), amount: money, paidOn: date, version: z.number().int().positive() }).strict(),
]);
export type ResultActionBody = z.infer<typeof resultActionBody>;

export const totalsQuery = z.object({ by: z.enum(['policy', 'department', 'county']) }).strict();
export const totalsRow = z.object({
  key: z.string(),
  label: z.string(),
  matched: z.number(),
  notified: z.number(),
  confirmed: z.number(),
  declined: z.number(),
  paid: z.number(),
  amountDue: z.number(),
  amountPaid: z.number(),
});
export type TotalsRow = z.infer<typeof totalsRow>;

export const explainQuery = z.object({ benefitId: idValue }).strict();
export const explainView = z.object({
  enterpriseId: z.number(),
  benefitId: z.number(),
  eligible: z.boolean(),
  stored: z.boolean(),
  explanation: explainNode,
});

export const portalView = z.object({
  enterprise: enterpriseView,
  qualifies: z.array(resultView),
  /** Benefits missed by conditions the enterprise can act on only, with those conditions. */
  nearly: z.array(resultView.extend({ failing: z.array(explainNode) })),
  payouts: z.array(resultView),
});
