import { addDays, chinaDate } from '../../common/dates.js';
import { type WorkCalendar, officialCalendar } from '../../common/workdays.js';
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

export function dueInfo(deadline: string | null, status: string, day: string, cal: WorkCalendar = officialCalendar): DueInfo {
  if (!deadline) return { overdue: false, overdueWorkdays: 0, dueInWorkdays: null };
  const dueIn = cal.workdaysBetween(day, deadline);
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
