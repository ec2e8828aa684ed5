import { AppError } from '../../common/errors.js';
import type { ComponentGap, Forecast, ForecastPosition, Improvement, PeerScore, RankPlan } from '../../common/schemas/indicator-results.js';
import type { Method } from './method.js';

export type { ComponentGap, Forecast, Improvement, PeerScore, RankPlan };
import { type TopicInput, dtfScore, scoreOverall, valueAtScore } from './scoring.js';

/**
 * Rank forecast and gap analysis for the regional evaluation ("保二争一": keep 2nd, strive for
 * 1st): every peer's overall score under one method, the forecast ranks, which components raise
 * the focus city's score most, and the smallest set of improvements that reaches a given rank.
 */

export interface PeerInput {
  code: string;
  name: string;
  synthetic: boolean;
  topics: Record<string, TopicInput>;
}

/** A plan must beat the peer strictly; this margin keeps the new score clear of a tie after rounding. */
const MARGIN = 1e-6;
/** Subsets of the minimum size are enumerated exactly up to this many; beyond, greedy. */
const EXACT_LIMIT = 20_000;

function rankAll(scores: { code: string; score: number }[]): Map<string, number> {
  // Equal scores share a rank (1 + the number of peers strictly ahead), as published rankings do.
  return new Map(scores.map((s) => [s.code, 1 + scores.filter((o) => o.score > s.score + 1e-12).length]));
}

export function scorePeers(method: Method, peers: PeerInput[]): PeerScore[] {
  const scored = peers.map((p) => {
    const r = scoreOverall(method, p.topics, p.code);
    return {
      code: p.code,
      name: p.name,
      synthetic: p.synthetic,
      score: r.score,
      topics: Object.fromEntries(Object.values(r.topics).map((t) => [t.topic, t.score])),
      formula: r.formula,
    };
  });
  const ranks = rankAll(scored);
  return scored.map((s) => ({ ...s, rank: ranks.get(s.code)! })).sort((a, b) => a.rank - b.rank || a.code.localeCompare(b.code));
}

function componentGaps(method: Method, focus: PeerInput): ComponentGap[] {
  const topicWeights = method.topics.reduce((s, t) => s + t.weight, 0);
  const gaps: ComponentGap[] = [];
  for (const t of method.topics) {
    const input = focus.topics[t.id];
    if (!input || 'score' in input) continue; // a supplied topic score has no components to improve
    const compWeights = t.components.reduce((s, c) => s + c.weight, 0);
    for (const c of t.components) {
      if (c.variants) continue; // variant components are scored from published figures, not planned
      const value = input.components[c.id].variants[''].value;
      const bounds = c.bounds as { worst: number; best: number };
      const share = (t.weight / topicWeights) * (c.weight / compWeights);
      const score = dtfScore(value, { transform: c.transform, bounds }, method.scoreRange);
      const step = (amount: number) => {
        const sign = bounds.best > bounds.worst ? 1 : -1;
        const target = sign > 0 ? Math.min(value + amount, bounds.best) : Math.max(value - amount, bounds.best);
        return share * (dtfScore(target, { transform: c.transform, bounds }, method.scoreRange) - score);
      };
      gaps.push({
        topic: t.id,
        component: c.id,
        name: c.name,
        unit: c.unit,
        direction: c.direction,
        value,
        score,
        best: bounds.best,
        overallShare: share,
        gainPerUnit: Math.max(0, step(1)),
        gainPerTenthOfRange: Math.max(0, step(Math.abs(bounds.best - bounds.worst) / 10)),
        maxGain: share * (method.scoreRange.max - score),
      });
    }
  }
  return gaps.sort((a, b) => b.gainPerUnit - a.gainPerUnit || b.maxGain - a.maxGain);
}

function binomial(n: number, k: number): number {
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return r;
}

function* subsets<T>(items: T[], k: number, start = 0, acc: T[] = []): Generator<T[]> {
  if (acc.length === k) {
    yield acc;
    return;
  }
  for (let i = start; i <= items.length - (k - acc.length); i++) yield* subsets(items, k, i + 1, [...acc, items[i]]);
}

/**
 * Fills the needed gain inside one set of components, cheapest first. Effort counts a change as a
 * share of the component's worst–best range, so one score point of component c costs
 * 1/(100·share_c) effort on a linear transform: the component worth most overall is filled first.
 * (On a power or log transform the cost per point varies along the range, so this order is then
 * a good heuristic rather than the optimum.)
 */
