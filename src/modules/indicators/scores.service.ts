import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError, type ErrorDetail } from '../../common/errors.js';
import type { MethodSummaryView, PeerImportBody, ScoreBody } from '../../common/schemas/indicators.js';
import type { Actor, AppContext } from '../../context.js';
import { withTransaction } from '../../db/database.js';
import { audit } from '../org/audit.service.js';
import { listUnits } from '../org/index.js';
import type { ForecastView } from '../../common/schemas/indicator-results.js';
import { type PeerInput, forecastRanks, positionOf } from './forecast.js';
import { findIndicatorsByCode, latestValues, listPeerValues, listQuestionSelfScores, replacePeerValues } from './indicators.repository.js';
import { visibleUnitIds } from './indicators.service.js';
import { type Method, findTopic, isTrusted, listMethodIds, loadMethod } from './method.js';
import { rollUpSelfAssessments } from './rollup.js';
import { type OverallResult, type TopicInput, type TopicResult, scoreOverall, scoreTopic } from './scoring.js';

/** Methods, scoring of stored values, peer imports, the rank forecast and the work-list roll-up. */

const REFERENCE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'reference');

export interface Peer {
  code: string;
  name: string;
}
let peersCache: Peer[] | undefined;
/** The region's 12 leagues/cities (national statistical division codes). */
export function regionPeers(): Peer[] {
  peersCache ??= fs
    .readFileSync(path.join(REFERENCE, 'leagues_cities.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => {
      const [code, name] = l.split(',');
      return { code, name };
    });
  return peersCache;
}

function resolvePeer(text: string): Peer | undefined {
  const t = text.trim();
  return regionPeers().find((p) => p.code === t || p.name === t || p.name.replace(/[市盟]$/, '') === t);
}

export function summarizeMethod(m: Method): MethodSummaryView {
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
        catalogueCode: c.catalogueCode ?? null,
      })),
    })),
  };
}

export function listMethodSummaries(): MethodSummaryView[] {
  return listMethodIds().map((id) => summarizeMethod(loadMethod(id)));
}

/** Stateless scoring of posted values: each topic on its own, plus the overall score when every topic is there. */
export function scorePosted(body: ScoreBody): { topics: TopicResult[]; overall: OverallResult | null } {
  const method = loadMethod(body.method);
  const inputs: Record<string, TopicInput> = {};
  for (const [topicId, t] of Object.entries(body.topics)) {
    findTopic(method, topicId);
    inputs[topicId] =
      'score' in t
        ? { score: t.score, where: `body.topics.${topicId}.score` }
        : {
            components: Object.fromEntries(
              Object.entries(t.components).map(([cid, v]) => [
                cid,
                {
                  variants:
                    typeof v === 'number'
                      ? { '': { value: v, where: `body.topics.${topicId}.components.${cid}` } }
                      : Object.fromEntries(
                          Object.entries(v).map(([vid, x]) => [
                            vid,
                            { value: x, where: `body.topics.${topicId}.components.${cid}.${vid}` },
                          ]),
                        ),
                },
              ]),
            ),
          };
  }
  const complete = method.topics.every((t) => inputs[t.id]);
  if (complete) {
    const overall = scoreOverall(method, inputs, 'body.topics');
    return { topics: Object.values(overall.topics), overall };
  }
  return {
    topics: Object.entries(inputs).map(([id, input]) => scoreTopic(method, findTopic(method, id), input, `body.topics.${id}`)),
    overall: null,
  };
}

/** The method's components fed from a unit's stored KPI values (latest up to the period). */
async function unitInputs(
  ctx: AppContext,
  method: Method,
  unitId: number,
  period: string,
): Promise<{ inputs: Record<string, TopicInput>; missing: ErrorDetail[]; periods: Record<string, string> }> {
  const codes = method.topics.flatMap((t) => t.components.map((c) => c.catalogueCode).filter((c): c is string => Boolean(c)));
  const indicators = await findIndicatorsByCode(ctx.db, codes);
  const byId = new Map(indicators.map((i) => [i.id, i.code]));
  const values = new Map(
    (await latestValues(ctx.db, unitId, period)).filter((v) => byId.has(v.indicator_id)).map((v) => [byId.get(v.indicator_id)!, v]),
  );
  const inputs: Record<string, TopicInput> = {};
  const missing: ErrorDetail[] = [];
  const periods: Record<string, string> = {};
  for (const t of method.topics) {
    const components: Record<string, { variants: Record<string, { value: number; where: string }> }> = {};
    for (const c of t.components) {
      const v = c.catalogueCode ? values.get(c.catalogueCode) : undefined;
      if (!v) {
        missing.push({
          path: `${t.id}.${c.id}`,
          message: `缺少${c.catalogueCode ?? c.id}截至 ${period} 的数值 / no value up to ${period}`,
        });
        continue;
      }
      periods[c.catalogueCode!] = v.period;
      components[c.id] = { variants: { '': { value: Number(v.value), where: `${c.catalogueCode} ${v.period}` } } };
    }
    inputs[t.id] = { components };
  }
  return { inputs, missing, periods };
}

