import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

/**
 * County-level units (旗县区) by GB/T 2260 code, for the enterprise registry and rules. Names are
 * resolved within Inner Mongolia, preferring the reference city (1501xx) where a name repeats.
 */
const FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'reference', 'divisions-inner-mongolia-county.csv');
const rows = parse(fs.readFileSync(FILE, 'utf8'), { columns: true, skip_empty_lines: true, trim: true }) as {
  code: string;
  name: string;
  city_code: string;
}[];

const byCode = new Map(rows.map((r) => [r.code, r.name]));
const byName = new Map<string, string>();
for (const r of [...rows].sort((a, b) => Number(b.city_code === '1501') - Number(a.city_code === '1501'))) {
  if (!byName.has(r.name)) byName.set(r.name, r.code);
}

/** The reference city's county-level units (with the development zone's statistical code). */
export const HOHHOT_COUNTIES = rows.filter((r) => r.city_code === '1501').map((r) => ({ code: r.code, name: r.name }));

/** A county-level code from a code or a name; undefined when unknown. */
export function resolveCounty(value: string): string | undefined {
  const v = value.normalize('NFKC').trim();
  if (byCode.has(v)) return v;
  return byName.get(v);
}

export function countyLabel(code: string | null | undefined): string {
  return code ? (byCode.get(code) ?? code) : '';
}
