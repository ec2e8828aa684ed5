/**
 * The question bank's self-assessed scores (work lists, kind 'question') rolled up to a predicted
 * evaluation score per indicator area and per unit: each area scores Σ self / Σ max × 100, a unit
 * scores the mean of its areas (each evaluated area counts once, as the evaluation weighs areas
 * equally unless the method says otherwise).
 */

import type { AreaRollup, RollupView, UnitRollup } from '../../common/schemas/indicator-results.js';

export type { AreaRollup, UnitRollup };

export interface SelfAssessment {
  unitId: number;
  unitName: string;
  /** Indicator area as the question bank names it (e.g. 开办企业). */
  area: string;
  selfScore: number | null;
  maxScore: number | null;
}

export function rollUpSelfAssessments(rows: SelfAssessment[]): RollupView {
  let skipped = 0;
  const byUnit = new Map<number, { name: string; areas: Map<string, AreaRollup> }>();
  const all = new Map<string, AreaRollup>();
  const add = (map: Map<string, AreaRollup>, r: SelfAssessment) => {
    const a = map.get(r.area) ?? { area: r.area, selfTotal: 0, maxTotal: 0, questions: 0, unanswered: 0, predicted: 0 };
    a.questions += 1;
    a.maxTotal += r.maxScore!;
    if (r.selfScore === null) a.unanswered += 1;
    else a.selfTotal += Math.min(r.selfScore, r.maxScore!);
    a.predicted = a.maxTotal > 0 ? (a.selfTotal / a.maxTotal) * 100 : 0;
    map.set(r.area, a);
  };
  for (const r of rows) {
    // A question without a maximum score cannot be turned into a share; it is counted and left out.
    if (r.maxScore === null || r.maxScore <= 0 || !r.area) {
      skipped += 1;
      continue;
    }
    const u = byUnit.get(r.unitId) ?? { name: r.unitName, areas: new Map() };
    add(u.areas, r);
    byUnit.set(r.unitId, u);
    add(all, r);
  }
  const units = [...byUnit.entries()].map(([unitId, u]) => {
    const areas = [...u.areas.values()].sort((a, b) => a.area.localeCompare(b.area, 'zh'));
    return { unitId, unitName: u.name, areas, predicted: areas.reduce((s, a) => s + a.predicted, 0) / areas.length };
  });
  return {
    units: units.sort((a, b) => b.predicted - a.predicted),
    areas: [...all.values()].sort((a, b) => a.area.localeCompare(b.area, 'zh')),
    skipped,
  };
}
