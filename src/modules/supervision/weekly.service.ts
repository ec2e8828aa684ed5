import { AppError } from '../../common/errors.js';
import { hasPermission } from '../../common/permissions.js';
import {
  type ScoreSettings,
  type SnapshotRowView,
  type SnapshotSummary,
  type SnapshotView,
  type UnitFigures,
  scoreSettings,
} from '../../common/schemas/supervision.js';
import { addDays, chinaDate, weekday } from '../../common/dates.js';
import type { Actor, AppContext } from '../../context.js';
import { withTransaction } from '../../db/database.js';
import { isUniqueViolation } from '../../db/errors.js';
import { audit } from '../org/audit.service.js';
import { addFigures, chinaMidnight, emptyFigures, unitWorkloads } from './figures.js';
import { DEFAULT_SCORE, rankUnits, scoreFormula } from './score.js';
import { loadSettings } from './settings.service.js';
import {
  type SnapshotRowRow,
  findSnapshot,
  findSnapshotBefore,
  insertSnapshot,
  listSnapshotRows,
  listSnapshots,
} from './supervision.repository.js';

/** The Monday of the week a China date falls in. */
export function mondayOf(date: string): string {
  const dow = weekday(date);
  return addDays(date, -((dow + 6) % 7));
}

const figuresOf = (r: SnapshotRowRow): UnitFigures => ({
  assigned: r.assigned,
  closed: r.closed,
  inProgress: r.in_progress,
  overdue: r.overdue,
  stale: r.stale,
  lateReports: r.late_reports,
  returns: r.returns,
});

/**
 * Freezes this week's figures per unit (周督查): taken on the Monday (`weekOf`), the state as of
 * now and the events of the seven days before. A week is taken once; the scheduled job calling
 * again (a retry) gets the frozen snapshot back, unchanged.
 */
export async function takeWeeklySnapshot(
  ctx: AppContext,
  actor: Actor,
  opts: { weekOf?: string | undefined } = {},
): Promise<{ snapshot: SnapshotView; created: boolean }> {
  const now = ctx.clock();
  const weekOf = mondayOf(opts.weekOf ?? chinaDate(now));
  const existing = await findSnapshot(ctx.db, { weekOf });
  if (existing) return { snapshot: await getSnapshot(ctx, actor, existing.id), created: false };
  const { score } = await loadSettings(ctx.db);
  const period = { from: chinaMidnight(addDays(weekOf, -7)), to: chinaMidnight(weekOf) };
  const workloads = await unitWorkloads(ctx.db, { asOf: now, period, score });
  const ranked = new Map(rankUnits(workloads, score).map((r) => [r.row.unit.id, r]));
  const totals = workloads.reduce((acc, w) => addFigures(acc, w.figures), emptyFigures());
  try {
    const id = await withTransaction(ctx.db, async (trx) => {
      const snapshotId = await insertSnapshot(
        trx,
        { week_of: weekOf, taken_at: now.toISOString(), score_json: JSON.stringify(score), totals_json: JSON.stringify(totals) },
        workloads.map((w) => {
          const r = ranked.get(w.unit.id);
          const f = w.figures;
          return {
            unit_id: w.unit.id,
            unit_name: w.unit.name,
            assigned: f.assigned,
            closed: f.closed,
            in_progress: f.inProgress,
            overdue: f.overdue,
            stale: f.stale,
            late_reports: f.lateReports,
            returns: f.returns,
            score: r?.score ?? 0,
            // Units without lead items are listed after the ranked ones, rank 0.
            rank: r?.rank ?? 0,
            board: r?.board ?? null,
          };
        }),
      );
      await audit(ctx, trx, actor, {
        action: 'supervision.weekly.take',
        entity: 'weekly_snapshot',
        entityId: snapshotId,
        after: { weekOf, totals },
      });
      return snapshotId;
    });
    return { snapshot: await getSnapshot(ctx, actor, id), created: true };
  } catch (err) {
    // Another process took the same week at the same moment: theirs stands.
    if (!isUniqueViolation(err)) throw err;
    const taken = await findSnapshot(ctx.db, { weekOf });
    return { snapshot: await getSnapshot(ctx, actor, taken!.id), created: false };
  }
}

/** Liaisons and unit heads see their own unit's row only; everyone else who may read sees all. */
function rowScope(actor: Actor): number | undefined {
  if (hasPermission(actor.role, 'supervision.scope.unit')) {
    if (!actor.unitId) throw new AppError('FORBIDDEN');
    return actor.unitId;
  }
  if (hasPermission(actor.role, 'supervision.scope.all')) return undefined;
  throw new AppError('FORBIDDEN');
}

function parseScore(json: string): ScoreSettings {
  const parsed = scoreSettings.safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : DEFAULT_SCORE;
}

export function presentSnapshotRow(r: SnapshotRowRow, previous?: SnapshotRowRow): SnapshotRowView {
  const f = figuresOf(r);
  let change: SnapshotRowView['change'] = null;
  if (previous) {
    const p = figuresOf(previous);
    const d = emptyFigures();
    for (const k of Object.keys(d) as (keyof UnitFigures)[]) d[k] = f[k] - p[k];
    // A positive rank change means the unit climbed (rank 3 → 1 is +2).
    change = { ...d, score: Math.round((r.score - previous.score) * 10) / 10, rank: previous.rank && r.rank ? previous.rank - r.rank : 0 };
  }
  return {
    ...f,
    unit: { id: r.unit_id, name: r.unit_name },
    score: r.score,
    rank: r.rank,
    board: (r.board as SnapshotRowView['board']) ?? null,
    change,
  };
}

export async function getSnapshot(ctx: AppContext, actor: Actor, id: number | 'latest'): Promise<SnapshotView> {
  const scope = rowScope(actor);
  const s = await findSnapshot(ctx.db, id === 'latest' ? 'latest' : { id });
  if (!s) throw new AppError('NOT_FOUND');
  const prev = await findSnapshotBefore(ctx.db, s.week_of);
  const rows = await listSnapshotRows(ctx.db, s.id, scope);
  const prevRows = new Map(prev ? (await listSnapshotRows(ctx.db, prev.id, scope)).map((r) => [r.unit_id, r]) : []);
  const ranked = rows.filter((r) => r.rank > 0);
  const views = [...ranked, ...rows.filter((r) => r.rank === 0)].map((r) => presentSnapshotRow(r, prevRows.get(r.unit_id)));
  const score = parseScore(s.score_json);
  return {
    id: s.id,
    weekOf: s.week_of,
    takenAt: s.taken_at,
    totals: JSON.parse(s.totals_json) as UnitFigures,
    previousWeekOf: prev?.week_of ?? null,
    period: { from: addDays(s.week_of, -7), to: addDays(s.week_of, -1) },
    score,
    formula: scoreFormula(score),
    rows: views,
    red: views.filter((v) => v.board === 'red'),
    black: views.filter((v) => v.board === 'black').sort((a, b) => b.rank - a.rank),
  };
}

export async function listWeeklySnapshots(ctx: AppContext, actor: Actor, limit = 52): Promise<SnapshotSummary[]> {
  rowScope(actor);
  return (await listSnapshots(ctx.db, limit)).map((s) => ({
    id: s.id,
    weekOf: s.week_of,
    takenAt: s.taken_at,
    totals: JSON.parse(s.totals_json) as UnitFigures,
  }));
}