export async function scoreUnit(ctx: AppContext, actor: Actor, q: { method: string; unitId: number; period: string }) {
  const visible = visibleUnitIds(actor);
  if (visible && !visible.includes(q.unitId)) throw new AppError('NOT_FOUND');
  const method = loadMethod(q.method);
  const { inputs, missing, periods } = await unitInputs(ctx, method, q.unitId, q.period);
  if (missing.length) throw new AppError('INDICATOR_NO_DATA', missing);
  return {
    method: summarizeMethod(method),
    unitId: q.unitId,
    period: q.period,
    valuePeriods: periods,
    result: scoreOverall(method, inputs),
  };
}

export async function importPeerValues(
  ctx: AppContext,
  actor: Actor,
  body: PeerImportBody,
): Promise<{ rows: number; peers: number; replaced: number }> {
  const method = loadMethod(body.method);
  const errors: ErrorDetail[] = [];
  const seen = new Set<string>();
  const rows = body.rows.flatMap((r, i) => {
    const at = `body.rows.${i}`;
    const peer = resolvePeer(r.peer);
    const topic = method.topics.find((t) => t.id === r.topic);
    const comp = r.component ? topic?.components.find((c) => c.id === r.component) : undefined;
    if (!peer)
      errors.push({ path: `${at}.peer`, message: `“${r.peer}”不是自治区 12 个盟市之一 / not one of the region's 12 leagues/cities` });
    if (!topic) errors.push({ path: `${at}.topic`, message: `方法 ${method.id} 没有主题“${r.topic}” / unknown topic` });
    else if (r.component && !comp)
      errors.push({ path: `${at}.component`, message: `主题 ${topic.id} 没有成分“${r.component}” / unknown component` });
    if (comp) {
      const { min, max } = comp.physicalRange;
      if ((min !== undefined && r.value < min) || (max !== undefined && r.value > max))
        errors.push({
          path: `${at}.value`,
          message: `${r.value} 超出可能范围 [${min ?? '−∞'}, ${max ?? '∞'}] / outside the physical range`,
        });
    } else if (topic && !r.component && (r.value < method.scoreRange.min || r.value > method.scoreRange.max)) {
      errors.push({
        path: `${at}.value`,
        message: `主题得分应在 ${method.scoreRange.min}–${method.scoreRange.max} 之间 / a topic score lies in the score range`,
      });
    }
    const key = `${peer?.code}|${r.topic}|${r.component ?? ''}`;
    if (peer && seen.has(key)) errors.push({ path: at, message: '重复行 / duplicate row' });
    seen.add(key);
    return peer && topic ? [{ peer, topic: topic.id, component: r.component ?? '', value: r.value }] : [];
  });
  if (errors.length) throw new AppError('INDICATOR_BAD_VALUE', errors.slice(0, 100));
  return withTransaction(ctx.db, async (trx) => {
    const at = ctx.clock().toISOString();
    const replaced = await replacePeerValues(
      trx,
      method.id,
      body.period,
      rows.map((r) => ({
        method_id: method.id,
        period: body.period,
        peer_code: r.peer.code,
        peer_name: r.peer.name,
        topic_id: r.topic,
        component_id: r.component,
        value: r.value,
        source: body.source,
        synthetic: body.synthetic ? 1 : 0,
        created_at: at,
      })),
    );
    const peers = new Set(rows.map((r) => r.peer.code)).size;
    await audit(ctx, trx, actor, {
      action: 'indicator_peer.import',
      entity: 'indicator_peer_value',
      entityId: `${method.id}/${body.period}`,
      after: { rows: rows.length, peers, replaced, synthetic: body.synthetic, source: body.source },
    });
    return { rows: rows.length, peers, replaced };
  });
}

