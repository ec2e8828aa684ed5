import chineseDays from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { addDays, daysOf, fromDays, weekday } from './dates.js';

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
    const dow = weekday(date);
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
    for (let left = Math.abs(n); left > 0;) {
      cur = addDays(cur, step);
      if (this.isWorkday(cur)) left--;
    }
    return cur;
  }

  /**
   * Working days from `from` to `to`: the count of working days in (from, to] when `to` is later,
   * negative of the count in (to, from] when earlier. "Due in N working days" = workdaysBetween(today, deadline);
   * "overdue by N working days" = workdaysBetween(deadline, today).
   *
   * O(1) within 2000–2059 through a table of cumulative working days built on first use: list pages
   * compute it for every row, and walking day by day over months made each page tens of ms slower.
   */
  workdaysBetween(from: string, to: string): number {
    if (from === to) return 0;
    const a = daysOf(from) - TABLE_START;
    const b = daysOf(to) - TABLE_START;
    if (a >= 0 && b >= 0 && a < TABLE_DAYS && b < TABLE_DAYS) {
      this.cumulative ??= this.cumulativeWorkdays();
      return this.cumulative[b]! - this.cumulative[a]!;
    }
    const [lo, hi, sign] = a < b ? [from, to, 1] : [to, from, -1];
    let count = 0;
    for (let cur = addDays(lo, 1); cur <= hi; cur = addDays(cur, 1)) if (this.isWorkday(cur)) count++;
    return sign * count;
  }

  private cumulative: Int32Array | undefined;

  private cumulativeWorkdays(): Int32Array {
    const table = new Int32Array(TABLE_DAYS);
    let n = 0;
    for (let i = 0; i < TABLE_DAYS; i++) {
      if (this.isWorkday(fromDays(TABLE_START + i))) n++;
      table[i] = n;
    }
    return table;
  }
}

/** The span of `workdaysBetween`'s table: 2000-01-01 and 60 years on, as day numbers. */
const TABLE_START = daysOf('2000-01-01');
const TABLE_DAYS = 365 * 60;

/** The calendar from the packaged official data. */
export const officialCalendar = new WorkCalendar(chineseDays as CalendarDays);
