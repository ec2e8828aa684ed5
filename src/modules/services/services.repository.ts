import { type Insertable, type Selectable, sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import { likeContains } from '../../db/like.js';
import { type PageRequest, paged } from '../../db/paged.js';
import type {
  ServiceCaseStepTable,
  ServiceCaseTable,
  ServiceItemTable,
  ServicePackageTable,
  ServicePointTable,
} from './services.tables.js';

export type ServiceRow = Selectable<ServiceItemTable>;
export type PackageRow = Selectable<ServicePackageTable>;
export type CaseRow = Selectable<ServiceCaseTable>;
export type StepRow = Selectable<ServiceCaseStepTable>;
export type PointRow = Selectable<ServicePointTable>;

/** The catalogue as it stood on a day: rows valid from on or before it and not yet ended. */
export interface InForce {
  date: string;
  level?: string | undefined;
  countyId?: number | undefined;
}

/** Column names of the channel flags, in the order of SERVICE_FLAGS. */
export const FLAG_COLUMNS = {
  online: 'online',
  fullyOnline: 'fully_online',
  mobile: 'mobile',
  smart: 'smart',
  hubao: 'hubao',
  regional: 'regional',
  crossProvince: 'cross_province',
  park: 'park',
} as const;
export type FlagColumn = (typeof FLAG_COLUMNS)[keyof typeof FLAG_COLUMNS];

function inForce(db: Executor, f: InForce) {
  let q = db
    .selectFrom('service_item')
    .where('valid_from', '<=', f.date)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', f.date)]));
  if (f.level) q = q.where('level', '=', f.level);
  if (f.countyId) q = q.where('county_id', '=', f.countyId);
  return q;
}

export async function listServices(
  db: Executor,
  f: InForce & { flag?: FlagColumn | undefined; q?: string | undefined },
  page?: PageRequest,
) {
  let q = inForce(db, f).selectAll();
  if (f.flag) q = q.where(f.flag, '=', 1);
  if (f.q) q = q.where((eb) => eb.or([likeContains('name', f.q!), likeContains('code', f.q!)]));
  return paged(q.orderBy('code').orderBy('id'), page);
}

/** Counts for every rate of the report in one pass over the catalogue of that day. */
export async function countFlags(db: Executor, f: InForce) {
  const sum = (c: FlagColumn) => sql<number | string>`coalesce(sum(${sql.ref(c)}), 0)`.as(c);
  const row = await inForce(db, f)
    .select([
      sql<number | string>`count(*)`.as('total'),
      ...Object.values(FLAG_COLUMNS).map(sum),
      sql<number | string>`coalesce(sum(legal_days), 0)`.as('legal_days'),
      sql<number | string>`coalesce(sum(promised_days), 0)`.as('promised_days'),
    ])
    .executeTakeFirstOrThrow();
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)])) as Record<
    'total' | FlagColumn | 'legal_days' | 'promised_days',
    number
  >;
}

export async function currentByCodes(db: Executor, codes: string[], date: string): Promise<ServiceRow[]> {
  if (!codes.length) return [];
  const rows: ServiceRow[] = [];
  for (let i = 0; i < codes.length; i += 500)
    rows.push(
      ...(await inForce(db, { date })
        .selectAll()
        .where('code', 'in', codes.slice(i, i + 500))
        .execute()),
    );
  return rows;
}

