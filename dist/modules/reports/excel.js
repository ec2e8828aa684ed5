import ExcelJS from "exceljs";
const HEADER_FILL = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };
const THIN = { top: { style: "thin" }, left: { style: "thin" }, bottom: { style: "thin" }, right: { style: "thin" } };
function newWorkbook() {
  const wb = new ExcelJS.Workbook();
  wb.creator = "bizenv \u4F18\u5316\u8425\u5546\u73AF\u5883\u5DE5\u4F5C\u5E73\u53F0";
  wb.created = /* @__PURE__ */ new Date();
  return wb;
}
function textWidth(text) {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}
function addTableSheet(wb, name, columns, rows, opts = {}) {
  const ws = wb.addWorksheet(name.replace(/[\\/?*[\]:]/g, " ").slice(0, 31));
  let headerRow = 1;
  if (opts.title) {
    const title = ws.addRow([opts.title]);
    ws.mergeCells(1, 1, 1, columns.length);
    title.font = { bold: true, size: 14 };
    title.alignment = { horizontal: "center", vertical: "middle" };
    title.height = 26;
    headerRow = 2;
  }
  const header = ws.addRow(columns.map((c) => c.header));
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = THIN;
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  });
  for (const r of rows) {
    const row = ws.addRow(columns.map((c) => c.value(r) ?? null));
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      const c = columns[col - 1];
      if (!c) return;
      cell.border = THIN;
      cell.alignment = { vertical: "top", wrapText: true, ...c.align ? { horizontal: c.align } : {} };
      if (c.numFmt) cell.numFmt = c.numFmt;
    });
  }
  const sample = rows.slice(0, 200);
  columns.forEach((c, i) => {
    const fitted = Math.max(textWidth(c.header), ...sample.map((r) => textWidth(String(c.value(r) ?? ""))));
    ws.getColumn(i + 1).width = c.width ?? Math.min(60, Math.max(6, fitted + 2));
  });
  ws.views = [{ state: "frozen", ySplit: headerRow, xSplit: opts.freezeColumns ?? 0 }];
  if (opts.autoFilter !== false && rows.length) ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow + rows.length, column: columns.length } };
  return ws;
}
async function workbookBuffer(wb) {
  return Buffer.from(await wb.xlsx.writeBuffer());
}
export {
  addTableSheet,
  newWorkbook,
  textWidth,
  workbookBuffer
};
//# sourceMappingURL=excel.js.map
