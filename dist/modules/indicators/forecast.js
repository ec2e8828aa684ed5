import { AppError } from "../../common/errors.js";
import { dtfScore, scoreOverall, valueAtScore } from "./scoring.js";
const MARGIN = 1e-6;
const EXACT_LIMIT = 2e4;
function rankAll(scores) {
  return new Map(scores.map((s) => [s.code, 1 + scores.filter((o) => o.score > s.score + 1e-12).length]));
}
function scorePeers(method, peers) {
  const scored = peers.map((p) => {
    const r = scoreOverall(method, p.topics, p.code);
    return { code: p.code, name: p.name, synthetic: p.synthetic, score: r.score, topics: Object.fromEntries(Object.values(r.topics).map((t) => [t.topic, t.score])), formula: r.formula };
  });
  const ranks = rankAll(scored);
  return scored.map((s) => ({ ...s, rank: ranks.get(s.code) })).sort((a, b) => a.rank - b.rank || a.code.localeCompare(b.code));
}
function componentGaps(method, focus) {
  const topicWeights = method.topics.reduce((s, t) => s + t.weight, 0);
  const gaps = [];
  for (const t of method.topics) {
    const input = focus.topics[t.id];
    if (!input || "score" in input) continue;
    const compWeights = t.components.reduce((s, c) => s + c.weight, 0);
    for (const c of t.components) {
      if (c.variants) continue;
      const value = input.components[c.id].variants[""].value;
      const bounds = c.bounds;
      const share = t.weight / topicWeights * (c.weight / compWeights);
      const score = dtfScore(value, { transform: c.transform, bounds }, method.scoreRange);
      const step = (amount) => {
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
        maxGain: share * (method.scoreRange.max - score)
      });
    }
  }
  return gaps.sort((a, b) => b.gainPerUnit - a.gainPerUnit || b.maxGain - a.maxGain);
}
function binomial(n, k) {
  let r = 1;
  for (let i = 1; i <= k; i++) r = r * (n - k + i) / i;
  return r;
}
function* subsets(items, k, start = 0, acc = []) {
  if (acc.length === k) {
    yield acc;
    return;
  }
  for (let i = start; i <= items.length - (k - acc.length); i++) yield* subsets(items, k, i + 1, [...acc, items[i]]);
}
function allocate(method, set, needed) {
  const ordered = [...set].sort((a, b) => b.overallShare - a.overallShare);
  let rest = needed;
  const improvements = [];
  let effort = 0;
  for (const g of ordered) {
    if (rest <= 0) break;
    const c = method.topics.find((t) => t.id === g.topic).components.find((x) => x.id === g.component);
    const bounds = c.bounds;
    const gain = Math.min(g.maxGain, rest);
    const scoreTo = Math.min(method.scoreRange.max, g.score + gain / g.overallShare);
    const to = scoreTo >= method.scoreRange.max ? bounds.best : valueAtScore(scoreTo, { transform: c.transform, bounds }, method.scoreRange);
    improvements.push({ topic: g.topic, component: g.component, from: g.value, to, change: to - g.value, scoreFrom: g.score, scoreTo, overallGain: gain });
    effort += Math.abs(to - g.value) / Math.abs(bounds.worst - bounds.best);
    rest -= gain;
  }
  return { improvements, effort };
}
function planForRank(method, focus, others, gaps, rank) {
  const ahead = [...others].sort((a, b) => b.score - a.score);
  const rival = ahead[rank - 1] ?? null;
  const targetScore = rival ? rival.score + MARGIN : focus.score;
  const neededGain = Math.max(0, targetScore - focus.score);
  const base = { rank, overtake: rival && { code: rival.code, name: rival.name, score: rival.score }, targetScore, neededGain };
  if (neededGain === 0) return { ...base, alreadyThere: true, reachable: true, improvements: [], effort: 0, algorithm: "exact" };
  const byHeadroom = gaps.filter((g) => g.maxGain > 0).sort((a, b) => b.maxGain - a.maxGain);
  let k = 0;
  let sum = 0;
  while (k < byHeadroom.length && sum < neededGain) sum += byHeadroom[k++].maxGain;
  if (sum < neededGain) return { ...base, alreadyThere: false, reachable: false, improvements: [], effort: 0, algorithm: "exact" };
  if (binomial(byHeadroom.length, k) <= EXACT_LIMIT) {
    let best;
    for (const set of subsets(byHeadroom, k)) {
      if (set.reduce((s, g) => s + g.maxGain, 0) < neededGain) continue;
      const plan2 = allocate(method, set, neededGain);
      if (!best || plan2.effort < best.effort - 1e-12) best = plan2;
    }
    return { ...base, alreadyThere: false, reachable: true, ...best, algorithm: "exact" };
  }
  const plan = allocate(method, byHeadroom.slice(0, k), neededGain);
  const maxShare = Math.max(...byHeadroom.map((g) => g.overallShare));
  const span = method.scoreRange.max - method.scoreRange.min;
  return { ...base, alreadyThere: false, reachable: true, ...plan, algorithm: "greedy", effortLowerBound: neededGain / (span * maxShare) };
}
function forecastRanks(method, peers, focusCode, ranks = [2, 1]) {
  const scored = scorePeers(method, peers);
  const focus = scored.find((p) => p.code === focusCode);
  if (!focus) throw new AppError("INDICATOR_NO_DATA", [{ path: "focus", message: `\u672C\u5E02\uFF08${focusCode}\uFF09\u6CA1\u6709\u8BC4\u4F30\u6570\u636E / no data for the focus city ${focusCode}` }]);
  const gaps = componentGaps(method, peers.find((p) => p.code === focusCode));
  const others = scored.filter((p) => p.code !== focusCode);
  return { peers: scored, focus, gaps, plans: ranks.map((r) => planForRank(method, focus, others, gaps, r)) };
}
export {
  forecastRanks,
  planForRank,
  scorePeers
};
//# sourceMappingURL=forecast.js.map
