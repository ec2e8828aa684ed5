const DEFAULT_SCORE = {
  weights: { completion: 100, overdue: 5, stale: 2, lateReports: 1, returns: 1 },
  redCount: 5,
  blackCount: 5,
  staleDays: 14
};
const DEFAULT_ESCALATION = {
  reminders: { enabled: true, daysBefore: [5, 1] },
  notice: { enabled: true, daysAfter: 1, replyDays: 3 },
  bulletin: { enabled: true, daysAfter: 5 },
  summons: { enabled: true, daysAfter: 10 }
};
function scoreFormula(s) {
  const w = s.weights;
  return {
    zh: `\u5F97\u5206 = ${w.completion} \xD7 \u5DF2\u9500\u53F7\u6570 / \u7275\u5934\u4E8B\u9879\u6570 \u2212 ${w.overdue} \xD7 \u903E\u671F\u4E8B\u9879\u6570 \u2212 ${w.stale} \xD7 \u6EDE\u540E\u4E8B\u9879\u6570\uFF08${s.staleDays} \u5929\u672A\u62A5\u9001\u8FDB\u5C55\uFF09 \u2212 ${w.lateReports} \xD7 \u903E\u671F\u62A5\u9001\u6B21\u6570 \u2212 ${w.returns} \xD7 \u88AB\u9000\u56DE\u6B21\u6570\uFF1B\u4FDD\u7559\u4E00\u4F4D\u5C0F\u6570\u3002\u7EA2\u699C\uFF1A\u6392\u540D\u524D\u4E00\u534A\u4E2D\u5F97\u5206\u6700\u9AD8\u7684 ${s.redCount} \u4E2A\u5355\u4F4D\uFF1B\u9ED1\u699C\uFF1A\u6392\u540D\u540E\u4E00\u534A\u4E2D\u6709\u903E\u671F\u6216\u6EDE\u540E\u4E8B\u9879\u3001\u5F97\u5206\u6700\u4F4E\u7684 ${s.blackCount} \u4E2A\u5355\u4F4D\u3002`,
    en: `score = ${w.completion} \xD7 closed / assigned \u2212 ${w.overdue} \xD7 overdue \u2212 ${w.stale} \xD7 stale (no report for ${s.staleDays} days) \u2212 ${w.lateReports} \xD7 late reports \u2212 ${w.returns} \xD7 returns; one decimal. Red list: the best ${s.redCount} units of the upper half of the ranking; black list: the worst ${s.blackCount} units of the lower half with overdue or stale items.`
  };
}
function scoreOf(f, s) {
  const w = s.weights;
  const completion = f.assigned ? f.closed / f.assigned : 0;
  const raw = w.completion * completion - w.overdue * f.overdue - w.stale * f.stale - w.lateReports * f.lateReports - w.returns * f.returns;
  return Math.round(raw * 10) / 10;
}
function rankUnits(rows, s) {
  const ranked = rows.map((row, order) => ({ row, order, score: scoreOf(row.figures, s) })).filter((r) => r.row.figures.assigned > 0).sort((a, b) => b.score - a.score || a.row.figures.overdue - b.row.figures.overdue || a.order - b.order).map((r, i) => ({ row: r.row, score: r.score, rank: i + 1, board: null }));
  const half = Math.ceil(ranked.length / 2);
  for (const r of ranked.slice(0, Math.min(s.redCount, half))) r.board = "red";
  const candidates = ranked.slice(half).filter((r) => r.row.figures.overdue + r.row.figures.stale > 0);
  for (const r of s.blackCount > 0 ? candidates.slice(-s.blackCount) : []) r.board = "black";
  return ranked;
}
export {
  DEFAULT_ESCALATION,
  DEFAULT_SCORE,
  rankUnits,
  scoreFormula,
  scoreOf
};
//# sourceMappingURL=score.js.map
