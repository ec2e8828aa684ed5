import { chinaDate } from "../../common/workdays.js";
import { dueInfo } from "../worklists/deadlines.js";
import { lastReportAt, listActiveUnits, listLeadItems, reportsBetween, returnsBetween } from "./supervision.repository.js";
const IN_PROGRESS = /* @__PURE__ */ new Set(["in_progress", "submitted", "under_review", "returned"]);
function dueOn(day) {
  const open = /* @__PURE__ */ new Map();
  return (deadline, status) => {
    if (!deadline || status === "closed") return dueInfo(deadline, status, day);
    let d = open.get(deadline);
    if (!d) open.set(deadline, d = dueInfo(deadline, status, day));
    return d;
  };
}
const emptyFigures = () => ({ assigned: 0, closed: 0, inProgress: 0, overdue: 0, stale: 0, lateReports: 0, returns: 0 });
function addFigures(a, b) {
  const out = { ...a };
  for (const k of Object.keys(out)) out[k] += b[k];
  return out;
}
function chinaMidnight(date) {
  return (/* @__PURE__ */ new Date(`${date}T00:00:00+08:00`)).toISOString();
}
async function unitWorkloads(db, opts) {
  const day = chinaDate(opts.asOf);
  const staleBefore = new Date(opts.asOf.getTime() - opts.score.staleDays * 864e5).toISOString();
  const [units, items, lastReports, reports, returns] = await Promise.all([
    listActiveUnits(db),
    opts.items ? Promise.resolve(opts.items) : listLeadItems(db, { light: true }),
    lastReportAt(db),
    reportsBetween(db, opts.period.from, opts.period.to),
    returnsBetween(db, opts.period.from, opts.period.to)
  ]);
  const due = dueOn(day);
  const byUnit = new Map(units.map((u) => [u.id, { unit: { id: u.id, name: u.name }, figures: emptyFigures() }]));
  for (const it of items) {
    const f = byUnit.get(it.unit_id)?.figures;
    if (!f) continue;
    f.assigned++;
    if (it.status === "closed") {
      f.closed++;
      continue;
    }
    if (IN_PROGRESS.has(it.status)) f.inProgress++;
    if (due(it.deadline, it.status).overdue) f.overdue++;
    const last = lastReports.get(`${it.item_id}:${it.unit_id}`) ?? it.created_at;
    if (last < staleBefore) f.stale++;
  }
  for (const r of reports) {
    const f = byUnit.get(r.unit_id)?.figures;
    if (f && r.deadline && chinaDate(new Date(r.created_at)) > r.deadline) f.lateReports++;
  }
  for (const r of returns) {
    const f = byUnit.get(r.unit_id)?.figures;
    if (f) f.returns++;
  }
  return [...byUnit.values()];
}
export {
  addFigures,
  chinaMidnight,
  dueOn,
  emptyFigures,
  unitWorkloads
};
//# sourceMappingURL=figures.js.map
