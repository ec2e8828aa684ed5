/**
 * The policies module's public face: what other modules (finance) may use of the enterprise
 * registry and the payouts. Other modules import this file, never the policies repositories.
 */
import type { Executor } from '../../db/database.js';
import type { EnterpriseRow } from './enterprises.js';
import { listEnterprises } from './enterprises.repository.js';

export { type EnterpriseRow } from './enterprises.js';
export { enterpriseIdOfUser, findEnterprise, findEnterprisesByUscc } from './enterprises.repository.js';
export { actOnResult, getResult } from './results.service.js';

/** The registry rows of these ids (missing ids are simply absent), keyed by id. */
export async function enterprisesByIds(db: Executor, ids: number[]): Promise<Map<number, EnterpriseRow>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const { rows } = await listEnterprises(db, { ids: unique }, { offset: 0, limit: unique.length });
  return new Map(rows.map((r) => [r.id, r]));
}
