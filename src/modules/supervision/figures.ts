import type { ScoreSettings, UnitFigures } from '../../common/schemas/supervision.js';
import { chinaDate } from '../../common/dates.js';
import type { Executor } from '../../db/database.js';
import { type DueInfo, dueInfo } from '../worklists/deadlines.js';
import {
  type LeadItemFigures,
  lastReportAt,
  listActiveUnits,
  listLeadItems,
  reportsBetween,
  returnsBetween,
} from './supervision.repository.js';

/** The statuses that count as "in progress" (推进中): started and not yet closed. */
const IN_PROGRESS = new Set(['in_progress', 'submitted', 'under_review', 'returned']);

/**
 * `dueInfo` of the worklists module, memoised by deadline for one day: counting working days is
 * a walk over the calendar, and 10 000 items share a few hundred deadlines.
 */
export function dueOn(day: string): (deadline: string | null, status: string) => DueInfo {
  const open = new Map<string, DueInfo>();
  return (deadline, status) => {
    if (!deadline || status === 'closed') return dueInfo(deadline, status, day);
    let d = open.get(deadline);
    if (!d) open.set(deadline, (d = dueInfo(deadline, status, day)));
    return d;
  };
}

export const emptyFigures = (): UnitFigures => ({
  assigned: 0,
  closed: 0,
  inProgress: 0,
  overdue: 0,
  stale: 0,
  lateReports: 0,
  returns: 0,
});

export function addFigures(a: UnitFigures, b: UnitFigures): UnitFigures {
  const out = { ...a };
  for (const k of Object.keys(out) as (keyof UnitFigures)[]) out[k] += b[k];
  return out;
}

export interface UnitWorkload {
  unit: { id: number; name: string };
  figures: UnitFigures;
}

/** The instant a China date starts, as ISO UTC: periods are counted in China days. */
export function chinaMidnight(date: string): string {
  return new Date(`${date}T00:00:00+08:00`).toISOString();
}

/**
 * Each active unit's figures at `asOf`, counted over its lead assignments (牵头): items assigned,
 * closed, in progress, overdue (derived from the deadline in working days), stale (no progress
 * report for `staleDays` days, counted from the item's creation when it never had one); and over
 * the period [from, to): reports sent after the item's deadline (late) and reports returned by the office.
 */
export async function unitWorkloads(
  db: Executor,
  opts: { asOf: Date; period: { from: string; to: string }; score: ScoreSettings; items?: LeadItemFigures[] },
): Promise<UnitWorkload[]> {
  const day = chinaDate(opts.asOf);
  const staleBefore = new Date(opts.asOf.getTime() - opts.score.staleDays * 86_400_000).toISOString();
  const [units, items, lastReports, reports, returns] = await Promise.all([
    listActiveUnits(db),
    opts.items ? Promise.resolve(opts.items) : listLeadItems(db, { light: true }),
    lastReportAt(db, opts.asOf.toISOString()),
    reportsBetween(db, opts.period.from, opts.period.to),
    returnsBetween(db, opts.period.from, opts.period.to),
  ]);
  const due = dueOn(day);
  const byUnit = new Map(units.map((u) => [u.id, { unit: { id: u.id, name: u.name }, figures: emptyFigures() }]));
  for (const it of items) {
    const f = byUnit.get(it.unit_id)?.figures;
    if (!f) continue;
    f.assigned++;
    if (it.status === 'closed') {
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
