import ExcelJS from "exceljs";
import { AppError } from "../../common/errors.js";
import { period as periodSchema } from "../../common/schemas/indicators.js";
import { addTableSheet, newWorkbook, workbookBuffer } from "../reports/excel.js";
const HEADERS = {
  code: ["\u6307\u6807\u7F16\u7801", "code", "indicator code"],
  unit: ["\u5355\u4F4D", "unit"],
  period: ["\u671F\u95F4", "period"],
  value: ["\u6570\u503C", "value"],
  source: ["\u6765\u6E90", "source"],
  evidence: ["\u4F50\u8BC1\u8BF4\u660E", "\u4F50\u8BC1", "evidence"]
};
const REQUIRED = ["code", "unit", "period", "value", "source"];
const VALUE_SHEET_HEADERS = ["\u6307\u6807\u7F16\u7801", "\u5355\u4F4D", "\u671F\u95F4", "\u6570\u503C", "\u6765\u6E90", "\u4F50\u8BC1\u8BF4\u660E"];
const MAX_ERRORS = 100;
function cellText(v) {
  if (v === null || v === void 0) return "";
  if (typeof v === "object" && "result" in v) return cellText(v.result);
  if (typeof v === "object" && "richText" in v) return v.richText.map((r) => r.text).join("").trim();
  if (typeof v === "object" && "text" in v) return String(v.text).trim();
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v).trim();
}
function columnLetter(col) {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + (n - 1) % 26) + s;
  return s;
}
async function readValueSheet(data, file) {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data);
  } catch {
    throw new AppError("VALIDATION_FAILED", [{ path: file, file, message: "\u4E0D\u662F\u6709\u6548\u7684 .xlsx \u6587\u4EF6 / not a valid .xlsx workbook" }]);
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new AppError("VALIDATION_FAILED", [{ path: file, file, message: "\u5DE5\u4F5C\u7C3F\u6CA1\u6709\u5DE5\u4F5C\u8868 / the workbook has no sheet" }]);
  const where = (row, col, field) => ({ path: `${file} ${ws.name}!${columnLetter(col)}${row}`, file, sheet: ws.name, row, column: columnLetter(col), field });
  const cols = /* @__PURE__ */ new Map();
  ws.getRow(1).eachCell((cell, col) => {
    const h = cellText(cell.value).toLowerCase();
    for (const [key, names] of Object.entries(HEADERS)) if (names.includes(h)) cols.set(key, col);
  });
  const missing = REQUIRED.filter((k) => !cols.has(k));
  if (missing.length) {
    throw new AppError("VALIDATION_FAILED", missing.map((k) => ({ path: `${file} ${ws.name}!1`, file, sheet: ws.name, row: 1, field: k, message: `\u7F3A\u5C11\u5217\u201C${HEADERS[k][0]}\u201D / missing column ${HEADERS[k][1]}` })));
  }
  const rows = [];
  const errors = [];
  for (let r = 2; r <= ws.rowCount && errors.length < MAX_ERRORS; r++) {
    const row = ws.getRow(r);
    const get = (k) => cols.has(k) ? cellText(row.getCell(cols.get(k)).value) : "";
    if (REQUIRED.every((k) => get(k) === "")) continue;
    const problems = [];
    for (const k of REQUIRED) if (get(k) === "") problems.push({ ...where(r, cols.get(k), k), message: `\u201C${HEADERS[k][0]}\u201D\u4E3A\u7A7A / ${HEADERS[k][1]} is empty` });
    const raw = row.getCell(cols.get("value")).value;
    const num = typeof raw === "number" ? raw : typeof raw === "object" && raw && "result" in raw && typeof raw.result === "number" ? raw.result : Number(get("value").replace(/,/g, ""));
    if (get("value") !== "" && !Number.isFinite(num)) problems.push({ ...where(r, cols.get("value"), "value"), message: `\u4E0D\u662F\u6570\u5B57\uFF1A\u201C${get("value")}\u201D / not a number: "${get("value")}"` });
    const per = get("period");
    if (per !== "" && !periodSchema.safeParse(per).success) problems.push({ ...where(r, cols.get("period"), "period"), message: `\u671F\u95F4\u201C${per}\u201D\u683C\u5F0F\u5E94\u4E3A 2024\u30012024-Q3 \u6216 2024-06 / bad period` });
    if (get("source").length > 300) problems.push({ ...where(r, cols.get("source"), "source"), message: "\u6765\u6E90\u8D85\u8FC7 300 \u5B57 / source longer than 300 characters" });
    if (problems.length) {
      errors.push(...problems);
      continue;
    }
    rows.push({ row: r, code: get("code"), unit: get("unit"), period: per, value: num, source: get("source"), evidence: get("evidence") || null });
  }
  if (!rows.length && !errors.length) throw new AppError("VALIDATION_FAILED", [{ path: `${file} ${ws.name}`, file, sheet: ws.name, message: "\u6CA1\u6709\u6570\u636E\u884C / no data rows" }]);
  const columns = Object.fromEntries([...cols.entries()].map(([k, c]) => [k, columnLetter(c)]));
  return { file, sheet: ws.name, columns, rows, problems: errors.slice(0, MAX_ERRORS) };
}
function locate(s, r, field, message) {
  const column = s.columns[field] ?? "?";
  return { path: `${s.file} ${s.sheet}!${column}${r.row}`, file: s.file, sheet: s.sheet, row: r.row, column, field, message };
}
function byCell(a, b) {
  const col = (d) => String(d.column ?? "");
  return Number(a.row ?? 0) - Number(b.row ?? 0) || col(a).length - col(b).length || col(a).localeCompare(col(b));
}
async function valueTemplateWorkbook(kpis, units) {
  const wb = newWorkbook();
  const widths = [18, 26, 12, 12, 30, 40];
  addTableSheet(
    wb,
    "\u6570\u503C",
    VALUE_SHEET_HEADERS.map((header, i) => ({ header, value: () => null, width: widths[i] })),
    []
  );
  addTableSheet(
    wb,
    "\u6307\u6807\u7F16\u7801",
    [
      { header: "\u6307\u6807\u7F16\u7801", value: (k) => k.code },
      { header: "\u540D\u79F0", value: (k) => k.nameZh },
      { header: "Name", value: (k) => k.nameEn },
      { header: "\u8BA1\u91CF\u5355\u4F4D", value: (k) => k.unitOfMeasure },
      { header: "\u65B9\u5411", value: (k) => k.direction === "lower_is_better" ? "\u8D8A\u4F4E\u8D8A\u597D" : k.direction === "higher_is_better" ? "\u8D8A\u9AD8\u8D8A\u597D" : "" },
      { header: "\u6700\u5C0F\u503C", value: (k) => k.physicalMin, align: "right" },
      { header: "\u6700\u5927\u503C", value: (k) => k.physicalMax, align: "right" }
    ],
    kpis,
    { title: "\u53EA\u8BFB\u53D6\u7B2C\u4E00\u4E2A\u5DE5\u4F5C\u8868\u201C\u6570\u503C\u201D\uFF1B\u671F\u95F4\u5199\u4F5C 2024\u30012024-Q3 \u6216 2024-06 / only the first sheet is read; periods as 2024, 2024-Q3 or 2024-06" }
  );
  addTableSheet(
    wb,
    "\u5355\u4F4D",
    [
      { header: "\u5355\u4F4D", value: (u) => u.name },
      { header: "\u7C7B\u578B", value: (u) => u.kind }
    ],
    units
  );
  return workbookBuffer(wb);
}
export {
  VALUE_SHEET_HEADERS,
  byCell,
  locate,
  readValueSheet,
  valueTemplateWorkbook
};
//# sourceMappingURL=values-import.js.map
