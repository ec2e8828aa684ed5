import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { AppError } from "../../common/errors.js";
import { enterpriseInput } from "../../common/schemas/policies.js";
import { withTransaction } from "../../db/database.js";
import { audit } from "../org/audit.service.js";
import { assertEditor } from "./access.js";
import { normalizeEnterprise } from "./enterprises.js";
import { findEnterprisesByUscc, insertEnterprises, updateEnterprise } from "./enterprises.repository.js";
const HEADERS = {
  \u7EDF\u4E00\u793E\u4F1A\u4FE1\u7528\u4EE3\u7801: "uscc",
  \u4F01\u4E1A\u540D\u79F0: "name",
  \u4F01\u4E1A\u7C7B\u578B: "legalForm",
  \u6210\u7ACB\u65E5\u671F: "registeredOn",
  \u6CE8\u518C\u8D44\u672C: "capital",
  \u65D7\u53BF\u533A: "county",
  \u6240\u5728\u65D7\u53BF\u533A: "county",
  \u884C\u4E1A\u4EE3\u7801: "industryCode",
  \u56FD\u6C11\u7ECF\u6D4E\u884C\u4E1A\u4EE3\u7801: "industryCode",
  \u4ECE\u4E1A\u4EBA\u6570: "employees",
  \u8425\u4E1A\u6536\u5165: "revenue",
  \u8D44\u4EA7\u603B\u989D: "assets",
  \u7814\u53D1\u8D39\u7528: "rdSpending",
  \u7EB3\u7A0E\u4FE1\u7528\u7B49\u7EA7: "taxGrade",
  \u6570\u636E\u5E74\u5EA6: "figuresYear",
  \u8D44\u8D28: "qualifications",
  \u6807\u7B7E: "tags",
  \u4E0A\u5E74\u8425\u4E1A\u6536\u5165: "history.revenue.0",
  \u524D\u5E74\u8425\u4E1A\u6536\u5165: "history.revenue.1",
  \u4E0A\u5E74\u4ECE\u4E1A\u4EBA\u6570: "history.employees.0",
  \u524D\u5E74\u4ECE\u4E1A\u4EBA\u6570: "history.employees.1",
  \u4E0A\u5E74\u8D44\u4EA7\u603B\u989D: "history.assets.0",
  \u524D\u5E74\u8D44\u4EA7\u603B\u989D: "history.assets.1",
  \u4E0A\u5E74\u7814\u53D1\u8D39\u7528: "history.rdSpending.0",
  \u524D\u5E74\u7814\u53D1\u8D39\u7528: "history.rdSpending.1"
};
const API_FIELDS = ["uscc", "name", "legalForm", "registeredOn", "capital", "county", "industryCode", "employees", "revenue", "assets", "rdSpending", "taxGrade", "figuresYear", "qualifications", "tags"];
for (const f of API_FIELDS) HEADERS[f.toLowerCase()] = f;
const NUMERIC = /* @__PURE__ */ new Set(["capital", "employees", "revenue", "assets", "rdSpending", "figuresYear"]);
const normHeader = (h) => h.normalize("NFKC").replace(/\(.*?\)|\s/g, "").toLowerCase();
const HEADER_INDEX = new Map(Object.entries(HEADERS).map(([k, v]) => [normHeader(k), v]));
function columnLetter(col) {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + (n - 1) % 26) + s;
  return s;
}
function cellText(v) {
  if (v === null || v === void 0) return "";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "object") {
    if ("result" in v) return cellText(v.result);
    if ("richText" in v) return v.richText.map((r) => r.text).join("");
    if ("text" in v) return String(v.text);
    return "";
  }
  return String(v).trim();
}
async function readRows(buffer, filename) {
  if (/\.csv$/i.test(filename)) {
    return parse(buffer, { bom: true, relax_column_count: true, skip_empty_lines: true }).map((r) => r.map((c) => c.trim()));
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer);
  } catch {
    throw new AppError("WORKBOOK_INVALID", [{ path: "file", message: `\u201C${filename}\u201D\u4E0D\u662F .xlsx \u6216 .csv \u6587\u4EF6 / not an .xlsx or .csv file` }]);
  }
  const ws = wb.worksheets[0];
  if (!ws) return [];
  const rows = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const cells = [];
    for (let c = 1; c <= ws.columnCount; c++) cells.push(cellText(row.getCell(c).value));
    rows[n - 1] = cells;
  });
  return Array.from(rows, (r) => r ?? []);
}
function normaliseDate(s) {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s);
  return m ? `${m[1]}-${m[2].padStart(2, "0")}-${m[3].padStart(2, "0")}` : s;
}
async function parseRegistryFile(buffer, filename) {
  const table = await readRows(buffer, filename);
  const problems = [];
  const header = table[0] ?? [];
  const fieldAt = header.map((h) => HEADER_INDEX.get(normHeader(h)));
  for (const need of ["uscc", "name"]) {
    if (!fieldAt.includes(need)) problems.push({ row: 1, column: null, field: need, message: `\u7F3A\u5C11\u201C${need === "uscc" ? "\u7EDF\u4E00\u793E\u4F1A\u4FE1\u7528\u4EE3\u7801" : "\u4F01\u4E1A\u540D\u79F0"}\u201D\u5217 / missing column ${need}` });
  }
  if (problems.length) return { rows: [], problems };
  const colOf = (field) => {
    const k = fieldAt.findIndex((f) => f === field || f?.startsWith(`${field}.`));
    return k >= 0 ? columnLetter(k + 1) : null;
  };
  const rows = [];
  const seen = /* @__PURE__ */ new Map();
  for (let r = 1; r < table.length; r++) {
    const cells = table[r];
    if (cells.every((c) => !c)) continue;
    const rowNo = r + 1;
    const raw = { history: {} };
    const rowProblems = [];
    fieldAt.forEach((field, k) => {
      const text = cells[k] ?? "";
      if (!field || !text) return;
      const at = (message) => rowProblems.push({ row: rowNo, column: columnLetter(k + 1), field, message });
      if (field.startsWith("history.")) {
        const [, f, idx] = field.split(".");
        const n = Number(text.replace(/,/g, ""));
        if (Number.isNaN(n)) return at(`\u201C${text}\u201D\u4E0D\u662F\u6570\u503C / not a number`);
        const h = raw.history;
        (h[f] ??= [null, null])[Number(idx)] = n;
      } else if (NUMERIC.has(field)) {
        const n = Number(text.replace(/,/g, ""));
        if (Number.isNaN(n)) return at(`\u201C${text}\u201D\u4E0D\u662F\u6570\u503C / not a number`);
        raw[field] = n;
      } else if (field === "qualifications") {
        raw.qualifications = text.split(/[;；]/).filter(Boolean).map((part) => {
          const [kind, period = ""] = part.split(/[:：]/);
          const [from = "", to = ""] = period.split(/[~～至]/);
          return { kind: kind.trim(), from: normaliseDate(from.trim()), to: to.trim() ? normaliseDate(to.trim()) : null };
        });
      } else if (field === "tags") raw.tags = text.split(/[;；,，]/).map((t) => t.trim()).filter(Boolean);
      else if (field === "registeredOn") raw[field] = normaliseDate(text);
      else raw[field] = text;
    });
    const parsed = enterpriseInput.safeParse(raw);
    if (!parsed.success) {
      for (const i of parsed.error.issues) {
        const field = String(i.path[0] ?? "");
        rowProblems.push({ row: rowNo, column: colOf(field), field, message: i.message });
      }
    } else {
      const { values, problems: p } = normalizeEnterprise(parsed.data);
      for (const x of p) rowProblems.push({ row: rowNo, column: colOf(x.field.split(".")[0]), field: x.field, message: x.message });
      if (values) {
        const dup = seen.get(values.uscc);
        if (dup) rowProblems.push({ row: rowNo, column: colOf("uscc"), field: "uscc", message: `\u4E0E\u7B2C ${dup} \u884C\u7684\u7EDF\u4E00\u793E\u4F1A\u4FE1\u7528\u4EE3\u7801\u91CD\u590D / same USCC as row ${dup}` });
        else seen.set(values.uscc, rowNo);
        if (!rowProblems.length) rows.push({ row: rowNo, values });
      }
    }
    if (rowProblems.length) {
      problems.push(...rowProblems);
      rows.push({ row: rowNo });
    }
  }
  return { rows, problems };
}
async function importRegistry(ctx, actor, buffer, filename, opts) {
  assertEditor(actor);
  const { rows, problems } = await parseRegistryFile(buffer, filename);
  const valid = rows.filter((r) => r.values);
  const view = { rows: rows.length, valid: valid.length, problems, committed: false, created: 0, updated: 0 };
  if (!opts.commit) return view;
  if (problems.length && !opts.keepValid || !valid.length) {
    throw new AppError("IMPORT_HAS_PROBLEMS", (problems.length ? problems : [{ row: 1, column: null, field: null, message: "\u6CA1\u6709\u53EF\u5BFC\u5165\u7684\u884C / no row to import" }]).map((p) => ({ path: `row ${p.row}${p.column ? ` column ${p.column}` : ""}`, ...p })));
  }
  const at = ctx.clock().toISOString();
  return withTransaction(ctx.db, async (trx) => {
    const existing = await findEnterprisesByUscc(trx, valid.map((r) => r.values.uscc));
    const fresh = [];
    for (const r of valid) {
      const before = existing.get(r.values.uscc);
      if (before) {
        await updateEnterprise(trx, before.id, null, { ...r.values, synthetic: before.synthetic }, at);
        view.updated++;
      } else fresh.push(r.values);
    }
    await insertEnterprises(trx, fresh, at);
    view.created = fresh.length;
    view.committed = true;
    await audit(ctx, trx, actor, { action: "enterprise.import", entity: "enterprise", entityId: null, after: { file: filename, created: view.created, updated: view.updated, skippedRows: problems.length ? [...new Set(problems.map((p) => p.row))] : [] } });
    return view;
  });
}
export {
  importRegistry,
  parseRegistryFile
};
//# sourceMappingURL=enterprises.import.js.map
