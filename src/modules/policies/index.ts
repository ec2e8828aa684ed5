/**
 * The policies module's public face: what other modules may read of the enterprise registry.
 */
import type { Executor } from '../../db/database.js';
import { enterpriseIdOfUser, findEnterprise, findEnterprisesByUscc } from './enterprises.repository.js';

export { checkUscc, type UsccCheck } from './uscc.js';

// — demands —
/** The registered enterprise with this (normalised) USCC, if any: id, name and county division code. */
export async function registeredEnterprise(db: Executor, uscc: string): Promise<{ id: number; name: string; countyCode: string | null } | undefined> {
  const row = (await findEnterprisesByUscc(db, [uscc])).get(uscc);
  return row ? { id: row.id, name: row.name, countyCode: row.county_code } : undefined;
}

/** The enterprise an `enterprise` user acts for: its id, USCC and name. */
export async function enterpriseOfUser(db: Executor, userId: number): Promise<{ id: number; uscc: string; name: string; countyCode: string | null } | undefined> {
  const id = await enterpriseIdOfUser(db, userId);
  const row = id ? await findEnterprise(db, id) : undefined;
  return row ? { id: row.id, uscc: row.uscc, name: row.name, countyCode: row.county_code } : undefined;
}
