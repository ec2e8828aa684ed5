import { type Insertable, PostgresAdapter, type Selectable, type Updateable, sql } from 'kysely';
import { bulkInsert } from '../../db/bulk.js';
import type { Executor } from '../../db/database.js';
import { escapeLike, likeEscaped } from '../../db/like.js';
import { paged } from '../../db/paged.js';
import type { ItemTable, WorklistTable } from './worklists.tables.js';

export type ItemRow = Selectable<ItemTable>;
export type ItemValues = Omit<Insertable<ItemTable>, 'id' | 'version'>;
export type WorklistRow = Selectable<WorklistTable>;
export interface AssignmentRecord {
  item_id: number;
  unit_id: number;
  role: string;
  unit_name: string;
}

function isPg(db: Executor): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

// ---- lists ----

export async function listWorklistRows(db: Executor, kind?: string) {
  let q = db
    .selectFrom('worklist as w')
    .leftJoin('item as i', 'i.list_id', 'w.id')
    .select(['w.id', 'w.name', 'w.kind', 'w.description', 'w.version', 'w.created_at', 'w.updated_at'])
    .select((eb) => [
      eb.fn.count<number>('i.id').as('item_count'),
      eb.fn.sum<number>(eb.case().when('i.status', '=', 'closed').then(1).else(0).end()).as('closed_count'),
    ])
    .groupBy(['w.id', 'w.name', 'w.kind', 'w.description', 'w.version', 'w.created_at', 'w.updated_at']);
  if (kind) q = q.where('w.kind', '=', kind);
  const rows = await q.orderBy('w.kind').orderBy('w.id').execute();
  return rows.map((r) => ({ ...r, item_count: Number(r.item_count), closed_count: Number(r.closed_count ?? 0) }));
}

