import type { AppContext } from '../../context.js';
import { SYSTEM_ACTOR } from '../../context.js';
import { withTransaction } from '../../db/database.js';
import { audit } from '../org/audit.service.js';
import { listUnits } from '../org/index.js';
import {
  findIndicatorsByCode,
  findValueByKey,
  insertIndicator,
  insertValue,
  listIndicators,
  listPeerValues,
  upsertTarget,
} from './indicators.repository.js';
import { loadMethod } from './method.js';
import catalogue from './reference/catalogue.json' with { type: 'json' };
import { importPeerValues, regionPeers } from './scores.service.js';
import { valueAtScore } from './scoring.js';

/** The catalogue: 18 national level-1 indicators and the office's KPIs. Idempotent (by code). */
export async function seedIndicatorCatalogue(ctx: AppContext): Promise<{ created: number }> {
  return withTransaction(ctx.db, async (trx) => {
    const existing = new Set((await listIndicators(trx)).map((i) => i.code));
    const at = ctx.clock().toISOString();
    let created = 0;
    const ids = new Map((await listIndicators(trx)).map((i) => [i.code, i.id]));
    for (const [n, i] of catalogue.indicators.entries()) {
      if (existing.has(i.code)) continue;
      const id = await insertIndicator(
        trx,
        {
          code: i.code,
          name_zh: i.nameZh,
          name_en: i.nameEn,
          kind: 'indicator',
          parent_id: null,
          environment: i.environment,
          lifecycle_group: i.lifecycleGroup,
          unit_of_measure: null,
          direction: null,
          physical_min: null,
          physical_max: null,
          note: i.note,
          source: i.source,
          sort_order: n + 1,
        },
        at,
      );
      ids.set(i.code, id);
      created += 1;
    }
    for (const [n, k] of catalogue.kpis.entries()) {
      if (existing.has(k.code)) continue;
      const parent = catalogue.indicators.find((i) => i.code === k.parent)!;
      await insertIndicator(
        trx,
        {
          code: k.code,
          name_zh: k.nameZh,
          name_en: k.nameEn,
          kind: 'kpi',
          parent_id: ids.get(k.parent) ?? null,
          environment: parent.environment,
          lifecycle_group: null,
          unit_of_measure: k.unitOfMeasure,
          direction: k.direction,
          physical_min: k.physicalMin,
          physical_max: k.physicalMax,
          note: k.note,
          source: k.source,
          sort_order: 100 + n,
        },
        at,
      );
      created += 1;
    }
    if (created) await audit(ctx, trx, SYSTEM_ACTOR, { action: 'indicator.seed', entity: 'indicator', entityId: null, after: { created } });
    return { created };
  });
}

/** Deterministic jitter in [-1, 1] so the synthetic data is the same on every run and dialect. */
const jitter = (a: number, b: number) => Math.sin(a * 12.9898 + b * 78.233) % 1;

/**
 * Demo data: the city's reported 2024 KPI figures as its latest values (real, from the work report),
 * SYNTHETIC earlier years and county values for the trend charts, targets, and SYNTHETIC values for
 * the other 11 leagues/cities under the demo regional method. Idempotent.
 */
