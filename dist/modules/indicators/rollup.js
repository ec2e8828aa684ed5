function rollUpSelfAssessments(rows) {
  let skipped = 0;
  const byUnit = /* @__PURE__ */ new Map();
  const all = /* @__PURE__ */ new Map();
  const add = (map, r) => {
    const a = map.get(r.area) ?? { area: r.area, selfTotal: 0, maxTotal: 0, questions: 0, unanswered: 0, predicted: 0 };
    a.questions += 1;
    a.maxTotal += r.maxScore;
    if (r.selfScore === null) a.unanswered += 1;
    else a.selfTotal += Math.min(r.selfScore, r.maxScore);
    a.predicted = a.maxTotal > 0 ? a.selfTotal / a.maxTotal * 100 : 0;
    map.set(r.area, a);
  };
  for (const r of rows) {
    if (r.maxScore === null || r.maxScore <= 0 || !r.area) {
      skipped += 1;
      continue;
    }
    const u = byUnit.get(r.unitId) ?? { name: r.unitName, areas: /* @__PURE__ */ new Map() };
    add(u.areas, r);
    byUnit.set(r.unitId, u);
    add(all, r);
  }
  const units = [...byUnit.entries()].map(([unitId, u]) => {
    const areas = [...u.areas.values()].sort((a, b) => a.area.localeCompare(b.area, "zh"));
    return { unitId, unitName: u.name, areas, predicted: areas.reduce((s, a) => s + a.predicted, 0) / areas.length };
  });
  return { units: units.sort((a, b) => b.predicted - a.predicted), areas: [...all.values()].sort((a, b) => a.area.localeCompare(b.area, "zh")), skipped };
}
export {
  rollUpSelfAssessments
};
//# sourceMappingURL=rollup.js.map
