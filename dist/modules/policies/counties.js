import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
const FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), "reference", "divisions-inner-mongolia-county.csv");
const rows = parse(fs.readFileSync(FILE, "utf8"), { columns: true, skip_empty_lines: true, trim: true });
const byCode = new Map(rows.map((r) => [r.code, r.name]));
const byName = /* @__PURE__ */ new Map();
for (const r of [...rows].sort((a, b) => Number(b.city_code === "1501") - Number(a.city_code === "1501"))) {
  if (!byName.has(r.name)) byName.set(r.name, r.code);
}
const HOHHOT_COUNTIES = rows.filter((r) => r.city_code === "1501").map((r) => ({ code: r.code, name: r.name }));
function resolveCounty(value) {
  const v = value.normalize("NFKC").trim();
  if (byCode.has(v)) return v;
  return byName.get(v);
}
function countyLabel(code) {
  return code ? byCode.get(code) ?? code : "";
}
export {
  HOHHOT_COUNTIES,
  countyLabel,
  resolveCounty
};
//# sourceMappingURL=counties.js.map
