import { z } from 'zod';
import { plainText } from '../text.js';
import { idValue } from './id.js';

/** Request and response shapes of the indicators module; the web client imports the inferred types. */

export const ENVIRONMENTS = ['policy', 'government', 'law', 'market', 'finance'] as const;
export const INDICATOR_KINDS = ['indicator', 'sub_indicator', 'kpi'] as const;
export const DIRECTIONS = ['lower_is_better', 'higher_is_better'] as const;

/** A year ('2024'), quarter ('2024-Q3') or month ('2024-06'); sorts as text in time order. */
export const period = z
  .string()
  .regex(/^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/, '期间格式应为 2024、2024-Q3 或 2024-06 / a period is 2024, 2024-Q3 or 2024-06');
const text = (max: number) => z.string().trim().min(1).max(max);
const finite = z.number().finite();

export const indicatorView = z.object({
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
  version: z.number(),
});
export type IndicatorView = z.infer<typeof indicatorView>;

export const catalogueView = z.object({
  environments: z.array(z.object({ id: z.enum(ENVIRONMENTS), zh: z.string(), en: z.string() })),
  environmentNote: z.string(),
  indicators: z.array(indicatorView),
});
export type CatalogueView = z.infer<typeof catalogueView>;

export const createIndicatorBody = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^[A-Z0-9-]{2,40}$/, '编码由大写字母、数字和连字符组成 / a code uses A–Z, 0–9 and hyphens'),
    nameZh: plainText(120),
    nameEn: plainText(160),
    parentId: z.number().int().positive().nullable().optional(),
    environment: z.enum(ENVIRONMENTS),
    unitOfMeasure: text(40),
    direction: z.enum(DIRECTIONS),
    physicalMin: finite.nullable().optional(),
    physicalMax: finite.nullable().optional(),
    note: z.string().trim().max(2000).nullable().optional(),
    source: z.string().trim().max(2000).nullable().optional(),
  })
  .strict();
export type CreateIndicatorBody = z.infer<typeof createIndicatorBody>;

export const updateIndicatorBody = createIndicatorBody
  .omit({ code: true })
  .partial()
  .extend({ version: z.number().int().positive() })
  .strict();
export type UpdateIndicatorBody = z.infer<typeof updateIndicatorBody>;

export const valueView = z.object({
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
  updatedAt: z.string(),
});
export type ValueView = z.infer<typeof valueView>;

export const valueListQuery = z
  .object({
    indicatorId: idValue.optional(),
    unitId: idValue.optional(),
    periodFrom: period.optional(),
    periodTo: period.optional(),
  })
  .strict();
export type ValueListQuery = z.infer<typeof valueListQuery>;

export const createValueBody = z
  .object({
    indicatorId: z.number().int().positive(),
    unitId: z.number().int().positive(),
    period,
    value: finite,
    source: text(300),
    evidence: z.string().trim().max(2000).nullable().optional(),
  })
  .strict();
export type CreateValueBody = z.infer<typeof createValueBody>;

export const updateValueBody = z
  .object({
    value: finite.optional(),
    source: text(300).optional(),
    evidence: z.string().trim().max(2000).nullable().optional(),
    version: z.number().int().positive(),
  })
  .strict();
export type UpdateValueBody = z.infer<typeof updateValueBody>;

export const targetBody = z
  .object({
    indicatorId: z.number().int().positive(),
    unitId: z.number().int().positive(),
    period,
    target: finite,
    note: z.string().trim().max(500).nullable().optional(),
  })
  .strict();
export type TargetBody = z.infer<typeof targetBody>;

export const targetListQuery = z.object({ indicatorId: idValue.optional(), unitId: idValue.optional() }).strict();

export const targetView = z.object({
  id: z.number(),
  indicatorId: z.number(),
  unitId: z.number(),
  period: z.string(),
  target: z.number(),
  note: z.string().nullable(),
  version: z.number(),
});
export type TargetView = z.infer<typeof targetView>;

export const historyView = z.array(
  z.object({ at: z.string(), actorName: z.string().nullable(), action: z.string(), before: z.unknown(), after: z.unknown() }),
);

/** `?dryRun=true` checks the whole workbook and says what would change, writing nothing. */
export const importValuesQuery = z
  .object({
    dryRun: z
      .enum(['true', 'false'])
      .optional()
      .transform((v) => v === 'true'),
  })
  .strict();

export const importPreviewRow = z.object({
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
  action: z.enum(['create', 'update']),
});
export type ImportPreviewRow = z.infer<typeof importPreviewRow>;

export const importResultView = z.object({
  created: z.number(),
  updated: z.number(),
  rows: z.number(),
  dryRun: z.boolean(),
  /** Only on a dry run: every row as it would be written. */
  preview: z.array(importPreviewRow).optional(),
});
export type ImportResultView = z.infer<typeof importResultView>;

const label = z.object({ zh: z.string(), en: z.string() });
export const methodSummaryView = z.object({
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
          catalogueCode: z.string().nullable(),
        }),
      ),
    }),
  ),
});
export type MethodSummaryView = z.infer<typeof methodSummaryView>;

export const methodParam = z.object({ method: z.string().regex(/^[a-z0-9-]+$/) }).strict();

/** Stateless scoring: component values per topic (or topic scores) under a method. */
export const scoreBody = z
  .object({
    method: z.string().regex(/^[a-z0-9-]+$/),
    topics: z.record(
      z.string(),
      z.union([
        z.object({ score: finite }).strict(),
        z.object({ components: z.record(z.string(), z.union([finite, z.record(z.string(), finite)])) }).strict(),
      ]),
    ),
  })
  .strict();
export type ScoreBody = z.infer<typeof scoreBody>;

export const unitScoreQuery = z
  .object({
    method: z
      .string()
      .regex(/^[a-z0-9-]+$/)
      .default('regional-demo'),
    unitId: idValue,
    period,
  })
  .strict();
export const forecastQuery = z
  .object({
    method: z
      .string()
      .regex(/^[a-z0-9-]+$/)
      .default('regional-demo'),
    period,
  })
  .strict();

export const peerImportBody = z
  .object({
    method: z.string().regex(/^[a-z0-9-]+$/),
    period,
    synthetic: z.boolean(),
    source: text(300),
    rows: z
      .array(
        z
          .object({
            peer: text(40),
            topic: text(60),
            component: z.string().trim().max(60).optional(),
            value: finite,
          })
          .strict(),
      )
      .min(1)
      .max(5000),
  })
  .strict();
export type PeerImportBody = z.infer<typeof peerImportBody>;

export const rollupQuery = z.object({ unitId: idValue.optional() }).strict();
