import { z } from 'zod';

/** True for a calendar day that exists, written YYYY-MM-DD, in the years 1900–2999. */
export function isRealDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || y > 2999 || mo < 1 || mo > 12 || d < 1) return false;
  // Day 0 of the next month is the last day of this one (leap years included).
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

/**
 * The one date type of the API: a day that exists, `YYYY-MM-DD`. `2026-02-30`, `2026-13-45` and
 * `0000-00-00` are refused with the field's path and this message, wherever a date is accepted.
 */
export const isoDate = z.string().refine(isRealDate, {
  message: '日期应为存在的日期，格式 YYYY-MM-DD（如 2026-03-31） / a date is a real day written YYYY-MM-DD',
});
