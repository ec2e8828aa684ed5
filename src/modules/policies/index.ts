/**
 * The policies module's public face: what other modules may read of the enterprise registry.
 * Other modules import this file, never the registry's repository.
 */
import type { Executor } from '../../db/database.js';
import { findEnterprise, listEnterprises, scanEnterprises } from './enterprises.repository.js';

export { countEnterprises as countEnterprisesInRegistry, enterpriseIdOfUser, scanTaxGrades as registryTaxGradePages } from './enterprises.repository.js';

export { syntheticUscc } from './synthetic.js';

/** What another module needs of a registered enterprise: no contact or personal data. */
export interface RegistryEnterprise {
  id: number;
  uscc: string;
  name: string;
  countyCode: string | null;
  industryCode: string | null;
  taxGrade: string | null;
}

function brief(r: { id: number; uscc: string; name: string; county_code: string | null; industry_code: string | null; tax_grade: string | null }): RegistryEnterprise {
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

/** The enterprises with these ids, by id (unknown ids are left out). */
export async function registryByIds(db: Executor, ids: number[]): Promise<Map<number, RegistryEnterprise>> {
  const out = new Map<number, RegistryEnterprise>();
  const unique = [...new Set(ids)];
  for (let k = 0; k < unique.length; k += 500) {
    const chunk = unique.slice(k, k + 500);
    for (const r of (await listEnterprises(db, { ids: chunk }, { offset: 0, limit: chunk.length })).rows) out.set(r.id, brief(r));
  }
  return out;
}
