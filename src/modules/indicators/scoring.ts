import { AppError, type ErrorDetail } from '../../common/errors.js';
import type { ComponentResult, OverallResult, TopicResult, VariantResult } from '../../common/schemas/indicator-results.js';
import { type Method, type MethodComponent, type MethodTopic, isTrusted } from './method.js';

export type { ComponentResult, OverallResult, TopicResult, VariantResult };

/**
 * The scoring engine: component values → distance-to-frontier scores → topic scores → overall
 * score, each number carrying the values, bounds and formula that produced it. Pure functions;
 * the method (bounds, transforms, weights) comes from a data file.
 */

export interface VariantInput {
  value: number;
  /** Decimals the source printed: a published value may be rounded to them. */
  decimals?: number | undefined;
  /** The publisher's own component score, when the file carries one. */
  publishedScore?: number | undefined;
  /** Where the value came from, for error messages (file, row, column). */
  where?: string | undefined;
}
export interface ComponentInput {
  /** Keyed by variant id (DB: 'men', 'women'); '' for a component without variants. */
  variants: Record<string, VariantInput>;
}
export type TopicInput = { components: Record<string, ComponentInput> } | { score: number; where?: string | undefined };

const TOLERANCE = 1e-4;
export const fmt = (n: number) => String(Number(n.toFixed(5)));

/** Raw share of the way from worst to best, before clipping, after the transform. */
function fraction(y: number, worst: number, best: number, transform: MethodComponent['transform']): number {
  if (transform.type === 'log') {
    const ly = Math.log(Math.max(y, Number.MIN_VALUE));
    return (Math.log(worst) - ly) / (Math.log(worst) - Math.log(best));
  }
  const f = (worst - y) / (worst - best);
  if (transform.type === 'power') return Math.max(0, f) ** transform.exponent;
  return f;
}

/** Distance-to-frontier score of one value: (worst − y)/(worst − best) × 100, transformed, clipped. */
export function dtfScore(
  y: number,
  c: Pick<MethodComponent, 'transform'> & { bounds: { worst: number; best: number } },
  range = { min: 0, max: 100 },
): number {
  const f = fraction(y, c.bounds.worst, c.bounds.best, c.transform);
  return Math.min(range.max, Math.max(range.min, range.min + f * (range.max - range.min)));
}

function formulaOf(y: number, c: MethodComponent, score: number): string {
  const { worst, best } = c.bounds as { worst: number; best: number };
  const base = `(${fmt(worst)} − ${fmt(y)}) / (${fmt(worst)} − ${fmt(best)}) × 100`;
  if (c.transform.type === 'power')
    return `100 × ((${fmt(worst)} − ${fmt(y)}) / (${fmt(worst)} − ${fmt(best)}))^${c.transform.exponent}, clipped to 0–100 = ${fmt(score)}`;
  if (c.transform.type === 'log')
    return `(ln ${fmt(worst)} − ln ${fmt(y)}) / (ln ${fmt(worst)} − ln ${fmt(best)}) × 100, clipped to 0–100 = ${fmt(score)}`;
  return `${base}, clipped to 0–100 = ${fmt(score)}`;
}

/** Checks a method component can score: both bounds present, distinct, and fit for the transform. */
export function boundProblems(c: MethodComponent, where: string): ErrorDetail[] {
  const { worst, best } = c.bounds;
  if (worst === null || best === null || !Number.isFinite(worst) || !Number.isFinite(best)) {
    return [
      { path: where, message: `缺少${worst === null ? '最差值' : '最优值'}边界 / missing ${worst === null ? 'worst' : 'best'} bound` },
    ];
  }
  if (worst === best) return [{ path: where, message: '最优值与最差值相同 / best and worst bounds are equal' }];
  if (c.transform.type === 'log' && (worst <= 0 || best <= 0))
    return [{ path: where, message: '对数变换需要正的边界 / a log transform needs positive bounds' }];
  return [];
}

function checkValue(c: MethodComponent, v: VariantInput, where: string): ErrorDetail[] {
  if (typeof v.value !== 'number' || !Number.isFinite(v.value))
    return [{ path: where, message: `不是数字 / not a number: ${String(v.value)}` }];
  const { min, max } = c.physicalRange;
  if (min !== undefined && v.value < min)
    return [{ path: where, message: `${v.value} 小于可能的最小值 ${min}（${c.unit}） / below the physical minimum ${min}` }];
  if (max !== undefined && v.value > max)
    return [{ path: where, message: `${v.value} 大于可能的最大值 ${max}（${c.unit}） / above the physical maximum ${max}` }];
  return [];
}

