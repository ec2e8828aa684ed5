import { type Selectable, sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { IndicatorPeerValueTable, IndicatorTable, IndicatorTargetTable, IndicatorValueTable } from './indicators.tables.js';

export type IndicatorRow = Selectable<IndicatorTable>;
export type TargetRow = Selectable<IndicatorTargetTable>;
export type PeerValueRow = Selectable<IndicatorPeerValueTable>;
export interface ValueRecord extends Selectable<IndicatorValueTable> {
  indicator_code: string;
  unit_name: string;
  target: number | null;
}

export type IndicatorValues = Omit<IndicatorTable, 'id' | 'version' | 'created_at' | 'updated_at'>;

export async function listIndicators(db: Executor): Promise<IndicatorRow[]> {
  return db.selectFrom('indicator').selectAll().orderBy('sort_order').orderBy('id').execute();
}

export async function findIndicator(db: Executor, id: number): Promise<IndicatorRow | undefined> {
  return db.selectFrom('indicator').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findIndicatorsByCode(db: Executor, codes: string[]): Promise<IndicatorRow[]> {
  if (!codes.length) return [];
  return db.selectFrom('indicator').selectAll().where('code', 'in', codes).execute();
}

export async function insertIndicator(db: Executor, v: IndicatorValues, at: string): Promise<number> {
  const row = await db
    .insertInto('indicator')
    .values({ ...v, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateIndicatorVersioned(
  db: Executor,
  id: number,
  version: number,
  v: Partial<IndicatorValues>,
  at: string,
): Promise<boolean> {
  const r = await db
    .updateTable('indicator')
    .set((eb) => ({ ...v, updated_at: at, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export interface ValueFilter {
  indicatorId?: number | undefined;
  unitIds?: number[] | undefined;
  periodFrom?: string | undefined;
  periodTo?: string | undefined;
  ids?: number[];
}

export async function listValues(db: Executor, f: ValueFilter): Promise<ValueRecord[]> {
  let q = db
    .selectFrom('indicator_value as v')
    .innerJoin('indicator as i', 'i.id', 'v.indicator_id')
    .innerJoin('unit as u', 'u.id', 'v.unit_id')
    .leftJoin('indicator_target as t', (j) =>
      j.onRef('t.indicator_id', '=', 'v.indicator_id').onRef('t.unit_id', '=', 'v.unit_id').onRef('t.period', '=', 'v.period'),
    )
    .selectAll('v')
    .select(['i.code as indicator_code', 'u.name as unit_name', 't.target as target']);
  if (f.indicatorId) q = q.where('v.indicator_id', '=', f.indicatorId);
  if (f.unitIds) q = f.unitIds.length ? q.where('v.unit_id', 'in', f.unitIds) : q.where(sql<boolean>`1 = 0`);
  if (f.ids) q = f.ids.length ? q.where('v.id', 'in', f.ids) : q.where(sql<boolean>`1 = 0`);
  // Periods are 'YYYY', 'YYYY-Qn' or 'YYYY-MM': text order is time order within one granularity.
  if (f.periodFrom) q = q.where('v.period', '>=', f.periodFrom);
  if (f.periodTo) q = q.where('v.period', '<=', `${f.periodTo}\uffff`);
  return q.orderBy('v.indicator_id').orderBy('v.unit_id').orderBy('v.period').execute() as Promise<ValueRecord[]>;
}

export async function findValue(db: Executor, id: number): Promise<ValueRecord | undefined> {
  return (await listValues(db, { ids: [id] }))[0];
}

export async function findValueByKey(
  db: Executor,
  indicatorId: number,
  unitId: number,
  period: string,
): Promise<Selectable<IndicatorValueTable> | undefined> {
  return db
    .selectFrom('indicator_value')
    .selectAll()
    .where('indicator_id', '=', indicatorId)
    .where('unit_id', '=', unitId)
    .where('period', '=', period)
    .executeTakeFirst();
}

/** Existing values of some indicators and units, for an import to tell updates from inserts in one query. */
export async function listValueKeys(db: Executor, indicatorIds: number[], unitIds: number[]): Promise<Selectable<IndicatorValueTable>[]> {
  if (!indicatorIds.length || !unitIds.length) return [];
  return db.selectFrom('indicator_value').selectAll().where('indicator_id', 'in', indicatorIds).where('unit_id', 'in', unitIds).execute();
}

export interface NewValue {
  indicator_id: number;
  unit_id: number;
  period: string;
  value: number;
  source: string;
  evidence: string | null;
  synthetic: number;
  created_by: number | null;
}

export async function insertValue(db: Executor, v: NewValue, at: string): Promise<number> {
  const row = await db
    .insertInto('indicator_value')
    .values({ ...v, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Inserts many values in chunks (an import); returns their ids in input order. */
export async function insertValues(db: Executor, rows: NewValue[], at: string): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500).map((v) => ({ ...v, created_at: at, updated_at: at }));
    ids.push(...(await db.insertInto('indicator_value').values(chunk).returning('id').execute()).map((r) => r.id));
  }
  return ids;
}

export async function updateValueVersioned(
  db: Executor,
  id: number,
  version: number,
  v: Partial<Pick<NewValue, 'value' | 'source' | 'evidence'>>,
  at: string,
): Promise<boolean> {
  const r = await db
    .updateTable('indicator_value')
    .set((eb) => ({ ...v, updated_at: at, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The latest value per indicator of one unit up to a period (for scoring and the demo's "latest values"). */
export async function latestValues(db: Executor, unitId: number, upToPeriod: string): Promise<Selectable<IndicatorValueTable>[]> {
  const rows = await db
    .selectFrom('indicator_value')
    .selectAll()
    .where('unit_id', '=', unitId)
    .where('period', '<=', `${upToPeriod}\uffff`)
    .orderBy('indicator_id')
    .orderBy('period', 'desc')
    .execute();
  const seen = new Set<number>();
  return rows.filter((r) => !seen.has(r.indicator_id) && seen.add(r.indicator_id));
}

export async function findTarget(db: Executor, indicatorId: number, unitId: number, period: string): Promise<TargetRow | undefined> {
  return db
    .selectFrom('indicator_target')
    .selectAll()
    .where('indicator_id', '=', indicatorId)
    .where('unit_id', '=', unitId)
    .where('period', '=', period)
    .executeTakeFirst();
}

export async function listTargets(
  db: Executor,
  f: { indicatorId?: number | undefined; unitIds?: number[] | undefined },
): Promise<TargetRow[]> {
  let q = db.selectFrom('indicator_target').selectAll();
  if (f.indicatorId) q = q.where('indicator_id', '=', f.indicatorId);
  if (f.unitIds) q = f.unitIds.length ? q.where('unit_id', 'in', f.unitIds) : q.where(sql<boolean>`1 = 0`);
  return q.orderBy('indicator_id').orderBy('unit_id').orderBy('period').execute();
}

export async function upsertTarget(
  db: Executor,
  v: { indicator_id: number; unit_id: number; period: string; target: number; note: string | null },
  at: string,
): Promise<TargetRow> {
  const existing = await findTarget(db, v.indicator_id, v.unit_id, v.period);
  if (existing) {
    await db
      .updateTable('indicator_target')
      .set((eb) => ({ target: v.target, note: v.note, updated_at: at, version: eb('version', '+', 1) }))
      .where('id', '=', existing.id)
      .execute();
  } else {
    await db
      .insertInto('indicator_target')
      .values({ ...v, created_at: at, updated_at: at })
      .execute();
  }
  return (await findTarget(db, v.indicator_id, v.unit_id, v.period))!;
}

export async function listPeerValues(db: Executor, methodId: string, period: string): Promise<PeerValueRow[]> {
  return db
    .selectFrom('indicator_peer_value')
    .selectAll()
    .where('method_id', '=', methodId)
    .where('period', '=', period)
    .orderBy('peer_code')
    .orderBy('id')
    .execute();
}

/** The most recent (method, period) with imported peer values: what the cockpit forecasts from. */
export async function latestPeerSet(db: Executor): Promise<{ methodId: string; period: string } | undefined> {
  const r = await db
    .selectFrom('indicator_peer_value')
    .select(['method_id', 'period'])
    .groupBy(['method_id', 'period'])
    .orderBy('period', 'desc')
    .orderBy('method_id', 'desc')
    .executeTakeFirst();
  return r && { methodId: r.method_id, period: r.period };
}

/** A peer import replaces the whole (method, period) set: the forecast always sees one consistent snapshot. */
export async function replacePeerValues(
  db: Executor,
  methodId: string,
  period: string,
  rows: Omit<IndicatorPeerValueTable, 'id'>[],
): Promise<number> {
  const r = await db.deleteFrom('indicator_peer_value').where('method_id', '=', methodId).where('period', '=', period).executeTakeFirst();
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('indicator_peer_value')
      .values(rows.slice(i, i + 500))
      .execute();
  return Number(r.numDeletedRows);
}

export async function listAuditFor(db: Executor, entity: string, entityId: number) {
  return db
    .selectFrom('audit_log')
    .select(['at', 'actor_name', 'action', 'before_json', 'after_json'])
    .where('entity', '=', entity)
    .where('entity_id', '=', String(entityId))
    .orderBy('id')
    .execute();
}

/** The first import audit rows written at or after a moment: the import that created a value is among them. */
export async function listImportAuditFrom(db: Executor, at: string, limit = 5) {
  return db
    .selectFrom('audit_log')
    .select(['at', 'actor_name', 'action', 'before_json', 'after_json'])
    .where('entity', '=', 'indicator_value_import')
    .where('at', '>=', at)
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** The question bank's self-assessments with their lead units (worklists tables, read-only). */
export async function listQuestionSelfScores(db: Executor, unitId?: number) {
  let q = db
    .selectFrom('item as it')
    .innerJoin('item_assignment as a', 'a.item_id', 'it.id')
    .innerJoin('unit as u', 'u.id', 'a.unit_id')
    .select(['a.unit_id as unitId', 'u.name as unitName', 'it.area as area', 'it.self_score as selfScore', 'it.max_score as maxScore'])
    .where('it.kind', '=', 'question')
    .where('a.role', '=', 'lead');
  if (unitId) q = q.where('a.unit_id', '=', unitId);
  return q.execute();
}