export async function findWorklist(db: Executor, id: number): Promise<WorklistRow | undefined> {
  return db.selectFrom('worklist').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findWorklistByName(db: Executor, kind: string, name: string): Promise<WorklistRow | undefined> {
  return db.selectFrom('worklist').selectAll().where('kind', '=', kind).where('name', '=', name).executeTakeFirst();
}

export async function insertWorklist(
  db: Executor,
  v: { name: string; kind: string; description: string | null },
  at: string,
): Promise<number> {
  const r = await db
    .insertInto('worklist')
    .values({ ...v, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function updateWorklistVersioned(
  db: Executor,
  id: number,
  version: number,
  v: { name?: string; description?: string | null },
  at: string,
) {
  const r = await db
    .updateTable('worklist')
    .set((eb) => ({ ...v, updated_at: at, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function deleteWorklistRow(db: Executor, id: number): Promise<void> {
  await db.deleteFrom('worklist').where('id', '=', id).execute();
}

export async function countItemsInList(db: Executor, listId: number): Promise<number> {
  const r = await db
    .selectFrom('item')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('list_id', '=', listId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

// ---- items ----

export interface ItemFilterSql {
  /** only items this unit is assigned to (unit scoping) */
  scopeUnitId?: number | undefined;
  ids?: number[] | undefined;
  kind?: string | undefined;
  listId?: number | undefined;
  area?: string | undefined;
  unitId?: number | undefined;
  role?: string | undefined;
  status?: string | undefined;
  stage?: string | undefined;
  /** open items whose deadline is before this date are overdue */
  overdueBefore?: string | undefined;
  overdue?: boolean | undefined;
  /** open items with deadline in [from, before) */
  dueRange?: { from: string; before: string } | undefined;
  terms?: string[] | undefined;
}

export interface ItemSort {
  sort: 'code' | 'deadline' | 'updatedAt' | 'status' | 'percent';
  order: 'asc' | 'desc';
}

function filtered(db: Executor, f: ItemFilterSql) {
  let q = db.selectFrom('item');
  const assigned = (unitId: number, role?: string) =>
    q.where('item.id', 'in', (eb) => {
      let s = eb.selectFrom('item_assignment').select('item_assignment.item_id').where('item_assignment.unit_id', '=', unitId);
      if (role) s = s.where('item_assignment.role', '=', role);
      return s;
    });
  if (f.scopeUnitId !== undefined) q = assigned(f.scopeUnitId);
  if (f.unitId !== undefined) q = assigned(f.unitId, f.role);
  if (f.ids) q = f.ids.length ? q.where('item.id', 'in', f.ids) : q.where(sql<boolean>`1 = 0`);
  if (f.kind) q = q.where('item.kind', '=', f.kind);
  if (f.listId) q = q.where('item.list_id', '=', f.listId);
  if (f.area) q = q.where('item.area', '=', f.area);
  if (f.status) q = q.where('item.status', '=', f.status);
  if (f.stage) q = q.where('item.stage', '=', f.stage);
  if (f.overdue !== undefined && f.overdueBefore) {
    const before = f.overdueBefore;
    q = f.overdue
      ? q.where('item.status', '<>', 'closed').where('item.deadline', 'is not', null).where('item.deadline', '<', before)
      : q.where((eb) => eb.or([eb('item.status', '=', 'closed'), eb('item.deadline', 'is', null), eb('item.deadline', '>=', before)]));
  }
  if (f.dueRange)
    q = q.where('item.status', '<>', 'closed').where('item.deadline', '>=', f.dueRange.from).where('item.deadline', '<', f.dueRange.before);
  for (const term of f.terms ?? []) {
    if (isPg(db)) {
      const text = sql`(item.code || ' ' || coalesce(item.area, '') || ' ' || item.content || ' ' || coalesce(item.measures, ''))`;
      // Same expression as the pg_trgm index, so the index serves the ILIKE.
      q = q.where(likeEscaped(text, `%${escapeLike(term)}%`, 'ilike'));
    } else if ([...term].length >= 3) {
      const phrase = `"${term.replace(/"/g, '""')}"`;
      q = q.where(sql<boolean>`item.id in (select rowid from item_fts where item_fts match ${phrase})`);
    } else {
      // FTS5 trigrams need three characters; shorter terms (营商) scan the text (instr: literal, faster than LIKE).
      const inContentOrMeasures = sql`instr(item.content, ${term}) > 0 or instr(item.measures, ${term}) > 0`;
      const inAreaOrCode = sql`instr(item.area, ${term}) > 0 or instr(item.code, ${term}) > 0`;
      q = q.where(sql<boolean>`(${inContentOrMeasures} or ${inAreaOrCode})`);
    }
  }
  return q;
}

export async function queryItems(db: Executor, f: ItemFilterSql, s: ItemSort, page: { limit: number; offset: number }) {
  // The list names come from a second small query: joined here, the join would also be in the
  // count, which could then no longer be answered from an index (every row read, ~3 ms per page).
  let q = filtered(db, f).selectAll('item');
  const dir = s.order;
  // Items without a deadline (ongoing) come last either way, on both dialects.
  if (s.sort === 'deadline') q = q.orderBy('item.deadline', (ob) => (dir === 'asc' ? ob.asc() : ob.desc()).nullsLast());
  else if (s.sort === 'updatedAt') q = q.orderBy('item.updated_at', dir);
  else if (s.sort === 'status') q = q.orderBy('item.status', dir);
  else if (s.sort === 'percent') q = q.orderBy('item.percent', dir);
  else q = q.orderBy('item.list_id', dir).orderBy('item.sort_order', dir);
  // paged() counts only when the page is full: a keyword scan or a wide filter is not read twice for nothing.
  const { rows, total } = await paged(q.orderBy('item.id', dir), page);
  const listIds = [...new Set(rows.map((r) => r.list_id))];
  const names = new Map(
    listIds.length
      ? (await db.selectFrom('worklist').select(['id', 'name']).where('id', 'in', listIds).execute()).map((w) => [w.id, w.name])
      : [],
  );
  return { rows: rows.map((r): ItemWithList => ({ ...r, list_name: names.get(r.list_id) ?? '' })), total };
}

export type ItemWithList = ItemRow & { list_name: string };

export async function findItem(db: Executor, id: number): Promise<ItemWithList | undefined> {
  return db
    .selectFrom('item')
    .innerJoin('worklist', 'worklist.id', 'item.list_id')
    .selectAll('item')
    .select('worklist.name as list_name')
    .where('item.id', '=', id)
    .executeTakeFirst();
}

export async function findItemsByCodes(db: Executor, listId: number, codes: string[]): Promise<ItemRow[]> {
  const out: ItemRow[] = [];
  for (let i = 0; i < codes.length; i += 500) {
    const chunk = codes.slice(i, i + 500);
    out.push(...(await db.selectFrom('item').selectAll().where('list_id', '=', listId).where('code', 'in', chunk).execute()));
  }
  return out;
}

/** code → id of every item in a list, in one query (re-import updates by code). */
export async function findItemIdsByCode(db: Executor, listId: number): Promise<Map<string, number>> {
  const rows = await db.selectFrom('item').select(['id', 'code']).where('list_id', '=', listId).execute();
  return new Map(rows.map((r) => [r.code, r.id]));
}

export async function maxSortOrder(db: Executor, listId: number): Promise<number> {
  const r = await db
    .selectFrom('item')
    .select((eb) => eb.fn.max<number>('sort_order').as('m'))
    .where('list_id', '=', listId)
    .executeTakeFirst();
  return Number(r?.m ?? 0);
}

export async function insertItems(db: Executor, rows: ItemValues[]): Promise<number[]> {
  return bulkInsert(db, 'item', rows, { returning: 'id' });
}

/** Updates only when the stored version matches; returns false on a concurrent change. */
export async function updateItemVersioned(
  db: Executor,
  id: number,
  version: number,
  v: Updateable<ItemTable>,
  at: string,
): Promise<boolean> {
  const r = await db
    .updateTable('item')
    .set((eb) => ({ ...v, updated_at: at, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** A guarded transition: changes the item only while it is in one of `from`; returns false otherwise. */
export async function transitionItem(
  db: Executor,
  id: number,
  from: readonly string[],
  v: Updateable<ItemTable>,
  at: string,
): Promise<boolean> {
  const r = await db
    .updateTable('item')
    .set((eb) => ({ ...v, updated_at: at, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('status', 'in', from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function listAssignments(db: Executor, itemIds: number[]): Promise<AssignmentRecord[]> {
  const out: AssignmentRecord[] = [];
  for (let i = 0; i < itemIds.length; i += 500) {
    const chunk = itemIds.slice(i, i + 500);
    if (!chunk.length) continue;
    out.push(
      ...(await db
        .selectFrom('item_assignment as a')
        .innerJoin('unit as u', 'u.id', 'a.unit_id')
        .select(['a.item_id', 'a.unit_id', 'a.role', 'u.name as unit_name'])
        .where('a.item_id', 'in', chunk)
        .orderBy('a.role', 'desc')
        .orderBy('u.sort_order')
        .execute()),
    );
  }
  return out;
}

export async function replaceAssignments(
  db: Executor,
  itemIds: number[],
  rows: { item_id: number; unit_id: number; role: string }[],
): Promise<void> {
  for (let i = 0; i < itemIds.length; i += 500)
    await db
      .deleteFrom('item_assignment')
      .where('item_id', 'in', itemIds.slice(i, i + 500))
      .execute();
  await bulkInsert(db, 'item_assignment', rows);
}

export async function findActiveUnitIds(db: Executor, ids: number[]): Promise<number[]> {
  if (!ids.length) return [];
  const rows = await db.selectFrom('unit').select('id').where('id', 'in', ids).where('status', '=', 'active').execute();
  return rows.map((r) => r.id);
}

/** Moves a merged unit's assignments to the unit it joined; where both were assigned, the stronger role stays. */
export async function moveAssignments(db: Executor, fromUnitId: number, toUnitId: number): Promise<void> {
  const from = await db.selectFrom('item_assignment').selectAll().where('unit_id', '=', fromUnitId).execute();
  if (!from.length) return;
  const existing = await db
    .selectFrom('item_assignment')
    .selectAll()
    .where('unit_id', '=', toUnitId)
    .where(
      'item_id',
      'in',
      from.map((a) => a.item_id),
    )
    .execute();
  const byItem = new Map(existing.map((a) => [a.item_id, a]));
  for (const a of from) {
    const there = byItem.get(a.item_id);
    if (!there) {
      await db.updateTable('item_assignment').set({ unit_id: toUnitId }).where('id', '=', a.id).execute();
      continue;
    }
    if (a.role === 'lead' && there.role !== 'lead')
      await db.updateTable('item_assignment').set({ role: 'lead' }).where('id', '=', there.id).execute();
    await db.deleteFrom('item_assignment').where('id', '=', a.id).execute();
  }
  for (const t of ['item_report', 'item_evidence', 'item_extension'] as const) {
    await db.updateTable(t).set({ unit_id: toUnitId }).where('unit_id', '=', fromUnitId).execute();
  }
}

export async function listPublicity(db: Executor, itemId: number) {
  return db.selectFrom('item_publicity').selectAll().where('item_id', '=', itemId).orderBy('date').orderBy('id').execute();
}

export async function replacePublicity(
  db: Executor,
  itemId: number,
  rows: { level: string; outlet: string; date: string | null; link: string | null }[],
) {
  await db.deleteFrom('item_publicity').where('item_id', '=', itemId).execute();
  if (rows.length)
    await db
      .insertInto('item_publicity')
      .values(rows.map((r) => ({ ...r, item_id: itemId })))
      .execute();
}

export async function insertPublicityRows(
  db: Executor,
  rows: { item_id: number; level: string; outlet: string; date: string | null; link: string | null }[],
) {
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto('item_publicity')
      .values(rows.slice(i, i + 200))
      .execute();
}

/** Moves an item's deadline without the versioned update (demo data written in one transaction). */
export async function setItemDeadline(db: Executor, id: number, deadline: string): Promise<void> {
  await db.updateTable('item').set({ deadline }).where('id', '=', id).execute();
}