function scoreVariant(c: MethodComponent, v: VariantInput, range: Method['scoreRange']): { result: VariantResult; warning?: string } {
  const fromValue = dtfScore(v.value, c as never, range);
  const base: VariantResult = {
    value: v.value,
    score: fromValue,
    scoreFromValue: fromValue,
    basis: 'value',
    formula: formulaOf(v.value, c, fromValue),
  };
  if (v.publishedScore === undefined) return { result: base };
  base.publishedScore = v.publishedScore;
  if (Math.abs(fromValue - v.publishedScore) <= TOLERANCE) return { result: base };
  // A published value rounded to `decimals` stands for any value within half a unit of it; the
  // publisher scored the unrounded value, so its score is trusted when it lies in that interval.
  const half = v.decimals === undefined ? 0 : 0.5 * 10 ** -v.decimals;
  const a = dtfScore(v.value - half, c as never, range);
  const b = dtfScore(v.value + half, c as never, range);
  if (half > 0 && v.publishedScore >= Math.min(a, b) - TOLERANCE && v.publishedScore <= Math.max(a, b) + TOLERANCE) {
    return {
      result: {
        ...base,
        score: v.publishedScore,
        basis: 'published_score',
        formula:
          `${base.formula}; 数值已四舍五入到 ${v.decimals} 位，采用发布得分 ${fmt(v.publishedScore)}（位于 ` +
          `[${fmt(Math.min(a, b))}, ${fmt(Math.max(a, b))}] 区间内） ` +
          `/ value rounded to ${v.decimals} decimals: the published ` +
          `score ${fmt(v.publishedScore)} lies in its rounding interval and is used`,
      },
    };
  }
  return {
    result: base,
    warning:
      `发布得分 ${fmt(v.publishedScore)} 与由数值和边界算出的 ${fmt(fromValue)} 不一致 / published ` +
      `score ${fmt(v.publishedScore)} disagrees with ${fmt(fromValue)} computed from the value and bounds`,
  };
}

export function scoreComponent(
  method: Method,
  topic: MethodTopic,
  c: MethodComponent,
  input: ComponentInput | undefined,
  where: string,
): ComponentResult {
  const problems = boundProblems(c, `${method.id}.json:topics.${topic.id}.components.${c.id}.bounds`);
  if (problems.length) throw new AppError('INDICATOR_BOUND_MISSING', problems);
  const variantIds = c.variants?.ids ?? [''];
  const errors: ErrorDetail[] = [];
  for (const id of variantIds) {
    const v = input?.variants[id];
    const at = v?.where ?? `${where}.${c.id}${id ? `.${id}` : ''}`;
    if (!v) errors.push({ path: at, message: `缺少数值 / missing value for ${c.id}${id ? ` (${id})` : ''}` });
    else errors.push(...checkValue(c, v, at));
  }
  if (errors.length) throw new AppError('INDICATOR_BAD_VALUE', errors);
  const trusted = isTrusted(method, c.bounds.status);
  const warnings: string[] = [];
  if (!trusted) warnings.push(`边界未经核实（${c.bounds.status}） / bounds not verified (${c.bounds.status})`);
  if (c.transform.status && !isTrusted(method, c.transform.status))
    warnings.push(`变换未经核实（${c.transform.status}） / transform not verified`);
  const variants: Record<string, VariantResult> = {};
  for (const id of variantIds) {
    const { result, warning } = scoreVariant(c, input!.variants[id], method.scoreRange);
    variants[id] = result;
    if (warning) warnings.push(`${id ? `${id}: ` : ''}${warning}`);
  }
  const scores = variantIds.map((id) => variants[id].score);
  const score = scores.reduce((s, x) => s + x, 0) / scores.length;
  const formula =
    variantIds.length > 1
      ? `mean(${variantIds.map((id) => `${id} ${fmt(variants[id].score)}`).join(', ')}) = ${fmt(score)}`
      : variants[''].formula;
  return {
    id: c.id,
    name: c.name,
    unit: c.unit,
    direction: c.direction,
    bounds: { worst: c.bounds.worst!, best: c.bounds.best!, status: c.bounds.status, trusted },
    transform: c.transform.type,
    weight: c.weight,
    score,
    variants,
    formula,
    warnings,
  };
}

function weightedMean(parts: { label: string; score: number; weight: number }[]): { score: number; formula: string } {
  const total = parts.reduce((s, p) => s + p.weight, 0);
  if (total <= 0) throw new AppError('INDICATOR_METHOD_INVALID', [{ path: 'weights', message: '权重之和为 0 / weights sum to zero' }]);
  const score = parts.reduce((s, p) => s + p.weight * p.score, 0) / total;
  const equal = parts.every((p) => p.weight === parts[0].weight);
  const formula = equal
    ? `mean(${parts.map((p) => `${p.label} ${fmt(p.score)}`).join(', ')}) = ${fmt(score)}`
    : `(${parts.map((p) => `${fmt(p.weight)} × ${p.label} ${fmt(p.score)}`).join(' + ')}) / ${fmt(total)} = ${fmt(score)}`;
  return { score, formula };
}

