import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

/** GB 32100-2015 统一社会信用代码: 18 characters from 31 symbols (no I, O, S, V, Z). */
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
/** Registration authority (position 1) → the organisation-type codes (position 2) it may issue. */
const AUTHORITY_TYPES: Record<string, string> = {
  '1': '1239',
  '2': '19',
  '3': '123459',
  '4': '19',
  '5': '1239',
  '6': '129',
  '7': '129',
  '8': '19',
  '9': '123',
  A: '19',
  N: '1239',
  Y: '1',
};
/** GB/T 2260 province-level prefixes, and 10 for national-level registrations. */
const PROVINCES = new Set(
  '10 11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82'.split(' '),
);

const REF = path.join(path.dirname(fileURLToPath(import.meta.url)), 'reference');
function readCodes(file: string): { code: string; name: string }[] {
  return parse(fs.readFileSync(path.join(REF, file), 'utf8'), { columns: true, skip_empty_lines: true, trim: true }) as {
    code: string;
    name: string;
  }[];
}
/** Inner Mongolia's own division codes are checked exactly: region, leagues/cities, county-level units. */
const INNER_MONGOLIA = new Map<string, string>([
  ['150000', '内蒙古自治区'],
  ...readCodes('divisions-inner-mongolia-cities.csv').map((r) => [`${r.code}00`, r.name] as [string, string]),
  ...readCodes('divisions-inner-mongolia-county.csv').map((r) => [r.code, r.name] as [string, string]),
]);

export function countyName(code: string): string | undefined {
  return INNER_MONGOLIA.get(code);
}

/** The check character for the first 17 characters of a USCC. */
export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CHARSET.indexOf(first17[i]!) * WEIGHTS[i]!;
  return CHARSET[(31 - (sum % 31)) % 31]!;
}

/** GB 11714 check character of the 8-character organisation code body (positions 9–16 of a USCC). */
export function orgCodeCheckChar(body8: string): string {
  const w = [3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const ch = body8[i]!;
    sum += (/\d/.test(ch) ? Number(ch) : ch.charCodeAt(0) - 55) * w[i]!;
  }
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

export type UsccCheck = { ok: true; uscc: string; divisionCode: string } | { ok: false; reason: string };

/** Validates format, authority/type pair, the embedded division code and the check digit. */
export function checkUscc(raw: string): UsccCheck {
  const s = raw.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
  if (s.length !== 18)
    return { ok: false, reason: `统一社会信用代码应为 18 位，实为 ${s.length} 位 / a USCC has 18 characters, got ${s.length}` };
  const bad = [...s].findIndex((c) => !CHARSET.includes(c));
  if (bad >= 0)
    return { ok: false, reason: `第 ${bad + 1} 位“${s[bad]}”不是允许的字符（不含 I、O、S、V、Z） / character ${bad + 1} is not allowed` };
  const types = AUTHORITY_TYPES[s[0]!];
  if (!types || !types.includes(s[1]!))
    return { ok: false, reason: `登记管理部门代码与机构类别代码“${s.slice(0, 2)}”无效 / invalid authority/type code` };
  const division = s.slice(2, 8);
  if (!/^\d{6}$/.test(division) || !PROVINCES.has(division.slice(0, 2))) {
    return { ok: false, reason: `第 3–8 位行政区划码“${division}”无效 / invalid administrative-division code` };
  }
  if (division.startsWith('15') && !INNER_MONGOLIA.has(division)) {
    return { ok: false, reason: `行政区划码“${division}”不是内蒙古现行区划 / not a current Inner Mongolia division code` };
  }
  const expected = usccCheckChar(s);
  if (s[17] !== expected) return { ok: false, reason: `校验位应为“${expected}”，实为“${s[17]}” / check digit should be ${expected}` };
  return { ok: true, uscc: s, divisionCode: division };
}
