import type { DurationUnit } from './ast.js';

const DAY = 86_400_000;

/** 'YYYY-MM-DD' → days since 1970-01-01 (UTC); NaN when absent or not a real date. */
const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function toDays(date: string | null | undefined): number {
  if (!date || date.length !== 10 || date[4] !== '-' || date[7] !== '-') return Number.NaN;
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d) || m < 1 || m > 12 || d < 1 || d > MONTH_DAYS[m - 1]!) return Number.NaN;
  if (m === 2 && d === 29 && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))) return Number.NaN;
  return Date.UTC(y, m - 1, d) / DAY;
}

export function fromDays(days: number): string {
  return Number.isFinite(days) ? new Date(days * DAY).toISOString().slice(0, 10) : '';
}

export function isValidDate(date: string): boolean {
  return !Number.isNaN(toDays(date));
}

/** Calendar arithmetic: 2026-03-02 minus 3 years is 2023-03-02. */
export function addDuration(days: number, amount: number, unit: DurationUnit): number {
  const d = new Date(days * DAY);
  if (unit === 'year') d.setUTCFullYear(d.getUTCFullYear() + amount);
  else if (unit === 'month') d.setUTCMonth(d.getUTCMonth() + amount);
  else d.setUTCDate(d.getUTCDate() + amount);
  return Math.round(d.getTime() / DAY);
}

/** The day (Asia/Shanghai) a clock reading falls on, as days since epoch. */
export function shanghaiDays(now: Date): number {
  return Math.floor((now.getTime() + 8 * 3_600_000) / DAY);
}
