import ExcelJS from "exceljs";
import { IMPORT_LIMITS } from "../../../common/schemas/worklists-import.js";
import { cellTextOrEmpty, columnLetter } from "./cells.js";
import { fieldOfHeader } from "./headers.js";
import { readSheetRows } from "./sheet-rows.js";
import { WorkbookRejected, assertSafeXlsx } from "./zip-guard.js";
import { KIND_FIELDS } from "../worklists.types.js";
const MIN_CONTENT_FIELDS = ["content", "measures"];
function rowFields(ws, r, width) {
  const out = [];
  for (let c = 1; c <= width; c++) out.push(fieldOfHeader(cellTextOrEmpty(ws.getCell(r, c))));
  return out;
}
function findHeader(ws, kind) {
  const width = Math.min(ws.columnCount, 60);
  const last = Math.min(ws.rowCount, IMPORT_LIMITS.headerSearchRows);
  for (let r = 1; r <= last; r++) {
    const fields = rowFields(ws, r, width);
    const distinct = new Set(fields.filter(Boolean));
    if (distinct.size < 2 || !MIN_CONTENT_FIELDS.some((f) => distinct.has(f))) continue;
    const below = r < ws.rowCount ? rowFields(ws, r + 1, width) : [];
    const twoRow = below.some((f, i) => f && f !== fields[i]) && below.every((f, i) => {
      const t = cellTextOrEmpty(ws.getCell(r + 1, i + 1));
      return f || !t || t === cellTextOrEmpty(ws.getCell(r, i + 1));
    });
    const columns = {};
    const mapping = [];
    for (let c = 1; c <= width; c++) {
      const sub = twoRow ? below[c - 1] : null;
      const header = (sub ? cellTextOrEmpty(ws.getCell(r + 1, c)) : cellTextOrEmpty(ws.getCell(r, c))).replace(/\s+/g, "");
      if (!header) continue;
      let field = sub ?? fields[c - 1];
      if (field && columns[field] !== void 0) field = null;
      if (field && field in KIND_FIELDS && KIND_FIELDS[field].kind !== kind) field = null;
      if (field) columns[field] = c;
      mapping.push({ column: columnLetter(c), header, field });
    }
    if (columns.content === void 0 && columns.measures !== void 0) {
      columns.content = columns.measures;
      delete columns.measures;
      for (const m of mapping) if (m.field === "measures") m.field = "content";
    }
    let year = null;
    for (let t = 1; t < r && year === null; t++) {
      const m = /(20\d{2})\s*年/.exec(cellTextOrEmpty(ws.getCell(t, 1)) + cellTextOrEmpty(ws.getCell(t, 2)));
      if (m) year = Number(m[1]);
    }
    return { headerRow: r, dataStart: r + (twoRow ? 2 : 1), columns, mapping, year };
  }
  return null;
}
function isEmptySheet(ws) {
  return ws.actualRowCount === 0;
}
async function parseWorkbook(buffer, opts) {
  const preview = { rows: [], problems: [], mapping: [], rejected: null };
  const fileProblem = (message) => preview.problems.push({ sheet: null, row: null, column: null, message });
  let stored;
  try {
    stored = await assertSafeXlsx(buffer, { maxBytes: opts.maxBytes });
  } catch (err) {
    if (!(err instanceof WorkbookRejected)) throw err;
    preview.rejected = { message: err.message, tooLarge: err.tooLarge };
    fileProblem(err.message);
    return preview;
  }
  const wb = new ExcelJS.Workbook();
  try {
    opts.onProgress?.("reading workbook");
    await wb.xlsx.load(stored);
  } catch {
    const message = "Excel \u65E0\u6CD5\u8BFB\u53D6\u8BE5\u5DE5\u4F5C\u7C3F\uFF08\u6587\u4EF6\u5DF2\u635F\u574F\u6216\u683C\u5F0F\u4E0D\u7B26\uFF09 / the workbook cannot be read";
    preview.rejected = { message, tooLarge: false };
    fileProblem(message);
    return preview;
  }
  const sheets = wb.worksheets.filter((ws) => ws.state === "visible" && !isEmptySheet(ws));
  const headers = new Map(sheets.map((ws) => [ws, findHeader(ws, opts.kind)]));
  const anyHeader = [...headers.values()].some(Boolean);
  for (const ws of wb.worksheets) {
    const header = headers.get(ws);
    if (header) continue;
    const skipped = ws.state !== "visible" ? "\u9690\u85CF\u7684\u5DE5\u4F5C\u8868 / hidden sheet" : isEmptySheet(ws) ? "\u7A7A\u767D\u5DE5\u4F5C\u8868 / empty sheet" : "\u627E\u4E0D\u5230\u8868\u5934 / no header row";
    preview.mapping.push({ sheet: ws.name, headerRow: null, columns: [], skipped });
    if (sheets.includes(ws) && !anyHeader) {
      preview.problems.push({
        sheet: ws.name,
        row: null,
        column: null,
        message: `\u524D ${IMPORT_LIMITS.headerSearchRows} \u884C\u4E2D\u627E\u4E0D\u5230\u8868\u5934\uFF1A\u9700\u8981\u201C\u5E8F\u53F7\u201D\u201C\u5DE5\u4F5C\u4EFB\u52A1\u201D\u201C\u7275\u5934\u5355\u4F4D\u201D\u201C\u5B8C\u6210\u65F6\u9650\u201D\u7B49\u5217\u540D / no header row (\u5E8F\u53F7, \u5DE5\u4F5C\u4EFB\u52A1, \u7275\u5934\u5355\u4F4D, \u5B8C\u6210\u65F6\u9650 \u2026) in the first rows`
      });
    }
  }
  if (!sheets.length) fileProblem("\u5DE5\u4F5C\u7C3F\u4E2D\u6CA1\u6709\u6570\u636E / the workbook is empty");
  const state = { preview, units: opts.units, unitCells: /* @__PURE__ */ new Map(), deadlines: /* @__PURE__ */ new Map(), codes: /* @__PURE__ */ new Map(), autoCode: 0 };
  for (const ws of sheets) {
    const header = headers.get(ws);
    if (!header) continue;
    preview.mapping.push({ sheet: ws.name, headerRow: header.headerRow, columns: header.mapping, skipped: null });
    if (header.columns.lead === void 0) {
      preview.problems.push({ sheet: ws.name, row: header.headerRow, column: null, message: "\u7F3A\u5C11\u201C\u7275\u5934\u5355\u4F4D/\u8D23\u4EFB\u5355\u4F4D\u201D\u5217 / no lead-unit column" });
    }
    const total = ws.rowCount - header.dataStart + 1;
    if (preview.rows.length + total > IMPORT_LIMITS.rows) {
      fileProblem(`\u6570\u636E\u884C\u8D85\u8FC7 ${IMPORT_LIMITS.rows} \u884C\uFF0C\u8BF7\u62C6\u5206\u6587\u4EF6 / more than ${IMPORT_LIMITS.rows} rows: split the file`);
      return preview;
    }
    opts.onProgress?.(`validating ${ws.name}: ${total} rows`);
    readSheetRows(ws, header, header.year ?? opts.year, state);
  }
  return preview;
}
function blockingProblems(p) {
  return p.problems.filter((x) => x.row === null || x.column === null && p.mapping.some((m) => m.sheet === x.sheet && m.headerRow === x.row));
}
function validRows(p) {
  const bad = new Set(p.problems.filter((x) => x.row !== null).map((x) => `${x.sheet}\0${x.row}`));
  return p.rows.filter((r) => !bad.has(`${r.sheet}\0${r.row}`));
}
export {
  blockingProblems,
  parseWorkbook,
  validRows
};
//# sourceMappingURL=workbook-parser.js.map
