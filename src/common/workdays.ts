import chineseDays from 'chinese-days/dist/chinese-days.json' with { type: 'json' };

/**
 * The official Chinese working-day calendar: weekends are rest days, except swapped working days
 * (调休); public holidays are rest days. Data for 2004–2026 comes from the `chinese-days` package;
 * later years are added as data (`WorkCalendar.withDays`) once the State Council publishes them.
 * Dates are 'YYYY-MM-DD' strings in China time; all arithmetic is on calendar dates, never hours.
 */
export interface CalendarDays {
  /** date → name of the holiday (rest day) */
  holidays: Record<string, string>;
  /** date → name of the holiday it swaps for (a weekend day that is worked) */
  workdays: Record<string, string>;
}

const DAY_MS = 86_400_000;

function toUtcMs(date: string): number {
  const ms = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(ms) || !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new RangeError(`not a date: ${date}`);
  return ms;
}

function fromUtcMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(date: string, n: number): string {
  return fromUtcMs(toUtcMs(date) + n * DAY_MS);
}

/** Today's date in China (UTC+8, no daylight saving) at the given instant. */
export function chinaDate(at: Date): string {
  return fromUtcMs(at.getTime() + 8 * 3600_000);
}

export class WorkCalendar {
  private readonly years: Set<number>;

  constructor(private readonly days: CalendarDays) {
    this.years = new Set(Object.keys(days.holidays).map((d) => Number(d.slice(0, 4))));
  }

  /** A calendar with more days added (a new year's schedule, or a local correction). */
  withDays(extra: CalendarDays): WorkCalendar {
    // An added day replaces a packaged day of the other kind (a correction turns a holiday into a working day, or back).
    const holidays = { ...this.days.holidays };
    const workdays = { ...this.days.workdays };
    for (const d of Object.keys(extra.holidays)) delete workdays[d];
    for (const d of Object.keys(extra.workdays)) delete holidays[d];
    return new WorkCalendar({ holidays: { ...holidays, ...extra.holidays }, workdays: { ...workdays, ...extra.workdays } });
  }

  /** Whether the official schedule of that year is known; outside it only weekends count. */
  covers(year: number): boolean {
    return this.years.has(year);
  }

  coveredYears(): number[] {
    return [...this.years].sort((a, b) => a - b);
  }

  isWorkday(date: string): boolean {
    if (date in this.days.workdays) return true;
    if (date in this.days.holidays) return false;
    const dow = new Date(toUtcMs(date)).getUTCDay();
    return dow !== 0 && dow !== 6;
  }

  /** The holiday or swap name of a date, if any (e.g. 国庆节). */
  dayName(date: string): string | undefined {
    const raw = this.days.holidays[date] ?? this.days.workdays[date];
    return raw?.split(',')[1] ?? raw;
  }

  /**
   * The date `n` working days after `date` (n > 0), or before it (n < 0). With n = 0 it is `date`
   * itself when that is a working day, else the next working day.
   */
  addWorkdays(date: string, n: number): string {
    let cur = date;
    if (n === 0) {
      while (!this.isWorkday(cur)) cur = addDays(cur, 1);
      return cur;
    }
    const step = n > 0 ? 1 : -1;
    for (let left = Math.abs(n); left > 0; ) {
      cur = addDays(cur, step);
      if (this.isWorkday(cur)) left--;
    }
    return cur;
  }

  /**
   * Working days from `from` to `to`: the count of working days in (from, to] when `to` is later,
   * negative of the count in (to, from] when earlier. "Due in N working days" = workdaysBetween(today, deadline);
   * "overdue by N working days" = workdaysBetween(deadline, today).
   */
  workdaysBetween(from: string, to: string): number {
    if (from === to) return 0;
    const [a, b, sign] = from < to ? [from, to, 1] : [to, from, -1];
    let count = 0;
    for (let cur = addDays(a, 1); cur <= b; cur = addDays(cur, 1)) if (this.isWorkday(cur)) count++;
    return sign * count;
  }
}

/** The calendar from the packaged official data. */
export const officialCalendar = new WorkCalendar(chineseDays as CalendarDays);
