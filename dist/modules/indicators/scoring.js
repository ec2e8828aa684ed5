import { AppError } from "../../common/errors.js";
import { isTrusted } from "./method.js";
const TOLERANCE = 1e-4;
const fmt = (n) => String(Number(n.toFixed(5)));
function fraction(y, worst, best, transform) {
  if (transform.type === "log") {
    const ly = Math.log(Math.max(y, Number.MIN_VALUE));
    return (Math.log(worst) - ly) / (Math.log(worst) - Math.log(best));
  }
  const f = (worst - y) / (worst - best);
  if (transform.type === "power") return Math.max(0, f) ** transform.exponent;
  return f;
}
function dtfScore(y, c, range = { min: 0, max: 100 }) {
  const f = fraction(y, c.bounds.worst, c.bounds.best, c.transform);
  return Math.min(range.max, Math.max(range.min, range.min + f * (range.max - range.min)));
}
function formulaOf(y, c, score) {
  const { worst, best } = c.bounds;
  const base = `(${fmt(worst)} \u2212 ${fmt(y)}) / (${fmt(worst)} \u2212 ${fmt(best)}) \xD7 100`;
  if (c.transform.type === "power") return `100 \xD7 ((${fmt(worst)} \u2212 ${fmt(y)}) / (${fmt(worst)} \u2212 ${fmt(best)}))^${c.transform.exponent}, clipped to 0\u2013100 = ${fmt(score)}`;
  if (c.transform.type === "log") return `(ln ${fmt(worst)} \u2212 ln ${fmt(y)}) / (ln ${fmt(worst)} \u2212 ln ${fmt(best)}) \xD7 100, clipped to 0\u2013100 = ${fmt(score)}`;
  return `${base}, clipped to 0\u2013100 = ${fmt(score)}`;
}
function boundProblems(c, where) {
  const { worst, best } = c.bounds;
  if (worst === null || best === null || !Number.isFinite(worst) || !Number.isFinite(best)) {
    return [{ path: where, message: `\u7F3A\u5C11${worst === null ? "\u6700\u5DEE\u503C" : "\u6700\u4F18\u503C"}\u8FB9\u754C / missing ${worst === null ? "worst" : "best"} bound` }];
  }
  if (worst === best) return [{ path: where, message: "\u6700\u4F18\u503C\u4E0E\u6700\u5DEE\u503C\u76F8\u540C / best and worst bounds are equal" }];
  if (c.transform.type === "log" && (worst <= 0 || best <= 0)) return [{ path: where, message: "\u5BF9\u6570\u53D8\u6362\u9700\u8981\u6B63\u7684\u8FB9\u754C / a log transform needs positive bounds" }];
  return [];
}
function checkValue(c, v, where) {
  if (typeof v.value !== "number" || !Number.isFinite(v.value)) return [{ path: where, message: `\u4E0D\u662F\u6570\u5B57 / not a number: ${String(v.value)}` }];
  const { min, max } = c.physicalRange;
  if (min !== void 0 && v.value < min) return [{ path: where, message: `${v.value} \u5C0F\u4E8E\u53EF\u80FD\u7684\u6700\u5C0F\u503C ${min}\uFF08${c.unit}\uFF09 / below the physical minimum ${min}` }];
  if (max !== void 0 && v.value > max) return [{ path: where, message: `${v.value} \u5927\u4E8E\u53EF\u80FD\u7684\u6700\u5927\u503C ${max}\uFF08${c.unit}\uFF09 / above the physical maximum ${max}` }];
  return [];
}
function scoreVariant(c, v, range) {
  const fromValue = dtfScore(v.value, c, range);
  const base = { value: v.value, score: fromValue, scoreFromValue: fromValue, basis: "value", formula: formulaOf(v.value, c, fromValue) };
  if (v.publishedScore === void 0) return { result: base };
  base.publishedScore = v.publishedScore;
  if (Math.abs(fromValue - v.publishedScore) <= TOLERANCE) return { result: base };
  const half = v.decimals === void 0 ? 0 : 0.5 * 10 ** -v.decimals;
  const a = dtfScore(v.value - half, c, range);
  const b = dtfScore(v.value + half, c, range);
  if (half > 0 && v.publishedScore >= Math.min(a, b) - TOLERANCE && v.publishedScore <= Math.max(a, b) + TOLERANCE) {
    return {
      result: {
        ...base,
        score: v.publishedScore,
        basis: "published_score",
        formula: `${base.formula}; \u6570\u503C\u5DF2\u56DB\u820D\u4E94\u5165\u5230 ${v.decimals} \u4F4D\uFF0C\u91C7\u7528\u53D1\u5E03\u5F97\u5206 ${fmt(v.publishedScore)}\uFF08\u4F4D\u4E8E [${fmt(Math.min(a, b))}, ${fmt(Math.max(a, b))}] \u533A\u95F4\u5185\uFF09 / value rounded to ${v.decimals} decimals: the published score ${fmt(v.publishedScore)} lies in its rounding interval and is used`
      }
    };
  }
  return {
    result: base,
    warning: `\u53D1\u5E03\u5F97\u5206 ${fmt(v.publishedScore)} \u4E0E\u7531\u6570\u503C\u548C\u8FB9\u754C\u7B97\u51FA\u7684 ${fmt(fromValue)} \u4E0D\u4E00\u81F4 / published score ${fmt(v.publishedScore)} disagrees with ${fmt(fromValue)} computed from the value and bounds`
  };
}
function scoreComponent(method, topic, c, input, where) {
  const problems = boundProblems(c, `${method.id}.json:topics.${topic.id}.components.${c.id}.bounds`);
  if (problems.length) throw new AppError("INDICATOR_BOUND_MISSING", problems);
  const variantIds = c.variants?.ids ?? [""];
  const errors = [];
  for (const id of variantIds) {
    const v = input?.variants[id];
    const at = v?.where ?? `${where}.${c.id}${id ? `.${id}` : ""}`;
    if (!v) errors.push({ path: at, message: `\u7F3A\u5C11\u6570\u503C / missing value for ${c.id}${id ? ` (${id})` : ""}` });
    else errors.push(...checkValue(c, v, at));
  }
  if (errors.length) throw new AppError("INDICATOR_BAD_VALUE", errors);
  const trusted = isTrusted(method, c.bounds.status);
  const warnings = [];
  if (!trusted) warnings.push(`\u8FB9\u754C\u672A\u7ECF\u6838\u5B9E\uFF08${c.bounds.status}\uFF09 / bounds not verified (${c.bounds.status})`);
  if (c.transform.status && !isTrusted(method, c.transform.status)) warnings.push(`\u53D8\u6362\u672A\u7ECF\u6838\u5B9E\uFF08${c.transform.status}\uFF09 / transform not verified`);
  const variants = {};
  for (const id of variantIds) {
    const { result, warning } = scoreVariant(c, input.variants[id], method.scoreRange);
    variants[id] = result;
    if (warning) warnings.push(`${id ? `${id}: ` : ""}${warning}`);
  }
  const scores = variantIds.map((id) => variants[id].score);
  const score = scores.reduce((s, x) => s + x, 0) / scores.length;
  const formula = variantIds.length > 1 ? `mean(${variantIds.map((id) => `${id} ${fmt(variants[id].score)}`).join(", ")}) = ${fmt(score)}` : variants[""].formula;
  return {
    id: c.id,
    name: c.name,
    unit: c.unit,
    direction: c.direction,
    bounds: { worst: c.bounds.worst, best: c.bounds.best, status: c.bounds.status, trusted },
    transform: c.transform.type,
    weight: c.weight,
    score,
    variants,
    formula,
    warnings
  };
}
function weightedMean(parts) {
  const total = parts.reduce((s, p) => s + p.weight, 0);
  if (total <= 0) throw new AppError("INDICATOR_METHOD_INVALID", [{ path: "weights", message: "\u6743\u91CD\u4E4B\u548C\u4E3A 0 / weights sum to zero" }]);
  const score = parts.reduce((s, p) => s + p.weight * p.score, 0) / total;
  const equal = parts.every((p) => p.weight === parts[0].weight);
  const formula = equal ? `mean(${parts.map((p) => `${p.label} ${fmt(p.score)}`).join(", ")}) = ${fmt(score)}` : `(${parts.map((p) => `${fmt(p.weight)} \xD7 ${p.label} ${fmt(p.score)}`).join(" + ")}) / ${fmt(total)} = ${fmt(score)}`;
  return { score, formula };
}
function scoreTopic(method, topic, input, where = topic.id) {
  if ("score" in input) {
    const { min, max } = method.scoreRange;
    if (!Number.isFinite(input.score) || input.score < min || input.score > max) {
      throw new AppError("INDICATOR_BAD_VALUE", [{ path: input.where ?? where, message: `\u4E3B\u9898\u5F97\u5206\u5E94\u5728 ${min}\u2013${max} \u4E4B\u95F4 / a topic score lies in ${min}\u2013${max}: ${String(input.score)}` }]);
    }
    return { topic: topic.id, name: topic.name, score: input.score, supplied: true, weight: topic.weight, components: {}, formula: `supplied ${fmt(input.score)}`, warnings: [] };
  }
  const components = {};
  const errors = [];
  for (const c of topic.components) {
    try {
      components[c.id] = scoreComponent(method, topic, c, input.components[c.id], where);
    } catch (err) {
      if (err instanceof AppError && err.code === "INDICATOR_BAD_VALUE") errors.push(...err.details ?? []);
      else throw err;
    }
  }
  if (errors.length) throw new AppError("INDICATOR_BAD_VALUE", errors);
  const { score, formula } = weightedMean(topic.components.map((c) => ({ label: c.id, score: components[c.id].score, weight: c.weight })));
  return { topic: topic.id, name: topic.name, score, supplied: false, weight: topic.weight, components, formula, warnings: Object.values(components).flatMap((c) => c.warnings.map((w) => `${c.id}: ${w}`)) };
}
function scoreOverall(method, inputs, where = "topics") {
  const missing = method.topics.filter((t) => !inputs[t.id]);
  if (missing.length) {
    throw new AppError("INDICATOR_BAD_VALUE", missing.map((t) => ({ path: `${where}.${t.id}`, message: `\u7F3A\u5C11\u4E3B\u9898\u201C${t.name.zh}\u201D\u7684\u6570\u636E / missing topic ${t.id}` })));
  }
  const topics = {};
  const errors = [];
  for (const t of method.topics) {
    try {
      topics[t.id] = scoreTopic(method, t, inputs[t.id], `${where}.${t.id}`);
    } catch (err) {
      if (err instanceof AppError && err.code === "INDICATOR_BAD_VALUE") errors.push(...err.details ?? []);
      else throw err;
    }
  }
  if (errors.length) throw new AppError("INDICATOR_BAD_VALUE", errors);
  const { score, formula } = weightedMean(method.topics.map((t) => ({ label: t.id, score: topics[t.id].score, weight: t.weight })));
  return { id: method.overall.id, score, topics, formula, warnings: Object.values(topics).flatMap((t) => t.warnings.map((w) => `${t.topic}.${w}`)) };
}
function composeEconomy(method, economy, memberScores) {
  const def = method.composites.find((c) => c.economy === economy);
  if (!def) throw new AppError("VALIDATION_FAILED", [{ path: "economy", message: `\u65B9\u6CD5 ${method.id} \u672A\u5B9A\u4E49\u201C${economy}\u201D\u7684\u57CE\u5E02\u6743\u91CD / no city weights for ${economy}` }]);
  const missing = def.members.filter((m) => memberScores[m.economy] === void 0);
  if (missing.length) throw new AppError("INDICATOR_BAD_VALUE", missing.map((m) => ({ path: m.economy, message: `\u7F3A\u5C11\u57CE\u5E02\u5F97\u5206 / missing city score` })));
  const score = def.members.reduce((s, m) => s + m.weight * memberScores[m.economy], 0);
  return { score, formula: `${def.members.map((m) => `${fmt(m.weight)} \xD7 ${m.economy} ${fmt(memberScores[m.economy])}`).join(" + ")} = ${fmt(score)}` };
}
function valueAtScore(score, c, range = { min: 0, max: 100 }) {
  const { worst, best } = c.bounds;
  let f = (score - range.min) / (range.max - range.min);
  if (c.transform.type === "power") f = f ** (1 / c.transform.exponent);
  if (c.transform.type === "log") return Math.exp(Math.log(worst) - f * (Math.log(worst) - Math.log(best)));
  return worst - f * (worst - best);
}
export {
  boundProblems,
  composeEconomy,
  dtfScore,
  fmt,
  scoreComponent,
  scoreOverall,
  scoreTopic,
  valueAtScore
};
//# sourceMappingURL=scoring.js.map