/** The latest row of a code (in force or ended), for the public guide. */
export async function latestByCode(db: Executor, code: string): Promise<ServiceRow | undefined> {
  return db
    .selectFrom('service_item')
    .selectAll()
    .where('code', '=', code)
    .orderBy('valid_from', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

export async function insertService(db: Executor, row: Insertable<ServiceItemTable>): Promise<number> {
  const r = await db.insertInto('service_item').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export function findService(db: Executor, id: number): Promise<ServiceRow | undefined> {
  return db.selectFrom('service_item').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Rewrites a row (a correction from its first day on); false when its version moved meanwhile. */
export async function rewriteService(db: Executor, id: number, version: number, row: Insertable<ServiceItemTable>): Promise<boolean> {
  const r = await db
    .updateTable('service_item')
    .set((eb) => ({ ...row, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function endService(db: Executor, id: number, on: string, roundId: number | null, at: string): Promise<void> {
  await db
    .updateTable('service_item')
    .set((eb) => ({ valid_to: on, round_id: roundId, updated_at: at, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

export async function insertRound(
  db: Executor,
  row: { name: string; effective_on: string; note: string | null; before_count: number; after_count: number; created_at: string },
) {
  return (await db.insertInto('service_round').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function setRoundAfterCount(db: Executor, id: number, afterCount: number) {
  await db.updateTable('service_round').set({ after_count: afterCount }).where('id', '=', id).execute();
}

export async function insertRoundChanges(
  db: Executor,
  rows: {
    round_id: number;
    code: string;
    name: string;
    action: string;
    into_code: string | null;
    to_level: string | null;
    reason: string;
  }[],
) {
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto('service_round_change')
      .values(rows.slice(i, i + 200))
      .execute();
}

export async function listRounds(db: Executor) {
  return db.selectFrom('service_round').selectAll().orderBy('effective_on').orderBy('id').execute();
}

export async function findRound(db: Executor, id: number) {
  return db.selectFrom('service_round').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listRoundChanges(db: Executor, roundId: number) {
  return db.selectFrom('service_round_change').selectAll().where('round_id', '=', roundId).orderBy('action').orderBy('code').execute();
}

// — packages —

export async function insertPackage(db: Executor, row: Insertable<ServicePackageTable>): Promise<number> {
  return (await db.insertInto('service_package').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function insertMembers(db: Executor, rows: { package_id: number; seq: number; service_code: string; unit_id: number }[]) {
  if (rows.length) await db.insertInto('service_package_member').values(rows).execute();
}

export async function listPackages(db: Executor): Promise<PackageRow[]> {
  return db.selectFrom('service_package').selectAll().orderBy('code').execute();
}

export async function findPackage(db: Executor, by: { id: number } | { code: string }): Promise<PackageRow | undefined> {
  const q = db.selectFrom('service_package').selectAll();
  return ('id' in by ? q.where('id', '=', by.id) : q.where('code', '=', by.code)).executeTakeFirst();
}

export async function listMembers(db: Executor, packageIds: number[]) {
  if (!packageIds.length) return [];
  return db
    .selectFrom('service_package_member as m')
    .innerJoin('unit as u', 'u.id', 'm.unit_id')
    .select(['m.package_id', 'm.seq', 'm.service_code', 'm.unit_id', 'u.name as unit_name'])
    .where('m.package_id', 'in', packageIds)
    .orderBy('m.package_id')
    .orderBy('m.seq')
    .execute();
}

// — cases —

export async function insertCase(db: Executor, row: Insertable<ServiceCaseTable>): Promise<number> {
  return (await db.insertInto('service_case').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function insertSteps(db: Executor, rows: Insertable<ServiceCaseStepTable>[]) {
  if (rows.length) await db.insertInto('service_case_step').values(rows).execute();
}

export async function findCase(db: Executor, id: number): Promise<CaseRow | undefined> {
  return db.selectFrom('service_case').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listSteps(db: Executor, caseId: number) {
  return db
    .selectFrom('service_case_step as s')
    .innerJoin('unit as u', 'u.id', 's.unit_id')
    .selectAll('s')
    .select('u.name as unit_name')
    .where('s.case_id', '=', caseId)
    .orderBy('s.seq')
    .orderBy('s.id')
    .execute();
}

export async function updateStep(
  db: Executor,
  id: number,
  v: { started_at?: string; finished_at?: string; result?: string; note?: string | null },
) {
  await db.updateTable('service_case_step').set(v).where('id', '=', id).execute();
}

/**
 * Claims the case for one step's write: its version moves on, so two departments finishing at the
 * same moment cannot both miss that the other was the last open step (the later one retries).
 */
export async function bumpCaseVersion(db: Executor, id: number, version: number): Promise<boolean> {
  const r = await db
    .updateTable('service_case')
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Closes a case once, guarded by its version. */
export async function closeCase(
  db: Executor,
  id: number,
  version: number,
  v: { status: string; finished_at: string; elapsed_minutes: number | null; late: number },
): Promise<boolean> {
  const r = await db
    .updateTable('service_case')
    .set((eb) => ({ ...v, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Adds one finished case to its package's day (the roll-up the statistics read). */
export async function addToCaseDay(
  db: Executor,
  row: { package_id: number; day: string; finished: number; late: number; elapsed_minutes: number; waived_fen: number },
) {
  await db
    .insertInto('service_case_day')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['package_id', 'day']).doUpdateSet({
        finished: sql`service_case_day.finished + excluded.finished`,
        late: sql`service_case_day.late + excluded.late`,
        elapsed_minutes: sql`service_case_day.elapsed_minutes + excluded.elapsed_minutes`,
        waived_fen: sql`service_case_day.waived_fen + excluded.waived_fen`,
      }),
    )
    .execute();
}

/** Per package: finished cases, late ones, working minutes and fees waived between two days (inclusive). */
export async function sumCaseDays(db: Executor, from: string, to: string) {
  const rows = await db
    .selectFrom('service_case_day')
    .select([
      'package_id',
      sql<number | string>`sum(finished)`.as('finished'),
      sql<number | string>`sum(late)`.as('late'),
      sql<number | string>`sum(elapsed_minutes)`.as('elapsed_minutes'),
      sql<number | string>`sum(waived_fen)`.as('waived_fen'),
    ])
    .where('day', '>=', from)
    .where('day', '<=', to)
    .groupBy('package_id')
    .execute();
  return rows.map((r) => ({
    packageId: r.package_id,
    finished: Number(r.finished),
    late: Number(r.late),
    elapsedMinutes: Number(r.elapsed_minutes),
    waivedFen: Number(r.waived_fen),
  }));
}

/** The late cases of a package finished in a period, newest first. */
export async function lateCases(db: Executor, packageId: number, fromIso: string, toIso: string, limit: number) {
  return db
    .selectFrom('service_case')
    .selectAll()
    .where('package_id', '=', packageId)
    .where('late', '=', 1)
    .where('finished_at', '>=', fromIso)
    .where('finished_at', '<', toIso)
    .orderBy('finished_at', 'desc')
    .limit(limit)
    .execute();
}

export async function listCases(db: Executor, packageId: number, limit: number) {
  return db
    .selectFrom('service_case')
    .selectAll()
    .where('package_id', '=', packageId)
    .orderBy('submitted_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

// — network and assisted service —

export async function insertPoint(db: Executor, row: Insertable<ServicePointTable>): Promise<number> {
  return (await db.insertInto('service_point').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function findPoint(db: Executor, id: number) {
  return db.selectFrom('service_point').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listPoints(db: Executor, f: { countyId?: number | undefined; kind?: string | undefined }, page?: PageRequest) {
  let q = db.selectFrom('service_point').selectAll();
  if (f.countyId) q = q.where('county_id', '=', f.countyId);
  if (f.kind) q = q.where('kind', '=', f.kind);
  return paged(q.orderBy('county_id').orderBy('kind').orderBy('id'), page);
}

/** Points per county and kind, all-in-one windows and enterprise zones counted apart. */
export async function pointCounts(db: Executor) {
  const rows = await db
    .selectFrom('service_point')
    .select([
      'county_id',
      'kind',
      sql<number | string>`count(*)`.as('n'),
      sql<number | string>`sum(all_in_one)`.as('all_in_one'),
      sql<number | string>`sum(enterprise_zone)`.as('zones'),
    ])
    .groupBy(['county_id', 'kind'])
    .execute();
  return rows.map((r) => ({ countyId: r.county_id, kind: r.kind, n: Number(r.n), allInOne: Number(r.all_in_one), zones: Number(r.zones) }));
}

/** Average steps and documents of the finished cases of some packages (the start-up cases) in a period. */
export async function caseStepsAndDocuments(db: Executor, packageIds: number[], fromIso: string, toIso: string) {
  if (!packageIds.length) return { steps: null, documents: null };
  const r = await db
    .selectFrom('service_case')
    .select([sql<number | string | null>`avg(steps)`.as('steps'), sql<number | string | null>`avg(documents)`.as('documents')])
    .where('package_id', 'in', packageIds)
    .where('status', '=', 'done')
    .where('finished_at', '>=', fromIso)
    .where('finished_at', '<', toIso)
    .executeTakeFirstOrThrow();
  const round = (v: number | string | null) => (v === null ? null : Math.round(Number(v) * 10) / 10);
  return { steps: round(r.steps), documents: round(r.documents) };
}

/** Code and name of services by id, for other modules that link to a service (its guide is by code). */
export async function serviceRefs(db: Executor, ids: number[]): Promise<Map<number, { id: number; code: string; name: string }>> {
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('service_item').select(['id', 'code', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r]));
}
