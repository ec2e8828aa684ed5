const SIZE_CLASSES = ["\u5927", "\u4E2D", "\u5C0F", "\u5FAE"];
const SIZE_THRESHOLDS = [
  { label: "\u519C\u3001\u6797\u3001\u7267\u3001\u6E14\u4E1A", prefixes: ["A"], revenue: [2e4, 500, 50] },
  { label: "\u5DE5\u4E1A", prefixes: ["B", "C", "D"], employees: [1e3, 300, 20], revenue: [4e4, 2e3, 300] },
  { label: "\u5EFA\u7B51\u4E1A", prefixes: ["E"], revenue: [8e4, 6e3, 300], assets: [8e4, 5e3, 300] },
  { label: "\u6279\u53D1\u4E1A", prefixes: ["F51"], employees: [200, 20, 5], revenue: [4e4, 5e3, 1e3] },
  { label: "\u96F6\u552E\u4E1A", prefixes: ["F52"], employees: [300, 50, 10], revenue: [2e4, 500, 100] },
  // 交通运输业 excludes railway transport (G53), which falls under "other".
  { label: "\u4EA4\u901A\u8FD0\u8F93\u4E1A", prefixes: ["G54", "G55", "G56", "G57", "G58", "G591"], employees: [1e3, 300, 20], revenue: [3e4, 3e3, 200] },
  { label: "\u4ED3\u50A8\u4E1A", prefixes: ["G59"], employees: [200, 100, 20], revenue: [3e4, 1e3, 100] },
  { label: "\u90AE\u653F\u4E1A", prefixes: ["G60"], employees: [1e3, 300, 20], revenue: [3e4, 2e3, 100] },
  { label: "\u4F4F\u5BBF\u4E1A", prefixes: ["H61"], employees: [300, 100, 10], revenue: [1e4, 2e3, 100] },
  { label: "\u9910\u996E\u4E1A", prefixes: ["H62"], employees: [300, 100, 10], revenue: [1e4, 2e3, 100] },
  { label: "\u4FE1\u606F\u4F20\u8F93\u4E1A", prefixes: ["I63", "I64"], employees: [2e3, 100, 10], revenue: [1e5, 1e3, 100] },
  { label: "\u8F6F\u4EF6\u548C\u4FE1\u606F\u6280\u672F\u670D\u52A1\u4E1A", prefixes: ["I65"], employees: [300, 100, 10], revenue: [1e4, 1e3, 50] },
  { label: "\u623F\u5730\u4EA7\u5F00\u53D1\u7ECF\u8425", prefixes: ["K701"], revenue: [2e5, 1e3, 100], assets: [1e4, 5e3, 2e3] },
  { label: "\u7269\u4E1A\u7BA1\u7406", prefixes: ["K702"], employees: [1e3, 300, 100], revenue: [5e3, 1e3, 500] },
  { label: "\u79DF\u8D41\u548C\u5546\u52A1\u670D\u52A1\u4E1A", prefixes: ["L"], employees: [300, 100, 10], assets: [12e4, 8e3, 100] },
  { label: "\u5176\u4ED6\u672A\u5217\u660E\u884C\u4E1A", prefixes: [""], employees: [300, 100, 10] }
];
function thresholdsFor(industryCode) {
  let best = SIZE_THRESHOLDS[SIZE_THRESHOLDS.length - 1];
  let bestLen = -1;
  for (const t of SIZE_THRESHOLDS) {
    for (const p of t.prefixes) if (industryCode.startsWith(p) && p.length > bestLen) [best, bestLen] = [t, p.length];
  }
  return best;
}
function sizeClassOf(industryCode, f) {
  const t = thresholdsFor(industryCode);
  const reaches = (level) => (!t.employees || (f.employees ?? -1) >= t.employees[level]) && (!t.revenue || (f.revenue ?? -1) >= t.revenue[level]) && (!t.assets || (f.assets ?? -1) >= t.assets[level]);
  if (reaches(0)) return "\u5927";
  if (reaches(1)) return "\u4E2D";
  if (reaches(2)) return "\u5C0F";
  return "\u5FAE";
}
export {
  SIZE_CLASSES,
  SIZE_THRESHOLDS,
  sizeClassOf
};
//# sourceMappingURL=size-class.js.map
