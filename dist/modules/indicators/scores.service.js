import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { AppError } from "../../common/errors.js";
import { withTransaction } from "../../db/database.js";
import { audit } from "../org/audit.service.js";
import { listUnits } from "../org/units.repository.js";
import { forecastRanks } from "./forecast.js";
import { findIndicatorsByCode, latestValues, listPeerValues, listQuestionSelfScores, replacePeerValues } from "./indicators.repository.js";
import { visibleUnitIds } from "./indicators.service.js";
import { findTopic, isTrusted, listMethodIds, loadMethod } from "./method.js";
import { rollUpSelfAssessments } from "./rollup.js";
import { scoreOverall, scoreTopic } from "./scoring.js";
const REFERENCE = path.join(path.dirname(fileURLToPath(import.meta.url)), "reference");
let peersCache;
function regionPeers() {
  peersCache ??= fs.readFileSync(path.join(REFERENCE, "leagues_cities.csv"), "utf8").trim().split("\n").slice(1).map((l) => {
    const [code, name] = l.split(",");
    return { code, name };
  });
  return peersCache;
}
function resolvePeer(text) {
  const t = text.trim();
  return regionPeers().find((p) => p.code === t || p.name === t || p.name.replace(/[市盟]$/, "") === t);
}
function summarizeMethod(m) {
  return {
    id: m.id,
    version: m.version,
    name: m.name,
    description: m.description,
    synthetic: m.synthetic ?? false,
    sources: m.sources,
    topics: m.topics.map((t) => ({
      id: t.id,
      name: t.name,
      weight: t.weight,
      catalogueCode: t.catalogueCode ?? null,
      components: t.components.map((c) => ({
        id: c.id,
        name: c.name,
        unit: c.unit,
        direction: c.direction,
        worst: c.bounds.worst,
        best: c.bounds.best,
        boundStatus: c.bounds.status,
        trusted: isTrusted(m, c.bounds.status),
        transform: c.transform.type,
        weight: c.weight,
        catalogueCode: c.catalogueCode ?? null
      }))
    }))
  };
}
function listMethodSummaries() {
  return listMethodIds().map((id) => summarizeMethod(loadMethod(id)));
}
function scorePosted(body) {
  const method = loadMethod(body.method);
  const inputs = {};
  for (const [topicId, t] of Object.entries(body.topics)) {
    findTopic(method, topicId);
    inputs[topicId] = "score" in t ? { score: t.score, where: `body.topics.${topicId}.score` } : {
      components: Object.fromEntries(
        Object.entries(t.components).map(([cid, v]) => [
          cid,
          { variants: typeof v === "number" ? { "": { value: v, where: `body.topics.${topicId}.components.${cid}` } } : Object.fromEntries(Object.entries(v).map(([vid, x]) => [vid, { value: x, where: `body.topics.${topicId}.components.${cid}.${vid}` }])) }
        ])
      )
    };
  }
  const complete = method.topics.every((t) => inputs[t.id]);
  if (complete) {
    const overall = scoreOverall(method, inputs, "body.topics");
    return { topics: Object.values(overall.topics), overall };
  }
  return { topics: Object.entries(inputs).map(([id, input]) => scoreTopic(method, findTopic(method, id), input, `body.topics.${id}`)), overall: null };
}
async function unitInputs(ctx, method, unitId, period) {
  const codes = method.topics.flatMap((t) => t.components.map((c) => c.catalogueCode).filter((c) => Boolean(c)));
  const indicators = await findIndicatorsByCode(ctx.db, codes);
  const byId = new Map(indicators.map((i) => [i.id, i.code]));
  const values = new Map((await latestValues(ctx.db, unitId, period)).filter((v) => byId.has(v.indicator_id)).map((v) => [byId.get(v.indicator_id), v]));
  const inputs = {};
  const missing = [];
  const periods = {};
  for (const t of method.topics) {
    const components = {};
    for (const c of t.components) {
      const v = c.catalogueCode ? values.get(c.catalogueCode) : void 0;
      if (!v) {
        missing.push({ path: `${t.id}.${c.id}`, message: `\u7F3A\u5C11${c.catalogueCode ?? c.id}\u622A\u81F3 ${period} \u7684\u6570\u503C / no value up to ${period}` });
        continue;
      }
      periods[c.catalogueCode] = v.period;
      components[c.id] = { variants: { "": { value: Number(v.value), where: `${c.catalogueCode} ${v.period}` } } };
    }
    inputs[t.id] = { components };
  }
  return { inputs, missing, periods };
}
async function scoreUnit(ctx, actor, q) {
  const visible = visibleUnitIds(actor);
  if (visible && !visible.includes(q.unitId)) throw new AppError("NOT_FOUND");
  const method = loadMethod(q.method);
  const { inputs, missing, periods } = await unitInputs(ctx, method, q.unitId, q.period);
  if (missing.length) throw new AppError("INDICATOR_NO_DATA", missing);
  return { method: summarizeMethod(method), unitId: q.unitId, period: q.period, valuePeriods: periods, result: scoreOverall(method, inputs) };
}
async function importPeerValues(ctx, actor, body) {
  const method = loadMethod(body.method);
  const errors = [];
  const seen = /* @__PURE__ */ new Set();
  const rows = body.rows.flatMap((r, i) => {
    const at = `body.rows.${i}`;
    const peer = resolvePeer(r.peer);
    const topic = method.topics.find((t) => t.id === r.topic);
    const comp = r.component ? topic?.components.find((c) => c.id === r.component) : void 0;
    if (!peer) errors.push({ path: `${at}.peer`, message: `\u201C${r.peer}\u201D\u4E0D\u662F\u81EA\u6CBB\u533A 12 \u4E2A\u76DF\u5E02\u4E4B\u4E00 / not one of the region's 12 leagues/cities` });
    if (!topic) errors.push({ path: `${at}.topic`, message: `\u65B9\u6CD5 ${method.id} \u6CA1\u6709\u4E3B\u9898\u201C${r.topic}\u201D / unknown topic` });
    else if (r.component && !comp) errors.push({ path: `${at}.component`, message: `\u4E3B\u9898 ${topic.id} \u6CA1\u6709\u6210\u5206\u201C${r.component}\u201D / unknown component` });
    if (comp) {
      const { min, max } = comp.physicalRange;
      if (min !== void 0 && r.value < min || max !== void 0 && r.value > max) errors.push({ path: `${at}.value`, message: `${r.value} \u8D85\u51FA\u53EF\u80FD\u8303\u56F4 [${min ?? "\u2212\u221E"}, ${max ?? "\u221E"}] / outside the physical range` });
    } else if (topic && !r.component && (r.value < method.scoreRange.min || r.value > method.scoreRange.max)) {
      errors.push({ path: `${at}.value`, message: `\u4E3B\u9898\u5F97\u5206\u5E94\u5728 ${method.scoreRange.min}\u2013${method.scoreRange.max} \u4E4B\u95F4 / a topic score lies in the score range` });
    }
    const key = `${peer?.code}|${r.topic}|${r.component ?? ""}`;
    if (peer && seen.has(key)) errors.push({ path: at, message: "\u91CD\u590D\u884C / duplicate row" });
    seen.add(key);
    return peer && topic ? [{ peer, topic: topic.id, component: r.component ?? "", value: r.value }] : [];
  });
  if (errors.length) throw new AppError("INDICATOR_BAD_VALUE", errors.slice(0, 100));
  return withTransaction(ctx.db, async (trx) => {
    const at = ctx.clock().toISOString();
    const replaced = await replacePeerValues(
      trx,
      method.id,
      body.period,
      rows.map((r) => ({ method_id: method.id, period: body.period, peer_code: r.peer.code, peer_name: r.peer.name, topic_id: r.topic, component_id: r.component, value: r.value, source: body.source, synthetic: body.synthetic ? 1 : 0, created_at: at }))
    );
    const peers = new Set(rows.map((r) => r.peer.code)).size;
    await audit(ctx, trx, actor, { action: "indicator_peer.import", entity: "indicator_peer_value", entityId: `${method.id}/${body.period}`, after: { rows: rows.length, peers, replaced, synthetic: body.synthetic, source: body.source } });
    return { rows: rows.length, peers, replaced };
  });
}
async function cityPeerCode(ctx) {
  const [city] = await listUnits(ctx.db, { kind: "city" });
  if (!city) throw new AppError("INDICATOR_NO_DATA", [{ path: "unit", message: "\u8FD8\u6CA1\u6709\u5E02\u7EA7\u5355\u4F4D\uFF08\u8BF7\u5148\u8F7D\u5165\u53C2\u8003\u6570\u636E\uFF1Abizenv seed\uFF09 / no city unit yet; run bizenv seed" }]);
  if (!city.division_code) throw new AppError("INDICATOR_NO_DATA", [{ path: "unit", message: "\u5E02\u7EA7\u5355\u4F4D\u6CA1\u6709\u884C\u653F\u533A\u5212\u4EE3\u7801 / the city unit has no division code" }]);
  return { code: city.division_code.slice(0, 4), unitId: city.id };
}
async function forecast(ctx, q) {
  const method = loadMethod(q.method);
  const rows = await listPeerValues(ctx.db, method.id, q.period);
  const city = await cityPeerCode(ctx);
  const byPeer = /* @__PURE__ */ new Map();
  for (const r of rows) byPeer.set(r.peer_code, [...byPeer.get(r.peer_code) ?? [], r]);
  const peers = [];
  const errors = [];
  for (const [code, list] of byPeer) {
    const topics = {};
    for (const t of method.topics) {
      const topicScore = list.find((r) => r.topic_id === t.id && r.component_id === "");
      if (topicScore) topics[t.id] = { score: Number(topicScore.value), where: `${list[0].peer_name}.${t.id}` };
      else {
        topics[t.id] = {
          components: Object.fromEntries(
            list.filter((r) => r.topic_id === t.id && r.component_id).map((r) => [r.component_id, { variants: { "": { value: Number(r.value), where: `${r.peer_name}.${t.id}.${r.component_id}` } } }])
          )
        };
      }
    }
    peers.push({ code, name: list[0].peer_name, synthetic: list.every((r) => r.synthetic === 1), topics });
  }
  const own = await unitInputs(ctx, method, city.unitId, q.period);
  const focusSource = own.missing.length ? "peer_import" : "stored_values";
  if (!own.missing.length) {
    const idx = peers.findIndex((p) => p.code === city.code);
    const self = { code: city.code, name: regionPeers().find((p) => p.code === city.code)?.name ?? city.code, synthetic: false, topics: own.inputs };
    if (idx >= 0) peers[idx] = self;
    else peers.push(self);
  }
  if (peers.length < 2) errors.push({ path: "peers", message: `\u65B9\u6CD5 ${method.id} \u5728 ${q.period} \u6CA1\u6709\u5BFC\u5165\u76DF\u5E02\u6570\u636E / no peer values imported for this method and period` });
  if (errors.length) throw new AppError("INDICATOR_NO_DATA", errors);
  const result = forecastRanks(method, peers, city.code);
  return {
    ...result,
    method: summarizeMethod(method),
    period: q.period,
    synthetic: rows.some((r) => r.synthetic === 1) || Boolean(method.synthetic),
    sources: [...new Set(rows.map((r) => r.source))],
    focusSource
  };
}
async function rollUp(ctx, actor, q) {
  const visible = visibleUnitIds(actor);
  const unitId = visible ? q.unitId && !visible.includes(q.unitId) ? -1 : q.unitId ?? visible[0] ?? -1 : q.unitId;
  const rows = await listQuestionSelfScores(ctx.db, unitId);
  return rollUpSelfAssessments(rows.map((r) => ({ ...r, area: r.area ?? "", selfScore: r.selfScore === null ? null : Number(r.selfScore), maxScore: r.maxScore === null ? null : Number(r.maxScore) })));
}
export {
  forecast,
  importPeerValues,
  listMethodSummaries,
  regionPeers,
  rollUp,
  scorePosted,
  scoreUnit,
  summarizeMethod
};
//# sourceMappingURL=scores.service.js.map
