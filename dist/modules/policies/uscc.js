import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
const CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const AUTHORITY_TYPES = {
  "1": "1239",
  "2": "19",
  "3": "123459",
  "4": "19",
  "5": "1239",
  "6": "129",
  "7": "129",
  "8": "19",
  "9": "123",
  A: "19",
  N: "1239",
  Y: "1"
};
const PROVINCES = new Set("10 11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82".split(" "));
const REF = path.join(path.dirname(fileURLToPath(import.meta.url)), "reference");
function readCodes(file) {
  return parse(fs.readFileSync(path.join(REF, file), "utf8"), { columns: true, skip_empty_lines: true, trim: true });
}
const INNER_MONGOLIA = new Map([
  ["150000", "\u5185\u8499\u53E4\u81EA\u6CBB\u533A"],
  ...readCodes("divisions-inner-mongolia-cities.csv").map((r) => [`${r.code}00`, r.name]),
  ...readCodes("divisions-inner-mongolia-county.csv").map((r) => [r.code, r.name])
]);
function countyName(code) {
  return INNER_MONGOLIA.get(code);
}
function usccCheckChar(first17) {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CHARSET.indexOf(first17[i]) * WEIGHTS[i];
  return CHARSET[(31 - sum % 31) % 31];
}
function orgCodeCheckChar(body8) {
  const w = [3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const ch = body8[i];
    sum += (/\d/.test(ch) ? Number(ch) : ch.charCodeAt(0) - 55) * w[i];
  }
  const c = 11 - sum % 11;
  return c === 10 ? "X" : c === 11 ? "0" : String(c);
}
function checkUscc(raw) {
  const s = raw.normalize("NFKC").replace(/\s+/g, "").toUpperCase();
  if (s.length !== 18) return { ok: false, reason: `\u7EDF\u4E00\u793E\u4F1A\u4FE1\u7528\u4EE3\u7801\u5E94\u4E3A 18 \u4F4D\uFF0C\u5B9E\u4E3A ${s.length} \u4F4D / a USCC has 18 characters, got ${s.length}` };
  const bad = [...s].findIndex((c) => !CHARSET.includes(c));
  if (bad >= 0) return { ok: false, reason: `\u7B2C ${bad + 1} \u4F4D\u201C${s[bad]}\u201D\u4E0D\u662F\u5141\u8BB8\u7684\u5B57\u7B26\uFF08\u4E0D\u542B I\u3001O\u3001S\u3001V\u3001Z\uFF09 / character ${bad + 1} is not allowed` };
  const types = AUTHORITY_TYPES[s[0]];
  if (!types || !types.includes(s[1])) return { ok: false, reason: `\u767B\u8BB0\u7BA1\u7406\u90E8\u95E8\u4EE3\u7801\u4E0E\u673A\u6784\u7C7B\u522B\u4EE3\u7801\u201C${s.slice(0, 2)}\u201D\u65E0\u6548 / invalid authority/type code` };
  const division = s.slice(2, 8);
  if (!/^\d{6}$/.test(division) || !PROVINCES.has(division.slice(0, 2))) {
    return { ok: false, reason: `\u7B2C 3\u20138 \u4F4D\u884C\u653F\u533A\u5212\u7801\u201C${division}\u201D\u65E0\u6548 / invalid administrative-division code` };
  }
  if (division.startsWith("15") && !INNER_MONGOLIA.has(division)) {
    return { ok: false, reason: `\u884C\u653F\u533A\u5212\u7801\u201C${division}\u201D\u4E0D\u662F\u5185\u8499\u53E4\u73B0\u884C\u533A\u5212 / not a current Inner Mongolia division code` };
  }
  const expected = usccCheckChar(s);
  if (s[17] !== expected) return { ok: false, reason: `\u6821\u9A8C\u4F4D\u5E94\u4E3A\u201C${expected}\u201D\uFF0C\u5B9E\u4E3A\u201C${s[17]}\u201D / check digit should be ${expected}` };
  return { ok: true, uscc: s, divisionCode: division };
}
export {
  checkUscc,
  countyName,
  orgCodeCheckChar,
  usccCheckChar
};
//# sourceMappingURL=uscc.js.map
