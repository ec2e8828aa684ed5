import { AppError } from '../../common/errors.js';
import { hasPermission } from '../../common/permissions.js';
import type { Actor, AppContext } from '../../context.js';
import { findUnit } from '../org/index.js';
import { enterpriseIdOfUser } from './enterprises.repository.js';

/** What an actor may see of the registry and the results. */
export type Scope = { all: true } | { all: false; countyCode?: string; departmentUnitId?: number; enterpriseId?: number };

/**
 * City-wide roles see everything; a county's liaison or head sees its county's enterprises; a
 * department's sees the results of its own policies; an enterprise user sees its own enterprise.
 */
export async function scopeOf(ctx: AppContext, actor: Actor): Promise<Scope> {
  if (hasPermission(actor.role, 'policies.scope.all')) return { all: true };
  if (hasPermission(actor.role, 'policies.scope.enterprise')) {
    const enterpriseId = await enterpriseIdOfUser(ctx.db, actor.id);
    if (!enterpriseId) throw new AppError('ENTERPRISE_NOT_LINKED');
    return { all: false, enterpriseId };
  }
  if (!hasPermission(actor.role, 'policies.scope.unit')) throw new AppError('FORBIDDEN');
  const unit = actor.unitId ? await findUnit(ctx.db, actor.unitId) : undefined;
  if (!unit) return { all: false, enterpriseId: -1 };
  if ((unit.kind === 'county' || unit.kind === 'zone') && unit.division_code) return { all: false, countyCode: unit.division_code };
  return { all: false, departmentUnitId: unit.id };
}

export function assertEditor(actor: Actor): void {
  if (!hasPermission(actor.role, 'policies.manage')) throw new AppError('FORBIDDEN');
}