/** The city's own peer code: its division code's first four digits (150100 → 1501). */
async function cityPeerCode(ctx: AppContext): Promise<{ code: string; unitId: number }> {
  const [city] = await listUnits(ctx.db, { kind: 'city' });
  if (!city)
    throw new AppError('INDICATOR_NO_DATA', [
      { path: 'unit', message: '还没有市级单位（请先载入参考数据：bizenv seed） / no city unit yet; run bizenv seed' },
    ]);
  if (!city.division_code)
    throw new AppError('INDICATOR_NO_DATA', [{ path: 'unit', message: '市级单位没有行政区划代码 / the city unit has no division code' }]);
  return { code: city.division_code.slice(0, 4), unitId: city.id };
}

export async function forecast(ctx: AppContext, q: { method: string; period: string }): Promise<ForecastView> {
  const method = loadMethod(q.method);
  const rows = await listPeerValues(ctx.db, method.id, q.period);
  const city = await cityPeerCode(ctx);
  const byPeer = new Map<string, typeof rows>();
  for (const r of rows) byPeer.set(r.peer_code, [...(byPeer.get(r.peer_code) ?? []), r]);
  const peers: PeerInput[] = [];
  const errors: ErrorDetail[] = [];
  for (const [code, list] of byPeer) {
    const topics: Record<string, TopicInput> = {};
    for (const t of method.topics) {
      const topicScore = list.find((r) => r.topic_id === t.id && r.component_id === '');
      if (topicScore) topics[t.id] = { score: Number(topicScore.value), where: `${list[0].peer_name}.${t.id}` };
      else {
        topics[t.id] = {
          components: Object.fromEntries(
            list
              .filter((r) => r.topic_id === t.id && r.component_id)
              .map((r) => [
                r.component_id,
                { variants: { '': { value: Number(r.value), where: `${r.peer_name}.${t.id}.${r.component_id}` } } },
              ]),
          ),
        };
      }
    }
    peers.push({ code, name: list[0].peer_name, synthetic: list.every((r) => r.synthetic === 1), topics });
  }
  // The city's own stored values take precedence over an imported row for it.
  const own = await unitInputs(ctx, method, city.unitId, q.period);
  const focusSource = own.missing.length ? 'peer_import' : 'stored_values';
  if (!own.missing.length) {
    const idx = peers.findIndex((p) => p.code === city.code);
    const self = {
      code: city.code,
      name: regionPeers().find((p) => p.code === city.code)?.name ?? city.code,
      synthetic: false,
      topics: own.inputs,
    };
    if (idx >= 0) peers[idx] = self;
    else peers.push(self);
  }
  if (peers.length < 2)
    errors.push({
      path: 'peers',
      message: `方法 ${method.id} 在 ${q.period} 没有导入盟市数据 / no peer values imported for this method and period`,
    });
  if (errors.length) throw new AppError('INDICATOR_NO_DATA', errors);
  const result = forecastRanks(method, peers, city.code);
  return {
    ...result,
    position: positionOf(result),
    method: summarizeMethod(method),
    period: q.period,
    synthetic: rows.some((r) => r.synthetic === 1) || Boolean(method.synthetic),
    sources: [...new Set(rows.map((r) => r.source))],
    focusSource,
  };
}

/**
 * Predicted evaluation scores from the question bank's self-assessments (work lists module),
 * per indicator area and per unit. Unit staff see their own unit only.
 */
export async function rollUp(ctx: AppContext, actor: Actor, q: { unitId?: number | undefined }) {
  const visible = visibleUnitIds(actor);
  const unitId = visible ? (q.unitId && !visible.includes(q.unitId) ? -1 : (q.unitId ?? visible[0] ?? -1)) : q.unitId;
  const rows = await listQuestionSelfScores(ctx.db, unitId);
  return rollUpSelfAssessments(
    rows.map((r) => ({
      ...r,
      area: r.area ?? '',
      selfScore: r.selfScore === null ? null : Number(r.selfScore),
      maxScore: r.maxScore === null ? null : Number(r.maxScore),
    })),
  );
}
