import type { MethodSummaryView } from './indicators.js';

/**
 * What the scoring engine, the forecast and the roll-up return: typed here, next to the request
 * schemas, so the web client reads the same shapes the server builds.
 */

export type Direction = 'lower_is_better' | 'higher_is_better';
export type TransformType = 'linear' | 'power' | 'log';

export interface VariantResult {
  value: number;
  score: number;
  scoreFromValue: number;
  /** 'value': computed from the value; 'published_score': the value is rounded and the publisher's score lies in its rounding interval. */
  basis: 'value' | 'published_score';
  formula: string;
  publishedScore?: number;
}

export interface ComponentResult {
  id: string;
  name: { zh: string; en: string };
  unit: string;
  direction: Direction;
  bounds: { worst: number; best: number; status: string; trusted: boolean };
  transform: TransformType;
  weight: number;
  score: number;
  variants: Record<string, VariantResult>;
  formula: string;
  warnings: string[];
}

export interface TopicResult {
  topic: string;
  name: { zh: string; en: string };
  score: number;
  /** Supplied: the topic score was given, not computed from components. */
  supplied: boolean;
  weight: number;
  components: Record<string, ComponentResult>;
  formula: string;
  warnings: string[];
}

export interface OverallResult {
  id: string;
  score: number;
  topics: Record<string, TopicResult>;
  formula: string;
  warnings: string[];
}

export interface PeerScore {
  code: string;
  name: string;
  synthetic: boolean;
  score: number;
  rank: number;
  topics: Record<string, number>;
  formula: string;
}

export interface ComponentGap {
  topic: string;
  component: string;
  name: { zh: string; en: string };
  unit: string;
  direction: Direction;
  value: number;
  score: number;
  best: number;
  /** Points of the overall score one component score point is worth. */
  overallShare: number;
  /** Overall points gained by improving the value by one unit of measure (capped at the frontier). */
  gainPerUnit: number;
  /** Overall points gained by improving by a tenth of the worst–best range: comparable across units. */
  gainPerTenthOfRange: number;
  /** Overall points gained by reaching the frontier. */
  maxGain: number;
}

export interface Improvement {
  topic: string;
  component: string;
  from: number;
  to: number;
  change: number;
  scoreFrom: number;
  scoreTo: number;
  overallGain: number;
}

export interface RankPlan {
  rank: number;
  /** The peer that must be overtaken and the overall score needed. */
  overtake: { code: string; name: string; score: number } | null;
  targetScore: number;
  neededGain: number;
  alreadyThere: boolean;
  reachable: boolean;
  improvements: Improvement[];
  /** Sum of the changes as shares of each component's worst–best range. */
  effort: number;
  algorithm: 'exact' | 'greedy';
  /** For 'greedy': no plan can need less effort than this. */
  effortLowerBound?: number;
}

export interface Forecast {
  peers: PeerScore[];
  focus: PeerScore;
  gaps: ComponentGap[];
  plans: RankPlan[];
}

/** The headline "预计第3名，距第2名差4.9分": the focus city's rank and how far it is behind each place. */
export interface ForecastPosition {
  rank: number;
  peers: number;
  /** overall score, one decimal as published */
  score: number;
  /** overall points (one decimal) behind the peer now at rank r, for r = 1 … rank − 1; 0 at or above it */
  gapTo: Record<number, number>;
}

export interface ForecastView extends Forecast {
  position: ForecastPosition;
  method: MethodSummaryView;
  period: string;
  synthetic: boolean;
  sources: string[];
  /** Where the focus city's figures came from: its own stored KPI values, or the peer import. */
  focusSource: 'stored_values' | 'peer_import';
}

export interface AreaRollup {
  area: string;
  selfTotal: number;
  maxTotal: number;
  questions: number;
  /** Questions without a self-assessment yet: they count as 0, so the prediction is conservative. */
  unanswered: number;
  predicted: number;
}

export interface UnitRollup {
  unitId: number;
  unitName: string;
  predicted: number;
  areas: AreaRollup[];
}

export interface RollupView {
  units: UnitRollup[];
  areas: AreaRollup[];
  /** Questions without a maximum score or area, left out of the shares. */
  skipped: number;
}
