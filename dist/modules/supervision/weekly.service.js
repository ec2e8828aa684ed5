import { AppError } from "../../common/errors.js";
import { scoreSettings } from "../../common/schemas/supervision.js";
import { addDays, chinaDate } from "../../common/workdays.js";
import { withTransaction } from "../../db/database.js";
import { isUniqueViolation } from "../../db/errors.js";
import { audit } from "../org/audit.service.js";
import { addFigures, chinaMidnight, emptyFigures, unitWorkloads } from "./figures.js";
import { DEFAULT_SCORE, rankUnits, scoreFormula } from "./score.js";
import { loadSettings } from "./settings.service.js";
import { findSnapshot, findSnapshotBefore, insertSnapshot, listSnapshotRows, listSnapshots } from "./supervision.repository.js";
function mondayOf(date) {
  const dow = (/* @__PURE__ */ new Date(`${date}T00:00:00Z`)).getUTCDay();
  return addDays(date, -((dow + 6) % 7));
}
const figuresOf = (r) => ({
  assigned: r.assigned,
  closed: r.closed,
  inProgress: r.in_progress,
  overdue: r.overdue,
  stale: r.stale,
  lateReports: r.late_reports,
  returns: r.returns
});
async function takeWeeklySnapshot(ctx, actor, opts = {}) {
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
            board: r?.board ?? null
          };
        })
      );
      await audit(ctx, trx, actor, { action: "supervision.weekly.take", entity: "weekly_snapshot", entityId: snapshotId, after: { weekOf, totals } });
      return snapshotId;
    });
    return { snapshot: await getSnapshot(ctx, actor, id), created: true };
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    const taken = await findSnapshot(ctx.db, { weekOf });
    return { snapshot: await getSnapshot(ctx, actor, taken.id), created: false };
  }
}
function rowScope(actor) {
  if (actor.role === "liaison" || actor.role === "unit_head") {
    if (!actor.unitId) throw new AppError("FORBIDDEN");
    return actor.unitId;
  }
  if (["office", "admin", "leader"].includes(actor.role)) return void 0;
  throw new AppError("FORBIDDEN");
}
function parseScore(json) {
  const parsed = scoreSettings.safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : DEFAULT_SCORE;
}
function presentSnapshotRow(r, previous) {
  const f = figuresOf(r);
  let change = null;
  if (previous) {
    const p = figuresOf(previous);
    const d = emptyFigures();
    for (const k of Object.keys(d)) d[k] = f[k] - p[k];
    change = { ...d, score: Math.round((r.score - previous.score) * 10) / 10, rank: previous.rank && r.rank ? previous.rank - r.rank : 0 };
  }
  return { ...f, unit: { id: r.unit_id, name: r.unit_name }, score: r.score, rank: r.rank, board: r.board ?? null, change };
}
async function getSnapshot(ctx, actor, id) {
  const scope = rowScope(actor);
  const s = await findSnapshot(ctx.db, id === "latest" ? "latest" : { id });
  if (!s) throw new AppError("NOT_FOUND");
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
    totals: JSON.parse(s.totals_json),
    previousWeekOf: prev?.week_of ?? null,
    period: { from: addDays(s.week_of, -7), to: addDays(s.week_of, -1) },
    score,
    formula: scoreFormula(score),
    rows: views,
    red: views.filter((v) => v.board === "red"),
    black: views.filter((v) => v.board === "black").sort((a, b) => b.rank - a.rank)
  };
}
async function listWeeklySnapshots(ctx, actor, limit = 52) {
  rowScope(actor);
  return (await listSnapshots(ctx.db, limit)).map((s) => ({ id: s.id, weekOf: s.week_of, takenAt: s.taken_at, totals: JSON.parse(s.totals_json) }));
}
export {
  getSnapshot,
  listWeeklySnapshots,
  mondayOf,
  presentSnapshotRow,
  takeWeeklySnapshot
};
//# sourceMappingURL=weekly.service.js.map
