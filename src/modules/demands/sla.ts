import { DAY_MS, chinaDate, daysOf } from '../../common/dates.js';
import type { WorkCalendar } from '../../common/workdays.js';

/**
 * Working hours of the desk, in minutes after midnight China time: 9:00–12:00 and 13:30–17:30,
 * the hours city offices keep; the sign-for limit and the handling time count only these minutes.
 */
export const WORK_WINDOWS: readonly [number, number][] = [
  [9 * 60, 12 * 60],
  [13 * 60 + 30, 17 * 60 + 30],
];
const CHINA_OFFSET_MIN = 8 * 60;
const DAY_MIN = 24 * 60;

/** Minutes since 1970-01-01 00:00 China time. */
function chinaMinutes(at: Date): number {
  return Math.floor(at.getTime() / 60_000) + CHINA_OFFSET_MIN;
}

function fromChinaMinutes(m: number): Date {
  return new Date((m - CHINA_OFFSET_MIN) * 60_000);
}

function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The instant `hours` working hours after `at` (a start outside working hours counts from the next window). */
export function addWorkingHours(cal: WorkCalendar, at: Date, hours: number): Date {
  let left = Math.round(hours * 60);
  let m = chinaMinutes(at);
  for (let guard = 0; guard < 4000; guard++) {
    const day = Math.floor(m / DAY_MIN);
    if (cal.isWorkday(dateOfDay(day))) {
      for (const [s, e] of WORK_WINDOWS) {
        const start = Math.max(m, day * DAY_MIN + s);
        const end = day * DAY_MIN + e;
        if (start >= end) continue;
        if (start + left <= end) return fromChinaMinutes(start + left);
        left -= end - start;
        m = end;
      }
    }
    m = (day + 1) * DAY_MIN;
  }
  throw new Error('working-hour limit out of range');
}

/** Working hours between two instants (0 when `to` is not later). */
export function workingHoursBetween(cal: WorkCalendar, from: Date, to: Date): number {
  const a = chinaMinutes(from);
  const b = chinaMinutes(to);
  if (b <= a) return 0;
  let minutes = 0;
  for (let day = Math.floor(a / DAY_MIN); day <= Math.floor(b / DAY_MIN); day++) {
    if (!cal.isWorkday(dateOfDay(day))) continue;
    for (const [s, e] of WORK_WINDOWS) {
      const lo = Math.max(a, day * DAY_MIN + s);
      const hi = Math.min(b, day * DAY_MIN + e);
      if (hi > lo) minutes += hi - lo;
    }
  }
  return Math.round((minutes / 60) * 100) / 100;
}

/**
 * The end of the working day that is `days` working days after the day of `at` (the close of the
 * last window): a 1-working-day 咨询 received on Monday is due Tuesday 17:30.
 */
export function dueAfterWorkdays(cal: WorkCalendar, at: Date, days: number): Date {
  const date = cal.addWorkdays(chinaDate(at), days);
  return fromChinaMinutes(daysOf(date) * DAY_MIN + WORK_WINDOWS[WORK_WINDOWS.length - 1]![1]);
}
