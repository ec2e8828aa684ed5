import type { BoardView, KpiQuery, KpiRow } from '../../common/schemas/demands.js';
import { chinaDate } from '../../common/dates.js';
import type { AppContext } from '../../context.js';
import { findUserById, listUnits } from '../org/index.js';
import { closedByUnitMonth, kpiCounts, listSubjects, ratingsByUnitMonth } from './demands.repository.js';
import { whileUnchanged } from './stamp.js';

const CHANNEL_LABELS: Record<string, string> = {
  seat: '12345 企业专席',
  line: '企业服务专线',
  centre: '政务服务中心企业专区',
  web: '网上提交',
  specialist_visit: '专员走访',
  leader_visit: '领导走访',
  import: '12345 平台导入',
  open311: '接口接入',
};

/** The first instant after month `month` (YYYY-MM) in China time, as ISO-8601 UTC: where the month's figures stop. */
export function monthEndInstant(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return new Date(Date.UTC(y, m, 1) - 8 * 3600_000).toISOString();
}

/**
 * The counts behind the desk's figures for the tickets received in `from`..`to`, as they stood at
 * the end of `to` (a past month keeps its figures when tickets close or are rated later).
 */
export function periodCounts(ctx: AppContext, by: KpiQuery['by'], from: string | undefined, to: string | undefined) {
  return kpiCounts(ctx.db, by, { from, to, asOf: to ? monthEndInstant(to) : undefined });
}

const rate = (n: number, d: number) => (d > 0 ? Math.round((Number(n) / Number(d)) * 1000) / 10 : null);

/**
 * The desk's KPIs (percentages with one decimal) per unit, specialist, subject, channel or month:
 * 签收率 = signed for in time / dispatched; 按时办结率 = answered by the deadline / closed;
 * 一次办结率 = closed at first contact / all; 回访率 = followed up / answered (not at first contact);
 * 满意率 = rated 基本满意 or better / rated; 重办率 = reopened / rated; average handling time in
 * working hours from intake to answer.
 */
export function demandKpis(ctx: AppContext, q: KpiQuery): Promise<{ by: KpiQuery['by']; rows: KpiRow[] }> {
  // An aggregation over up to a year of tickets: computed once per change of the desk's data.
  return whileUnchanged(ctx, `kpi|${q.by}|${q.from ?? ''}|${q.to ?? ''}`, () => computeKpis(ctx, q));
}

async function computeKpis(ctx: AppContext, q: KpiQuery): Promise<{ by: KpiQuery['by']; rows: KpiRow[] }> {
  const rows = await periodCounts(ctx, q.by, q.from, q.to);
  const labels = await labelsFor(
    ctx,
    q.by,
    rows.map((r) => r.key),
  );
  return {
    by: q.by,
    rows: rows.map((r) => ({
      key: r.key === null ? '' : String(r.key),
      label: r.key === null ? '（未派单）' : (labels.get(String(r.key)) ?? String(r.key)),
      tickets: Number(r.tickets),
      signRate: rate(r.signed_on_time, r.dispatched),
      onTimeRate: rate(r.closed_on_time, r.closed),
      firstContactRate: rate(r.first_contact, r.tickets),
      followUpRate: rate(r.followed_up, r.answered),
      satisfactionRate: rate(r.satisfied, r.rated),
      reopenRate: rate(r.reopened, r.rated),
      avgHandlingHours: r.avg_hours === null ? null : Math.round(Number(r.avg_hours) * 10) / 10,
    })),
  };
}

async function labelsFor(ctx: AppContext, by: KpiQuery['by'], keys: (string | number | null)[]): Promise<Map<string, string>> {
  const ids = keys.filter((k): k is number | string => k !== null).map(Number);
  if (by === 'unit') return new Map((await listUnits(ctx.db, { ids, includeRetired: true })).map((u) => [String(u.id), u.name]));
  if (by === 'subject') return new Map((await listSubjects(ctx.db)).map((s) => [String(s.id), s.name]));
  if (by === 'channel') return new Map(Object.entries(CHANNEL_LABELS));
  if (by === 'specialist') {
    const users = await Promise.all(ids.map((id) => findUserById(ctx.db, id)));
    return new Map(users.filter((u) => !!u).map((u) => [String(u.id), u.display_name]));
  }
  return new Map();
}

/**
 * The public service-quality board (服务质量网上评价 · 服务信用网上公示): per unit and month, the
 * number of ratings, the satisfaction rate and the on-time rate of the last twelve months, each
 * month cut off at its end (closures of its tickets and ratings recorded by then). Only counts: no
 * names of people, no phone numbers, no ticket text.
 */
export function publicBoard(ctx: AppContext): Promise<BoardView> {
  return whileUnchanged(ctx, `board|${chinaDate(ctx.clock())}`, () => computeBoard(ctx));
}

async function computeBoard(ctx: AppContext): Promise<BoardView> {
  const today = chinaDate(ctx.clock());
  const months: string[] = [];
  for (let i = 11; i >= 0; i--) {
    const y = Number(today.slice(0, 4));
    const m = Number(today.slice(5, 7)) - i;
    const d = new Date(Date.UTC(y, m - 1, 1));
    months.push(d.toISOString().slice(0, 7));
  }
  // Each month is shown as it stood at its end: a ticket closed or rated later leaves it unchanged.
  const ends = new Map(months.map((m) => [m, monthEndInstant(m)]));
  const [ratings, closed] = await Promise.all([ratingsByUnitMonth(ctx.db, ends), closedByUnitMonth(ctx.db, ends)]);
  const unitIds = [...new Set([...ratings, ...closed].map((r) => r.unit_id).filter((id): id is number => !!id))];
  const units = await listUnits(ctx.db, { ids: unitIds });
  const key = (u: number | null, m: string) => `${u}|${m}`;
  const r = new Map(ratings.map((x) => [key(x.unit_id, x.month), x]));
  const c = new Map(closed.map((x) => [key(x.unit_id, x.month), x]));
  return {
    months,
    units: units.map((u) => ({
      unitName: u.name,
      months: months.map((m) => {
        const rr = r.get(key(u.id, m));
        const cc = c.get(key(u.id, m));
        return {
          month: m,
          ratings: Number(rr?.ratings ?? 0),
          satisfactionRate: rr ? rate(rr.satisfied, rr.ratings) : null,
          onTimeRate: cc ? rate(cc.on_time, cc.closed) : null,
          closed: Number(cc?.closed ?? 0),
        };
      }),
    })),
  };
}
