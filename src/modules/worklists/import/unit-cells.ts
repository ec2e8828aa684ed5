import type { UnitResolver } from '../../org/units.service.js';

/**
 * Reads a 牵头单位/配合单位 cell: several units separated by 、，,；; or new lines, each written short
 * or long, or as a group phrase ("各旗县区人民政府", "各旗县区、管委会"). Whatever cannot be resolved is
 * returned as text so the importer can locate it — a name is never guessed.
 */

export interface UnitRef {
  id: number;
  name: string;
}

/** What the cell reader needs to know about the units; built once per import. */
export interface UnitDirectory {
  resolve(name: string): UnitRef | undefined;
  counties: UnitRef[];
  zones: UnitRef[];
  /** "呼和浩特市": lets "市发改委" and a bare "工业和信息化局" mean the city's department. */
  cityName: string | null;
}

export function unitDirectoryFrom(resolver: UnitResolver): UnitDirectory {
  const active = resolver.all.filter((u) => u.status === 'active');
  const ref = (u: { id: number; name: string }): UnitRef => ({ id: u.id, name: u.name });
  return {
    resolve: (name) => {
      const u = resolver.resolve(name);
      return u ? ref(u) : undefined;
    },
    counties: active.filter((u) => u.kind === 'county').map(ref),
    zones: active.filter((u) => u.kind === 'zone').map(ref),
    cityName: active.find((u) => u.kind === 'city')?.name ?? null,
  };
}

export interface UnitCell {
  units: UnitRef[];
  /** names that match no unit */
  unknown: string[];
  /** collective phrases ("市直各相关部门") that name no unit in particular */
  collective: string[];
}

// 旗县区 and the ways other cities write "all county-level units": 旗区, 县区, 县市区, 县(市、区).
const COUNTY_GROUP = '各(?:旗县市?区|旗区|县市?区?|旗县\\(市、?区\\)|县\\(市、?区\\))(?:人民政府|党委政府|党委和政府|政府)?';
const ZONE_GROUP = '各?(?:开发区|园区|经济技术开发区)?管委会';
const GROUPS: { re: RegExp; pick: (d: UnitDirectory) => UnitRef[] }[] = [
  { re: new RegExp(`${COUNTY_GROUP}[、,和及与]?${ZONE_GROUP}`, 'g'), pick: (d) => [...d.counties, ...d.zones] },
  { re: new RegExp(COUNTY_GROUP, 'g'), pick: (d) => d.counties },
  { re: /各(?:开发区|园区)(?:管委会)?|各管委会/g, pick: (d) => d.zones },
];
const SEPARATORS = /[、，,；;\n\r\t/|]+/;
const COLLECTIVE = /(?:各|有关|相关|所属|市直|市级|州直|县直|区直).*(?:部门|单位|机构)|各级|等部门|等单位/;

function candidates(token: string, cityName: string | null): string[] {
  const out = [token];
  const noGov = token.replace(/(?:人民政府|政府)$/, '');
  if (noGov !== token && noGov.length >= 2) out.push(noGov);
  if (cityName) {
    const city = cityName.replace(/市$/, '');
    if (!token.startsWith(city)) {
      if (token.startsWith('市')) out.push(`${cityName}${token.slice(1)}`);
      // A bare "工业和信息化局" — or "市场监管局", whose 市 belongs to 市场 — is the city's department.
      if (/(?:局|委员会|委|办公室|办|中心)$/.test(token)) out.push(`${cityName}${token}`, `市${token}`);
    }
  }
  return out;
}

function resolveToken(token: string, dir: UnitDirectory): UnitRef | undefined {
  for (const c of candidates(token, dir.cityName)) {
    const u = dir.resolve(c);
    if (u) return u;
  }
  return undefined;
}

export function readUnitCell(text: string, dir: UnitDirectory): UnitCell {
  const cell: UnitCell = { units: [], unknown: [], collective: [] };
  const report = (t: string) => (COLLECTIVE.test(t) ? cell.collective : cell.unknown).push(t);
  // A remark in brackets that itself lists things ("(原文为责任单位列表,未分牵头/配合)") is no unit.
  let rest = text.normalize('NFKC').replace(/\([^()]*[、,;/][^()]*\)/g, '');
  for (const g of GROUPS) {
    rest = rest.replace(g.re, () => {
      cell.units.push(...g.pick(dir));
      return '、';
    });
  }
  // A space separates units too, unless the spaced text is itself a name ("呼和浩特市 发改委").
  const raws = rest
    .split(SEPARATORS)
    .flatMap((t) => (/\S\s+\S/.test(t) && !resolveToken(t.replace(/\s+/g, ''), dir) ? t.trim().split(/\s+/) : [t]));
  for (const raw of raws) {
    const whole = raw.replace(/\s+/g, '');
    // Connectors left over from "…及各县市区政府" are cut only when the whole is no name (和林格尔县 starts with 和).
    const token = resolveToken(whole, dir)
      ? whole
      : whole.replace(/(?:按职责分工负责|按职责分工|分别负责|负责|等)$/, '').replace(/^(?:以及|及|和|与)|(?:以及|及|和|与)$/g, '');
    if (!token) continue;
    const unit = resolveToken(token, dir) ?? resolveToken(token.replace(/\([^)]*\)$/, ''), dir);
    if (unit) {
      cell.units.push(unit);
      continue;
    }
    // "州司法局及州直相关单位": the halves are read on their own once the whole is not a name
    // (not split on 和, which sits inside names such as 发展和改革委员会).
    const parts = token.split(/及|与/).filter(Boolean);
    const refs = parts.map((p) => resolveToken(p, dir));
    if (parts.length > 1) parts.forEach((p, i) => (refs[i] ? cell.units.push(refs[i]) : report(p)));
    else report(token);
  }
  const seen = new Set<number>();
  cell.units = cell.units.filter((u) => !seen.has(u.id) && seen.add(u.id));
  return cell;
}
