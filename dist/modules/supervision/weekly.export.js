import { addTableSheet, newWorkbook, workbookBuffer } from "../reports/excel.js";
const board = (r) => r.board === "red" ? "\u7EA2\u699C" : r.board === "black" ? "\u9ED1\u699C" : "";
const COLUMNS = [
  { header: "\u6392\u540D", value: (r) => r.rank || null, align: "center" },
  { header: "\u5355\u4F4D", value: (r) => r.unit.name },
  { header: "\u7275\u5934\u4E8B\u9879", value: (r) => r.assigned },
  { header: "\u5DF2\u9500\u53F7", value: (r) => r.closed },
  { header: "\u63A8\u8FDB\u4E2D", value: (r) => r.inProgress },
  { header: "\u903E\u671F", value: (r) => r.overdue },
  { header: "\u6EDE\u540E\uFF08\u672A\u62A5\u9001\u8FDB\u5C55\uFF09", value: (r) => r.stale },
  { header: "\u903E\u671F\u62A5\u9001", value: (r) => r.lateReports },
  { header: "\u88AB\u9000\u56DE", value: (r) => r.returns },
  { header: "\u5F97\u5206", value: (r) => r.score },
  { header: "\u8F83\u4E0A\u5468\u5F97\u5206", value: (r) => r.change?.score ?? null },
  { header: "\u8F83\u4E0A\u5468\u903E\u671F", value: (r) => r.change?.overdue ?? null },
  { header: "\u7EA2\u9ED1\u699C", value: board, align: "center" }
];
async function snapshotWorkbook(s) {
  const wb = newWorkbook();
  addTableSheet(wb, `\u5468\u7763\u67E5 ${s.weekOf}`, COLUMNS, s.rows, { title: `\u5468\u7763\u67E5\u60C5\u51B5\uFF08${s.period.from} \u81F3 ${s.period.to}\uFF09`, freezeColumns: 2 });
  const boards = addTableSheet(wb, "\u7EA2\u9ED1\u699C", [COLUMNS[12], COLUMNS[1], COLUMNS[9], COLUMNS[5]], [...s.red, ...s.black]);
  boards.addRow([]);
  boards.addRow(["\u8BA1\u5206\u89C4\u5219", s.formula.zh]);
  return workbookBuffer(wb);
}
export {
  snapshotWorkbook
};
//# sourceMappingURL=weekly.export.js.map
