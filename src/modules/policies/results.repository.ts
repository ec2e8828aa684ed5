import { type Selectable, sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import { type PageRequest, paged } from '../../db/paged.js';
import type { EnterpriseNoticeTable, MatchResultTable } from './policies.tables.js';

export type ResultRow = Selectable<MatchResultTable>;
export interface ResultRecord extends ResultRow {
  enterprise_name: string;
  enterprise_uscc: string;
  county_code: string | null;
  benefit_code: string;
  benefit_name: string;
  policy_id: number;
  policy_title: string;
  department_unit_id: number | null;
  department_name: string | null;
}

export interface ResultFilter {
  status?: string | undefined;
  statuses?: string[];
  benefitId?: number | undefined;
  policyId?: number | undefined;
  enterpriseId?: number | undefined;
  countyCode?: string | undefined;
  departmentUnitId?: number | undefined;
}

function joined(db: Executor, f: ResultFilter) {
  let q = db
    .selectFrom('match_result as r')
    .innerJoin('enterprise as e', 'e.id', 'r.enterprise_id')
    .innerJoin('benefit as b', 'b.id', 'r.benefit_id')
    .innerJoin('policy as p', 'p.id', 'b.policy_id')
    .leftJoin('unit as u', 'u.id', 'p.department_unit_id');
  if (f.status) q = q.where('r.status', '=', f.status);
  if (f.statuses) q = q.where('r.status', 'in', f.statuses);
  if (f.benefitId) q = q.where('r.benefit_id', '=', f.benefitId);
  if (f.policyId) q = q.where('b.policy_id', '=', f.policyId);
  if (f.enterpriseId) q = q.where('r.enterprise_id', '=', f.enterpriseId);
  if (f.countyCode) q = q.where('e.county_code', '=', f.countyCode);
  if (f.departmentUnitId) q = q.where('p.department_unit_id', '=', f.departmentUnitId);
  return q;
}

const RECORD_COLUMNS = [
  'e.name as enterprise_name',
  'e.uscc as enterprise_uscc',
  'e.county_code as county_code',
  'b.code as benefit_code',
  'b.name as benefit_name',
  'b.policy_id as policy_id',
  'p.title as policy_title',
  'p.department_unit_id as department_unit_id',
  'u.name as department_name',
] as const;

export async function listResults(db: Executor, f: ResultFilter, page?: PageRequest): Promise<{ rows: ResultRecord[]; total: number }> {
  return paged(joined(db, f).selectAll('r').select(RECORD_COLUMNS).orderBy('r.id'), page);
}

export async function findResult(db: Executor, id: number): Promise<ResultRecord | undefined> {
  return (await joined(db, {}).selectAll('r').select(RECORD_COLUMNS).where('r.id', '=', id).executeTakeFirst()) as ResultRecord | undefined;
}

/** Stored results of one benefit, optionally for some enterprises only. */
export async function resultsOfBenefit(
  db: Executor,
  benefitId: number,
  enterpriseIds?: number[],
  /** enterprise ids from `from` to `to` inclusive (`to` undefined: no upper bound) */
  range?: { from: number; to: number | undefined },
): Promise<Pick<ResultRow, 'id' | 'enterprise_id' | 'status' | 'eligible' | 'amount' | 'rule_version_id'>[]> {
  let q = db
    .selectFrom('match_result')
    .select(['id', 'enterprise_id', 'status', 'eligible', 'amount', 'rule_version_id'])
    .where('benefit_id', '=', benefitId);
  if (range) {
    q = q.where('enterprise_id', '>=', range.from);
    if (range.to !== undefined) q = q.where('enterprise_id', '<=', range.to);
  }
  if (enterpriseIds) {
    if (!enterpriseIds.length) return [];
    if (enterpriseIds.length <= 1000) q = q.where('enterprise_id', 'in', enterpriseIds);
    else {
      const wanted = new Set(enterpriseIds);
      return (await q.execute()).filter((r) => wanted.has(r.enterprise_id));
    }
  }
  return q.execute();
}

export type NewResult = Omit<
  ResultRow,
  'id' | 'version' | 'notified_at' | 'confirmed_at' | 'declined_at' | 'decline_reason' | 'paid_on' | 'paid_amount'
>;

export async function insertResults(db: Executor, rows: NewResult[]): Promise<void> {
  for (let k = 0; k < rows.length; k += 400)
    await db
      .insertInto('match_result')
      .values(rows.slice(k, k + 400))
      .execute();
}

export async function refreshResult(
  db: Executor,
  id: number,
  v: Pick<ResultRow, 'eligible' | 'failed' | 'rule_version_id' | 'amount' | 'job_run_id' | 'updated_at'> & {
    status?: string;
    matched_at?: string;
  },
): Promise<void> {
  await db
    .updateTable('match_result')
    .set((eb) => ({ ...v, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

export async function deleteResults(db: Executor, ids: number[]): Promise<void> {
  for (let k = 0; k < ids.length; k += 500)
    await db
      .deleteFrom('match_result')
      .where('id', 'in', ids.slice(k, k + 500))
      .execute();
}

export async function updateResultVersioned(
  db: Executor,
  id: number,
  version: number,
  v: Partial<ResultRow>,
  at: string,
): Promise<boolean> {
  const r = await db
    .updateTable('match_result')
    .set((eb) => ({ ...v, updated_at: at, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export interface TotalsRecord {
  key: string | number | null;
  label: string | null;
  status: string;
  n: number;
  due: number | null;
  paid: number | null;
}

/** Counts and amounts per status, grouped by policy, issuing department or county. */
export async function resultTotals(db: Executor, by: 'policy' | 'department' | 'county'): Promise<TotalsRecord[]> {
  const q = joined(db, {}).where('r.status', '!=', 'near');
  const key = by === 'policy' ? 'p.id' : by === 'department' ? 'p.department_unit_id' : 'e.county_code';
  const label = by === 'policy' ? 'p.title' : by === 'department' ? 'u.name' : 'e.county_code';
  const rows = await q
    .select([
      sql<string | number | null>`${sql.ref(key)}`.as('key'),
      sql<string | null>`max(${sql.ref(label)})`.as('label'),
      'r.status as status',
      (eb) => eb.fn.countAll<number>().as('n'),
      (eb) => eb.fn.sum<number>('r.amount').as('due'),
      (eb) => eb.fn.sum<number>('r.paid_amount').as('paid'),
    ])
    .groupBy([sql.ref(key), 'r.status'])
    .execute();
  return rows.map((r) => ({
    ...r,
    n: Number(r.n),
    due: r.due === null ? null : Number(r.due),
    paid: r.paid === null ? null : Number(r.paid),
  }));
}

export type NoticeRow = Selectable<EnterpriseNoticeTable>;

export async function insertNotices(db: Executor, rows: Omit<NoticeRow, 'id' | 'sent_at'>[]): Promise<number[]> {
  if (!rows.length) return [];
  return (await db.insertInto('enterprise_notice').values(rows).returning('id').execute()).map((r) => r.id);
}

/** The notices of some results, oldest first. */
export async function noticesOf(db: Executor, resultIds: number[]): Promise<NoticeRow[]> {
  if (!resultIds.length) return [];
  return db.selectFrom('enterprise_notice').selectAll().where('match_result_id', 'in', resultIds).orderBy('id').execute();
}

export async function findNotices(db: Executor, ids: number[]): Promise<(NoticeRow & { title: string })[]> {
  if (!ids.length) return [];
  return db
    .selectFrom('enterprise_notice as n')
    .innerJoin('match_result as r', 'r.id', 'n.match_result_id')
    .innerJoin('benefit as b', 'b.id', 'r.benefit_id')
    .selectAll('n')
    .select('b.name as title')
    .where('n.id', 'in', ids)
    .orderBy('n.id')
    .execute();
}

export async function markNoticesSent(db: Executor, ids: number[], at: string): Promise<void> {
  if (ids.length) await db.updateTable('enterprise_notice').set({ sent_at: at }).where('id', 'in', ids).execute();
}

/** The users who act for an enterprise (its portal accounts). */
export async function enterpriseUserIds(db: Executor, enterpriseId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('enterprise_user')
    .select('user_id')
    .where('enterprise_id', '=', enterpriseId)
    .orderBy('user_id')
    .execute();
  return rows.map((r) => r.user_id);
}
