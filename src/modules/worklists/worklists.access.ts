import { AppError } from '../../common/errors.js';
import { hasPermission } from '../../common/permissions.js';
import type { Actor } from '../../context.js';
import type { Executor } from '../../db/database.js';
import { type AssignmentRecord, type ItemWithList, findItem, listAssignments } from './worklists.repository.js';

/**
 * Who sees which items (`worklists.scope.*` in the permission table): the office, admins and
 * leaders everything (leaders read-only apart from instructions), liaisons and unit heads only
 * items their unit is assigned to, nobody else anything.
 */
export type Scope = { all: true } | { all: false; unitId: number };

/** The office side, who edits, reviews and closes items for the whole city. */
export function isOffice(actor: Actor): boolean {
  return hasPermission(actor.role, 'worklists.manage');
}

/** A unit's staff, who work on the items of their own unit. */
export function isUnitRole(actor: Actor): boolean {
  return hasPermission(actor.role, 'worklists.scope.unit');
}

export function readScope(actor: Actor): Scope {
  if (hasPermission(actor.role, 'worklists.scope.all')) return { all: true };
  if (isUnitRole(actor) && actor.unitId) return { all: false, unitId: actor.unitId };
  throw new AppError('FORBIDDEN');
}

export interface LoadedItem {
  item: ItemWithList;
  assignments: AssignmentRecord[];
  /** the caller's unit's role on the item, if any */
  myRole: 'lead' | 'coop' | null;
}

/** Loads an item the caller may see; another unit's item is a clear 403, not a silent empty answer. */
export async function loadVisibleItem(db: Executor, actor: Actor, id: number): Promise<LoadedItem> {
  const scope = readScope(actor);
  const item = await findItem(db, id);
  if (!item) throw new AppError('NOT_FOUND');
  const assignments = await listAssignments(db, [id]);
  const mine = actor.unitId ? assignments.find((a) => a.unit_id === actor.unitId) : undefined;
  if (!scope.all && !mine)
    throw new AppError('UNIT_NOT_ASSIGNED', [
      { path: 'params.id', message: `事项 ${item.code} 未分配给您的单位 / item ${item.code} is not assigned to your unit` },
    ]);
  return { item, assignments, myRole: (mine?.role as 'lead' | 'coop' | undefined) ?? null };
}

export function requireOffice(actor: Actor): void {
  if (!isOffice(actor)) throw new AppError('FORBIDDEN');
}
