import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
const FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), "reference", "industry-gbt4754-2017.csv");
const entries = parse(fs.readFileSync(FILE, "utf8"), { columns: true, skip_empty_lines: true, trim: true });
const sections = new Map(entries.filter((e) => e.level === "section").map((e) => [e.code, e]));
const divisions = new Map(entries.filter((e) => e.level === "division").map((e) => [e.code, e]));
function industryCatalogue() {
  return entries;
}
function checkIndustryCode(raw) {
  const s = raw.normalize("NFKC").trim().toUpperCase();
  const m = /^([A-T])?(\d{2,4})?$/.exec(s);
  if (!s || !m || !m[1] && !m[2]) return { ok: false, reason: `\u201C${raw}\u201D\u4E0D\u662F\u56FD\u6C11\u7ECF\u6D4E\u884C\u4E1A\u4EE3\u7801\uFF08\u5982 C\u3001C39\u3001C3911\uFF09 / not an industry code (e.g. C, C39, C3911)` };
  const digits = m[2] ?? "";
  if (!digits) {
    const sec = sections.get(m[1]);
    return sec ? { ok: true, code: sec.code, section: sec.code, division: null, name: sec.name } : { ok: false, reason: `\u95E8\u7C7B\u201C${m[1]}\u201D\u4E0D\u5B58\u5728 / no such section` };
  }
  const div = divisions.get(digits.slice(0, 2));
  if (!div) return { ok: false, reason: `\u884C\u4E1A\u5927\u7C7B\u201C${digits.slice(0, 2)}\u201D\u5728 GB/T 4754-2017 \u4E2D\u4E0D\u5B58\u5728 / no such division` };
  if (m[1] && m[1] !== div.parent) return { ok: false, reason: `\u5927\u7C7B ${div.code} \u5C5E\u4E8E\u95E8\u7C7B ${div.parent}\uFF0C\u4E0D\u5C5E\u4E8E ${m[1]} / division belongs to section ${div.parent}` };
  return { ok: true, code: `${div.parent}${digits}`, section: div.parent, division: div.code, name: div.name };
}
function industryUnder(code, prefix) {
  return code.startsWith(prefix);
}
function sectionName(code) {
  return sections.get(code)?.name;
}
export {
  checkIndustryCode,
  industryCatalogue,
  industryUnder,
  sectionName
};
//# sourceMappingURL=industry.js.map