export async function seedIndicatorDemo(ctx: AppContext): Promise<{ values: number; peers: number }> {
  const units = await listUnits(ctx.db, {});
  const city = units.find((u) => u.kind === 'city');
  if (!city) return { values: 0, peers: 0 };
  const counties = units.filter((u) => u.kind === 'county');
  const kpis = new Map(
    (
      await findIndicatorsByCode(
        ctx.db,
        catalogue.kpis.map((k) => k.code),
      )
    ).map((i) => [i.code, i]),
  );
  let values = 0;
  await withTransaction(ctx.db, async (trx) => {
    const at = ctx.clock().toISOString();
    const put = async (code: string, unitId: number, period: string, value: number, source: string, synthetic: boolean) => {
      const ind = kpis.get(code)!;
      if (await findValueByKey(trx, ind.id, unitId, period)) return;
      await insertValue(
        trx,
        {
          indicator_id: ind.id,
          unit_id: unitId,
          period,
          value,
          source,
          evidence: synthetic ? null : '工作报告原文数值 / figure as printed in the work report',
          synthetic: synthetic ? 1 : 0,
          created_by: null,
        },
        at,
      );
      values += 1;
    };
    const SYN = '演示数据（虚构） / synthetic demo data';
    for (const [n, k] of catalogue.kpis.entries()) {
      await put(k.code, city.id, '2024', k.latestValue, k.source, false);
      // Earlier years: a synthetic path that ends at the reported figure, worse the further back.
      const worse = (steps: number) => {
        const sign = k.direction === 'lower_is_better' ? 1 : -1;
        const raw = k.latestValue * (1 + sign * 0.12 * steps * (1 + 0.3 * jitter(n, steps)));
        const capped = k.physicalMax === null ? raw : Math.min(raw, k.physicalMax);
        return Math.round(Math.max(k.physicalMin ?? 0, capped) * 100) / 100;
      };
      await put(k.code, city.id, '2023', worse(1), SYN, true);
      await put(k.code, city.id, '2022', worse(2), SYN, true);
      for (const [ci, c] of counties.entries()) {
        if (!['KPI-SB-TIME', 'KPI-GOV-ONLINE', 'KPI-GOV-FULLY-ONLINE', 'KPI-ELEC-LV-A'].includes(k.code)) continue;
        const v = worse(1 + Math.abs(jitter(ci, n)));
        await put(k.code, c.id, '2024', v, SYN, true);
      }
    }
    const rd = kpis.get('KPI-INNOV-RD')!;
    await upsertTarget(
      trx,
      {
        indicator_id: rd.id,
        unit_id: city.id,
        period: '2025',
        target: 2.54,
        note: '全国平均水平（工作报告对比值） / the national average the report compares with',
      },
      at,
    );
    const sb = kpis.get('KPI-SB-TIME')!;
    await upsertTarget(trx, { indicator_id: sb.id, unit_id: city.id, period: '2025', target: 0.5, note: '演示目标 / demo target' }, at);
    if (values)
      await audit(ctx, trx, SYSTEM_ACTOR, {
        action: 'indicator_value.seed',
        entity: 'indicator_value_import',
        entityId: null,
        after: { created: values, note: 'demo seed' },
      });
  });

  const method = loadMethod('regional-demo');
  if ((await listPeerValues(ctx.db, method.id, '2024')).length) return { values, peers: 0 };
  // Each synthetic peer has an overall "quality" (share of the way from worst to best bound) with a
  // per-component jitter; chosen so the demo city is 3rd, with 2nd and 1st within reach.
  const quality: Record<string, number> = {
    '1502': 0.74,
    '1503': 0.55,
    '1504': 0.6,
    '1505': 0.58,
    '1506': 0.8,
    '1507': 0.57,
    '1508': 0.52,
    '1509': 0.56,
    '1522': 0.45,
    '1525': 0.5,
    '1529': 0.49,
  };
  const rows = regionPeers()
    .filter((p) => quality[p.code] !== undefined)
    .flatMap((p, pi) =>
      method.topics.flatMap((t, ti) =>
        t.components.map((c, ci) => {
          const q = Math.min(1, Math.max(0, quality[p.code] + 0.12 * jitter(pi + 1, ti * 10 + ci)));
          const v = valueAtScore(q * 100, { transform: c.transform, bounds: c.bounds as { worst: number; best: number } });
          return { peer: p.code, topic: t.id, component: c.id, value: Math.round(v * 100) / 100 };
        }),
      ),
    );
  await importPeerValues(ctx, SYSTEM_ACTOR, {
    method: method.id,
    period: '2024',
    synthetic: true,
    source: '演示数据（虚构，非真实盟市数值） / synthetic demo values, not real league/city figures',
    rows,
  });
  return { values, peers: 11 };
}
