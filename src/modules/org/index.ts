/**
 * The org module's public face: what other modules may use of units, users and the audit log.
 * Other modules import this file (or the services named here), never org's repositories; the
 * lint rule in eslint.config.js keeps it so. The read functions take the caller's executor, so
 * they run inside the caller's transaction when given one.
 */
import type { Executor } from '../../db/database.js';
import { listUnits } from './units.repository.js';

export { findUnit, listUnits, type UnitFilter, type UnitRecord, unitNames } from './units.repository.js';
export { findUserById, findUserByUsername, listUsers, type UserRow } from './users.repository.js';

/** The ids among `ids` of units that exist and are not retired. */
export async function activeUnitIds(db: Executor, ids: number[]): Promise<number[]> {
  if (!ids.length) return [];
  return (await listUnits(db, { ids })).map((u) => u.id);
}
