import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { AppError } from '../../common/errors.js';

/**
 * A scoring methodology is data: components, bounds (with the status of their evidence),
 * transforms, weights and aggregation live in a JSON file under ./methods/, so a new year or a
 * regional evaluation's own method is loaded, not programmed.
 */

const label = z.object({ zh: z.string(), en: z.string() });

const bounds = z.object({
  worst: z.number().nullable(),
  best: z.number().nullable(),
  /** Only statuses listed in the method's `trustedBoundStatuses` are trusted; others are flagged. */
  status: z.string(),
  evidence: z.string().optional(),
});

export const transformSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('linear'), status: z.string().optional(), note: z.string().optional() }),
  /** Linear distance to frontier raised to a power (DB's total tax and contribution rate). */
  z.object({ type: z.literal('power'), exponent: z.number().positive(), status: z.string().optional(), note: z.string().optional() }),
  /** Distance measured on a log scale, for counts spanning orders of magnitude; needs positive bounds. */
  z.object({ type: z.literal('log'), status: z.string().optional(), note: z.string().optional() }),
]);
export type Transform = z.infer<typeof transformSchema>;

const component = z.object({
  id: z.string(),
  name: label,
  unit: z.string(),
  direction: z.enum(['lower_is_better', 'higher_is_better']),
  bounds,
  transform: transformSchema,
  weight: z.number().nonnegative(),
  physicalRange: z.object({ min: z.number().optional(), max: z.number().optional() }),
  /** Measured separately per variant (DB: men / women) and averaged. */
  variants: z.object({ ids: z.array(z.string()).min(1), aggregation: z.literal('mean'), note: z.string().optional() }).optional(),
  /** The catalogue KPI whose stored values feed this component. */
  catalogueCode: z.string().optional(),
  note: z.string().optional(),
});
export type MethodComponent = z.infer<typeof component>;

const topic = z.object({
  id: z.string(),
  name: label,
  weight: z.number().nonnegative(),
  aggregation: z.literal('weighted_mean'),
  catalogueCode: z.string().optional(),
  components: z.array(component),
  note: z.string().optional(),
});
export type MethodTopic = z.infer<typeof topic>;

const columnPair = z.object({ value: z.string(), score: z.string().optional() });

export const methodSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  version: z.string(),
  name: label,
  description: z.string(),
  sources: z.array(z.string()),
  /** True for a demonstration method whose bounds are invented; the UI says so. */
  synthetic: z.boolean().optional(),
  trustedBoundStatuses: z.array(z.string()),
  scoreRange: z.object({ min: z.number(), max: z.number() }),
  overall: z.object({ id: z.string(), name: label, aggregation: z.literal('weighted_mean') }),
  topics: z.array(topic).min(1),
  composites: z
    .array(
      z.object({
        economy: z.string(),
        members: z.array(z.object({ economy: z.string(), weight: z.number() })).min(2),
        status: z.string(),
        evidence: z.string().optional(),
      }),
    )
    .default([]),
  /** How a file laid out like the publisher's export maps onto topics and components. */
  fileLayout: z
    .object({
      economyColumn: z.string(),
      codeColumn: z.string().optional(),
      yearColumn: z.string().optional(),
      topics: z.record(
        z.string(),
        z.object({ topicScoreColumn: z.string().optional(), components: z.record(z.string(), z.record(z.string(), columnPair)) }),
      ),
      overallScoreColumn: z.string().optional(),
      topicScoreColumnPattern: z.string().optional(),
    })
    .optional(),
});
export type Method = z.infer<typeof methodSchema>;

export const METHODS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'methods');
const cache = new Map<string, Method>();

/** Parses and validates a method document; a malformed file is reported with its paths. */
export function parseMethod(raw: unknown, file = 'method'): Method {
  const parsed = methodSchema.safeParse(raw);
  if (!parsed.success) {
    throw new AppError(
      'INDICATOR_METHOD_INVALID',
      parsed.error.issues.map((i) => ({ path: `${file}:${i.path.join('.')}`, message: i.message })),
    );
  }
  return parsed.data;
}

export function listMethodIds(): string[] {
  return fs
    .readdirSync(METHODS_DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5))
    .sort();
}

export function loadMethod(id: string): Method {
  const hit = cache.get(id);
  if (hit) return hit;
  if (!listMethodIds().includes(id)) {
    throw new AppError('NOT_FOUND', [
      { path: 'method', message: `未知的评价方法“${id}” / unknown method; available: ${listMethodIds().join(', ')}` },
    ]);
  }
  const file = path.join(METHODS_DIR, `${id}.json`);
  const method = parseMethod(JSON.parse(fs.readFileSync(file, 'utf8')), `${id}.json`);
  cache.set(id, method);
  return method;
}

export function isTrusted(method: Method, status: string): boolean {
  return method.trustedBoundStatuses.includes(status);
}

export function findTopic(method: Method, topicId: string): MethodTopic {
  const t = method.topics.find((x) => x.id === topicId);
  if (!t) throw new AppError('VALIDATION_FAILED', [{ path: 'topic', message: `方法 ${method.id} 没有主题“${topicId}” / unknown topic` }]);
  return t;
}
