import { chinaDate } from '../../common/dates.js';
import type { CockpitView } from '../../common/schemas/supervision.js';
import type { AppContext } from '../../context.js';
import { periodCounts } from './kpi.service.js';
import { whileUnchanged } from './stamp.js';

const rate = (n: number, d: number) => (Number(d) > 0 ? Math.round((Number(n) / Number(d)) * 1000) / 10 : null);

/** The twelve months ending with `month` (YYYY-MM), oldest first. */
function lastTwelve(month: string): string[] {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return Array.from({ length: 12 }, (_, i) => new Date(Date.UTC(y, m - 12 + i, 1)).toISOString().slice(0, 7));
}

/**
 * The demand desk's figures for the leaders' cockpit: the current month's tickets (by intake month)
 * and rates, with the same definitions as the KPI page, and the 按时办结率 / 满意率 of the last
 * twelve months (null for a month without a closed or rated ticket).
 */
export async function demandCockpitFigures(ctx: AppContext): Promise<CockpitView['demands']> {
  const month = chinaDate(ctx.clock()).slice(0, 7);
  const months = lastTwelve(month);
  // twelve months of tickets: aggregated once per change of the desk's data
  const counts = await whileUnchanged(ctx, `cockpit|${month}`, () => periodCounts(ctx, 'month', months[0], month));
  const rows = new Map(counts.map((r) => [String(r.key), r]));
  const now = rows.get(month);
  return {
    month,
    received: Number(now?.tickets ?? 0),
    closed: Number(now?.closed ?? 0),
    signRate: now ? rate(now.signed_on_time, now.dispatched) : null,
    onTimeRate: now ? rate(now.closed_on_time, now.closed) : null,
    firstContactRate: now ? rate(now.first_contact, now.tickets) : null,
    satisfactionRate: now ? rate(now.satisfied, now.rated) : null,
    reopenRate: now ? rate(now.reopened, now.rated) : null,
    trend: months.map((m) => {
      const r = rows.get(m);
      return { month: m, onTimeRate: r ? rate(r.closed_on_time, r.closed) : null, satisfactionRate: r ? rate(r.satisfied, r.rated) : null };
    }),
  };
}
