import { type WorkCalendar, addDays, chinaDate, officialCalendar } from '../../common/workdays.js';
import type { AppContext } from '../../context.js';
import { getWorkCalendar } from '../calendar/calendar.service.js';

/**
 * Overdue and "due soon" are derived from the deadline in working days at read time, never stored:
 * an item is overdue once a working day has passed after its deadline, so a deadline just before
 * a holiday (e.g. 9-30 before 国庆) is not overdue during the holiday. Every function takes the
 * calendar in force (official days plus the admin's additions); without one, the official calendar.
 */
export interface DueInfo {
  overdue: boolean;
  overdueWorkdays: number;
  dueInWorkdays: number | null;
}

export function today(clock: () => Date): string {
  return chinaDate(clock());
}

/** The calendar in force for this installation (see the calendar module). */
export function calendarOf(ctx: AppContext): Promise<WorkCalendar> {
  return getWorkCalendar(ctx);
}

/** The latest working day on or before `date`. */
export function lastWorkdayOnOrBefore(date: string, cal: WorkCalendar = officialCalendar): string {
  let cur = date;
  while (!cal.isWorkday(cur)) cur = addDays(cur, -1);
  return cur;
}

const DAY_MS = 86_400_000;
const TABLE_START = Date.parse('2000-01-01T00:00:00Z');
const TABLE_DAYS = 365 * 60;
const tables = new WeakMap<WorkCalendar, Int32Array>();

/**
 * The same count as `WorkCalendar.workdaysBetween`, in O(1) through a table of cumulative working
 * days built once per calendar: list pages compute it for every row, and walking day by day over
 * months of calendar made each page tens of milliseconds slower.
 */
export function workdaysBetween(from: string, to: string, cal: WorkCalendar = officialCalendar): number {
  const a = (Date.parse(`${from}T00:00:00Z`) - TABLE_START) / DAY_MS;
  const b = (Date.parse(`${to}T00:00:00Z`) - TABLE_START) / DAY_MS;
  if (!(a >= 0 && b >= 0 && a < TABLE_DAYS && b < TABLE_DAYS)) return cal.workdaysBetween(from, to);
  let cumulative = tables.get(cal);
  if (!cumulative) {
    cumulative = new Int32Array(TABLE_DAYS);
    let n = 0;
    for (let i = 0; i < TABLE_DAYS; i++) {
      if (cal.isWorkday(new Date(TABLE_START + i * DAY_MS).toISOString().slice(0, 10))) n++;
      cumulative[i] = n;
    }
    tables.set(cal, cumulative);
  }
  return cumulative[b] - cumulative[a];
}

export function dueInfo(deadline: string | null, status: string, day: string, cal: WorkCalendar = officialCalendar): DueInfo {
  if (!deadline) return { overdue: false, overdueWorkdays: 0, dueInWorkdays: null };
  const dueIn = workdaysBetween(day, deadline, cal);
  const overdueWorkdays = status === 'closed' ? 0 : Math.max(0, -dueIn);
  return { overdue: overdueWorkdays > 0, overdueWorkdays, dueInWorkdays: dueIn };
}

/** Open items with a deadline before this date are overdue (the SQL form of `dueInfo`). */
export function overdueBefore(day: string, cal: WorkCalendar = officialCalendar): string {
  return lastWorkdayOnOrBefore(day, cal);
}

/** Deadlines in [from, before) are due within `n` working days and not yet overdue. */
export function dueWithinRange(day: string, n: number, cal: WorkCalendar = officialCalendar): { from: string; before: string } {
  return { from: overdueBefore(day, cal), before: cal.addWorkdays(day, n + 1) };
}