export function scoreTopic(method: Method, topic: MethodTopic, input: TopicInput, where = topic.id): TopicResult {
  if ('score' in input) {
    const { min, max } = method.scoreRange;
    if (!Number.isFinite(input.score) || input.score < min || input.score > max) {
      throw new AppError('INDICATOR_BAD_VALUE', [
        {
          path: input.where ?? where,
          message: `主题得分应在 ${min}–${max} 之间 / a topic score lies in ${min}–${max}: ${String(input.score)}`,
        },
      ]);
    }
    return {
      topic: topic.id,
      name: topic.name,
      score: input.score,
      supplied: true,
      weight: topic.weight,
      components: {},
      formula: `supplied ${fmt(input.score)}`,
      warnings: [],
    };
  }
  const components: Record<string, ComponentResult> = {};
  const errors: ErrorDetail[] = [];
  for (const c of topic.components) {
    try {
      components[c.id] = scoreComponent(method, topic, c, input.components[c.id], where);
    } catch (err) {
      if (err instanceof AppError && err.code === 'INDICATOR_BAD_VALUE') errors.push(...(err.details ?? []));
      else throw err;
    }
  }
  if (errors.length) throw new AppError('INDICATOR_BAD_VALUE', errors);
  const { score, formula } = weightedMean(topic.components.map((c) => ({ label: c.id, score: components[c.id].score, weight: c.weight })));
  return {
    topic: topic.id,
    name: topic.name,
    score,
    supplied: false,
    weight: topic.weight,
    components,
    formula,
    warnings: Object.values(components).flatMap((c) => c.warnings.map((w) => `${c.id}: ${w}`)),
  };
}

/** Scores every topic of the method and aggregates them; every topic must be present. */
export function scoreOverall(method: Method, inputs: Record<string, TopicInput>, where = 'topics'): OverallResult {
  const missing = method.topics.filter((t) => !inputs[t.id]);
  if (missing.length) {
    throw new AppError(
      'INDICATOR_BAD_VALUE',
      missing.map((t) => ({ path: `${where}.${t.id}`, message: `缺少主题“${t.name.zh}”的数据 / missing topic ${t.id}` })),
    );
  }
  const topics: Record<string, TopicResult> = {};
  const errors: ErrorDetail[] = [];
  for (const t of method.topics) {
    try {
      topics[t.id] = scoreTopic(method, t, inputs[t.id], `${where}.${t.id}`);
    } catch (err) {
      if (err instanceof AppError && err.code === 'INDICATOR_BAD_VALUE') errors.push(...(err.details ?? []));
      else throw err;
    }
  }
  if (errors.length) throw new AppError('INDICATOR_BAD_VALUE', errors);
  const { score, formula } = weightedMean(method.topics.map((t) => ({ label: t.id, score: topics[t.id].score, weight: t.weight })));
  return {
    id: method.overall.id,
    score,
    topics,
    formula,
    warnings: Object.values(topics).flatMap((t) => t.warnings.map((w) => `${t.topic}.${w}`)),
  };
}

/** A multi-city economy's score: the population-weighted mean of its cities' scores (DB: China = 0.45 Beijing + 0.55 Shanghai). */
export function composeEconomy(method: Method, economy: string, memberScores: Record<string, number>): { score: number; formula: string } {
  const def = method.composites.find((c) => c.economy === economy);
  if (!def)
    throw new AppError('VALIDATION_FAILED', [
      { path: 'economy', message: `方法 ${method.id} 未定义“${economy}”的城市权重 / no city weights for ${economy}` },
    ]);
  const missing = def.members.filter((m) => memberScores[m.economy] === undefined);
  if (missing.length)
    throw new AppError(
      'INDICATOR_BAD_VALUE',
      missing.map((m) => ({ path: m.economy, message: `缺少城市得分 / missing city score` })),
    );
  const score = def.members.reduce((s, m) => s + m.weight * memberScores[m.economy], 0);
  return {
    score,
    formula: `${def.members.map((m) => `${fmt(m.weight)} × ${m.economy} ${fmt(memberScores[m.economy])}`).join(' + ')} = ${fmt(score)}`,
  };
}

/**
 * The value that earns a given component score (the inverse of `dtfScore` inside the bounds):
 * what the gap analysis turns a needed score into.
 */
export function valueAtScore(
  score: number,
  c: Pick<MethodComponent, 'transform'> & { bounds: { worst: number; best: number } },
  range = { min: 0, max: 100 },
): number {
  const { worst, best } = c.bounds;
  let f = (score - range.min) / (range.max - range.min);
  if (c.transform.type === 'power') f = f ** (1 / c.transform.exponent);
  if (c.transform.type === 'log') return Math.exp(Math.log(worst) - f * (Math.log(worst) - Math.log(best)));
  return worst - f * (worst - best);
}
