/**
 * Plain dates ('YYYY-MM-DD', a day in China with no time and no zone) and their arithmetic, in one
 * place for server and web. A plain date is handled as a UTC midnight or as a day number (days since
 * 1970-01-01), never through the machine's local time zone, so the same date never shifts by a day.
 * Working days (holidays, swapped days) are in workdays.ts on top of these.
 */

export const DAY_MS = 86_400_000;
const CHINA_OFFSET_MS = 8 * 3_600_000;
const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

/** Days in a month (1–12) of a year: 28–31. */
export function lastDayOfMonth(year: number, month: number): number {
  return month === 2 && !isLeapYear(year) ? 28 : MONTH_DAYS[month - 1]!;
}

/** 'YYYY-MM-DD' → days since 1970-01-01; NaN when absent, malformed or not a real date (2026-02-30). */
export function toDays(date: string | null | undefined): number {
  if (!date || date.length !== 10 || date[4] !== '-' || date[7] !== '-') return Number.NaN;
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return Number.NaN;
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > lastDayOfMonth(y, m)) return Number.NaN;
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

/** Days since 1970-01-01 → 'YYYY-MM-DD'; '' for NaN or infinity. */
export function fromDays(days: number): string {
  return Number.isFinite(days) ? new Date(days * DAY_MS).toISOString().slice(0, 10) : '';
}

export function isValidDate(date: string): boolean {
  return !Number.isNaN(toDays(date));
}

/** Days since 1970-01-01 of a valid date; a RangeError otherwise (a programming error, not user input). */
export function daysOf(date: string): number {
  const days = toDays(date);
  if (Number.isNaN(days)) throw new RangeError(`not a date: ${date}`);
  return days;
}

export function addDays(date: string, n: number): string {
  return fromDays(daysOf(date) + n);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return daysOf(to) - daysOf(from);
}

/** Day of the week, 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  return new Date(daysOf(date) * DAY_MS).getUTCDay();
}

/**
 * Calendar arithmetic on day numbers: 2026-03-02 minus 3 years is 2023-03-02. Months and years
 * overflow as JavaScript dates do (01-31 plus one month is 03-03, or 03-02 in a leap year).
 */
export function addDuration(days: number, amount: number, unit: 'year' | 'month' | 'day'): number {
  const d = new Date(days * DAY_MS);
  if (unit === 'year') d.setUTCFullYear(d.getUTCFullYear() + amount);
  else if (unit === 'month') d.setUTCMonth(d.getUTCMonth() + amount);
  else d.setUTCDate(d.getUTCDate() + amount);
  return Math.round(d.getTime() / DAY_MS);
}

/** The date in China (UTC+8, no daylight saving) at an instant. */
export function chinaDate(at: Date): string {
  return fromDays(chinaDays(at));
}

/** The day in China at an instant, as days since 1970-01-01. */
export function chinaDays(at: Date): number {
  return Math.floor((at.getTime() + CHINA_OFFSET_MS) / DAY_MS);
}

/** 'YYYY-MM-DD' of an Excel serial day number (1900 date system, with its 1900-02-29 quirk). */
export function excelSerialToDate(serial: number): string {
  return fromDays(Math.floor(serial) - 25_569);
}
