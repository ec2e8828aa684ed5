/**
 * 统计上大中小微型企业划分办法（2017）, 国统字〔2017〕213号. Thresholds per industry on employees
 * (X, persons), operating revenue (Y, 万元) and total assets (Z, 万元). Large, medium and small
 * enterprises must reach the lower bound of every listed indicator; otherwise they drop a class
 * (so micro is whatever reaches no small bound on all indicators).
 */
export const SIZE_CLASSES = ['大', '中', '小', '微'] as const;
export type SizeClass = (typeof SIZE_CLASSES)[number];

type Bounds = [large: number, medium: number, small: number];
interface IndustryThresholds {
  label: string;
  /** Industry code prefixes (section letter + digits) the row covers; the longest match wins. */
  prefixes: string[];
  employees?: Bounds;
  revenue?: Bounds;
  assets?: Bounds;
}

export const SIZE_THRESHOLDS: IndustryThresholds[] = [
  { label: '农、林、牧、渔业', prefixes: ['A'], revenue: [20000, 500, 50] },
  { label: '工业', prefixes: ['B', 'C', 'D'], employees: [1000, 300, 20], revenue: [40000, 2000, 300] },
  { label: '建筑业', prefixes: ['E'], revenue: [80000, 6000, 300], assets: [80000, 5000, 300] },
  { label: '批发业', prefixes: ['F51'], employees: [200, 20, 5], revenue: [40000, 5000, 1000] },
  { label: '零售业', prefixes: ['F52'], employees: [300, 50, 10], revenue: [20000, 500, 100] },
  // 交通运输业 excludes railway transport (G53), which falls under "other".
  { label: '交通运输业', prefixes: ['G54', 'G55', 'G56', 'G57', 'G58', 'G591'], employees: [1000, 300, 20], revenue: [30000, 3000, 200] },
  { label: '仓储业', prefixes: ['G59'], employees: [200, 100, 20], revenue: [30000, 1000, 100] },
  { label: '邮政业', prefixes: ['G60'], employees: [1000, 300, 20], revenue: [30000, 2000, 100] },
  { label: '住宿业', prefixes: ['H61'], employees: [300, 100, 10], revenue: [10000, 2000, 100] },
  { label: '餐饮业', prefixes: ['H62'], employees: [300, 100, 10], revenue: [10000, 2000, 100] },
  { label: '信息传输业', prefixes: ['I63', 'I64'], employees: [2000, 100, 10], revenue: [100000, 1000, 100] },
  { label: '软件和信息技术服务业', prefixes: ['I65'], employees: [300, 100, 10], revenue: [10000, 1000, 50] },
  { label: '房地产开发经营', prefixes: ['K701'], revenue: [200000, 1000, 100], assets: [10000, 5000, 2000] },
  { label: '物业管理', prefixes: ['K702'], employees: [1000, 300, 100], revenue: [5000, 1000, 500] },
  { label: '租赁和商务服务业', prefixes: ['L'], employees: [300, 100, 10], assets: [120000, 8000, 100] },
  { label: '其他未列明行业', prefixes: [''], employees: [300, 100, 10] },
];

function thresholdsFor(industryCode: string): IndustryThresholds {
  let best = SIZE_THRESHOLDS[SIZE_THRESHOLDS.length - 1]!;
  let bestLen = -1;
  for (const t of SIZE_THRESHOLDS) {
    for (const p of t.prefixes) if (industryCode.startsWith(p) && p.length > bestLen) [best, bestLen] = [t, p.length];
  }
  return best;
}

/** The size class of an enterprise; a missing figure counts as not reaching the bound. */
export function sizeClassOf(
  industryCode: string,
  f: { employees: number | null; revenue: number | null; assets: number | null },
): SizeClass {
  const t = thresholdsFor(industryCode);
  const reaches = (level: 0 | 1 | 2) =>
    (!t.employees || (f.employees ?? -1) >= t.employees[level]) &&
    (!t.revenue || (f.revenue ?? -1) >= t.revenue[level]) &&
    (!t.assets || (f.assets ?? -1) >= t.assets[level]);
  if (reaches(0)) return '大';
  if (reaches(1)) return '中';
  if (reaches(2)) return '小';
  return '微';
}
