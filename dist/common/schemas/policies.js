import { z } from "zod";
import { LIMITS } from "../limits.js";
const POLICY_AREAS = ["policy", "government", "legal", "market", "financing"];
const POLICY_AREA_LABELS = {
  policy: { zh: "\u653F\u7B56\u73AF\u5883", en: "Policy" },
  government: { zh: "\u653F\u52A1\u73AF\u5883", en: "Government services" },
  legal: { zh: "\u6CD5\u6CBB\u73AF\u5883", en: "Rule of law" },
  market: { zh: "\u5E02\u573A\u73AF\u5883", en: "Market" },
  financing: { zh: "\u878D\u8D44\u73AF\u5883", en: "Financing" }
};
const RESULT_STATUSES = ["near", "matched", "notified", "confirmed", "declined", "paid"];
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "YYYY-MM-DD");
const money = z.number().finite().min(0).max(1e12);
const page = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(LIMITS.pageSize.max).default(LIMITS.pageSize.default)
};
const qualificationInput = z.object({ kind: z.string().min(1).max(40), from: date, to: date.nullable().optional() }).strict();
const yearly = z.array(z.number().finite().nullable()).max(2);
const historyInput = z.object({ employees: yearly, revenue: yearly, assets: yearly, rdSpending: yearly }).partial().strict();
const enterpriseInput = z.object({
  uscc: z.string().min(1).max(30),
  name: z.string().trim().min(1).max(200),
  legalForm: z.string().max(20).nullable().optional(),
  registeredOn: date.nullable().optional(),
  capital: money.nullable().optional(),
  county: z.string().max(40).nullable().optional(),
  industryCode: z.string().max(8).nullable().optional(),
  employees: z.number().int().min(0).max(1e7).nullable().optional(),
  revenue: money.nullable().optional(),
  assets: money.nullable().optional(),
  rdSpending: money.nullable().optional(),
  taxGrade: z.string().max(1).nullable().optional(),
  figuresYear: z.number().int().min(1990).max(2100).nullable().optional(),
  qualifications: z.array(qualificationInput).max(20).optional(),
  tags: z.array(z.string().trim().min(1).max(30)).max(30).optional(),
  history: historyInput.optional()
}).strict();
const enterpriseUpdateBody = enterpriseInput.extend({ version: z.number().int().positive() }).strict();
const enterpriseView = z.object({
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
  version: z.number()
});
const enterpriseListQuery = z.object({
  q: z.string().max(LIMITS.searchText.max).optional(),
  county: z.string().max(40).optional(),
  industry: z.string().max(8).optional(),
  sizeClass: z.enum(["\u5927", "\u4E2D", "\u5C0F", "\u5FAE"]).optional(),
  ...page
}).strict();
const enterpriseList = z.object({ items: z.array(enterpriseView), total: z.number() });
const importQuery = z.object({ commit: z.enum(["true", "false"]).default("false"), keepValid: z.enum(["true", "false"]).default("false") }).strict();
const importProblem = z.object({ row: z.number(), column: z.string().nullable(), field: z.string().nullable(), message: z.string() });
const importView = z.object({
  rows: z.number(),
  valid: z.number(),
  problems: z.array(importProblem),
  committed: z.boolean(),
  created: z.number(),
  updated: z.number()
});
const ruleProblem = z.object({
  kind: z.string(),
  message: z.string(),
  line: z.number(),
  column: z.number(),
  start: z.number(),
  end: z.number()
});
const ruleExample = z.object({
  name: z.string().trim().min(1).max(100),
  expected: z.boolean(),
  /** The day the example is judged on (rules say "within 3 years"); today when absent. */
  asOf: date.optional(),
  enterprise: enterpriseInput.partial().strict()
}).strict();
const ruleCheckBody = z.object({
  text: z.string().max(1e4),
  /** The benefit's own code, so rule("…") cannot point back at it. */
  code: z.string().max(40).optional(),
  examples: z.array(ruleExample).max(50).optional()
}).strict();
const explainNode = z.lazy(
  () => z.object({
    kind: z.enum(["and", "or", "not", "ref", "cond"]),
    pass: z.boolean(),
    text: z.string(),
    line: z.number(),
    column: z.number(),
    label: z.string().optional(),
    actual: z.string().optional(),
    expected: z.string().optional(),
    children: z.array(explainNode).optional()
  })
);
const exampleOutcome = z.object({ name: z.string(), expected: z.boolean(), actual: z.boolean().nullable(), pass: z.boolean(), explanation: explainNode.nullable(), problem: z.string().nullable() });
const ruleCheckView = z.object({ ok: z.boolean(), problems: z.array(ruleProblem), examples: z.array(exampleOutcome) });
const policyBody = z.object({
  title: z.string().trim().min(1).max(300),
  departmentUnitId: z.number().int().positive().nullable().optional(),
  docNumber: z.string().trim().max(100).nullable().optional(),
  effectiveFrom: date.nullable().optional(),
  effectiveTo: date.nullable().optional(),
  body: z.string().max(2e5).nullable().optional(),
  link: z.string().url().max(500).nullable().optional(),
  area: z.enum(POLICY_AREAS)
}).strict();
const policyUpdateBody = policyBody.partial().extend({ version: z.number().int().positive() }).strict();
const benefitBody = z.object({
  code: z.string().trim().min(1).max(40).regex(/^[\w.-]+$/, "\u5B57\u6BCD\u3001\u6570\u5B57\u3001-\u3001_\u3001. / letters, digits, - _ ."),
  name: z.string().trim().min(1).max(300),
  amount: money.nullable().optional(),
  formula: z.string().max(2e3).nullable().optional(),
  cap: money.nullable().optional(),
  autoGrant: z.boolean(),
  rule: z.string().max(1e4),
  examples: z.array(ruleExample).max(50).optional()
}).strict();
const benefitUpdateBody = benefitBody.partial().extend({ version: z.number().int().positive() }).strict();
const benefitView = z.object({
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
  version: z.number()
});
const policyView = z.object({
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
  version: z.number()
});
const policyListQuery = z.object({ q: z.string().max(LIMITS.searchText.max).optional(), area: z.enum(POLICY_AREAS).optional(), ...page }).strict();
const policyList = z.object({ items: z.array(policyView), total: z.number() });
const matchStartBody = z.object({ mode: z.enum(["full", "incremental"]).default("incremental") }).strict();
const matchSummary = z.object({ mode: z.string(), benefits: z.number(), enterprises: z.number(), evaluations: z.number(), matched: z.number(), near: z.number(), written: z.number(), removed: z.number(), skipped: z.array(z.object({ code: z.string(), problem: z.string() })), seconds: z.number() });
const resultListQuery = z.object({
  status: z.enum(RESULT_STATUSES).optional(),
  benefitId: z.coerce.number().int().positive().optional(),
  policyId: z.coerce.number().int().positive().optional(),
  enterpriseId: z.coerce.number().int().positive().optional(),
  county: z.string().max(40).optional(),
  departmentUnitId: z.coerce.number().int().positive().optional(),
  ...page
}).strict();
const resultExportQuery = resultListQuery.omit({ page: true, pageSize: true }).strict();
const resultView = z.object({
  id: z.number(),
  enterprise: z.object({ id: z.number(), name: z.string(), uscc: z.string(), countyCode: z.string().nullable(), countyName: z.string() }),
  benefit: z.object({ id: z.number(), code: z.string(), name: z.string(), policyId: z.number(), policyTitle: z.string(), departmentName: z.string().nullable() }),
  eligible: z.boolean(),
  failed: z.number(),
  status: z.enum(RESULT_STATUSES),
  amount: z.number().nullable(),
  explanation: explainNode,
  matchedAt: z.string(),
  notifiedAt: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  declinedAt: z.string().nullable(),
  declineReason: z.string().nullable(),
  paidOn: z.string().nullable(),
  paidAmount: z.number().nullable(),
  version: z.number()
});
const resultList = z.object({ items: z.array(resultView), total: z.number() });
const resultActionBody = z.discriminatedUnion("action", [
  z.object({ action: z.literal("notify"), version: z.number().int().positive() }).strict(),
  z.object({ action: z.literal("confirm"), version: z.number().int().positive() }).strict(),
  z.object({ action: z.literal("decline"), reason: z.string().trim().min(1).max(500), version: z.number().int().positive() }).strict(),
  z.object({ action: z.literal("pay"), amount: money, paidOn: date, version: z.number().int().positive() }).strict()
]);
const totalsQuery = z.object({ by: z.enum(["policy", "department", "county"]) }).strict();
const totalsRow = z.object({
  key: z.string(),
  label: z.string(),
  matched: z.number(),
  notified: z.number(),
  confirmed: z.number(),
  declined: z.number(),
  paid: z.number(),
  amountDue: z.number(),
  amountPaid: z.number()
});
const explainQuery = z.object({ benefitId: z.coerce.number().int().positive() }).strict();
const explainView = z.object({ enterpriseId: z.number(), benefitId: z.number(), eligible: z.boolean(), stored: z.boolean(), explanation: explainNode });
const portalView = z.object({
  enterprise: enterpriseView,
  qualifies: z.array(resultView),
  nearly: z.array(resultView.extend({ failing: z.array(explainNode) })),
  payouts: z.array(resultView)
});
export {
  POLICY_AREAS,
  POLICY_AREA_LABELS,
  RESULT_STATUSES,
  benefitBody,
  benefitUpdateBody,
  benefitView,
  enterpriseInput,
  enterpriseList,
  enterpriseListQuery,
  enterpriseUpdateBody,
  enterpriseView,
  exampleOutcome,
  explainNode,
  explainQuery,
  explainView,
  historyInput,
  importProblem,
  importQuery,
  importView,
  matchStartBody,
  matchSummary,
  policyBody,
  policyList,
  policyListQuery,
  policyUpdateBody,
  policyView,
  portalView,
  qualificationInput,
  resultActionBody,
  resultExportQuery,
  resultList,
  resultListQuery,
  resultView,
  ruleCheckBody,
  ruleCheckView,
  ruleExample,
  ruleProblem,
  totalsQuery,
  totalsRow
};
//# sourceMappingURL=policies.js.map
