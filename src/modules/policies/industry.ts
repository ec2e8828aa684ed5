import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

/**
 * GB/T 4754-2017 national economy industry classification with Amendment No. 1: all 20 sections
 * (门类), 97 divisions (大类), 473 groups (中类) and 1 382 classes (小类). Provenance and the
 * cross-check of the sources are in reference/industry-gbt4754-2017.md.
 *
 * Codes are stored as the section letter followed by the digits ("C", "C39", "C391", "C3911"), so
 * that membership at any level is a prefix test.
 */
const FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'reference', 'industry-gbt4754-2017.csv');

export type IndustryLevel = 'section' | 'division' | 'group' | 'class';

export interface IndustryEntry {
  code: string;
  level: IndustryLevel;
  parent: string;
  name: string;
}

const entries = parse(fs.readFileSync(FILE, 'utf8'), { columns: true, skip_empty_lines: true, trim: true }) as IndustryEntry[];
const byCode = new Map(entries.map((e) => [e.code, e]));
const LEVEL_OF_DIGITS: Record<number, IndustryLevel> = { 2: 'division', 3: 'group', 4: 'class' };
export const INDUSTRY_LEVEL_LABEL: Record<IndustryLevel, { zh: string; en: string }> = {
  section: { zh: '门类', en: 'section' },
  division: { zh: '大类', en: 'division' },
  group: { zh: '中类', en: 'group' },
  class: { zh: '小类', en: 'class' },
};

/** Section letter of a division code ("39" → "C"). */
function sectionOf(digits: string): string | undefined {
  return byCode.get(digits.slice(0, 2))?.parent;
}

/**
 * Names normalised for lookup: the standard mixes half- and full-width brackets, and people type
 * either, so both sides are compared in NFKC form without spaces.
 */
const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');
const byName = new Map<string, string>();
// The most general level wins a repeated name (a single-class group shares its class's name).
for (const e of entries) if (!byName.has(norm(e.name))) byName.set(norm(e.name), e.code);

export function industryCatalogue(): IndustryEntry[] {
  return entries;
}

export type IndustryCheck =
  { ok: true; code: string; level: IndustryLevel; section: string; division: string | null; name: string } | { ok: false; reason: string };

/**
 * Normalises an industry code to section letter + digits ("3911", "C3911", "c39" → "C3911"/"C39")
 * and checks that the code exists at its level in GB/T 4754-2017 (an invented class such as 0115
 * in the real group 011 is refused) and that a section letter given with it is its own.
 * With `names`, an official name ("制造业", "软件开发") is accepted too, as rules allow.
 */
export function checkIndustryCode(raw: string, opts: { names?: boolean } = {}): IndustryCheck {
  const s = raw.normalize('NFKC').trim().toUpperCase();
  const m = /^([A-T])?(\d{2,4})?$/.exec(s);
  if (!s || !m || (!m[1] && !m[2])) {
    const named = opts.names ? byName.get(norm(raw)) : undefined;
    if (named) return checkIndustryCode(named);
    return {
      ok: false,
      reason: `“${raw}”不是国民经济行业代码（如 C、C39、C391、C3911） / not an industry code (e.g. C, C39, C391, C3911)`,
    };
  }
  const digits = m[2] ?? '';
  if (!digits) {
    const sec = byCode.get(m[1]!);
    if (!sec) return { ok: false, reason: `门类“${m[1]}”不存在 / no such section` };
    return { ok: true, code: sec.code, level: 'section', section: sec.code, division: null, name: sec.name };
  }
  const level = LEVEL_OF_DIGITS[digits.length]!;
  const division = byCode.get(digits.slice(0, 2));
  if (!division) {
    return {
      ok: false,
      reason: `行业大类“${digits.slice(0, 2)}”在 GB/T 4754-2017 中不存在 / division ${digits.slice(0, 2)} does not exist`,
    };
  }
  const entry = byCode.get(digits);
  if (!entry || entry.level !== level) {
    const parent = digits.length === 4 ? byCode.get(digits.slice(0, 3)) : undefined;
    const where = parent ? `中类 ${parent.code}“${parent.name}”` : `大类 ${division.code}“${division.name}”`;
    const whereEn = parent ? `group ${parent.code}` : `division ${division.code}`;
    return {
      ok: false,
      reason:
        `${where}下没有${INDUSTRY_LEVEL_LABEL[level].zh}“${digits}” / ` +
        `${whereEn} has no ${INDUSTRY_LEVEL_LABEL[level].en} ${digits} in GB/T 4754-2017`,
    };
  }
  const section = sectionOf(digits)!;
  if (m[1] && m[1] !== section) {
    return { ok: false, reason: `${digits} 属于门类 ${section}，不属于 ${m[1]} / ${digits} belongs to section ${section}, not ${m[1]}` };
  }
  return { ok: true, code: `${section}${digits}`, level, section, division: division.code, name: entry.name };
}

/** True when `code` (normalised) lies under `prefix` (normalised) in the hierarchy. */
export function industryUnder(code: string, prefix: string): boolean {
  return code.startsWith(prefix);
}

/** The official name of a normalised code ("C3911" → "计算机整机制造"); undefined when unknown. */
export function industryName(code: string): string | undefined {
  return byCode.get(code.length > 1 ? code.slice(1) : code)?.name;
}

export function sectionName(code: string): string | undefined {
  return byCode.get(code.slice(0, 1))?.name;
}
