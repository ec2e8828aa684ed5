import type { EscalationSettings, ScoreSettings, UnitFigures } from '../../common/schemas/supervision.js';

/**
 * The red/black list (红黑榜) score of a unit for one week. Written out here, returned by the API
 * (`formula`) and printed in the bulletin, so every unit can check its own figure:
 *
 *   score = completion × closed / assigned          (completion rate, 0–1, times the weight)
 *         − overdue    × overdue items
 *         − stale      × stale items (no progress report for `staleDays` days)
 *         − lateReports × reports sent after the item's deadline during the week
 *         − returns    × reports returned by the office during the week
 *
 * rounded to one decimal. Only units with at least one lead assignment are ranked. Ties go to the
 * unit with fewer overdue items, then to the unit's place in the unit list.
 * Red list: the best `redCount` units of the upper half of the ranking.
 * Black list: the worst `blackCount` units of the lower half that have an overdue or stale item.
 * Halves keep the two lists apart however few units are ranked (the upper half takes the middle one).
 */
export const DEFAULT_SCORE: ScoreSettings = {
  weights: { completion: 100, overdue: 5, stale: 2, lateReports: 1, returns: 1 },
  redCount: 5,
  blackCount: 5,
  staleDays: 14,
};

/** Defaults: reminders 5 and 1 working days before; notice the first overdue working day; 通报 after 5; 约谈 after 10. */
export const DEFAULT_ESCALATION: EscalationSettings = {
  reminders: { enabled: true, daysBefore: [5, 1] },
  notice: { enabled: true, daysAfter: 1, replyDays: 3 },
  bulletin: { enabled: true, daysAfter: 5 },
  summons: { enabled: true, daysAfter: 10 },
};

export function scoreFormula(s: ScoreSettings): { zh: string; en: string } {
  const w = s.weights;
  return {
    zh:
      `得分 = ${w.completion} × 已销号数 / 牵头事项数 − ${w.overdue} × 逾期事项数 − ${w.stale} × 滞后事项数（${s.staleDays} 天未报送进展）` +
      ` − ${w.lateReports} × 逾期报送次数 − ${w.returns} × 被退回次数；保留一位小数。` +
      `红榜：排名前一半中得分最高的 ${s.redCount} 个单位；黑榜：排名后一半中有逾期或滞后事项、得分最低的 ${s.blackCount} 个单位。`,
    en:
      `score = ${w.completion} × closed / assigned − ${w.overdue} × overdue − ${w.stale} × stale (no report for ${s.staleDays} days)` +
      ` − ${w.lateReports} × late reports − ${w.returns} × returns; one decimal. ` +
      (`Red list: the best ${s.redCount} units of the upper half of the ranking; black ` +
        `list: the worst ${s.blackCount} units of the lower half with overdue or stale items.`),
  };
}

export function scoreOf(f: UnitFigures, s: ScoreSettings): number {
  const w = s.weights;
  const completion = f.assigned ? f.closed / f.assigned : 0;
  const raw = w.completion * completion - w.overdue * f.overdue - w.stale * f.stale - w.lateReports * f.lateReports - w.returns * f.returns;
  return Math.round(raw * 10) / 10;
}

export interface Ranked<T> {
  row: T;
  score: number;
  rank: number;
  board: 'red' | 'black' | null;
}

/** Scores, ranks and boards units; `rows` come in unit-list order, which breaks the last ties. */
export function rankUnits<T extends { figures: UnitFigures }>(rows: T[], s: ScoreSettings): Ranked<T>[] {
  const ranked = rows
    .map((row, order) => ({ row, order, score: scoreOf(row.figures, s) }))
    .filter((r) => r.row.figures.assigned > 0)
    .sort((a, b) => b.score - a.score || a.row.figures.overdue - b.row.figures.overdue || a.order - b.order)
    .map((r, i) => ({ row: r.row, score: r.score, rank: i + 1, board: null as 'red' | 'black' | null }));
  const half = Math.ceil(ranked.length / 2);
  for (const r of ranked.slice(0, Math.min(s.redCount, half))) r.board = 'red';
  const candidates = ranked.slice(half).filter((r) => r.row.figures.overdue + r.row.figures.stale > 0);
  for (const r of s.blackCount > 0 ? candidates.slice(-s.blackCount) : []) r.board = 'black';
  return ranked;
}