function allocate(method: Method, set: ComponentGap[], needed: number): { improvements: Improvement[]; effort: number } {
  const ordered = [...set].sort((a, b) => b.overallShare - a.overallShare);
  let rest = needed;
  const improvements: Improvement[] = [];
  let effort = 0;
  for (const g of ordered) {
    if (rest <= 0) break;
    const c = method.topics.find((t) => t.id === g.topic)!.components.find((x) => x.id === g.component)!;
    const bounds = c.bounds as { worst: number; best: number };
    const gain = Math.min(g.maxGain, rest);
    const scoreTo = Math.min(method.scoreRange.max, g.score + gain / g.overallShare);
    const to =
      scoreTo >= method.scoreRange.max ? bounds.best : valueAtScore(scoreTo, { transform: c.transform, bounds }, method.scoreRange);
    improvements.push({
      topic: g.topic,
      component: g.component,
      from: g.value,
      to,
      change: to - g.value,
      scoreFrom: g.score,
      scoreTo,
      overallGain: gain,
    });
    effort += Math.abs(to - g.value) / Math.abs(bounds.worst - bounds.best);
    rest -= gain;
  }
  return { improvements, effort };
}

/**
 * The smallest set of component improvements that lifts the focus city to `rank`.
 *
 * Size: the fewest components whose combined headroom (gain up to the frontier) covers the needed
 * gain. Taking components by descending headroom is exact for this — no k components have more
 * headroom than the k largest. Among all sets of that size, the one needing the least effort is
 * found by enumerating them when there are at most EXACT_LIMIT; beyond that the headroom-ordered
 * set is used (greedy) and the lower bound needed/(100·max share) on any plan's effort is reported,
 * so the reader sees how far from optimal the greedy plan can be.
 */
export function planForRank(method: Method, focus: PeerScore, others: PeerScore[], gaps: ComponentGap[], rank: number): RankPlan {
  const ahead = [...others].sort((a, b) => b.score - a.score);
  const rival = ahead[rank - 1] ?? null;
  const targetScore = rival ? rival.score + MARGIN : focus.score;
  const neededGain = Math.max(0, targetScore - focus.score);
  const base = { rank, overtake: rival && { code: rival.code, name: rival.name, score: rival.score }, targetScore, neededGain };
  if (neededGain === 0) return { ...base, alreadyThere: true, reachable: true, improvements: [], effort: 0, algorithm: 'exact' };
  const byHeadroom = gaps.filter((g) => g.maxGain > 0).sort((a, b) => b.maxGain - a.maxGain);
  let k = 0;
  let sum = 0;
  while (k < byHeadroom.length && sum < neededGain) sum += byHeadroom[k++].maxGain;
  if (sum < neededGain) return { ...base, alreadyThere: false, reachable: false, improvements: [], effort: 0, algorithm: 'exact' };
  if (binomial(byHeadroom.length, k) <= EXACT_LIMIT) {
    let best: { improvements: Improvement[]; effort: number } | undefined;
    for (const set of subsets(byHeadroom, k)) {
      if (set.reduce((s, g) => s + g.maxGain, 0) < neededGain) continue;
      const plan = allocate(method, set, neededGain);
      if (!best || plan.effort < best.effort - 1e-12) best = plan;
    }
    return { ...base, alreadyThere: false, reachable: true, ...best!, algorithm: 'exact' };
  }
  const plan = allocate(method, byHeadroom.slice(0, k), neededGain);
  const maxShare = Math.max(...byHeadroom.map((g) => g.overallShare));
  const span = method.scoreRange.max - method.scoreRange.min;
  return { ...base, alreadyThere: false, reachable: true, ...plan, algorithm: 'greedy', effortLowerBound: neededGain / (span * maxShare) };
}

const oneDecimal = (x: number) => Math.round(x * 10) / 10;

/** The focus city's place and its gap to each place ahead, in points as the office writes them (one decimal). */
export function positionOf(f: Pick<Forecast, 'peers' | 'focus'>): ForecastPosition {
  const ahead = f.peers.filter((p) => p.code !== f.focus.code).sort((a, b) => b.score - a.score);
  const gapTo: Record<number, number> = {};
  for (let r = 1; r <= Math.max(2, f.focus.rank - 1); r++) {
    const rival = ahead[r - 1]?.score ?? f.focus.score;
    gapTo[r] = Math.max(0, oneDecimal(rival - f.focus.score));
  }
  return { rank: f.focus.rank, peers: f.peers.length, score: oneDecimal(f.focus.score), gapTo };
}

export function forecastRanks(method: Method, peers: PeerInput[], focusCode: string, ranks = [2, 1]): Forecast {
  const scored = scorePeers(method, peers);
  const focus = scored.find((p) => p.code === focusCode);
  if (!focus)
    throw new AppError('INDICATOR_NO_DATA', [
      { path: 'focus', message: `本市（${focusCode}）没有评估数据 / no data for the focus city ${focusCode}` },
    ]);
  const gaps = componentGaps(
    method,
    peers.find((p) => p.code === focusCode)!,
  );
  const others = scored.filter((p) => p.code !== focusCode);
  return { peers: scored, focus, gaps, plans: ranks.map((r) => planForRank(method, focus, others, gaps, r)) };
}
