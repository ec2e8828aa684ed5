import { parse } from "csv-parse/sync";
import { AppError } from "../../common/errors.js";
import { calendarDayBody } from "../../common/schemas/calendar.js";
const HEADERS = { date: "date", \u65E5\u671F: "date", type: "type", \u7C7B\u578B: "type", name: "name", \u540D\u79F0: "name", \u8282\u65E5: "name", \u8282\u5047\u65E5: "name" };
const TYPES = { holiday: "holiday", \u4F11: "holiday", \u653E\u5047: "holiday", \u5047: "holiday", workday: "workday", \u73ED: "workday", \u4E0A\u73ED: "workday", \u8C03\u4F11\u4E0A\u73ED: "workday" };
function normalizeDate(raw) {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(raw.trim());
  return m ? `${m[1]}-${m[2].padStart(2, "0")}-${m[3].padStart(2, "0")}` : raw.trim();
}
function validate(records, where) {
  const days = [];
  const details = [];
  const seen = /* @__PURE__ */ new Map();
  records.forEach((rec, i) => {
    const raw = { date: normalizeDate(String(rec.date ?? "")), type: TYPES[String(rec.type ?? "").trim()] ?? String(rec.type ?? "").trim(), name: String(rec.name ?? "").trim() };
    const r = calendarDayBody.safeParse(raw);
    if (!r.success) {
      for (const issue of r.error.issues) {
        const field = String(issue.path[0] ?? "");
        details.push({ ...where(i, field), message: field === "type" ? `\u7C7B\u578B\u5E94\u4E3A holiday/\u4F11 \u6216 workday/\u73ED / type must be holiday or workday: \u201C${raw.type}\u201D` : issue.message });
      }
      return;
    }
    if (seen.has(r.data.date)) {
      details.push({ ...where(i, "date"), message: `\u65E5\u671F ${r.data.date} \u91CD\u590D\uFF08\u53E6\u89C1\u7B2C ${seen.get(r.data.date)} \u6761\uFF09 / date listed twice` });
      return;
    }
    seen.set(r.data.date, i + 1);
    days.push(r.data);
  });
  if (details.length) throw new AppError("VALIDATION_FAILED", details.slice(0, 100));
  if (!days.length) throw new AppError("VALIDATION_FAILED", [{ path: "content", message: "\u6587\u4EF6\u4E2D\u6CA1\u6709\u65E5\u671F / the file lists no days" }]);
  return days;
}
function parseCalendarFile(format, content) {
  if (format === "json") {
    let data;
    try {
      data = JSON.parse(content);
    } catch (err) {
      throw new AppError("VALIDATION_FAILED", [{ path: "content", message: `\u4E0D\u662F\u6709\u6548\u7684 JSON / not valid JSON: ${err.message}` }]);
    }
    const list = Array.isArray(data) ? data : data?.days;
    if (!Array.isArray(list)) throw new AppError("VALIDATION_FAILED", [{ path: "content", message: "\u5E94\u4E3A\u6570\u7EC4 [{date,type,name}] / expected an array of {date,type,name}" }]);
    return validate(list, (i, field) => ({ path: `content[${i}]${field ? `.${field}` : ""}`, row: i + 1, ...field ? { column: field } : {} }));
  }
  let rows;
  try {
    rows = parse(content.replace(/^\uFEFF/, ""), { skip_empty_lines: true, trim: true, relax_column_count: true });
  } catch (err) {
    throw new AppError("VALIDATION_FAILED", [{ path: "content", message: `CSV \u65E0\u6CD5\u89E3\u6790 / unreadable CSV: ${err.message}` }]);
  }
  const header = (rows[0] ?? []).map((h) => HEADERS[h.toLowerCase()] ?? HEADERS[h]);
  const missing = ["date", "type", "name"].filter((f) => !header.includes(f));
  if (missing.length) throw new AppError("VALIDATION_FAILED", [{ path: "content", row: 1, message: `\u8868\u5934\u7F3A\u5C11 ${missing.join(", ")} / header lacks ${missing.join(", ")} (expected date,type,name)` }]);
  const records = rows.slice(1).map((cells) => Object.fromEntries(header.map((h, c) => [h ?? `_${c}`, cells[c] ?? ""])));
  return validate(records, (i, field) => ({ path: `content:row ${i + 2}${field ? `:${field}` : ""}`, row: i + 2, ...field ? { column: field } : {} }));
}
export {
  parseCalendarFile
};
//# sourceMappingURL=calendar.import.js.map
