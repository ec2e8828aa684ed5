/**
 * Deadlines as offices write them in a 完成时限 column: Excel dates, "2024-06-30", "2024年6月底前",
 * "6月底完成", "2024年底", "2024年第三季度", "上半年", "长期坚持", "持续推进". A month, quarter or
 * year resolves to its last day; a phrase without a year takes the list's year (from the title
 * row) or the current year. A cell naming several dates keeps the latest, the final completion.
 */

import { excelSerialToDate, lastDayOfMonth } from '../../../common/dates.js';

export type DeadlineResult = { ok: true; deadline: string | null; ongoing: boolean } | { ok: false; message: string };

const ONGOING = /长期坚持|持续推进|长期推进|持续开展|持续实施|常态化|长期|持续|动态调整/;
const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 十一: 11, 十二: 12 };

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function num(s: string): number {
  return CN_DIGITS[s] ?? Number(s);
}

/** Thrown from inside a replace callback to stop at the first impossible date. */
class DeadlineProblem extends Error {}

type Found = { date: string } | { error: string };

function makeDate(y: number, m: number, d: number | 'end', text: string): Found {
  if (y < 1990 || y > 2100) return { error: `年份 ${y} 不合理 / implausible year in “${text}”` };
  if (!(m >= 1 && m <= 12)) return { error: `“${text}”中没有第 ${m} 月 / no month ${m}` };
  const last = lastDayOfMonth(y, m);
  const day = d === 'end' ? last : d;
  if (day < 1 || day > last) return { error: `${y}年${m}月没有${day}日 / ${y}-${pad(m)}-${pad(day)} does not exist` };
  return { date: `${y}-${pad(m)}-${pad(day)}` };
}

const CN = '[一二三四五六七八九十]{1,2}';
// Ordered: the most specific pattern claims its text first, later ones run on what is left.
const PATTERNS: { re: RegExp; build: (m: RegExpMatchArray, year: number | null, text: string) => Found | null }[] = [
  { re: /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?/g, build: (m, _y, t) => makeDate(+m[1], +m[2], +m[3], t) },
  {
    re: new RegExp(`(?:(\\d{4})\\s*年\\s*)?(?:第\\s*)?(\\d|${CN})\\s*季度`, 'g'),
    build: (m, y, t) => withYear(m[1], y, t, (yy) => quarter(yy, num(m[2]), t)),
  },
  {
    re: /(?:(\d{4})\s*年\s*)?([上下])半年/g,
    build: (m, y, t) => withYear(m[1], y, t, (yy) => makeDate(yy, m[2] === '上' ? 6 : 12, 'end', t)),
  },
  {
    re: new RegExp(`(?:(\\d{4})\\s*[年/.-]\\s*)?(\\d{1,2}|${CN})\\s*月(?:份|底|末|中旬|下旬|上旬)?`, 'g'),
    build: (m, y, t) => withYear(m[1], y, t, (yy) => makeDate(yy, num(m[2]), 'end', t)),
  },
  { re: /(\d{4})\s*[-/.]\s*(\d{1,2})(?!\d)/g, build: (m, _y, t) => makeDate(+m[1], +m[2], 'end', t) },
  { re: /(\d{4})\s*年(?:年?底|年?末|内|全年|前|)/g, build: (m, _y, t) => makeDate(+m[1], 12, 'end', t) },
  { re: /(?:今年|本年|年底|年末|年内|全年)/g, build: (_m, y, t) => withYear(undefined, y, t, (yy) => makeDate(yy, 12, 'end', t)) },
];

function quarter(y: number, q: number, t: string): Found {
  if (!(q >= 1 && q <= 4)) return { error: `没有第 ${q} 季度 / no quarter ${q} in “${t}”` };
  return makeDate(y, q * 3, 'end', t);
}

function withYear(explicit: string | undefined, fallback: number | null, t: string, f: (y: number) => Found): Found {
  if (explicit) return f(Number(explicit));
  if (fallback === null) return { error: `“${t}”没有写年份 / no year in “${t}”` };
  return f(fallback);
}

function parseOrThrow(value: CellDeadline, defaultYear: number | null): DeadlineResult {
  if (value === null || value === undefined) return { ok: true, deadline: null, ongoing: false };
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return { ok: false, message: '日期无效 / invalid date' };
    return { ok: true, deadline: value.toISOString().slice(0, 10), ongoing: false };
  }
  if (typeof value === 'number') {
    if (Number.isInteger(value) && value >= 1990 && value <= 2100) return { ok: true, deadline: `${value}-12-31`, ongoing: false };
    // A date typed into a cell formatted as a number arrives as its serial day (30000 ≈ 1982, 80000 ≈ 2119).
    if (value >= 30000 && value < 80000) return { ok: true, deadline: excelSerialToDate(Math.floor(value)), ongoing: false };
    return { ok: false, message: `无法识别的完成时限“${value}” / unrecognised deadline “${value}”` };
  }
  const text = value.normalize('NFKC').replace(/\s+/g, '');
  if (!text) return { ok: true, deadline: null, ongoing: false };
  // "2024年6月底前完成方案，12月底前全面完成": the year written once applies to the whole cell.
  const year = Number(/(\d{4})\s*年/.exec(text)?.[1] ?? defaultYear) || null;
  let rest = text;
  const dates: string[] = [];
  for (const p of PATTERNS) {
    rest = rest.replace(p.re, (...args) => {
      const found = p.build(args as unknown as RegExpMatchArray, year, text);
      if (!found) return args[0] as string;
      if ('error' in found) throw new DeadlineProblem(found.error);
      dates.push(found.date);
      return '\u0000';
    });
  }
  if (dates.length) return { ok: true, deadline: dates.sort().at(-1)!, ongoing: false };
  if (ONGOING.test(text)) return { ok: true, deadline: null, ongoing: true };
  return { ok: false, message: `无法识别的完成时限“${value}”；请写日期、“2024年6月底”、“第三季度”或“长期坚持” / unrecognised deadline` };
}

export type CellDeadline = string | number | Date | null | undefined;

/**
 * Parses one 完成时限 cell. `value` is what the cell holds (text, a Date from a date-formatted cell,
 * or a number); `defaultYear` is used for phrases like "6月底前". Never throws.
 */
export function parseDeadline(value: CellDeadline, defaultYear: number | null): DeadlineResult {
  try {
    return parseOrThrow(value, defaultYear);
  } catch (err) {
    if (err instanceof DeadlineProblem) return { ok: false, message: err.message };
    throw err;
  }
}
