import { DAY_MS, fromDays } from '../../common/dates.js';
import type { WorkCalendar } from '../../common/workdays.js';

/**
 * Elapsed time of a case on the official calendar: the minutes that fall inside office hours
 * (09:00–17:00 China time, 8 hours) of working days. A working day of a time limit is 480 such
 * minutes, so "0.5 working days" is 240 minutes and "30 minutes" is 30.
 */
export const OPEN_MINUTE = 9 * 60;
export const CLOSE_MINUTE = 17 * 60;
export const WORKDAY_MINUTES = CLOSE_MINUTE - OPEN_MINUTE;
const CHINA_OFFSET_MS = 8 * 3_600_000;

export function workingMinutesBetween(cal: WorkCalendar, fromIso: string, toIso: string): number {
  const from = Date.parse(fromIso) + CHINA_OFFSET_MS;
  const to = Date.parse(toIso) + CHINA_OFFSET_MS;
  if (!(to > from)) return 0;
  let total = 0;
  for (let day = Math.floor(from / DAY_MS); day <= Math.floor(to / DAY_MS); day++) {
    if (!cal.isWorkday(fromDays(day))) continue;
    const open = day * DAY_MS + OPEN_MINUTE * 60_000;
    const close = day * DAY_MS + CLOSE_MINUTE * 60_000;
    const overlap = Math.min(close, to) - Math.max(open, from);
    if (overlap > 0) total += overlap;
  }
  return Math.round(total / 60_000);
}

/** Working minutes as whole working days and the hours left over (e.g. 1 230 min → 2 days 4.5 h). */
export function asWorkingDaysHours(minutes: number): { days: number; hours: number } {
  return { days: Math.floor(minutes / WORKDAY_MINUTES), hours: Math.round(((minutes % WORKDAY_MINUTES) / 60) * 10) / 10 };
}
