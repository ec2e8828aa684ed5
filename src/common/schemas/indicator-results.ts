import { z } from 'zod';
import { methodSummaryView } from './indicators.js';

/**
 * What the scoring engine, the forecast and the roll-up return: response schemas (so the routes
 * declare exactly what they send and the web's generated client reads the same shapes) and the
 * types the engine builds, inferred from them.
 */

const bilingual = z.object({ zh: z.string(), en: z.string() });

export const direction = z.enum(['lower_is_better', 'higher_is_better']);
export type Direction = z.infer<typeof direction>;
export type TransformType = 'linear' | 'power' | 'log';

export const variantResult = z.object({
  value: z.number(),
  score: z.number(),
  scoreFromValue: z.number(),
  /** 'value': computed from the value; 'published_score': the value is rounded and the publisher's score lies in its rounding interval. */
  basis: z.enum(['value', 'published_score']),
  formula: z.string(),
  publishedScore: z.number().optional(),
});
export type VariantResult = z.infer<typeof variantResult>;

export const componentResult = z.object({
  id: z.string(),
  name: bilingual,
  unit: z.string(),
  direction,
  bounds: z.object({ worst: z.number(), best: z.number(), status: z.string(), trusted: z.boolean() }),
  transform: z.enum(['linear', 'power', 'log']),
  weight: z.number(),
  score: z.number(),
  variants: z.record(z.string(), variantResult),
  formula: z.string(),
  warnings: z.array(z.string()),
});
export type ComponentResult = z.infer<typeof componentResult>;

export const topicResult = z.object({
  topic: z.string(),
  name: bilingual,
  score: z.number(),
  /** Supplied: the topic score was given, not computed from components. */
  supplied: z.boolean(),
  weight: z.number(),
  components: z.record(z.string(), componentResult),
  formula: z.string(),
  warnings: z.array(z.string()),
});
export type TopicResult = z.infer<typeof topicResult>;

export const overallResult = z.object({
  id: z.string(),
  score: z.number(),
  topics: z.record(z.string(), topicResult),
  formula: z.string(),
  warnings: z.array(z.string()),
});
export type OverallResult = z.infer<typeof overallResult>;

/** POST /indicators/score: each posted topic, and the overall score when every topic was posted. */
export const scoredView = z.object({ topics: z.array(topicResult), overall: overallResult.nullable() });

/** GET /indicators/scores: a unit's score from its latest values, and which period each value is from. */
export const unitScoreView = z.object({
  method: methodSummaryView,
  unitId: z.number(),
  period: z.string(),
  valuePeriods: z.record(z.string(), z.string()),
  result: overallResult,
});

export const peerImportResultView = z.object({ rows: z.number(), peers: z.number(), replaced: z.number() });

export const peerScore = z.object({
  code: z.string(),
  name: z.string(),
  synthetic: z.boolean(),
  score: z.number(),
  rank: z.number(),
  topics: z.record(z.string(), z.number()),
  formula: z.string(),
});
export type PeerScore = z.infer<typeof peerScore>;

export const componentGap = z.object({
  topic: z.string(),
  component: z.string(),
  name: bilingual,
  unit: z.string(),
  direction,
  value: z.number(),
  score: z.number(),
  best: z.number(),
  /** Points of the overall score one component score point is worth. */
  overallShare: z.number(),
  /** Overall points gained by improving the value by one unit of measure (capped at the frontier). */
  gainPerUnit: z.number(),
  /** Overall points gained by improving by a tenth of the worst–best range: comparable across units. */
  gainPerTenthOfRange: z.number(),
  /** Overall points gained by reaching the frontier. */
  maxGain: z.number(),
});
export type ComponentGap = z.infer<typeof componentGap>;

export const improvement = z.object({
  topic: z.string(),
  component: z.string(),
  from: z.number(),
  to: z.number(),
  change: z.number(),
  scoreFrom: z.number(),
  scoreTo: z.number(),
  overallGain: z.number(),
});
export type Improvement = z.infer<typeof improvement>;

export const rankPlan = z.object({
  rank: z.number(),
  /** The peer that must be overtaken and the overall score needed. */
  overtake: z.object({ code: z.string(), name: z.string(), score: z.number() }).nullable(),
  targetScore: z.number(),
  neededGain: z.number(),
  alreadyThere: z.boolean(),
  reachable: z.boolean(),
  improvements: z.array(improvement),
  /** Sum of the changes as shares of each component's worst–best range. */
  effort: z.number(),
  algorithm: z.enum(['exact', 'greedy']),
  /** For 'greedy': no plan can need less effort than this. */
  effortLowerBound: z.number().optional(),
});
export type RankPlan = z.infer<typeof rankPlan>;

const forecastFields = {
  peers: z.array(peerScore),
  focus: peerScore,
  gaps: z.array(componentGap),
  plans: z.array(rankPlan),
};
export type Forecast = z.infer<z.ZodObject<typeof forecastFields>>;

/** The headline "预计第3名，距第2名差4.9分": the focus city's rank and how far it is behind each place. */
export const forecastPosition = z.object({
  rank: z.number(),
  peers: z.number(),
  /** overall score, one decimal as published */
  score: z.number(),
  /** overall points (one decimal) behind the peer now at rank r, for r = 1 … rank − 1; 0 at or above it (JSON keys are the ranks) */
  gapTo: z.record(z.string(), z.number()),
});
export type ForecastPosition = z.infer<typeof forecastPosition>;

export const forecastView = z.object({
  ...forecastFields,
  position: forecastPosition,
  method: methodSummaryView,
  period: z.string(),
  synthetic: z.boolean(),
  sources: z.array(z.string()),
  /** Where the focus city's figures came from: its own stored KPI values, or the peer import. */
  focusSource: z.enum(['stored_values', 'peer_import']),
});
export type ForecastView = z.infer<typeof forecastView>;

export const areaRollup = z.object({
  area: z.string(),
  selfTotal: z.number(),
  maxTotal: z.number(),
  questions: z.number(),
  /** Questions without a self-assessment yet: they count as 0, so the prediction is conservative. */
  unanswered: z.number(),
  predicted: z.number(),
});
export type AreaRollup = z.infer<typeof areaRollup>;

export const unitRollup = z.object({ unitId: z.number(), unitName: z.string(), predicted: z.number(), areas: z.array(areaRollup) });
export type UnitRollup = z.infer<typeof unitRollup>;

export const rollupView = z.object({
  units: z.array(unitRollup),
  areas: z.array(areaRollup),
  /** Questions without a maximum score or area, left out of the shares. */
  skipped: z.number(),
});
export type RollupView = z.infer<typeof rollupView>;
