import type { DurationUnit } from './ast.js';

const DAY = 86_400_000;

/** 'YYYY-MM-DD' → days since 1970-01-01 (UTC); NaN when absent or not a real date. */
export function toDays(date: string | null | undefined): number {
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return Number.NaN;
  const ms = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  return fromDays(ms / DAY) === date ? ms / DAY : Number.NaN;
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
