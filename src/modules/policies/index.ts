/**
 * The policies module's public face: what other modules may use of the enterprise registry
 * (enforcement, finance, demands, procurement) and of the payouts (finance). Other modules import
 * this file, never the policies repositories.
 */
import type { Executor } from '../../db/database.js';
import { enterpriseIdOfUser, findEnterprise, findEnterprisesByUscc, listEnterprises, scanEnterprises } from './enterprises.repository.js';

export { type EnterpriseRow } from './enterprises.js';
export {
  countEnterprises as countEnterprisesInRegistry,
  enterpriseIdOfUser,
  findEnterprise,
  findEnterprisesByUscc,
} from './enterprises.repository.js';
export { enterpriseUserIds } from './results.repository.js';
export { actOnResult, getResult } from './results.service.js';
export { syntheticUscc } from './synthetic.js';
export { checkUscc, type UsccCheck } from './uscc.js';

/** What another module needs of a registered enterprise: no contact or personal data. */
export interface RegistryEnterprise {
  id: number;
  uscc: string;
  name: string;
  countyCode: string | null;
  industryCode: string | null;
  taxGrade: string | null;
}

function brief(r: {
  id: number;
  uscc: string;
  name: string;
  county_code: string | null;
  industry_code: string | null;
  tax_grade: string | null;
}): RegistryEnterprise {
  return { id: r.id, uscc: r.uscc, name: r.name, countyCode: r.county_code, industryCode: r.industry_code, taxGrade: r.tax_grade };
}

/** Every registered enterprise (or those with the given ids) in id order, a page at a time. */
export async function* registryPages(db: Executor, ids?: number[]): AsyncGenerator<RegistryEnterprise[]> {
  for await (const rows of scanEnterprises(db, ids ? { ids } : {})) yield rows.map(brief);
}

export async function findRegistryEnterprise(db: Executor, id: number): Promise<RegistryEnterprise | undefined> {
  const r = await findEnterprise(db, id);
  return r && brief(r);
}

/**
 * These enterprises (unknown ids are left out) keyed by id, read 500 at a time — without contact or
 * personal data: no other module's screen shows them (finance, enforcement).
 */
export async function registryByIds(db: Executor, ids: number[]): Promise<Map<number, RegistryEnterprise>> {
  const out = new Map<number, RegistryEnterprise>();
  const unique = [...new Set(ids)];
  for (let k = 0; k < unique.length; k += 500) {
    const chunk = unique.slice(k, k + 500);
    for (const r of (await listEnterprises(db, { ids: chunk }, { offset: 0, limit: chunk.length })).rows) out.set(r.id, brief(r));
  }
  return out;
}

/** The registered enterprise with this (normalised) USCC, if any: id, name and county division code. */
export async function registeredEnterprise(
  db: Executor,
  uscc: string,
): Promise<{ id: number; name: string; countyCode: string | null } | undefined> {
  const row = (await findEnterprisesByUscc(db, [uscc])).get(uscc);
  return row ? { id: row.id, name: row.name, countyCode: row.county_code } : undefined;
}

/** The enterprise an `enterprise` user acts for: its id, USCC and name. */
export async function enterpriseOfUser(
  db: Executor,
  userId: number,
): Promise<{ id: number; uscc: string; name: string; countyCode: string | null } | undefined> {
  const id = await enterpriseIdOfUser(db, userId);
  const row = id ? await findEnterprise(db, id) : undefined;
  return row ? { id: row.id, uscc: row.uscc, name: row.name, countyCode: row.county_code } : undefined;
}

/** Who stands behind a registered enterprise, for the related-party signal of procurement (Art. 39). */
export interface RegistryOwnership {
  name: string;
  legalRepresentative: string | null;
  /** Names or credit codes (credit codes in upper case). */
  shareholders: string[];
}

/** The legal representative and shareholders of the registered enterprises among these USCCs. */
export async function registryOwnership(db: Executor, usccs: string[]): Promise<Map<string, RegistryOwnership>> {
  const rows = await findEnterprisesByUscc(db, [...new Set(usccs)]);
  const out = new Map<string, RegistryOwnership>();
  for (const [uscc, r] of rows) {
    if (!r.legal_representative && !r.shareholders_json) continue;
    out.set(uscc, {
      name: r.name,
      legalRepresentative: r.legal_representative,
      shareholders: r.shareholders_json ? (JSON.parse(r.shareholders_json) as string[]) : [],
    });
  }
  return out;
}
