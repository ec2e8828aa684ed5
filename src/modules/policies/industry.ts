import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

/**
 * GB/T 4754-2017 national economy industry classification. The shipped data file holds the 20
 * sections (门类) and 97 divisions (大类) in full; groups (中类) and classes (小类) are accepted by
 * their format under a known division, because the full 1 382-class list could not be sourced here.
 */
const FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'reference', 'industry-gbt4754-2017.csv');

export interface IndustryEntry {
  code: string;
  level: 'section' | 'division';
  parent: string;
  name: string;
}

const entries = parse(fs.readFileSync(FILE, 'utf8'), { columns: true, skip_empty_lines: true, trim: true }) as IndustryEntry[];
const sections = new Map(entries.filter((e) => e.level === 'section').map((e) => [e.code, e]));
const divisions = new Map(entries.filter((e) => e.level === 'division').map((e) => [e.code, e]));

export function industryCatalogue(): IndustryEntry[] {
  return entries;
}

export type IndustryCheck = { ok: true; code: string; section: string; division: string | null; name: string } | { ok: false; reason: string };

/**
 * Normalises an industry code to section letter + digits ("3911", "C3911", "c39" → "C3911"/"C39")
 * and checks that its section and division exist and belong together.
 */
export function checkIndustryCode(raw: string): IndustryCheck {
  const s = raw.normalize('NFKC').trim().toUpperCase();
  const m = /^([A-T])?(\d{2,4})?$/.exec(s);
  if (!s || !m || (!m[1] && !m[2])) return { ok: false, reason: `“${raw}”不是国民经济行业代码（如 C、C39、C3911） / not an industry code (e.g. C, C39, C3911)` };
  const digits = m[2] ?? '';
  if (!digits) {
    const sec = sections.get(m[1]!);
    return sec ? { ok: true, code: sec.code, section: sec.code, division: null, name: sec.name } : { ok: false, reason: `门类“${m[1]}”不存在 / no such section` };
  }
  const div = divisions.get(digits.slice(0, 2));
  if (!div) return { ok: false, reason: `行业大类“${digits.slice(0, 2)}”在 GB/T 4754-2017 中不存在 / no such division` };
  if (m[1] && m[1] !== div.parent) return { ok: false, reason: `大类 ${div.code} 属于门类 ${div.parent}，不属于 ${m[1]} / division belongs to section ${div.parent}` };
  return { ok: true, code: `${div.parent}${digits}`, section: div.parent, division: div.code, name: div.name };
}

/** True when `code` (normalised) lies under `prefix` (normalised) in the hierarchy. */
export function industryUnder(code: string, prefix: string): boolean {
  return code.startsWith(prefix);
}

export function sectionName(code: string): string | undefined {
  return sections.get(code)?.name;
}
