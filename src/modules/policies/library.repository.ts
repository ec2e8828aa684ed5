import { sql, type Selectable } from 'kysely';
import type { Executor } from '../../db/database.js';
import { likeContains } from '../../db/like.js';
import type { BenefitRuleVersionTable, BenefitTable, PolicyTable } from './policies.tables.js';

export type PolicyRow = Selectable<PolicyTable> & { department_name: string | null };
export type BenefitRow = Selectable<BenefitTable>;
export type PolicyValues = Omit<Selectable<PolicyTable>, 'id' | 'version' | 'created_at' | 'updated_at'>;
export type BenefitValues = Omit<BenefitRow, 'id' | 'version' | 'created_at' | 'updated_at' | 'match_stale'>;

function policies(db: Executor) {
  return db
    .selectFrom('policy')
    .leftJoin('unit', 'unit.id', 'policy.department_unit_id')
    .selectAll('policy')
    .select('unit.name as department_name');
}

export async function listPolicies(
  db: Executor,
  f: { q?: string | undefined; area?: string | undefined },
  page: { offset: number; limit: number },
): Promise<{ rows: PolicyRow[]; total: number }> {
  let q = policies(db);
  let c = db.selectFrom('policy');
  if (f.q) {
    q = q.where((eb) => eb.or([likeContains('policy.title', f.q!), likeContains('policy.doc_number', f.q!)]));
    c = c.where((eb) => eb.or([likeContains('policy.title', f.q!), likeContains('policy.doc_number', f.q!)]));
  }
  if (f.area) {
    q = q.where('policy.area', '=', f.area);
    c = c.where('policy.area', '=', f.area);
  }
  const rows = await q.orderBy('policy.id').offset(page.offset).limit(page.limit).execute();
  const { n } = await c.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { rows, total: Number(n) };
}

export async function findPolicy(db: Executor, id: number): Promise<PolicyRow | undefined> {
  return policies(db).where('policy.id', '=', id).executeTakeFirst();
}

export async function insertPolicy(db: Executor, v: PolicyValues, at: string): Promise<number> {
  const r = await db
    .insertInto('policy')
    .values({ ...v, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function updatePolicyRow(db: Executor, id: number, version: number, v: Partial<PolicyValues>, at: string): Promise<boolean> {
  const r = await db
    .updateTable('policy')
    .set((eb) => ({ ...v, updated_at: at, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function listBenefits(
  db: Executor,
  f: { policyIds?: number[]; autoGrant?: boolean; ids?: number[] } = {},
): Promise<BenefitRow[]> {
  let q = db.selectFrom('benefit').selectAll();
  if (f.policyIds) q = f.policyIds.length ? q.where('policy_id', 'in', f.policyIds) : q.where(sql<boolean>`1 = 0`);
  if (f.ids) q = f.ids.length ? q.where('id', 'in', f.ids) : q.where(sql<boolean>`1 = 0`);
  if (f.autoGrant) q = q.where('auto_grant', '=', 1);
  return q.orderBy('id').execute();
}

export async function findBenefit(db: Executor, id: number): Promise<BenefitRow | undefined> {
  return db.selectFrom('benefit').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Every benefit's code and rule text, for rule("…") references. */
export async function ruleTexts(db: Executor): Promise<Map<string, string>> {
  const rows = await db.selectFrom('benefit').select(['code', 'rule_text']).execute();
  return new Map(rows.map((r) => [r.code, r.rule_text]));
}

export async function insertBenefit(db: Executor, v: BenefitValues, at: string): Promise<number> {
  const r = await db
    .insertInto('benefit')
    .values({ ...v, match_stale: 1, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function updateBenefitRow(
  db: Executor,
  id: number,
  version: number,
  v: Partial<BenefitValues> & { match_stale?: number },
  at: string,
): Promise<boolean> {
  const r = await db
    .updateTable('benefit')
    .set((eb) => ({ ...v, updated_at: at, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Clears the stale mark of benefits not changed since they were read (same version). */
export async function markBenefitsMatched(db: Executor, seen: { id: number; version: number }[]): Promise<void> {
  for (const s of seen)
    await db.updateTable('benefit').set({ match_stale: 0 }).where('id', '=', s.id).where('version', '=', s.version).execute();
}

/** Benefits whose rule refers to `code` (they change when it changes). */
export async function benefitsReferring(db: Executor, code: string): Promise<BenefitRow[]> {
  return db.selectFrom('benefit').selectAll().where(likeContains('rule_text', code)).execute();
}

export type RuleVersionRow = Selectable<BenefitRuleVersionTable>;

/**
 * The id of the benefit's rule version with this text and these referred rules: the latest one when
 * it is the same, else a new row (one per change of the rule, however many results it decides).
 */
export async function recordRuleVersion(db: Executor, v: Omit<RuleVersionRow, 'id'>): Promise<number> {
  const last = await db
    .selectFrom('benefit_rule_version')
    .selectAll()
    .where('benefit_id', '=', v.benefit_id)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (last && last.rule_text === v.rule_text && last.refs_json === v.refs_json) return last.id;
  return (await db.insertInto('benefit_rule_version').values(v).returning('id').executeTakeFirstOrThrow()).id;
}

export async function ruleVersionsByIds(db: Executor, ids: number[]): Promise<RuleVersionRow[]> {
  if (!ids.length) return [];
  return db.selectFrom('benefit_rule_version').selectAll().where('id', 'in', ids).execute();
}
