import { CompiledQuery, type Insertable, type Selectable, type Updateable, sql } from 'kysely';
import { bulkInsert, isPostgresExecutor } from '../../db/bulk.js';
import type { Executor } from '../../db/database.js';
import type { EnforcementTables } from './enforcement.tables.js';

type T = EnforcementTables;
export type MatterRow = Selectable<T['enf_matter']>;
export type CheckItemRow = Selectable<T['enf_check_item']>;
export type OfficerRow = Selectable<T['enf_officer']>;
export type PlanRow = Selectable<T['enf_plan']>;
export type VisitRow = Selectable<T['enf_visit']>;
export type ResultRow = Selectable<T['enf_result']>;
export type DocumentRow = Selectable<T['enf_document']>;
export type CreditRecordRow = Selectable<T['enf_credit_record']>;
export type RepairRow = Selectable<T['enf_repair']>;
export type ComplaintRow = Selectable<T['enf_complaint']>;

/** Tables whose rows carry a version and are edited with optimistic locking. */
type Versioned = 'enf_officer' | 'enf_plan' | 'enf_result' | 'enf_document' | 'enf_repair' | 'enf_complaint';

export async function insertRow<N extends keyof T>(db: Executor, table: N, values: Insertable<T[N]>): Promise<number> {
  // Every table of this module has an `id` except the grade table, which is written by upsertGrades.
  const r = await db
    .insertInto(table as 'enf_matter')
    .values(values as Insertable<T['enf_matter']>)
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function updateVersioned<N extends Versioned>(
  db: Executor,
  table: N,
  id: number,
  version: number,
  set: Updateable<T[N]>,
  at: string,
): Promise<boolean> {
  const r = await db
    .updateTable(table as 'enf_plan')
    .set({ ...(set as Updateable<T['enf_plan']>), version: sql<number>`version + 1`, updated_at: at })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export function findById<N extends Versioned | 'enf_matter'>(db: Executor, table: N, id: number) {
  return db
    .selectFrom(table as 'enf_plan')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst() as unknown as Promise<Selectable<T[N]> | undefined>;
}

// — catalogue —
export function listMatters(db: Executor, unitId?: number) {
  let q = db.selectFrom('enf_matter').selectAll();
  if (unitId) q = q.where('unit_id', '=', unitId);
  return q.orderBy('unit_id').orderBy('code').execute();
}
export function listCheckItems(db: Executor, matterIds?: number[]) {
  let q = db.selectFrom('enf_check_item').selectAll();
  if (matterIds) q = matterIds.length ? q.where('matter_id', 'in', matterIds) : q.where(sql<boolean>`1 = 0`);
  return q.orderBy('code').execute();
}
export function findMatterByCode(db: Executor, code: string) {
  return db.selectFrom('enf_matter').selectAll().where('code', '=', code).executeTakeFirst();
}
export function findItemsByCodes(db: Executor, codes: string[]) {
  if (!codes.length) return Promise.resolve([]);
  return db
    .selectFrom('enf_check_item')
    .innerJoin('enf_matter', 'enf_matter.id', 'enf_check_item.matter_id')
    .select(['enf_check_item.code', 'enf_check_item.name', 'enf_matter.unit_id', 'enf_matter.code as matter_code'])
    .where('enf_check_item.code', 'in', codes)
    .execute();
}
export async function insertCheckItems(db: Executor, matterId: number, items: { code: string; name: string }[]): Promise<void> {
  if (items.length)
    await db
      .insertInto('enf_check_item')
      .values(items.map((i) => ({ matter_id: matterId, code: i.code, name: i.name })))
      .execute();
}
export async function replaceMatter(
  db: Executor,
  id: number,
  set: Updateable<T['enf_matter']>,
  items: { code: string; name: string }[],
): Promise<void> {
  await db
    .updateTable('enf_matter')
    .set({ ...set, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .execute();
  await db.deleteFrom('enf_check_item').where('matter_id', '=', id).execute();
  await insertCheckItems(db, id, items);
}

// — officers and recusals —
export function listOfficers(db: Executor, f: { unitId?: number | undefined; ids?: number[] } = {}) {
  let q = db.selectFrom('enf_officer').selectAll();
  if (f.unitId) q = q.where('unit_id', '=', f.unitId);
  if (f.ids) q = f.ids.length ? q.where('id', 'in', f.ids) : q.where(sql<boolean>`1 = 0`);
  return q.orderBy('id').execute();
}
export function listRecusals(db: Executor, unitIds?: number[]) {
  let q = db.selectFrom('enf_recusal').selectAll();
  if (unitIds) q = unitIds.length ? q.where('unit_id', 'in', unitIds) : q.where(sql<boolean>`1 = 0`);
  return q.orderBy('id').execute();
}

// — plans, visits, results —
export function listPlans(db: Executor, f: { status?: string[] } = {}) {
  let q = db
    .selectFrom('enf_plan')
    .select([
      'id',
      'name',
      'kind',
      'unit_ids_json',
      'status',
      'window_from',
      'window_to',
      'off_site',
      'commitment',
      'snapshot_hash',
      'committed_at',
      'drawn_at',
      'results_published_at',
      'publish_days',
      'version',
    ]);
  if (f.status) q = q.where('status', 'in', f.status);
  return q.orderBy('id', 'desc').execute();
}
export async function insertVisits(
  db: Executor,
  planId: number,
  visits: { enterpriseId: number; grade: string; items: string[]; officerIds: number[] }[],
): Promise<void> {
  // Tens of thousands of visits a plan: bulk statements, not a query built per value.
  await bulkInsert(
    db,
    'enf_visit',
    visits.map((v, i) => ({
      plan_id: planId,
      enterprise_id: v.enterpriseId,
      position: i,
      grade: v.grade,
      item_codes_json: JSON.stringify(v.items),
      officer_ids_json: JSON.stringify(v.officerIds),
    })),
  );
}
export function listVisits(db: Executor, planId: number) {
  return db.selectFrom('enf_visit').selectAll().where('plan_id', '=', planId).orderBy('position').execute();
}
export function findVisit(db: Executor, planId: number, enterpriseId: number) {
  return db.selectFrom('enf_visit').selectAll().where('plan_id', '=', planId).where('enterprise_id', '=', enterpriseId).executeTakeFirst();
}
/** For each enterprise, the officers of its latest visit in an earlier plan (the "not the same as last time" rule). */
export async function lastInspectors(db: Executor, beforePlanId: number) {
  const latest = db
    .selectFrom('enf_visit')
    .select((eb) => ['enterprise_id', eb.fn.max('plan_id').as('plan_id')])
    .where('plan_id', '<', beforePlanId)
    .groupBy('enterprise_id')
    .as('latest');
  return db
    .selectFrom('enf_visit')
    .innerJoin(latest, (j) =>
      j.onRef('latest.enterprise_id', '=', 'enf_visit.enterprise_id').onRef('latest.plan_id', '=', 'enf_visit.plan_id'),
    )
    .select(['enf_visit.enterprise_id', 'enf_visit.officer_ids_json'])
    .execute();
}
/** Item codes each enterprise was already inspected for within the window (mutual recognition). */
export function inspectedWithin(db: Executor, itemCodes: string[], from: string, to: string) {
  return db
    .selectFrom('enf_result')
    .select(['enterprise_id', 'item_code'])
    .where('item_code', 'in', itemCodes)
    .where('inspected_on', '>=', from)
    .where('inspected_on', '<=', to)
    .execute();
}
export function listResults(db: Executor, f: { planId?: number; enterpriseId?: number; itemCode?: string; from?: string; to?: string }) {
  let q = db.selectFrom('enf_result').selectAll();
  if (f.planId) q = q.where('plan_id', '=', f.planId);
  if (f.enterpriseId) q = q.where('enterprise_id', '=', f.enterpriseId);
  if (f.itemCode) q = q.where('item_code', '=', f.itemCode);
  if (f.from) q = q.where('inspected_on', '>=', f.from);
  if (f.to) q = q.where('inspected_on', '<=', f.to);
  return q.orderBy('id').execute();
}
export function findResultFor(db: Executor, planId: number, enterpriseId: number, itemCode: string) {
  return db
    .selectFrom('enf_result')
    .selectAll()
    .where('plan_id', '=', planId)
    .where('enterprise_id', '=', enterpriseId)
    .where('item_code', '=', itemCode)
    .executeTakeFirst();
}
/**
 * Rectifications still open whose deadline is before `before` and of which nobody has been told for
 * that deadline yet, with the department that owns the checked item (null when the catalogue no
 * longer has it) and the plan's name and departments.
 */
export function findOverdueRectifications(db: Executor, before: string) {
  return db
    .selectFrom('enf_result as r')
    .innerJoin('enf_plan as p', 'p.id', 'r.plan_id')
    .leftJoin('enf_check_item as i', 'i.code', 'r.item_code')
    .leftJoin('enf_matter as m', 'm.id', 'i.matter_id')
    .leftJoin('enf_rectify_notice as n', (j) => j.onRef('n.result_id', '=', 'r.id').onRef('n.rectify_due', '=', 'r.rectify_due'))
    .select([
      'r.id',
      'r.plan_id',
      'r.enterprise_id',
      'r.item_code',
      'r.rectify_due',
      'p.name as plan_name',
      'p.unit_ids_json',
      'i.name as item_name',
      'm.unit_id as item_unit_id',
    ])
    .where('r.rectified_on', 'is', null)
    .where('r.rectify_due', 'is not', null)
    .where('r.rectify_due', '<', before)
    .where('n.result_id', 'is', null)
    .orderBy('r.rectify_due')
    .orderBy('r.id')
    .execute();
}
/**
 * Records that these deadlines were told and returns the results this call recorded: a row another
 * process recorded first is skipped (on PostgreSQL the insert waits for that process's commit), so
 * each deadline is told by exactly one run.
 */
export async function claimRectifyNotices(
  db: Executor,
  rows: { result_id: number; rectify_due: string }[],
  at: string,
): Promise<Set<number>> {
  const claimed = new Set<number>();
  for (let k = 0; k < rows.length; k += 500) {
    const r = await db
      .insertInto('enf_rectify_notice')
      .values(rows.slice(k, k + 500).map((row) => ({ ...row, notified_at: at })))
      .onConflict((oc) => oc.columns(['result_id', 'rectify_due']).doNothing())
      .returning('result_id')
      .execute();
    for (const { result_id } of r) claimed.add(result_id);
  }
  return claimed;
}
export function findWaiver(db: Executor, unitIds: number[], itemCode: string) {
  if (!unitIds.length) return Promise.resolve(undefined);
  return db
    .selectFrom('enf_waiver')
    .selectAll()
    .where('unit_id', 'in', unitIds)
    .where('item_code', '=', itemCode)
    .where('kind', '=', 'first')
    .executeTakeFirst();
}
export function listWaivers(db: Executor) {
  return db.selectFrom('enf_waiver').selectAll().orderBy('unit_id').orderBy('item_code').execute();
}

// — documents, complaints —
export function listDocuments(db: Executor) {
  return db.selectFrom('enf_document').selectAll().orderBy('id').execute();
}
export function listComplaints(db: Executor, unitId?: number) {
  let q = db.selectFrom('enf_complaint').selectAll();
  if (unitId) q = q.where('unit_id', '=', unitId);
  return q.orderBy('id', 'desc').execute();
}

/** Which of these demand-desk tickets already became complaints here. */
export async function complaintTicketIds(db: Executor, ticketIds: number[]): Promise<Set<number>> {
  if (!ticketIds.length) return new Set();
  const rows = await db.selectFrom('enf_complaint').select('ticket_id').where('ticket_id', 'in', ticketIds).execute();
  return new Set(rows.map((r) => r.ticket_id!));
}

// — credit —
/** Which of these demand-desk tickets already made a credit record (in effect or ended: a ticket counts once). */
export async function creditRecordTicketIds(db: Executor, ticketIds: number[]): Promise<Set<number>> {
  if (!ticketIds.length) return new Set();
  const rows = await db.selectFrom('enf_credit_record').select('ticket_id').where('ticket_id', 'in', ticketIds).execute();
  return new Set(rows.map((r) => r.ticket_id!));
}
/** Records of one kind still in effect that came from a ticket, in id order after `afterId`. */
export function ticketRecordsInEffect(db: Executor, kind: string, afterId: number, limit: number) {
  return db
    .selectFrom('enf_credit_record')
    .select(['id', 'enterprise_id', 'ticket_id', 'occurred_on'])
    .where('kind', '=', kind)
    .where('ended_on', 'is', null)
    .where('ticket_id', 'is not', null)
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
}
export function findCreditRecord(db: Executor, id: number) {
  return db.selectFrom('enf_credit_record').selectAll().where('id', '=', id).executeTakeFirst();
}
export function listCreditRecords(db: Executor, enterpriseId: number) {
  return db
    .selectFrom('enf_credit_record')
    .selectAll()
    .where('enterprise_id', '=', enterpriseId)
    .orderBy('occurred_on')
    .orderBy('id')
    .execute();
}
export async function endCreditRecord(db: Executor, id: number, on: string): Promise<void> {
  await db.updateTable('enf_credit_record').set({ ended_on: on }).where('id', '=', id).execute();
}
/** Counts of up to five kinds packed into one sum, ten bits each (exact below 2^53). */
const PACK_BITS = 1024;
const PER_SUM = 5;

/**
 * Records still in effect for the enterprises with ids in [fromId, toId], one row per enterprise:
 * its number of records `n` and its counts per kind packed (`packed`, decoded by `unpackCounts`),
 * counted in SQL from the covering index on (enterprise_id, ended_on, kind), so neither dialect
 * reads the table itself. Five kinds travel in one sum (one CASE per record instead of one per kind:
 * the pass over millions of records costs half), and equal packed values mean equal counts, so a
 * caller can key its work on them without decoding.
 */
export async function packedCountsInRange(
  db: Executor,
  fromId: number,
  toId: number,
  kinds: readonly string[],
): Promise<{ enterprise_id: number; n: number; packed: string }[]> {
  const groups = packGroups(kinds);
  const packed = (group: readonly string[]) =>
    sql<number | string>`sum(case kind ${sql.join(
      group.map((k, i) => sql`when ${sql.lit(k)} then ${sql.lit(PACK_BITS ** i)}`),
      sql` `,
    )} else 0 end)`;
  const rows = await db
    .selectFrom('enf_credit_record')
    .select((eb) => ['enterprise_id', eb.fn.countAll<number | string>().as('n'), ...groups.map((g, j) => packed(g).as(`p${j}`))])
    .where('ended_on', 'is', null)
    .where('enterprise_id', '>=', fromId)
    .where('enterprise_id', '<=', toId)
    .groupBy('enterprise_id')
    .execute();
  return rows.map((r) => {
    const p = r as unknown as Record<string, number | string>;
    return {
      enterprise_id: r.enterprise_id,
      n: Number(r.n),
      packed: groups.length === 1 ? String(Number(p.p0)) : groups.map((_, j) => String(Number(p[`p${j}`]))).join(','),
    };
  });
}

function packGroups(kinds: readonly string[]): (readonly string[])[] {
  return Array.from({ length: Math.ceil(kinds.length / PER_SUM) }, (_, j) => kinds.slice(j * PER_SUM, (j + 1) * PER_SUM));
}

/**
 * The counts per kind of a packed value, or null when they do not add up to the enterprise's number
 * of records (a thousand or more records of one kind, or a kind the model no longer has): the caller
 * then counts that enterprise one sum per kind (`countRecordsInEffect`).
 */
export function unpackCounts(packed: string, n: number, kinds: readonly string[]): number[] | null {
  const counts: number[] = [];
  let sum = 0;
  packGroups(kinds).forEach((g, j) => {
    let v = Number(packed.split(',')[j]);
    for (let i = 0; i < g.length; i++) {
      const c = v % PACK_BITS;
      counts.push(c);
      sum += c;
      v = (v - c) / PACK_BITS;
    }
  });
  return sum === n ? counts : null;
}

// — the whole-registry regrade, set-based —
// A regrade of a million enterprises runs as a few statements over temporary tables of this
// transaction, so no per-enterprise row crosses into JavaScript: the records in effect counted once
// (packed sums, as above), the distinct combinations of tax grade and counts read out and graded by
// the model in code (a few thousand), their outcomes written back, and the changed grades found and
// written by joins. Of the registry only the id and tax grade are read.

const COUNTS = 'enf_regrade_counts';
const COMBINATIONS = 'enf_regrade_combination';
const CHANGES = 'enf_regrade_change';

/** The packed-sum columns `p0, p1, …` for these kinds (five kinds a column). */
function packColumns(kinds: readonly string[]): string[] {
  return packGroups(kinds).map((_, j) => `p${j}`);
}

async function run(db: Executor, text: string, params: unknown[] = []) {
  return db.executeQuery<Record<string, unknown>>(CompiledQuery.raw(text, params));
}

/** The temporary tables of a regrade, empty (dropped first: a failed run on this connection may have left them). */
async function createStaging(db: Executor, kinds: readonly string[]): Promise<void> {
  const pg = isPostgresExecutor(db);
  const temp = pg ? 'create temporary table' : 'create temp table';
  const tail = pg ? ' on commit drop' : '';
  const packs = packColumns(kinds);
  const packed = packs.map((p) => `${p} bigint not null`).join(', ');
  // SQLite looks the counts and changes up by enterprise (the key is the row id); PostgreSQL joins them
  // by hash and keeps temporary tables in small local buffers, where a million-key index thrashes.
  const key = pg ? 'integer not null' : 'integer primary key';
  await dropRegradeStaging(db);
  if (pg) {
    // One batch job: enough memory for its hashes, and hash joins where the planner cannot estimate
    // the join on the combination's keys (a million index lookups, or sorting a million rows for a
    // merge, cost more). Its statements run long enough that compiling them (JIT) only adds time.
    await run(db, `set local work_mem = '256MB'`);
    await run(db, `set local enable_nestloop = off`);
    await run(db, `set local enable_mergejoin = off`);
    await run(db, `set local jit = off`);
  } else {
    // SQLite's temporary tables live in pages cached per connection (2 MiB by default): a million rows
    // spilled to a temporary file and back cost more than the queries. The batch gets 128 MiB while it runs.
    await run(db, `pragma temp.cache_size = ${-TEMP_CACHE_KIB}`);
  }
  // PostgreSQL stages every enterprise with its tax grade, so the registry is joined once (here), not
  // again when the combinations are found and when the changes are.
  await run(
    db,
    `${temp} ${COUNTS} (enterprise_id ${key}, ${pg ? 'tax_grade varchar(2) not null, ' : ''}n integer not null, ${packed})${tail}`,
  );
  // A combination's outcome columns stay empty until the model has graded it (stageOutcomes).
  await run(
    db,
    `${temp} ${COMBINATIONS} (id integer ${pg ? 'generated by default as identity ' : ''}primary key, ` +
      `tax_grade varchar(2) not null, n integer not null, ${packed}, grade varchar(2), score integer, explanation_json text, ` +
      `enterprises integer)${tail}`,
  );
  await run(db, `create unique index ${COMBINATIONS}_key on ${COMBINATIONS} (tax_grade, n, ${packs.join(', ')})`);
  await run(db, `${temp} ${CHANGES} (enterprise_id ${key}, before_grade varchar(2), combination_id integer not null)${tail}`);
}

/** Drops the temporary tables of a regrade (they also go with the connection, and on PostgreSQL at commit). */
export async function dropRegradeStaging(db: Executor): Promise<void> {
  for (const t of [CHANGES, COMBINATIONS, COUNTS]) await run(db, `drop table if exists ${t}`);
  // Back to SQLite's default cache for temporary tables (database.ts sets none).
  if (!isPostgresExecutor(db)) await run(db, `pragma temp.cache_size = -2000`);
}

/** KiB of page cache for the regrade's temporary tables on SQLite. */
const TEMP_CACHE_KIB = 131_072;

/** One combination of tax grade ('' for none) and packed counts of records in effect found in the registry. */
export interface CountCombination {
  id: number;
  taxGrade: string | null;
  n: number;
  packed: string;
}

/**
 * The join of the registry with its staged counts and their combination (an enterprise without records
 * has n = 0), as `e` (id, tax_grade) and `k`. On PostgreSQL the staged counts hold the whole registry.
 * The registry is the policies module's table; these batch statements read only its id, tax grade,
 * county and industry in SQL, because a million rows handed over through its public face cost more
 * than the whole regrade (the one place enforcement reads that table directly).
 */
function combinationJoin(db: Executor, packs: string[]): string {
  if (isPostgresExecutor(db))
    return (
      `from (select enterprise_id as id, nullif(tax_grade, '') as tax_grade, tax_grade as staged_tax_grade, n, ${packs.join(', ')} ` +
      `from ${COUNTS}) e join ${COMBINATIONS} k on k.tax_grade = e.staged_tax_grade and k.n = e.n ` +
      packs.map((p) => `and k.${p} = e.${p}`).join(' ')
    );
  return (
    `from enterprise e left join ${COUNTS} c on c.enterprise_id = e.id ` +
    `join ${COMBINATIONS} k on k.tax_grade = coalesce(e.tax_grade, '') and k.n = coalesce(c.n, 0) ` +
    packs.map((p) => `and k.${p} = coalesce(c.${p}, 0)`).join(' ')
  );
}

/**
 * Counts every enterprise's records in effect (one grouped pass over the covering index, into a
 * temporary table) and returns the distinct combinations of tax grade and counts over the registry.
 */
export async function stageRecordCounts(db: Executor, kinds: readonly string[]): Promise<CountCombination[]> {
  await createStaging(db, kinds);
  const packs = packColumns(kinds);
  // PostgreSQL sums a bigint into a numeric (slow over millions of rows): it counts per kind into
  // bigints and packs the counts per enterprise, which gives the same value as SQLite's one sum.
  const sums = packGroups(kinds).map((group) =>
    isPostgresExecutor(db)
      ? group.map((k, i) => `count(*) filter (where kind = ${sqlString(k)}) * ${PACK_BITS ** i}`).join(' + ')
      : `sum(case kind ${group.map((k, i) => `when ${sqlString(k)} then ${PACK_BITS ** i}`).join(' ')} else 0 end)`,
  );
  const grouped =
    `select enterprise_id, count(*) as n, ${sums.map((s, j) => `${s} as p${j}`).join(', ')} ` +
    `from enf_credit_record where ended_on is null group by enterprise_id`;
  if (isPostgresExecutor(db)) {
    // The covering index gives the records in enterprise order: grouping them as they come needs no
    // hash table of a million groups (the planner's choice, and the slower). The registry joins the
    // counts here once; the combinations are then the distinct rows of the staged table alone.
    await run(db, `set local enable_hashagg = off`);
    await run(
      db,
      `insert into ${COUNTS} (enterprise_id, tax_grade, n, ${packs.join(', ')}) ` +
        `select e.id, coalesce(e.tax_grade, ''), coalesce(c.n, 0), ${packs.map((p) => `coalesce(c.${p}, 0)`).join(', ')} ` +
        `from enterprise e left join (${grouped}) c on c.enterprise_id = e.id`,
    );
    await run(db, `set local enable_hashagg = on`);
    // Grouped by a hash, no sort of the registry; each combination knows its number of enterprises, so
    // the registry's grades are counted from the combinations after the write (countStagedGrades).
    await run(
      db,
      `insert into ${COMBINATIONS} (tax_grade, n, ${packs.join(', ')}, enterprises) ` +
        `select tax_grade, n, ${packs.join(', ')}, count(*) from ${COUNTS} group by tax_grade, n, ${packs.join(', ')}`,
    );
  } else {
    await run(db, `insert into ${COUNTS} (enterprise_id, n, ${packs.join(', ')}) ${grouped}`);
    // DISTINCT keeps only new keys as it goes (SQLite: a temporary index), no sort of the registry.
    await run(
      db,
      `insert into ${COMBINATIONS} (tax_grade, n, ${packs.join(', ')}) select distinct coalesce(e.tax_grade, ''), coalesce(c.n, 0), ` +
        `${packs.map((p) => `coalesce(c.${p}, 0)`).join(', ')} from enterprise e left join ${COUNTS} c on c.enterprise_id = e.id`,
    );
  }
  const { rows } = await run(db, `select * from ${COMBINATIONS}`);
  return rows.map((r) => ({
    id: Number(r.id),
    taxGrade: (r.tax_grade as string) || null,
    n: Number(r.n),
    packed: packs.map((p) => String(Number(r[p]))).join(','),
  }));
}

/** The enterprises of one staged combination (those whose counts a packed sum cannot hold), with their tax grade. */
export async function stagedEnterprisesOf(db: Executor, c: CountCombination, kinds: readonly string[]) {
  const { rows } = await run(db, `select e.id, e.tax_grade ${combinationJoin(db, packColumns(kinds))} where k.id = ${placeholder(db, 1)}`, [
    c.id,
  ]);
  return rows as { id: number; tax_grade: string | null }[];
}

/** The graded outcome of the staged combinations whose enterprises are written set-based (by combination id). */
export async function stageOutcomes(
  db: Executor,
  outcomes: { combinationId: number; grade: string; score: number; explanationJson: string }[],
): Promise<void> {
  const pg = isPostgresExecutor(db);
  for (let k = 0; k < outcomes.length; k += 5000) {
    const chunk = outcomes.slice(k, k + 5000);
    const cols = [
      chunk.map((o) => o.combinationId),
      chunk.map((o) => o.grade),
      chunk.map((o) => o.score),
      chunk.map((o) => o.explanationJson),
    ];
    // One statement per chunk from four arrays (PostgreSQL) or one JSON text (SQLite), whatever the row count.
    await run(
      db,
      pg
        ? `update ${COMBINATIONS} k set grade = v.grade, score = v.score, explanation_json = v.explanation_json ` +
            `from unnest($1::integer[], $2::text[], $3::integer[], $4::text[]) as v(id, grade, score, explanation_json) where k.id = v.id`
        : `with v as (select value ->> 0 as id, value ->> 1 as grade, value ->> 2 as score, value ->> 3 as explanation_json ` +
            `from json_each(?)) update ${COMBINATIONS} set grade = v.grade, score = v.score, explanation_json = v.explanation_json ` +
            `from v where ${COMBINATIONS}.id = v.id`,
      pg ? cols : [JSON.stringify(chunk.map((o) => [o.combinationId, o.grade, o.score, o.explanationJson]))],
    );
  }
}

/**
 * Finds the enterprises whose staged outcome differs from their stored grade (grade, score or
 * explanation; or none stored) and returns their number and the changes of grade as counts per
 * `from → to` (`from` null for an enterprise graded the first time).
 */
export async function stageChangedGrades(
  db: Executor,
  kinds: readonly string[],
): Promise<{ changed: number; transitions: { from: string | null; to: string; n: number }[] }> {
  const not = isPostgresExecutor(db) ? 'is distinct from' : 'is not';
  const differs = ['grade', 'score', 'explanation_json'].map((c) => `g.${c} ${not} k.${c}`).join(' or ');
  const inserted = await run(
    db,
    `insert into ${CHANGES} (enterprise_id, before_grade, combination_id) select e.id, g.grade, k.id ` +
      `${combinationJoin(db, packColumns(kinds))} left join enf_credit_grade g on g.enterprise_id = e.id ` +
      `where k.grade is not null and (${differs})`,
  );
  const { rows } = await run(
    db,
    `select ch.before_grade as "from", k.grade as "to", count(*) as n ` +
      `from ${CHANGES} ch join ${COMBINATIONS} k on k.id = ch.combination_id ` +
      `where ch.before_grade is null or ch.before_grade <> k.grade group by ch.before_grade, k.grade`,
  );
  return {
    changed: Number(inserted.numAffectedRows ?? 0),
    transitions: rows.map((r) => ({ from: (r.from as string | null) ?? null, to: r.to as string, n: Number(r.n) })),
  };
}

/** Writes the staged changes (one upsert from the joined temporary tables) with this computing time. */
export async function writeStagedGrades(db: Executor, computedAt: string): Promise<void> {
  await run(
    db,
    `insert into enf_credit_grade (${GRADE_COLUMNS.join(', ')}) ` +
      `select ch.enterprise_id, k.grade, k.score, k.explanation_json, ${placeholder(db, 1)} ` +
      `from ${CHANGES} ch join ${COMBINATIONS} k on k.id = ch.combination_id where true${UPSERT_TAIL}`,
    [computedAt],
  );
}

/**
 * After the staged grades are written: the registry's enterprises and grades counted from the staged
 * combinations (each stored grade is now its combination's), without joining a million grades again.
 * Null where the combinations were not counted (SQLite finds them by DISTINCT, faster there than
 * grouping) or one was graded enterprise by enterprise: then countRegistryGrades.
 */
export async function countStagedGrades(
  db: Executor,
  grades: readonly string[],
): Promise<{ enterprises: number; byGrade: number[] } | null> {
  if (!isPostgresExecutor(db)) return null;
  const { rows } = await run(
    db,
    `select count(*) filter (where grade is null) as ungraded, sum(enterprises) as n, ` +
      `${grades.map((g, i) => `sum(case when grade = ${sqlString(g)} then enterprises else 0 end) as g${i}`).join(', ')} ` +
      `from ${COMBINATIONS}`,
  );
  const r = rows[0]!;
  if (Number(r.ungraded) > 0) return null;
  return { enterprises: Number(r.n ?? 0), byGrade: grades.map((_, i) => Number(r[`g${i}`] ?? 0)) };
}

/** The registry's enterprises and their stored grades counted per grade (after a regrade: every one graded). */
export async function countRegistryGrades(db: Executor, grades: readonly string[]): Promise<{ enterprises: number; byGrade: number[] }> {
  // One pass with a sum per grade: no grouping sort over a million rows.
  const { rows } = await run(
    db,
    `select count(*) as n, ${grades.map((g, i) => `sum(case when g.grade = ${sqlString(g)} then 1 else 0 end) as g${i}`).join(', ')} ` +
      `from enterprise e left join enf_credit_grade g on g.enterprise_id = e.id`,
  );
  const r = rows[0]!;
  return { enterprises: Number(r.n), byGrade: grades.map((_, i) => Number(r[`g${i}`] ?? 0)) };
}

function placeholder(db: Executor, i: number): string {
  return isPostgresExecutor(db) ? `$${i}` : '?';
}

/** A string literal of our own code (kind names of the credit model), quotes doubled. */
function sqlString(s: string): string {
  return `'${s.replaceAll("'", "''")}'`;
}

/** Records in effect per enterprise in [fromId, toId], `counts[i]` for `kinds[i]`, exact whatever the numbers. */
export async function countRecordsInEffect(
  db: Executor,
  fromId: number,
  toId: number,
  kinds: readonly string[],
): Promise<{ enterpriseId: number; counts: number[] }[]> {
  const out: { enterpriseId: number; counts: number[] }[] = [];
  for (const r of await packedCountsInRange(db, fromId, toId, kinds))
    out.push({
      enterpriseId: r.enterprise_id,
      counts: unpackCounts(r.packed, r.n, kinds) ?? (await countOneByOne(db, r.enterprise_id, kinds)),
    });
  return out;
}

/** One enterprise's records in effect, one sum per kind (no packing, no limit). */
export async function countOneByOne(db: Executor, enterpriseId: number, kinds: readonly string[]): Promise<number[]> {
  const r = await db
    .selectFrom('enf_credit_record')
    .select(kinds.map((k, i) => sql<number | string>`sum(case when kind = ${k} then 1 else 0 end)`.as(`k${i}`)))
    .where('ended_on', 'is', null)
    .where('enterprise_id', '=', enterpriseId)
    .executeTakeFirstOrThrow();
  return kinds.map((_, i) => Number((r as Record<string, unknown>)[`k${i}`] ?? 0));
}

/** Rows per upsert statement: 5 parameters each, within SQLite's 32 766 and PostgreSQL's 65 535. */
const UPSERT_CHUNK = 5000;
export async function upsertGrades(db: Executor, rows: Insertable<T['enf_credit_grade']>[]): Promise<void> {
  for (let k = 0; k < rows.length; k += UPSERT_CHUNK) {
    await db
      .insertInto('enf_credit_grade')
      .values(rows.slice(k, k + UPSERT_CHUNK))
      .onConflict((oc) =>
        oc.column('enterprise_id').doUpdateSet((eb) => ({
          grade: eb.ref('excluded.grade'),
          score: eb.ref('excluded.score'),
          explanation_json: eb.ref('excluded.explanation_json'),
          computed_at: eb.ref('excluded.computed_at'),
        })),
      )
      .execute();
  }
}

const GRADE_COLUMNS = ['enterprise_id', 'grade', 'score', 'explanation_json', 'computed_at'] as const;
const UPSERT_TAIL =
  ' on conflict (enterprise_id) do update set grade = excluded.grade, score = excluded.score, ' +
  'explanation_json = excluded.explanation_json, computed_at = excluded.computed_at';
/** Rows per SQLite statement: the full chunks share one SQL text, so one prepared statement (database.ts cache). */
const SQLITE_GRADE_CHUNK = 2000;

/**
 * Writes many grades at once without the query builder (it would build a node per value): on
 * SQLite fixed-size multi-row upserts whose one text is prepared once; on PostgreSQL one upsert per
 * call from five arrays (`unnest`), so the statement has five parameters whatever the row count.
 */
export async function writeGrades(db: Executor, rows: Insertable<T['enf_credit_grade']>[]): Promise<void> {
  if (!rows.length) return;
  const head = `insert into enf_credit_grade (${GRADE_COLUMNS.join(', ')}) `;
  if (isPostgresExecutor(db)) {
    const cols = GRADE_COLUMNS.map((c) => rows.map((r) => r[c]));
    await db.executeQuery(
      CompiledQuery.raw(
        `${head}select * from unnest($1::integer[], $2::text[], $3::integer[], $4::text[], $5::text[])${UPSERT_TAIL}`,
        cols,
      ),
    );
    return;
  }
  for (let k = 0; k < rows.length; k += SQLITE_GRADE_CHUNK) {
    const chunk = rows.slice(k, k + SQLITE_GRADE_CHUNK);
    const params: unknown[] = [];
    for (const r of chunk) params.push(r.enterprise_id, r.grade, r.score, r.explanation_json, r.computed_at);
    const text = `${head}values ${Array.from({ length: chunk.length }, () => '(?, ?, ?, ?, ?)').join(', ')}${UPSERT_TAIL}`;
    await db.executeQuery(CompiledQuery.raw(text, params));
  }
}
export function findGrade(db: Executor, enterpriseId: number) {
  return db.selectFrom('enf_credit_grade').selectAll().where('enterprise_id', '=', enterpriseId).executeTakeFirst();
}
/**
 * The registry's enterprises that pass a plan's filter, in ascending id, with their grades (one
 * letter each, `ungraded` for one not graded yet): the pool a plan's snapshot fixes. One statement,
 * filtered in SQL, that returns two ordered aggregates (the ids comma-separated and the grades as
 * one string) instead of a million rows; the registry's id, county and industry only are read.
 */
export async function poolInRegistry(
  db: Executor,
  filter: { countyCode?: string | undefined; industryPrefix?: string | undefined; grades?: readonly string[] | undefined },
  ungraded: string,
): Promise<{ enterpriseIds: number[]; grades: string }> {
  const pg = isPostgresExecutor(db);
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return placeholder(db, params.length);
  };
  const grade = `coalesce(g.grade, ${sqlString(ungraded)})`;
  const where: string[] = [];
  if (filter.countyCode) where.push(`e.county_code = ${p(filter.countyCode)}`);
  if (filter.industryPrefix) where.push(`substr(e.industry_code, 1, ${filter.industryPrefix.length}) = ${p(filter.industryPrefix)}`);
  if (filter.grades) where.push(filter.grades.length ? `${grade} in (${filter.grades.map(p).join(', ')})` : '1 = 0');
  const ids = pg ? `string_agg(e.id::text, ',' order by e.id)` : `group_concat(e.id, ',' order by e.id)`;
  const letters = pg ? `string_agg(${grade}, '' order by e.id)` : `group_concat(${grade}, '' order by e.id)`;
  const { rows } = await run(
    db,
    `select ${ids} as ids, ${letters} as grades from enterprise e left join enf_credit_grade g on g.enterprise_id = e.id` +
      (where.length ? ` where ${where.join(' and ')}` : ''),
    params,
  );
  const r = rows[0] as { ids: string | null; grades: string | null } | undefined;
  return { enterpriseIds: r?.ids ? (JSON.parse(`[${r.ids}]`) as number[]) : [], grades: r?.grades ?? '' };
}

export function listRepairs(db: Executor, status?: string) {
  let q = db.selectFrom('enf_repair').selectAll();
  if (status) q = q.where('status', '=', status);
  return q.orderBy('id', 'desc').execute();
}

// — figures —
export function countMattersByUnit(db: Executor) {
  return db
    .selectFrom('enf_matter')
    .select((eb) => ['unit_id', eb.fn.countAll<number>().as('n')])
    .groupBy('unit_id')
    .execute();
}
