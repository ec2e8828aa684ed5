import { type Kysely, type Selectable, sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { DB, UnitTable } from '../../db/schema.js';

export type UnitRow = Selectable<UnitTable>;
export interface UnitRecord extends UnitRow {
  aliases: string[];
  user_count: number;
}

export interface UnitFilter {
  includeRetired?: boolean;
  kind?: string | undefined;
  ids?: number[];
}

export async function listUnits(db: Executor, f: UnitFilter = {}): Promise<UnitRecord[]> {
  let q = db.selectFrom('unit').selectAll();
  if (!f.includeRetired) q = q.where('status', '=', 'active');
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.ids) q = f.ids.length ? q.where('id', 'in', f.ids) : q.where(sql<boolean>`1 = 0`);
  const rows = await q.orderBy('sort_order').orderBy('id').execute();
  return attachDetails(db, rows);
}

/**
 * Every unit's name by id, retired ones included: the labels of lists and tickets, read on every
 * uncached page, so one narrow query instead of `listUnits` with its aliases and user counts.
 */
export async function unitNames(db: Executor): Promise<Map<number, string>> {
  const rows = await db.selectFrom('unit').select(['id', 'name']).execute();
  return new Map(rows.map((u) => [u.id, u.name]));
}

async function attachDetails(db: Executor, rows: UnitRow[]): Promise<UnitRecord[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const aliases = await db.selectFrom('unit_alias').select(['unit_id', 'alias']).where('unit_id', 'in', ids).orderBy('id').execute();
  const counts = await db
    .selectFrom('app_user')
    .select(['unit_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('unit_id', 'in', ids)
    .groupBy('unit_id')
    .execute();
  const countBy = new Map(counts.map((c) => [c.unit_id, Number(c.n)]));
  return rows.map((r) => ({
    ...r,
    aliases: aliases.filter((a) => a.unit_id === r.id).map((a) => a.alias),
    user_count: countBy.get(r.id) ?? 0,
  }));
}

export async function findUnit(db: Executor, id: number): Promise<UnitRecord | undefined> {
  const row = await db.selectFrom('unit').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? (await attachDetails(db, [row]))[0] : undefined;
}

/** Every name and alias in use, with its unit — for duplicate checks and name resolution. */
export async function listAllNames(db: Executor): Promise<{ unitId: number; name: string; isAlias: boolean }[]> {
  const units = await db.selectFrom('unit').select(['id', 'name']).execute();
  const aliases = await db.selectFrom('unit_alias').select(['unit_id', 'alias']).execute();
  return [
    ...units.map((u) => ({ unitId: u.id, name: u.name, isAlias: false })),
    ...aliases.map((a) => ({ unitId: a.unit_id, name: a.alias, isAlias: true })),
  ];
}

export interface UnitValues {
  name: string;
  kind: string;
  parent_id: number | null;
  division_code: string | null;
  sort_order: number;
}

export async function insertUnit(db: Executor, v: UnitValues, at: string): Promise<number> {
  const row = await db
    .insertInto('unit')
    .values({ ...v, status: 'active', merged_into_id: null, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Updates only when the stored version matches; returns false on a concurrent change. */
export async function updateUnitVersioned(
  db: Executor,
  id: number,
  version: number,
  v: Partial<UnitValues> & { status?: string; merged_into_id?: number | null },
  at: string,
): Promise<boolean> {
  const r = await db
    .updateTable('unit')
    .set((eb) => ({ ...v, updated_at: at, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function replaceAliases(db: Executor, unitId: number, aliases: string[]): Promise<void> {
  await db.deleteFrom('unit_alias').where('unit_id', '=', unitId).execute();
  if (aliases.length) {
    await db
      .insertInto('unit_alias')
      .values(aliases.map((alias) => ({ unit_id: unitId, alias })))
      .execute();
  }
}

export async function moveUsers(db: Executor, fromUnitId: number, toUnitId: number): Promise<void> {
  await db.updateTable('app_user').set({ unit_id: toUnitId }).where('unit_id', '=', fromUnitId).execute();
}

export async function deleteUnitRow(db: Executor, id: number): Promise<void> {
  await db.deleteFrom('unit').where('id', '=', id).execute();
}

export async function countChildren(db: Kysely<DB> | Executor, id: number): Promise<number> {
  const r = await db
    .selectFrom('unit')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('parent_id', '=', id)
    .where('status', '=', 'active')
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Hangs the children of one unit under another (a merge). */
export async function reparentChildren(db: Executor, fromUnitId: number, toUnitId: number): Promise<void> {
  await db.updateTable('unit').set({ parent_id: toUnitId }).where('parent_id', '=', fromUnitId).execute();
}
