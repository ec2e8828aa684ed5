import { AppError } from '../../common/errors.js';
import { hasPermission } from '../../common/permissions.js';
import type { Actor } from '../../context.js';

/** The office (and the admin) act for every department; a unit's people only for their own unit. */
export function actsForAll(actor: Actor): boolean {
  return hasPermission(actor.role, 'enforcement.scope.all');
}

export function assertUnit(actor: Actor, unitIds: number | number[]): void {
  if (actsForAll(actor)) return;
  const ids = Array.isArray(unitIds) ? unitIds : [unitIds];
  if (actor.unitId === null || !ids.includes(actor.unitId)) throw new AppError('FORBIDDEN');
}

/** The unit a listing is limited to: the caller's own for unit roles, else what was asked. */
export function visibleUnit(actor: Actor, asked?: number): number | undefined {
  return hasPermission(actor.role, 'enforcement.scope.unit') ? (actor.unitId ?? -1) : asked;
}

export function parseJson<T>(text: string | null): T {
  return (text === null ? null : JSON.parse(text)) as T;
}
