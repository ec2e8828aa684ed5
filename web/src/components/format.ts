/**
 * Numbers as the office writes them: thousands separators, a fixed number of decimals where the
 * figure has them (scores one decimal, amounts in 万元 two), never a float's tail (71.46000001).
 */
export function fmtNumber(n: number | null | undefined, maxDecimals = 0): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  return n.toLocaleString('zh-CN', { maximumFractionDigits: maxDecimals, minimumFractionDigits: 0 });
}

/** A score: always one decimal (71.5, 80.0). */
export const fmtScore = (n: number): string => n.toLocaleString('zh-CN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** A label with {name} placeholders filled in: fill('距第{rank}名差{gap}分', { rank: 2, gap: '4.9' }). */
export function fill(text: string, vars: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

/** What an empty select says until something is chosen. */
export const PLEASE_CHOOSE = { zh: '请选择', en: 'Select…' };
