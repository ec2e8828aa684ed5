import { z } from "zod";
const ENVIRONMENTS = ["policy", "government", "law", "market", "finance"];
const INDICATOR_KINDS = ["indicator", "sub_indicator", "kpi"];
const DIRECTIONS = ["lower_is_better", "higher_is_better"];
const period = z.string().regex(/^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/, "\u671F\u95F4\u683C\u5F0F\u5E94\u4E3A 2024\u30012024-Q3 \u6216 2024-06 / a period is 2024, 2024-Q3 or 2024-06");
const text = (max) => z.string().trim().min(1).max(max);
const finite = z.number().finite();
const indicatorView = z.object({
  id: z.number(),
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  kind: z.enum(INDICATOR_KINDS),
  parentId: z.number().nullable(),
  environment: z.enum(ENVIRONMENTS),
  lifecycleGroup: z.string().nullable(),
  unitOfMeasure: z.string().nullable(),
  direction: z.enum(DIRECTIONS).nullable(),
  physicalMin: z.number().nullable(),
  physicalMax: z.number().nullable(),
  note: z.string().nullable(),
  source: z.string().nullable(),
  sortOrder: z.number(),
  version: z.number()
});
const catalogueView = z.object({
  environments: z.array(z.object({ id: z.enum(ENVIRONMENTS), zh: z.string(), en: z.string() })),
  environmentNote: z.string(),
  indicators: z.array(indicatorView)
});
const createIndicatorBody = z.object({
  code: z.string().trim().regex(/^[A-Z0-9-]{2,40}$/, "\u7F16\u7801\u7531\u5927\u5199\u5B57\u6BCD\u3001\u6570\u5B57\u548C\u8FDE\u5B57\u7B26\u7EC4\u6210 / a code uses A\u2013Z, 0\u20139 and hyphens"),
  nameZh: text(120),
  nameEn: text(160),
  parentId: z.number().int().positive().nullable().optional(),
  environment: z.enum(ENVIRONMENTS),
  unitOfMeasure: text(40),
  direction: z.enum(DIRECTIONS),
  physicalMin: finite.nullable().optional(),
  physicalMax: finite.nullable().optional(),
  note: z.string().trim().max(2e3).nullable().optional(),
  source: z.string().trim().max(2e3).nullable().optional()
}).strict();
const updateIndicatorBody = createIndicatorBody.omit({ code: true }).partial().extend({ version: z.number().int().positive() }).strict();
const valueView = z.object({
  id: z.number(),
  indicatorId: z.number(),
  indicatorCode: z.string(),
  unitId: z.number(),
  unitName: z.string(),
  period: z.string(),
  value: z.number(),
  source: z.string(),
  evidence: z.string().nullable(),
  synthetic: z.boolean(),
  target: z.number().nullable(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string()
});
const valueListQuery = z.object({
  indicatorId: z.coerce.number().int().positive().optional(),
  unitId: z.coerce.number().int().positive().optional(),
  periodFrom: period.optional(),
  periodTo: period.optional()
}).strict();
const createValueBody = z.object({
  indicatorId: z.number().int().positive(),
  unitId: z.number().int().positive(),
  period,
  value: finite,
  source: text(300),
  evidence: z.string().trim().max(2e3).nullable().optional()
}).strict();
const updateValueBody = z.object({ value: finite.optional(), source: text(300).optional(), evidence: z.string().trim().max(2e3).nullable().optional(), version: z.number().int().positive() }).strict();
const targetBody = z.object({ indicatorId: z.number().int().positive(), unitId: z.number().int().positive(), period, target: finite, note: z.string().trim().max(500).nullable().optional() }).strict();
const targetListQuery = z.object({ indicatorId: z.coerce.number().int().positive().optional(), unitId: z.coerce.number().int().positive().optional() }).strict();
const targetView = z.object({ id: z.number(), indicatorId: z.number(), unitId: z.number(), period: z.string(), target: z.number(), note: z.string().nullable(), version: z.number() });
const historyView = z.array(z.object({ at: z.string(), actorName: z.string().nullable(), action: z.string(), before: z.unknown(), after: z.unknown() }));
const importValuesQuery = z.object({ dryRun: z.enum(["true", "false"]).optional().transform((v) => v === "true") }).strict();
const importPreviewRow = z.object({
  row: z.number(),
  code: z.string(),
  indicatorName: z.string(),
  unitName: z.string(),
  period: z.string(),
  value: z.number(),
  unitOfMeasure: z.string().nullable(),
  source: z.string(),
  /** The stored value an update would replace, null for a new value. */
  previous: z.number().nullable(),
  action: z.enum(["create", "update"])
});
const importResultView = z.object({
  created: z.number(),
  updated: z.number(),
  rows: z.number(),
  dryRun: z.boolean(),
  /** Only on a dry run: every row as it would be written. */
  preview: z.array(importPreviewRow).optional()
});
const label = z.object({ zh: z.string(), en: z.string() });
const methodSummaryView = z.object({
  id: z.string(),
  version: z.string(),
  name: label,
  description: z.string(),
  synthetic: z.boolean(),
  sources: z.array(z.string()),
  topics: z.array(
    z.object({
      id: z.string(),
      name: label,
      weight: z.number(),
      catalogueCode: z.string().nullable(),
      components: z.array(
        z.object({
          id: z.string(),
          name: label,
          unit: z.string(),
          direction: z.enum(DIRECTIONS),
          worst: z.number().nullable(),
          best: z.number().nullable(),
          boundStatus: z.string(),
          trusted: z.boolean(),
          transform: z.string(),
          weight: z.number(),
          catalogueCode: z.string().nullable()
        })
      )
    })
  )
});
const methodParam = z.object({ method: z.string().regex(/^[a-z0-9-]+$/) }).strict();
const scoreBody = z.object({
  method: z.string().regex(/^[a-z0-9-]+$/),
  topics: z.record(
    z.string(),
    z.union([
      z.object({ score: finite }).strict(),
      z.object({ components: z.record(z.string(), z.union([finite, z.record(z.string(), finite)])) }).strict()
    ])
  )
}).strict();
const unitScoreQuery = z.object({ method: z.string().regex(/^[a-z0-9-]+$/).default("regional-demo"), unitId: z.coerce.number().int().positive(), period }).strict();
const forecastQuery = z.object({ method: z.string().regex(/^[a-z0-9-]+$/).default("regional-demo"), period }).strict();
const peerImportBody = z.object({
  method: z.string().regex(/^[a-z0-9-]+$/),
  period,
  synthetic: z.boolean(),
  source: text(300),
  rows: z.array(
    z.object({
      peer: text(40),
      topic: text(60),
      component: z.string().trim().max(60).optional(),
      value: finite
    }).strict()
  ).min(1).max(5e3)
}).strict();
const rollupQuery = z.object({ unitId: z.coerce.number().int().positive().optional() }).strict();
const looseObject = z.record(z.string(), z.unknown());
export {
  DIRECTIONS,
  ENVIRONMENTS,
  INDICATOR_KINDS,
  catalogueView,
  createIndicatorBody,
  createValueBody,
  forecastQuery,
  historyView,
  importPreviewRow,
  importResultView,
  importValuesQuery,
  indicatorView,
  looseObject,
  methodParam,
  methodSummaryView,
  peerImportBody,
  period,
  rollupQuery,
  scoreBody,
  targetBody,
  targetListQuery,
  targetView,
  unitScoreQuery,
  updateIndicatorBody,
  updateValueBody,
  valueListQuery,
  valueView
};
//# sourceMappingURL=indicators.js.map
