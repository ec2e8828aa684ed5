import { WORKLIST_LIMITS } from "../../../common/schemas/worklists.js";
import { cellTextOrEmpty, columnLetter, readCell } from "./cells.js";
import { parseDeadline } from "./deadline.js";
import { readKindField } from "./kind-fields.js";
import { readUnitCell } from "./unit-cells.js";
import { KIND_FIELDS } from "../worklists.types.js";
const NOTE_ROW = /^(?:注|备注|说明|填表说明|填报说明)[:：]?/;
const ENUMERATOR = /^(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d+[、.．](?!\d))\s*/;
const KIND_COLUMNS = [...Object.keys(KIND_FIELDS), "tags"];
function singleText(row, width) {
  let value = null;
  for (let c = 1; c <= width; c++) {
    const t = cellTextOrEmpty(row.getCell(c));
    if (!t || t === value) continue;
    if (value !== null) return null;
    value = t;
  }
  return value;
}
function readSheetRows(ws, header, year, state) {
  const { preview, codes } = state;
  const cols = header.columns;
  const width = Math.min(ws.columnCount, 60);
  const letters = Object.fromEntries(Object.entries(cols).map(([f, c]) => [f, columnLetter(c)]));
  let r = 0;
  let row = ws.getRow(1);
  const problem = (field, message) => preview.problems.push({ sheet: ws.name, row: r, column: (field && letters[field]) ?? null, message });
  const read = (field) => cols[field] === void 0 ? null : readCell(row.getCell(cols[field]));
  const text = (field) => {
    const v = read(field);
    if (v && "problem" in v) problem(field, v.problem);
    return v && "text" in v ? v.text : "";
  };
  const units = (field) => {
    const t = text(field);
    const cell = state.unitCells.get(t) ?? state.unitCells.set(t, readUnitCell(t, state.units)).get(t);
    const label = field === "lead" ? "\u7275\u5934\u5355\u4F4D" : "\u914D\u5408\u5355\u4F4D";
    for (const name of cell.unknown) problem(field, `${label}\u201C${name}\u201D\u65E0\u6CD5\u8BC6\u522B\uFF0C\u8BF7\u5199\u5355\u4F4D\u5168\u79F0\u6216\u5DF2\u767B\u8BB0\u7684\u7B80\u79F0 / unknown unit \u201C${name}\u201D`);
    for (const phrase of cell.collective) problem(field, `${label}\u201C${phrase}\u201D\u662F\u6CDB\u79F0\uFF0C\u4E0D\u80FD\u786E\u5B9A\u5177\u4F53\u5355\u4F4D\uFF0C\u8BF7\u5199\u660E\u5355\u4F4D\u540D\u79F0 / \u201C${phrase}\u201D names no unit in particular; list the units`);
    return cell.units;
  };
  const deadlineOf = (raw) => {
    if (typeof raw !== "string") return parseDeadline(raw, year);
    return state.deadlines.get(raw) ?? state.deadlines.set(raw, parseDeadline(raw, year)).get(raw);
  };
  let section = null;
  let mergedCode = null;
  for (r = header.dataStart; r <= ws.rowCount; r++) {
    row = ws.getRow(r);
    const single = singleText(row, width);
    if (single !== null && /^[\d.\-\s]+$/.test(single)) continue;
    if (single !== null && [1, cols.code].some((c) => c && cellTextOrEmpty(row.getCell(c)) === single)) {
      if (!NOTE_ROW.test(single)) section = single.replace(ENUMERATOR, "").slice(0, WORKLIST_LIMITS.area);
      continue;
    }
    if (single === null && !Object.values(cols).some((c) => cellTextOrEmpty(row.getCell(c)))) continue;
    let code;
    if (cols.code === void 0) code = String(++state.autoCode);
    else {
      const cell = row.getCell(cols.code);
      code = text("code").normalize("NFKC").replace(/\s+/g, "");
      const master = cell.master.address;
      if (cell.isMerged && code) {
        if (mergedCode?.master === master) code = `${mergedCode.code}-${++mergedCode.n}`;
        else {
          const next = ws.getRow(r + 1).getCell(cols.code);
          mergedCode = { master, code, n: 1 };
          if (next.isMerged && next.master.address === master) code = `${code}-1`;
        }
      } else mergedCode = null;
      if (!code) problem("code", "\u7F3A\u5C11\u5E8F\u53F7 / code missing");
      else if (code.length > WORKLIST_LIMITS.code) problem("code", `\u5E8F\u53F7\u8D85\u8FC7 ${WORKLIST_LIMITS.code} \u4E2A\u5B57\u7B26 / code too long`);
    }
    if (code) {
      const first = codes.get(code);
      if (first) problem("code", `\u5E8F\u53F7\u201C${code}\u201D\u4E0E${first.sheet === ws.name ? "" : `\u5DE5\u4F5C\u8868\u201C${first.sheet}\u201D`}\u7B2C ${first.row} \u884C\u91CD\u590D / duplicate code, first on row ${first.row}`);
      else codes.set(code, { sheet: ws.name, row: r });
    }
    const content = text("content");
    if (!content) problem("content", "\u7F3A\u5C11\u4EFB\u52A1\u5185\u5BB9 / content missing");
    else if (content.length > WORKLIST_LIMITS.content) problem("content", `\u4EFB\u52A1\u5185\u5BB9\u8D85\u8FC7 ${WORKLIST_LIMITS.content} \u5B57 / content too long`);
    const measures = text("measures") || null;
    if (measures && measures.length > WORKLIST_LIMITS.measures) problem("measures", `\u5DE5\u4F5C\u63AA\u65BD\u8D85\u8FC7 ${WORKLIST_LIMITS.measures} \u5B57 / measures too long`);
    const area = text("area") || section;
    if (area && area.length > WORKLIST_LIMITS.area) problem("area", `\u6307\u6807\u9886\u57DF\u8D85\u8FC7 ${WORKLIST_LIMITS.area} \u5B57 / area too long`);
    const before = preview.problems.length;
    const leadUnits = cols.lead === void 0 ? [] : units("lead");
    if (cols.lead !== void 0 && !leadUnits.length && preview.problems.length === before) problem("lead", "\u7F3A\u5C11\u7275\u5934\u5355\u4F4D / lead unit missing");
    const leadIds = new Set(leadUnits.map((u) => u.id));
    const coopUnits = units("coop").filter((u) => !leadIds.has(u.id));
    let deadline = null;
    let ongoing = false;
    const dv = read("deadline");
    if (dv && "problem" in dv) problem("deadline", dv.problem);
    else if (dv) {
      const d = deadlineOf(dv.raw);
      if (d.ok) ({ deadline, ongoing } = d);
      else problem("deadline", d.message);
    }
    const extra = {};
    for (const field of KIND_COLUMNS) {
      const v = read(field);
      if (!v) continue;
      if ("problem" in v) problem(field, v.problem);
      else {
        const res = readKindField(field, v);
        if ("message" in res) problem(field, res.message);
        else Object.assign(extra, res.value);
      }
    }
    preview.rows.push({ sheet: ws.name, row: r, code, area, content, measures, leadUnits, coopUnits, deadline, ongoing, extra });
  }
}
export {
  readSheetRows
};
//# sourceMappingURL=sheet-rows.js.map
